"""Event logs: every reader, at any resume point, gets each frame exactly once, live or replayed."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from parley.runs.eventlog import KEEPALIVE, EventLog, LogNotFound
from parley.runs.memory import MemoryEventLog
from parley.runs.redis import RedisEventLog, stream_key
from parley.schemas.events import MessageStop, TextDelta
from tests.conftest import REDIS_URL


async def collect(log: EventLog, run_id: str, after: int) -> bytes:
    chunks = [c async for c in log.frames(run_id, after, keepalive=0.05) if c != KEEPALIVE]
    return b"".join(chunks)


def frame_ids(data: bytes) -> list[int]:
    return [int(line[4:]) for line in data.split(b"\n") if line.startswith(b"id: ")]


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


async def test_memory_log_replays_from_any_point_and_follows_live() -> None:
    log = MemoryEventLog()
    log.open("r")
    reader = asyncio.create_task(collect(log, "r", 0))
    for i in range(5):
        assert log.append("r", TextDelta(text=f"{i}")) == i + 1
        await asyncio.sleep(0)
    log.append("r", MessageStop(status="complete"))
    await log.close("r")
    assert frame_ids(await reader) == [1, 2, 3, 4, 5, 6]
    for after in range(7):
        assert frame_ids(await collect(log, "r", after)) == list(range(after + 1, 7))
    with pytest.raises(LogNotFound):
        await collect(log, "missing", 0)


async def test_idle_stream_sends_keepalives() -> None:
    log = MemoryEventLog()
    log.open("r")
    stream = log.frames("r", 0, keepalive=0.01)
    assert await anext(stream) == KEEPALIVE
    log.append("r", TextDelta(text="x"))
    assert frame_ids(await anext(stream)) == [1]
    await stream.aclose()


async def test_redis_log_serves_another_process_from_any_point(redis: Redis) -> None:
    owner, other = RedisEventLog(redis), RedisEventLog(redis)
    run_id = secrets.token_hex(8)
    owner.open(run_id)
    remote_live = asyncio.create_task(collect(other, run_id, 0))  # before the first flush
    for i in range(20):
        owner.append(run_id, TextDelta(text=f"t{i}"))
        if i % 7 == 0:
            await asyncio.sleep(0.01)
    owner.append(run_id, MessageStop(status="complete"))
    await owner.close(run_id)
    assert not other.is_local(run_id) and await other.exists(run_id)
    live = await asyncio.wait_for(remote_live, 5)
    assert frame_ids(live) == list(range(1, 22))
    assert live == await collect(owner, run_id, 0)
    for after in (1, 10, 20, 21):
        assert frame_ids(await collect(other, run_id, after)) == list(range(after + 1, 22))
    assert 0 < await redis.ttl(stream_key(run_id)) <= 3600
    await redis.delete(stream_key(run_id))
