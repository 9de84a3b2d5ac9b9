"""Event log in Redis Streams, so that any replica can serve any run's stream.

The owning process keeps a memory copy for its own readers and mirrors every frame to the stream
`parley:run:<id>` with the entry id `<seq>-0`, batched into one pipeline per loop turn rather than one
round trip per token. Other replicas read with XREAD BLOCK. A final entry `end` closes the log.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

from pydantic import BaseModel
from redis.asyncio import Redis
from redis.exceptions import RedisError

from parley.runs.eventlog import KEEPALIVE, is_streaming_text, pause
from parley.runs.memory import MemoryEventLog

log = logging.getLogger(__name__)


def stream_key(run_id: str) -> str:
    return f"parley:run:{run_id}"


class RedisEventLog:
    shared = True

    def __init__(
        self, redis: Redis, retention_seconds: float = 3600.0, batch_seconds: float = 0.0
    ) -> None:
        self.redis = redis
        self.retention = int(retention_seconds)
        self.batch = batch_seconds
        self.local = MemoryEventLog(min(retention_seconds, 900.0), batch_seconds)
        self._pending: list[tuple[str, int, bytes]] = []
        self._flusher: asyncio.Task[None] | None = None

    def open(self, run_id: str) -> None:
        self.local.open(run_id)

    def append(self, run_id: str, event: BaseModel) -> int:
        seq = self.local.append(run_id, event)
        self._pending.append((run_id, seq, self.local._logs[run_id].frames[-1]))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.get_running_loop().create_task(self._flush())
        return seq

    async def _flush(self) -> None:
        while self._pending:
            batch, self._pending = self._pending, []
            pipe = self.redis.pipeline(transaction=False)
            for run_id, seq, frame in batch:
                pipe.xadd(stream_key(run_id), {"f": frame}, id=f"{seq}-0")
            try:
                await pipe.execute()
            except RedisError as error:
                # readers on this replica are unaffected and the text is checkpointed to the
                # database; readers elsewhere fall back to it once the run ends
                log.error("could not mirror %d run event(s) to Redis: %s", len(batch), error)

    async def close(self, run_id: str) -> None:
        if not self.local.is_local(run_id):
            return
        last = self.local.last_seq(run_id)
        await self.local.close(run_id)
        while self._flusher is not None and not self._flusher.done():
            await asyncio.shield(self._flusher)
        await self._flush()
        key = stream_key(run_id)
        pipe = self.redis.pipeline(transaction=False)
        pipe.xadd(key, {"end": b"1"}, id=f"{last}-1")
        pipe.expire(key, self.retention)
        try:
            await pipe.execute()
        except RedisError as error:
            log.error("could not close the Redis event log of run %s: %s", run_id, error)

    def is_local(self, run_id: str) -> bool:
        return self.local.is_local(run_id)

    async def frames(self, run_id: str, after: int, keepalive: float) -> AsyncIterator[bytes]:
        if self.local.is_local(run_id):
            async for chunk in self.local.frames(run_id, after, keepalive):
                yield chunk
            return
        # Another replica owns the run (or owned it): follow its stream. XREAD on a key that does
        # not exist yet simply blocks, which covers a reader that arrives before the first flush.
        key = stream_key(run_id)
        last_id = f"{max(after, 0)}-0"
        block_ms = max(int(keepalive * 1000), 1)
        while True:
            reply = await self.redis.xread({key: last_id}, count=512, block=block_ms)
            entries = _entries(reply)
            if not entries:
                yield KEEPALIVE
                continue
            frames: list[bytes] = []
            ended = False
            for entry_id, fields in entries:
                last_id = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
                frame = fields.get(b"f")
                if frame is not None:
                    frames.append(frame)
                elif b"end" in fields:
                    ended = True
            if ended:
                if frames:
                    yield b"".join(frames)
                return
            if frames:
                chunk = b"".join(frames)
                yield chunk
                if is_streaming_text(chunk):
                    await pause(self.batch)

    async def exists(self, run_id: str) -> bool:
        return self.local.is_local(run_id) or bool(await self.redis.exists(stream_key(run_id)))

    async def aclose(self) -> None:
        if self._flusher is not None and not self._flusher.done():
            await self._flusher
        await self.local.aclose()


def _entries(reply: Any) -> list[tuple[bytes | str, dict[bytes, bytes]]]:
    """XREAD's entries for the one stream read, whether the reply is RESP2 (list) or RESP3 (dict)."""
    if not reply:
        return []
    per_stream = next(iter(reply.values())) if isinstance(reply, dict) else reply[0][1]
    if (
        per_stream
        and isinstance(per_stream[0], list)
        and per_stream[0]
        and isinstance(per_stream[0][0], list | tuple)
    ):
        per_stream = per_stream[0]
    return [(entry_id, fields) for entry_id, fields in per_stream]
