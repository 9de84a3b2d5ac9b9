"""The one interface every LLM backend implements."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

ProviderName = Literal["anthropic", "openai", "local"]


@dataclass(frozen=True, slots=True)
class ModelInfo:
    id: str
    name: str
    provider: ProviderName
    context_window: int
    max_output: int
    vision: bool = False
    pdf: bool = False  # reads PDFs natively (Anthropic document blocks)
    thinking: bool = False
    tool_use: bool = False
    input_price: float | None = None  # USD per million tokens
    output_price: float | None = None


@dataclass(frozen=True, slots=True)
class ToolSpec:
    """A tool offered to a model with tool use; `input_schema` is a JSON Schema object."""

    name: str
    description: str
    input_schema: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ToolUse:
    id: str
    name: str
    input: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ToolResult:
    tool_use_id: str
    content: str
    is_error: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file on a user turn, already in the form this model takes: an image, a PDF, or text
    (the extracted text, or a note saying why the model gets no more)."""

    name: str
    text: str | None = None
    image: bytes | None = None
    image_media_type: str | None = None
    pdf: bytes | None = None


@dataclass(frozen=True, slots=True)
class ChatTurn:
    """One message of the history. An assistant turn may end in tool calls; the user turn that
    follows it then carries their results (and usually no text)."""

    role: Literal["user", "assistant"]
    text: str
    tool_uses: tuple[ToolUse, ...] = ()
    tool_results: tuple[ToolResult, ...] = ()
    attachments: tuple[Attachment, ...] = ()  # user turns: shown to the model before the text


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    model: str
    messages: list[ChatTurn]
    system: str | None = None
    max_tokens: int = 4096
    temperature: float | None = None
    top_p: float | None = None
    thinking_budget: int | None = None  # tokens; None turns extended thinking off
    tools: tuple[ToolSpec, ...] = ()
    stop_sequences: tuple[str, ...] = ()  # the answer ends before the first one it would write
    # reference material after the system prompt (a project's knowledge); with cache_knowledge
    # it is the same on every turn, and a backend that caches prompts marks it for caching
    knowledge: str | None = None
    cache_knowledge: bool = False

    def full_system(self) -> str | None:
        """The system prompt and the knowledge as one text, for backends without blocks."""
        pieces = [p for p in (self.system, self.knowledge) if p]
        return "\n\n".join(pieces) if pieces else None


@dataclass(frozen=True, slots=True)
class TextDelta:
    text: str


@dataclass(frozen=True, slots=True)
class ThinkingDelta:
    text: str


@dataclass(frozen=True, slots=True)
class ToolUseStart:
    """The model began a tool call; its input follows as JSON text in pieces."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class ToolInputDelta:
    id: str
    partial_json: str


@dataclass(frozen=True, slots=True)
class ToolUseEnd:
    """The tool call is complete; `input` is the parsed JSON object."""

    id: str
    name: str
    input: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Queued:
    """The backend is busy with other requests; this one waits at `position` (1 = next)."""

    position: int


@dataclass(frozen=True, slots=True)
class UsageReport:
    input_tokens: int  # all of the prompt, the cached part included
    output_tokens: int
    cache_read_tokens: int = 0  # of input_tokens: read from the provider's prompt cache
    cache_write_tokens: int = 0  # of input_tokens: written to it (dearer once, cheap after)


# what a cached input token costs, as a share of a fresh one (Anthropic's published rates: a write
# to the 5-minute cache 1.25x, a read 0.1x; OpenAI bills cached input at half price)
CACHE_WRITE_RATE = {"anthropic": 1.25, "openai": 1.0, "local": 0.0}
CACHE_READ_RATE = {"anthropic": 0.1, "openai": 0.5, "local": 0.0}


def usage_cost(usage: UsageReport, info: ModelInfo | None) -> float | None:
    """USD for the tokens at the catalog's prices; None when the prices are unknown."""
    if info is None or info.input_price is None or info.output_price is None:
        return 0.0 if info is not None and info.provider == "local" else None
    fresh = max(0, usage.input_tokens - usage.cache_read_tokens - usage.cache_write_tokens)
    weighted = (
        fresh
        + usage.cache_write_tokens * CACHE_WRITE_RATE[info.provider]
        + usage.cache_read_tokens * CACHE_READ_RATE[info.provider]
    )
    return (weighted * info.input_price + usage.output_tokens * info.output_price) / 1_000_000


@dataclass(frozen=True, slots=True)
class StreamEnd:
    stop_reason: str | None


ProviderEvent = (
    TextDelta
    | ThinkingDelta
    | ToolUseStart
    | ToolInputDelta
    | ToolUseEnd
    | Queued
    | UsageReport
    | StreamEnd
)

ErrorKind = Literal[
    "auth", "rate_limit", "overloaded", "server", "timeout", "connection", "bad_request", "stream"
]


@dataclass
class ProviderError(Exception):
    """An upstream failure, already phrased for the person reading the chat."""

    kind: ErrorKind
    message: str
    status: int | None = None
    retry_after: float | None = None
    retryable: bool = field(default=False)

    def __str__(self) -> str:
        return self.message


class Provider(Protocol):
    name: ProviderName

    async def list_models(self) -> list[ModelInfo]:
        """Models this backend serves now; may raise ProviderError."""
        ...

    def stream(self, request: GenerationRequest) -> AsyncIterator[ProviderEvent]:
        """Yield the answer as it is generated, ending with one StreamEnd.

        Raises ProviderError for any upstream failure, before or after the first delta.
        """
        ...

    async def aclose(self) -> None: ...
