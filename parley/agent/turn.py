"""One model turn: the provider's stream, retried with backoff only while nothing has streamed yet."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass

from parley.providers.base import (
    GenerationRequest,
    Provider,
    ProviderError,
    ProviderEvent,
    TextDelta,
    ThinkingDelta,
    ToolUseStart,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_retries: int = 2
    base_delay: float = 0.5
    max_delay: float = 20.0

    def delay(self, attempt: int, error: ProviderError) -> float:
        if error.retry_after is not None:
            return min(max(error.retry_after, 0.0), self.max_delay)
        backoff: float = self.base_delay * 2**attempt * (1 + random.random() / 2)
        return min(backoff, self.max_delay)


async def stream_turn(
    provider: Provider, request: GenerationRequest, retry: RetryPolicy
) -> AsyncIterator[ProviderEvent]:
    attempt = 0
    while True:
        streamed = False
        try:
            async for event in provider.stream(request):
                if not streamed and isinstance(event, TextDelta | ThinkingDelta | ToolUseStart):
                    streamed = True
                yield event
            return
        except ProviderError as error:
            # once text has reached the reader a retry would repeat or contradict it
            if streamed or not error.retryable or attempt >= retry.max_retries:
                raise
            delay = retry.delay(attempt, error)
            attempt += 1
            log.info(
                "upstream %s (%s); retry %d in %.1fs", provider.name, error.kind, attempt, delay
            )
            await asyncio.sleep(delay)
