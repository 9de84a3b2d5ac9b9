"""What every event-log backend offers, and the SSE frame encoding they share."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Protocol

from pydantic import BaseModel

KEEPALIVE = b": keepalive\n\n"


def is_streaming_text(chunk: bytes) -> bool:
    """Whether SSE bytes carry a text or thinking delta (JSON data never holds a raw newline)."""
    return b"_delta\n" in chunk


async def pause(seconds: float) -> None:
    """Let a streaming reader's next write carry every token that arrives meanwhile.

    Only after a chunk with text, so the first token and the end of a run are never delayed.
    """
    if seconds > 0:
        await asyncio.sleep(seconds)


class LogNotFound(LookupError):
    """No event log is kept for this run (never existed here, or expired)."""


def encode_frame(seq: int, event: BaseModel) -> bytes:
    """One SSE frame, encoded once at append time so that every reader only copies bytes."""
    data = event.__pydantic_serializer__.to_json(event)
    kind: str = getattr(event, "type")  # noqa: B009 - every RunEvent has a literal `type`
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (seq, kind.encode(), data)


class EventLog(Protocol):
    shared: bool
    """Whether other processes see this log (Redis) or only this one (memory)."""

    def open(self, run_id: str) -> None:
        """Start a run's log; the owning process calls this before the first append."""
        ...

    def append(self, run_id: str, event: BaseModel) -> int:
        """Record an event and return its seq (1, 2, 3 …). Never blocks: the hot path calls it per token."""
        ...

    async def close(self, run_id: str) -> None:
        """No more events: readers finish once they have everything. Waits until stored."""
        ...

    def is_local(self, run_id: str) -> bool:
        """Whether this process owns the run's log."""
        ...

    async def exists(self, run_id: str) -> bool:
        """Whether any process still keeps a log for the run."""
        ...

    def frames(self, run_id: str, after: int, keepalive: float) -> AsyncIterator[bytes]:
        """SSE bytes for every event with seq > after, live, until the log is closed.

        Raises LogNotFound when there is no log for the run.
        """
        ...

    async def aclose(self) -> None: ...
