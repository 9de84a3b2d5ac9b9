"""The `artifacts` tool: what a model may do to an artifact, and the rules for doing it.

Pure logic, no storage: `apply_change` turns the current state and a requested change into the new
state or a `ToolFailure` whose message goes back to the model, so it can correct itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, cast, get_args

import jiter

from parley.providers.base import ToolSpec
from parley.schemas.artifacts import ARTIFACT_TYPES, MAX_ARTIFACT_CHARS, ArtifactType

TOOL_NAME = "artifacts"
Command = Literal["create", "update", "rewrite"]

ARTIFACTS_TOOL = ToolSpec(
    name=TOOL_NAME,
    description=(
        "Create or change an artifact: substantial, self-contained content shown in a panel "
        "beside the chat (a program, a web page, a React component, a diagram, a document). "
        "`create` makes a new one; `update` replaces one exact, unique passage (old_str) with "
        "new_str — use it for small changes; `rewrite` replaces the whole content. Refer to an "
        "artifact by the identifier you gave it."
    ),
    input_schema={
        "type": "object",
        "properties": {
            "command": {"type": "string", "enum": list(get_args(Command))},
            "identifier": {
                "type": "string",
                "description": "Short kebab-case name, e.g. 'todo-app'; reuse it to change it.",
            },
            "type": {
                "type": "string",
                "enum": list(ARTIFACT_TYPES),
                "description": "code: any language; markdown: a document; html: a page; svg; "
                "mermaid: a diagram; react: one component with a default export (may import "
                "react, lucide-react, recharts; style with Tailwind classes).",
            },
            "title": {"type": "string", "description": "A few words, shown to the reader."},
            "language": {
                "type": "string",
                "description": "For code: the programming language, e.g. python.",
            },
            "old_str": {"type": "string", "description": "update: the exact text to replace."},
            "new_str": {"type": "string", "description": "update: the replacement."},
            "content": {"type": "string", "description": "create/rewrite: the full content."},
        },
        "required": ["command", "identifier"],
    },
)

# Types as models (and claude.ai's prompt) also name them.
_TYPE_ALIASES: dict[str, ArtifactType] = {
    "application/vnd.ant.code": "code",
    "text/markdown": "markdown",
    "text/html": "html",
    "image/svg+xml": "svg",
    "application/vnd.ant.mermaid": "mermaid",
    "application/vnd.ant.react": "react",
    "md": "markdown",
    "jsx": "react",
    "tsx": "react",
}


class ToolFailure(Exception):
    """A request the tool cannot carry out; the message is written for the model."""


@dataclass(frozen=True, slots=True)
class ArtifactState:
    type: ArtifactType
    title: str
    language: str | None
    content: str


@dataclass(frozen=True, slots=True)
class ArtifactChange:
    command: Command
    identifier: str
    type: ArtifactType | None = None
    title: str | None = None
    language: str | None = None
    content: str | None = None
    old_str: str | None = None
    new_str: str | None = None


def artifact_type(value: str | None) -> ArtifactType | None:
    if not value:
        return None
    lowered = value.strip().lower()
    if lowered in ARTIFACT_TYPES:
        return lowered
    return _TYPE_ALIASES.get(lowered)


def identifier_from(value: str | None, title: str | None) -> str:
    raw = value or title or "artifact"
    slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")
    return slug[:100] or "artifact"


def change_from_tool_input(data: dict[str, Any]) -> ArtifactChange:
    if "_invalid_json" in data:
        raise ToolFailure("The tool input was not valid JSON; send a JSON object.")
    command = data.get("command")
    if command not in get_args(Command):
        raise ToolFailure("`command` must be one of create, update, rewrite.")
    identifier = data.get("identifier")
    if not isinstance(identifier, str) or not identifier.strip():
        raise ToolFailure("`identifier` is required.")

    def text(name: str) -> str | None:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise ToolFailure(f"`{name}` must be a string.")
        return value

    kind = text("type")
    parsed = artifact_type(kind)
    if kind and parsed is None:
        raise ToolFailure(f"Unknown type {kind!r}; use one of {', '.join(ARTIFACT_TYPES)}.")
    return ArtifactChange(
        command=cast(Command, command),
        identifier=identifier.strip()[:200],
        type=parsed,
        title=text("title"),
        language=text("language"),
        content=text("content"),
        old_str=text("old_str"),
        new_str=text("new_str"),
    )


def change_from_tag(attributes: dict[str, str], content: str, exists: bool) -> ArtifactChange:
    """A `<artifact>` block creates the identifier, or rewrites it when it exists already."""
    identifier = identifier_from(attributes.get("identifier"), attributes.get("title"))
    return ArtifactChange(
        command="rewrite" if exists else "create",
        identifier=identifier,
        type=artifact_type(attributes.get("type")) or ("code" if not exists else None),
        title=attributes.get("title"),
        language=attributes.get("language"),
        content=content,
    )


def apply_change(current: ArtifactState | None, change: ArtifactChange) -> ArtifactState:
    if change.command == "create":
        if current is not None:
            # a model that re-creates an identifier means a rewrite; be forgiving
            return apply_change(current, _as_rewrite(change))
        if change.content is None:
            raise ToolFailure("`create` needs `content`.")
        return _checked(
            ArtifactState(
                type=change.type or "code",
                title=(change.title or change.identifier).strip()[:300],
                language=_language(change.language),
                content=change.content,
            )
        )
    if current is None:
        raise ToolFailure(
            f"There is no artifact {change.identifier!r} in this conversation; `create` it first."
        )
    if change.command == "rewrite":
        if change.content is None:
            raise ToolFailure("`rewrite` needs `content`.")
        content = change.content
    else:
        content = _replace_once(current.content, change)
    return _checked(
        ArtifactState(
            type=change.type or current.type,
            title=(change.title or current.title).strip()[:300],
            language=_language(change.language) or current.language,
            content=content,
        )
    )


def _as_rewrite(change: ArtifactChange) -> ArtifactChange:
    return ArtifactChange(
        command="rewrite",
        identifier=change.identifier,
        type=change.type,
        title=change.title,
        language=change.language,
        content=change.content,
    )


def _replace_once(content: str, change: ArtifactChange) -> str:
    old, new = change.old_str, change.new_str
    if not old:
        raise ToolFailure("`update` needs a non-empty `old_str` (the exact text to replace).")
    if new is None:
        raise ToolFailure("`update` needs `new_str` (it may be empty to delete the passage).")
    count = content.count(old)
    if count == 0:
        raise ToolFailure(
            f"`old_str` was not found in {change.identifier!r}. It must match the current "
            "content exactly, including whitespace; or use `rewrite`."
        )
    if count > 1:
        raise ToolFailure(
            f"`old_str` appears {count} times in {change.identifier!r}; include more of the "
            "surrounding text so that it matches exactly once."
        )
    return content.replace(old, new, 1)


def _language(value: str | None) -> str | None:
    return value.strip().lower()[:50] or None if value else None


def _checked(state: ArtifactState) -> ArtifactState:
    if len(state.content) > MAX_ARTIFACT_CHARS:
        raise ToolFailure(f"An artifact may hold at most {MAX_ARTIFACT_CHARS:,} characters.")
    return state


class StreamingToolInput:
    """The artifacts tool's input as its JSON streams in: the fields known so far, and how much
    of `content` has been seen, so the panel can show the content while it is written."""

    def __init__(self) -> None:
        self._json = ""
        self.fields: dict[str, Any] = {}

    def feed(self, piece: str) -> None:
        self._json += piece
        try:
            value = jiter.from_json(self._json.encode(), partial_mode="trailing-strings")
        except ValueError:
            return  # mid-escape or mid-number; the next piece completes it
        if isinstance(value, dict):
            self.fields = value

    def known(self, name: str) -> str | None:
        value = self.fields.get(name)
        return value if isinstance(value, str) else None

    def content_started(self) -> bool:
        """Whether `content` is being written: the fields before it are complete."""
        return "content" in self.fields
