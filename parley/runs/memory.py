"""In-process event log: the default, and the local fast path of the Redis backend."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from pydantic import BaseModel

from parley.runs.eventlog import KEEPALIVE, LogNotFound, encode_frame, is_streaming_text, pause


class _Log:
    __slots__ = ("closed", "frames", "waiter")

    def __init__(self) -> None:
        self.frames: list[bytes] = []
        self.closed = False
        self.waiter = asyncio.Event()

    def wake(self) -> None:
        waiter, self.waiter = self.waiter, asyncio.Event()
        waiter.set()


class MemoryEventLog:
    shared = False

    def __init__(self, retention_seconds: float = 900.0, batch_seconds: float = 0.0) -> None:
        self.retention = retention_seconds
        self.batch = batch_seconds
        self._logs: dict[str, _Log] = {}

    def open(self, run_id: str) -> None:
        self._logs.setdefault(run_id, _Log())

    def append(self, run_id: str, event: BaseModel) -> int:
        log = self._logs[run_id]
        seq = len(log.frames) + 1
        log.frames.append(encode_frame(seq, event))
        log.wake()
        return seq

    def last_seq(self, run_id: str) -> int:
        return len(self._logs[run_id].frames)

    async def close(self, run_id: str) -> None:
        log = self._logs.get(run_id)
        if log is None or log.closed:
            return
        log.closed = True
        log.wake()
        # readers that reconnect shortly after the end still replay from the log, then it goes
        asyncio.get_running_loop().call_later(self.retention, self._logs.pop, run_id, None)

    def is_local(self, run_id: str) -> bool:
        return run_id in self._logs

    async def exists(self, run_id: str) -> bool:
        return run_id in self._logs

    async def frames(self, run_id: str, after: int, keepalive: float) -> AsyncIterator[bytes]:
        log = self._logs.get(run_id)
        if log is None:
            raise LogNotFound(run_id)
        position = max(after, 0)
        while True:
            end = len(log.frames)
            if position < end:
                chunk = b"".join(log.frames[position:end])
                position = end
                yield chunk
                if is_streaming_text(chunk) and not log.closed:
                    await pause(self.batch)
                continue
            if log.closed:
                return
            try:
                async with asyncio.timeout(keepalive):
                    await log.waiter.wait()
            except TimeoutError:
                yield KEEPALIVE

    async def aclose(self) -> None:
        self._logs.clear()
