"""The one interface every LLM backend implements."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Literal, Protocol

ProviderName = Literal["anthropic", "openai", "local"]


@dataclass(frozen=True, slots=True)
class ModelInfo:
    id: str
    name: str
    provider: ProviderName
    context_window: int
    max_output: int
    vision: bool = False
    thinking: bool = False
    tool_use: bool = False
    input_price: float | None = None  # USD per million tokens
    output_price: float | None = None


@dataclass(frozen=True, slots=True)
class ChatTurn:
    role: Literal["user", "assistant"]
    text: str


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    model: str
    messages: list[ChatTurn]
    system: str | None = None
    max_tokens: int = 4096
    temperature: float | None = None
    top_p: float | None = None
    thinking_budget: int | None = None  # tokens; None turns extended thinking off


@dataclass(frozen=True, slots=True)
class TextDelta:
    text: str


@dataclass(frozen=True, slots=True)
class ThinkingDelta:
    text: str


@dataclass(frozen=True, slots=True)
class Queued:
    """The backend is busy with other requests; this one waits at `position` (1 = next)."""

    position: int


@dataclass(frozen=True, slots=True)
class UsageReport:
    input_tokens: int
    output_tokens: int


@dataclass(frozen=True, slots=True)
class StreamEnd:
    stop_reason: str | None


ProviderEvent = TextDelta | ThinkingDelta | Queued | UsageReport | StreamEnd

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
