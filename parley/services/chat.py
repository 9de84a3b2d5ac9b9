"""Turns: a person's message in, a run streaming the answer out."""

from __future__ import annotations

import html
from datetime import timedelta
from typing import Any, Literal, cast

from pydantic import BaseModel
from sqlalchemy import CursorResult, Table, select, update
from sqlalchemy.orm import Session

from parley.agent.artifact_store import ArtifactStore
from parley.agent.artifact_tool import ARTIFACTS_TOOL
from parley.agent.code_tool import RUN_CODE_TOOL, OutputStore
from parley.agent.prompts import with_artifact_guide
from parley.db.models import ArtifactVersion, Conversation, Message, new_id, utcnow
from parley.db.models import Run as RunRow
from parley.providers.base import Attachment, ChatTurn, GenerationRequest, ToolSpec
from parley.runs.run import AfterStop, Run, RunSpec
from parley.schemas import events as e
from parley.schemas.messages import Regenerate, SendMessage, Source
from parley.schemas.settings import UserSettingsOut
from parley.services.attachments import (
    TurnFiles,
    attach_files,
    check_attachments,
    files_for_turn,
    prepare_attachments,
)
from parley.services.context import AppContext
from parley.services.conversations import owned_conversation
from parley.services.errors import InvalidInput, MessageNotFound
from parley.services.executions import sandbox_limits
from parley.services.knowledge import ProjectPrompt, project_prompt, record_sources
from parley.services.models import check_model, check_parameters
from parley.services.titles import fallback_title, generate_title
from parley.services.user_settings import personal_prompt, read_settings

DEFAULT_MAX_TOKENS = 4096


async def start_turn(
    ctx: AppContext, user_id: str, conversation_id: str, data: SendMessage
) -> tuple[str, Message, Message]:
    limit = ctx.settings.max_message_chars
    if len(data.content) > limit:
        raise InvalidInput(
            f"The message is {len(data.content):,} characters long; the limit is {limit:,}."
        )
    attachment_ids = check_attachments(ctx, data.attachments)
    if not data.content.strip() and not attachment_ids:
        raise InvalidInput("The message is empty.")
    await ctx.providers.wait_ready()
    await prepare_attachments(ctx, user_id, attachment_ids)
    personal: list[UserSettingsOut] = []

    def record(
        session: Session,
    ) -> tuple[Conversation, dict[str, Message], Versions, Message, str, Message, str]:
        conversation = owned_conversation(session, user_id, conversation_id)
        personal.append(read_settings(session, user_id))
        model = check_model(ctx, data.model or conversation.model)
        check_parameters(ctx, model, conversation.settings or {})
        tree = _load_tree(session, conversation.id)
        parent_id = data.parent_id
        if parent_id is not None and parent_id not in tree:
            raise MessageNotFound()
        # an explicit null starts a new first message (an edit of the first one); omitted means
        # "after the latest message"
        if "parent_id" not in data.model_fields_set and tree:
            parent_id = max(tree.values(), key=lambda m: (m.created_at, m.id)).id
        now = utcnow()
        parts = attach_files(session, user_id, conversation, attachment_ids)
        if data.content.strip():
            parts.append({"type": "text", "text": data.content})
        user_message = Message(
            id=new_id(),
            conversation_id=conversation.id,
            parent_id=parent_id,
            role="user",
            parts=parts,
            status="complete",
            created_at=now,
            updated_at=now,
        )
        session.add(user_message)
        if not tree and conversation.title == "New chat":
            conversation.title = fallback_title(_question(user_message.parts))
        versions = _artifact_versions(session, tree)
        run_id, assistant = _begin_answer(session, ctx, conversation, user_message, model, now)
        return conversation, tree, versions, user_message, run_id, assistant, model

    conversation, tree, versions, user_message, run_id, assistant, model = await ctx.db.run_write(
        record
    )
    first_exchange = not tree
    tree[user_message.id] = user_message
    await _start(
        ctx,
        user_id,
        conversation,
        run_id,
        assistant,
        model,
        tree,
        user_message.id,
        versions,
        first_exchange,
        personal[0],
    )
    return run_id, user_message, assistant


async def regenerate(
    ctx: AppContext, user_id: str, conversation_id: str, message_id: str, data: Regenerate
) -> tuple[str, Message, Message]:
    await ctx.providers.wait_ready()
    personal: list[UserSettingsOut] = []

    def record(
        session: Session,
    ) -> tuple[Conversation, dict[str, Message], Versions, Message, str, Message, str]:
        conversation = owned_conversation(session, user_id, conversation_id)
        personal.append(read_settings(session, user_id))
        tree = _load_tree(session, conversation.id)
        target = tree.get(message_id)
        if target is None:
            raise MessageNotFound()
        user_message = (
            tree.get(target.parent_id)
            if target.role == "assistant" and target.parent_id
            else target
        )
        if user_message is None or user_message.role != "user":
            raise InvalidInput("Only an answer to a message can be regenerated.")
        if target.status == "streaming":
            raise InvalidInput("This answer is still being written; stop it first.")
        model = check_model(ctx, data.model or target.model or conversation.model)
        check_parameters(ctx, model, conversation.settings or {})
        versions = _artifact_versions(session, tree)
        run_id, assistant = _begin_answer(session, ctx, conversation, user_message, model, utcnow())
        return conversation, tree, versions, user_message, run_id, assistant, model

    conversation, tree, versions, user_message, run_id, assistant, model = await ctx.db.run_write(
        record
    )
    await _start(
        ctx,
        user_id,
        conversation,
        run_id,
        assistant,
        model,
        tree,
        user_message.id,
        versions,
        False,
        personal[0],
    )
    return run_id, user_message, assistant


async def _start(
    ctx: AppContext,
    user_id: str,
    conversation: Conversation,
    run_id: str,
    assistant: Message,
    model: str,
    tree: dict[str, Message],
    leaf_id: str,
    versions: Versions,
    first_exchange: bool,
    personal: UserSettingsOut,
) -> None:
    chain = _chain(tree, leaf_id)
    files = await files_for_turn(
        ctx, user_id, chain, ctx.providers.get_model(model), DEFAULT_MAX_TOKENS
    )
    history = _history(chain, versions, files.by_message)
    asked = _question(chain[-1].parts)
    question = asked if first_exchange else None
    project = None
    if conversation.project_id is not None:
        project = await project_prompt(
            ctx, user_id, conversation.project_id, asked, ctx.providers.get_model(model)
        )
    _launch(
        ctx,
        conversation,
        run_id,
        assistant,
        model,
        history,
        question,
        files,
        user_id,
        personal,
        project,
    )


def _question(parts: list[dict[str, Any]]) -> str:
    """What a first message asks, for the fallback title: its text, else its files' names."""
    text = "".join(str(p.get("text", "")) for p in parts if p.get("type") == "text")
    if text.strip():
        return text
    return ", ".join(str(p["name"]) for p in parts if p.get("type") == "attachment")


def _begin_answer(
    session: Session,
    ctx: AppContext,
    conversation: Conversation,
    user_message: Message,
    model: str,
    now: Any,
) -> tuple[str, Message]:
    run_id = new_id()
    later = now + timedelta(microseconds=1)  # the answer sorts after its question
    assistant = Message(
        id=new_id(),
        conversation_id=conversation.id,
        parent_id=user_message.id,
        role="assistant",
        parts=[],
        model=model,
        status="streaming",
        run_id=run_id,
        created_at=later,
        updated_at=later,
    )
    session.add(assistant)
    session.add(
        RunRow(
            id=run_id,
            user_id=conversation.user_id,
            conversation_id=conversation.id,
            message_id=assistant.id,
            model=model,
            status="running",
            instance_id=ctx.runs.instance_id,
            created_at=now,
        )
    )
    conversation.updated_at = now
    conversation.last_message_at = now
    return run_id, assistant


def _launch(
    ctx: AppContext,
    conversation: Conversation,
    run_id: str,
    assistant: Message,
    model: str,
    history: list[ChatTurn],
    question: str | None,
    files: TurnFiles,
    user_id: str,
    personal: UserSettingsOut,
    project: ProjectPrompt | None = None,
) -> None:
    settings: dict[str, Any] = conversation.settings or {}
    info = ctx.providers.get_model(model)
    max_tokens = settings.get("max_tokens") or DEFAULT_MAX_TOKENS
    if info is not None:
        max_tokens = min(max_tokens, info.max_output)
    budget = settings.get("thinking_budget")
    if budget is None and personal.thinking:
        budget = personal.thinking_budget
    thinking = budget if info is not None and info.thinking else None
    if thinking is not None and thinking >= max_tokens:
        max_tokens = min(thinking + DEFAULT_MAX_TOKENS, info.max_output if info else thinking + 1)
    provider = ctx.providers.provider_for(model)
    tool_use = info is not None and info.tool_use
    pieces = [
        settings.get("system_prompt") or ctx.settings.system_prompt,
        personal_prompt(personal),
        project.instructions if project is not None else "",
    ]
    base = "\n\n".join(p for p in pieces if p)
    system = with_artifact_guide(base, tool_use=tool_use, compact=provider.name == "local")
    request = GenerationRequest(
        model=model,
        messages=history,
        system=system,
        tools=_tools(ctx, tool_use),
        max_tokens=max_tokens,
        temperature=settings.get("temperature"),
        top_p=settings.get("top_p"),
        thinking_budget=thinking,
        stop_sequences=tuple(settings.get("stop_sequences") or ()),
        knowledge=project.knowledge if project is not None else None,
        cache_knowledge=project is not None and project.cache,
    )
    steps: list[AfterStop] = []
    if project is not None and project.sources:
        steps.append(_sources_step(ctx, assistant.id, project.sources))
    if question is not None:  # the first exchange names the conversation
        steps.append(_title_step(ctx, conversation.id, model, question))
    after_stop = _steps(steps)
    ctx.events.open(run_id)
    ctx.runs.start(
        Run(
            RunSpec(
                run_id=run_id,
                user_id=conversation.user_id,
                conversation_id=conversation.id,
                message_id=assistant.id,
                model=model,
                provider=provider,
                request=request,
                after_stop=after_stop,
                artifacts=ArtifactStore(ctx.db, conversation.id, assistant.id),
                sandbox=ctx.sandbox if tool_use and _sandbox_ready(ctx) else None,
                sandbox_limits=sandbox_limits(ctx),
                sandbox_inputs=files.sandbox_inputs,
                outputs=OutputStore(ctx.storage, user_id),
                permission_mode=settings.get("permission_mode")
                or personal.permission_mode
                or ctx.settings.default_permission_mode,
                max_steps=ctx.settings.agent_max_steps,
                model_info=info,
            ),
            log=ctx.events,
            db=ctx.db,
            retry=ctx.retry,
            checkpoints=ctx.checkpoints,
        )
    )


def _sandbox_ready(ctx: AppContext) -> bool:
    # probed once, at start-up (a request before it finished waits for it)
    return ctx.sandbox.check() is None


def _tools(ctx: AppContext, tool_use: bool) -> tuple[ToolSpec, ...]:
    if not tool_use:
        return ()
    if _sandbox_ready(ctx):
        return (ARTIFACTS_TOOL, RUN_CODE_TOOL)
    return (ARTIFACTS_TOOL,)


def _steps(steps: list[AfterStop]) -> AfterStop | None:
    if not steps:
        return None
    if len(steps) == 1:
        return steps[0]

    async def run_all(status: str, parts: list[dict[str, Any]]) -> list[BaseModel]:
        events: list[BaseModel] = []
        for step in steps:
            events += await step(status, parts)
        return events

    return run_all


def _sources_step(ctx: AppContext, message_id: str, sources: dict[int, Source]) -> AfterStop:
    async def keep_sources(_status: str, parts: list[dict[str, Any]]) -> list[BaseModel]:
        return await record_sources(ctx, message_id, parts, sources)

    return keep_sources


def _title_step(ctx: AppContext, conversation_id: str, model: str, question: str) -> AfterStop:
    async def name_conversation(status: str, parts: list[dict[str, Any]]) -> list[BaseModel]:
        if status != "complete":
            return []
        fallback = fallback_title(question)
        text = "".join(p["text"] for p in parts if p["type"] == "text")
        title = await generate_title(ctx.providers.provider_for(model), model, question, text)
        if not title:
            return []
        # a person who renamed the chat meanwhile keeps their name
        rename = (
            update(Conversation)
            .where(Conversation.id == conversation_id, Conversation.title == fallback)
            .values(title=title)
            .execution_options(synchronize_session=False)
        )

        def renamed(session: Session) -> bool:
            result: CursorResult[Any] = session.execute(rename)  # type: ignore[assignment]
            return bool(result.rowcount)

        if not await ctx.db.run_write(renamed):
            return []
        return [e.Title(conversation_id=conversation_id, title=title)]

    return name_conversation


_messages = cast(Table, Message.__table__)


def _load_tree(session: Session, conversation_id: str) -> dict[str, Message]:
    """Every message of the conversation, as plain rows with the model's attributes.

    Rows, not ORM objects: nothing here is changed, and at 2,000 messages building ORM objects
    took 21 ms of the single writer's time where the rows take 7.5 ms."""
    rows = session.execute(select(_messages).where(_messages.c.conversation_id == conversation_id))
    # a Row answers the same attribute names as Message, which is all the callers read
    return {row.id: cast(Message, row) for row in rows}


Versions = dict[tuple[str, int], ArtifactVersion]


def _artifact_versions(session: Session, tree: dict[str, Message]) -> Versions:
    """The artifact versions the conversation's answers made, to show the model what it wrote."""
    ids = {
        part["artifact_id"]
        for message in tree.values()
        for part in message.parts
        if part.get("type") == "artifact_ref" and part.get("version")
    }
    if not ids:
        return {}
    rows = session.scalars(select(ArtifactVersion).where(ArtifactVersion.artifact_id.in_(ids)))
    return {(row.artifact_id, row.version): row for row in rows}


def _chain(tree: dict[str, Message], leaf_id: str) -> list[Message]:
    """The branch from the root to `leaf_id`, oldest first."""
    chain: list[Message] = []
    cursor: str | None = leaf_id
    while cursor is not None:
        message = tree[cursor]
        chain.append(message)
        cursor = message.parent_id
    chain.reverse()
    return chain


def _history(
    chain: list[Message], versions: Versions, attachments: dict[str, tuple[Attachment, ...]]
) -> list[ChatTurn]:
    """The branch as alternating turns the providers accept.

    An answer's artifacts are written back into its text as `<artifact>` blocks with the content
    of the version it made, so that any model sees what it wrote and can change it."""
    turns: list[ChatTurn] = []
    for message in chain:
        text = "".join(_part_text(part, versions) for part in message.parts)
        files = attachments.get(message.id, ())
        if not text.strip() and not files:
            continue
        role: Literal["user", "assistant"] = "user" if message.role == "user" else "assistant"
        if turns and turns[-1].role == role:
            last = turns[-1]
            joined = f"{last.text}\n\n{text}" if last.text and text else last.text or text
            turns[-1] = ChatTurn(role=role, text=joined, attachments=last.attachments + files)
        else:
            turns.append(ChatTurn(role=role, text=text, attachments=files))
    return turns


def _part_text(part: dict[str, Any], versions: Versions) -> str:
    kind = part.get("type")
    if kind == "text":
        return str(part.get("text", ""))
    if kind == "tool_call" and part.get("name") == RUN_CODE_TOOL.name:
        data = part.get("input") or {}
        language = str(data.get("language", ""))
        return f"\n[I ran this {language} code:]\n```{language}\n{data.get('code', '')}\n```\n"
    if kind == "tool_result" and part.get("name") == RUN_CODE_TOOL.name:
        return f"\n[Result:]\n{part.get('content', '')}\n"
    if kind != "artifact_ref" or not part.get("version"):
        return ""
    version = versions.get((part["artifact_id"], part["version"]))
    if version is None:
        return ""  # deleted since
    language = f' language="{html.escape(version.language)}"' if version.language else ""
    return (
        f'\n<artifact identifier="{html.escape(part["identifier"])}" type="{version.type}" '
        f'title="{html.escape(version.title)}"{language}>\n{version.content}\n</artifact>\n'
    )
