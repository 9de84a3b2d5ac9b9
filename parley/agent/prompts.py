"""What every model is told about artifacts, appended to the conversation's system prompt."""

from __future__ import annotations

_WHEN = """\
Artifacts are shown in a panel beside the chat, where the reader can view, run, edit, download \
and share them. Use an artifact for substantial, self-contained content the reader is likely to \
reuse or change: a program or script of more than a few lines, a complete web page, a React \
component, an SVG image, a Mermaid diagram, a document or report of more than a few paragraphs. \
Do not use one for short snippets, explanations, conversational answers, lists or anything that \
only makes sense inside this reply; write those in the message. One artifact per deliverable; \
to change an artifact, change the existing one (same identifier) rather than making a new one. \
Types: code (set language), markdown, html (a full page; no external resources), svg, mermaid, \
react (one component with a default export; it may import react, lucide-react and recharts and \
use Tailwind classes; nothing else is available, and nothing can be fetched from the network). \
Keep the message itself short around an artifact: say what it is, not its whole content again."""

TOOL_USE = (
    _WHEN
    + """
Create and change artifacts with the `artifacts` tool (`create`, `update` for a small exact \
replacement, `rewrite` for the whole content)."""
)

TAGS = (
    _WHEN
    + """
Write an artifact in your message like this, and the reader will see it in the panel:
<artifact identifier="kebab-case-name" type="html" title="Short title">
...the complete content...
</artifact>
For code add language="python" (or the language used). To change an artifact, write it again \
in full with the same identifier."""
)


# The embedded model reads its prompt on two CPU cores: every sentence costs time to first token.
COMPACT = """\
For a complete program, web page, document or diagram the reader will reuse, write it as:
<artifact identifier="short-name" type="code|markdown|html|svg|mermaid|react" title="Title" \
language="python">
...content...
</artifact>
Short answers and snippets go in the message as usual."""


def with_artifact_guide(system: str | None, *, tool_use: bool, compact: bool = False) -> str:
    guide = COMPACT if compact else TOOL_USE if tool_use else TAGS
    return f"{system}\n\n{guide}" if system else guide
