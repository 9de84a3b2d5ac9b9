"""Running a provider stream to its end in a test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from parley.providers.base import (
    ChatTurn,
    GenerationRequest,
    ProviderError,
    ProviderEvent,
    TextDelta,
    ThinkingDelta,
)


async def collect(
    stream: AsyncIterator[ProviderEvent],
) -> tuple[list[ProviderEvent], ProviderError | None]:
    """Every event a stream yields, and the ProviderError that ended it, if any."""
    events: list[ProviderEvent] = []
    try:
        async for event in stream:
            events.append(event)
    except ProviderError as error:
        return events, error
    return events, None


def request(model: str, text: str = "Hello", **options: Any) -> GenerationRequest:
    return GenerationRequest(model=model, messages=[ChatTurn("user", text)], **options)


def text_of(events: list[ProviderEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def thinking_of(events: list[ProviderEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, ThinkingDelta))
