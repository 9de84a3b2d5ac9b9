"""The runs this process executes, and cancellation that reaches whichever process owns a run."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from typing import TYPE_CHECKING

import orjson

from parley.runs.run import Run

if TYPE_CHECKING:  # imported where Redis is configured: the package costs ~6 MB of memory
    from redis.asyncio import Redis

log = logging.getLogger(__name__)

CANCEL_CHANNEL = "parley:runs:cancel"
APPROVAL_CHANNEL = "parley:runs:approval"
INSTANCE_KEY = "parley:instance:"
HEARTBEAT_SECONDS = 5


class RunRegistry:
    def __init__(self, redis: Redis | None = None) -> None:
        self.instance_id = uuid.uuid4().hex
        self._runs: dict[str, Run] = {}
        self._redis = redis
        self._background: list[asyncio.Task[None]] = []

    async def start_background(self) -> None:
        if self._redis is not None:
            await self._beat()
            self._background = [
                asyncio.create_task(self._heartbeat()),
                asyncio.create_task(self._listen_for_cancels()),
            ]

    def start(self, run: Run) -> None:
        self._runs[run.id] = run
        run.task = asyncio.create_task(run.execute(), name=f"run-{run.id}")
        run.task.add_done_callback(lambda _t: self._runs.pop(run.id, None))

    def get(self, run_id: str) -> Run | None:
        return self._runs.get(run_id)

    async def cancel(self, run_id: str) -> None:
        """Ask the run to stop, here or in the process that owns it."""
        if self._cancel_local(run_id):
            return
        if self._redis is not None:
            await self._redis.publish(CANCEL_CHANNEL, run_id)

    async def decide(self, run_id: str, tool_call_id: str, approve: bool, remember: bool) -> bool:
        """Answer a run's pending approval, here or in the process that owns the run.

        False when this process owns the run and nothing with that id is pending."""
        run = self._runs.get(run_id)
        if run is not None:
            return run.resolve(tool_call_id, approve, remember)
        if self._redis is not None:
            message = {
                "run": run_id,
                "call": tool_call_id,
                "approve": approve,
                "remember": remember,
            }
            await self._redis.publish(APPROVAL_CHANNEL, orjson.dumps(message))
        return True

    def _decide_local(self, raw: bytes | str) -> None:
        try:
            message = orjson.loads(raw)
            run = self._runs.get(message["run"])
            if run is not None:
                run.resolve(message["call"], bool(message["approve"]), bool(message["remember"]))
        except (orjson.JSONDecodeError, KeyError, TypeError) as error:
            log.warning("ignored a malformed approval message: %s", error)

    def _cancel_local(self, run_id: str) -> bool:
        run = self._runs.get(run_id)
        if run is None or run.task is None:
            return False
        run.cancel_requested = True
        run.task.cancel()
        return True

    async def wait(self, run_id: str) -> None:
        run = self._runs.get(run_id)
        if run is not None and run.task is not None:
            await asyncio.gather(run.task, return_exceptions=True)

    async def live_instances(self) -> set[str] | None:
        """Processes with a fresh heartbeat; None when this process is the only one there can be."""
        if self._redis is None:
            return None
        keys = [k async for k in self._redis.scan_iter(match=f"{INSTANCE_KEY}*", count=500)]
        return {(k.decode() if isinstance(k, bytes) else k)[len(INSTANCE_KEY) :] for k in keys}

    async def shutdown(self) -> None:
        for task in self._background:
            task.cancel()
        runs = list(self._runs.values())
        for run in runs:
            if run.task is not None:
                run.task.cancel()
        await asyncio.gather(*(r.task for r in runs if r.task), return_exceptions=True)
        await asyncio.gather(*self._background, return_exceptions=True)
        if self._redis is not None:
            from redis.exceptions import RedisError

            with contextlib.suppress(RedisError, OSError):
                await self._redis.delete(INSTANCE_KEY + self.instance_id)

    async def _beat(self) -> None:
        assert self._redis is not None
        await self._redis.set(INSTANCE_KEY + self.instance_id, b"1", ex=HEARTBEAT_SECONDS * 3)

    async def _heartbeat(self) -> None:
        from redis.exceptions import RedisError

        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            try:
                await self._beat()
            except (RedisError, OSError) as error:
                log.warning("redis heartbeat failed: %s", error)

    async def _listen_for_cancels(self) -> None:
        from redis.exceptions import RedisError

        assert self._redis is not None
        while True:
            try:
                async with self._redis.pubsub() as pubsub:
                    await pubsub.subscribe(CANCEL_CHANNEL, APPROVAL_CHANNEL)
                    async for message in pubsub.listen():
                        if message.get("type") != "message":
                            continue
                        data = message["data"]
                        channel = message.get("channel")
                        if isinstance(channel, bytes):
                            channel = channel.decode()
                        if channel == APPROVAL_CHANNEL:
                            self._decide_local(data)
                        else:
                            self._cancel_local(data.decode() if isinstance(data, bytes) else data)
            except (RedisError, OSError) as error:
                log.warning("redis cancel listener lost its connection (%s); reconnecting", error)
                await asyncio.sleep(1)
