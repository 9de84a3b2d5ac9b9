"""`python -m parley serve` with experimental patches: measure a suggested change before making it.

    PARLEY_BENCH_PATCHES=sse_coalesce,upstream_batch python -m bench.patched_serve

concurrency.py runs this with `--patches NAMES`. The patches are benchmark experiments, not code
to ship as is; docs/PERFORMANCE.md reports what each one changed.

- `sse_coalesce`: once a run's text is flowing, each SSE reader sleeps PARLEY_BENCH_COALESCE_MS
  (default 25) after a write, so that one write carries every frame of that interval instead of
  one write (and one wake-up) per token; the first token is not delayed. It also waits with
  `asyncio.timeout` rather than `asyncio.wait_for`, which creates a task per wait.
- `upstream_batch`: the Anthropic stream reader sleeps the same interval whenever it had to wait
  for the network, so the kernel gathers the tokens of that interval into one read.
- `switch_interval`: `sys.setswitchinterval(PARLEY_BENCH_SWITCH_MS / 1000)` (default 0.5 ms instead
  of Python's 5 ms): how long a busy event loop keeps the GIL from an aiosqlite worker thread that
  has a query result (or a query) ready.
- `db_lock_stats`: changes nothing; times how long SQLite writers wait for and hold the in-process
  write lock, and prints the distribution to the server's log when it stops.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import sys
import time
from collections.abc import AsyncIterator

from parley.cli import main
from parley.db import engine
from parley.providers import anthropic as anthropic_provider
from parley.runs import memory
from parley.runs.eventlog import KEEPALIVE, LogNotFound

INTERVAL = float(os.environ.get("PARLEY_BENCH_COALESCE_MS", "25")) / 1000
PATCHES = {p for p in os.environ.get("PARLEY_BENCH_PATCHES", "").split(",") if p}


async def coalescing_frames(
    self: memory.MemoryEventLog, run_id: str, after: int, keepalive: float
) -> AsyncIterator[bytes]:
    log = self._logs.get(run_id)
    if log is None:
        raise LogNotFound(run_id)
    position = max(after, 0)
    streaming = False
    while True:
        end = len(log.frames)
        if position < end:
            chunk = b"".join(log.frames[position:end])
            position = end
            yield chunk
            streaming = streaming or b"event: text_delta" in chunk
            if streaming and not log.closed:
                await asyncio.sleep(INTERVAL)
            continue
        if log.closed:
            return
        try:
            async with asyncio.timeout(keepalive):
                await log.waiter.wait()
        except TimeoutError:
            yield KEEPALIVE


_sse_events = anthropic_provider._sse_events


async def batched_sse_events(lines: AsyncIterator[str]) -> AsyncIterator[tuple[str, str]]:
    loop = asyncio.get_running_loop()
    resumed = loop.time()
    async for event, data in _sse_events(lines):
        if event == "content_block_delta" and loop.time() - resumed > 0.001:
            # this event needed a network wait: let the next ones pile up in the socket
            yield event, data
            await asyncio.sleep(INTERVAL)
            resumed = loop.time()
        else:
            yield event, data


_lock_waits: list[float] = []
_lock_holds: list[float] = []


@contextlib.asynccontextmanager
async def timed_write(self: engine.Database) -> AsyncIterator[object]:
    if self._write_lock is None:
        async with self._sessions() as session, session.begin():
            yield session
        return
    asked = time.perf_counter()
    async with self._write_lock:
        got = time.perf_counter()
        try:
            async with self._sessions() as session, session.begin():
                yield session
        finally:
            _lock_waits.append(got - asked)
            _lock_holds.append(time.perf_counter() - got)


def _report_lock_stats() -> None:
    def describe(values: list[float]) -> str:
        ordered = sorted(values)
        pick = [ordered[int(q * (len(ordered) - 1))] * 1000 for q in (0.5, 0.95, 1.0)]
        return "p50 {:.1f} ms, p95 {:.1f} ms, max {:.1f} ms".format(*pick)

    if _lock_holds:
        print(
            f"db_lock_stats: {len(_lock_holds)} write transactions; "
            f"wait {describe(_lock_waits)}; hold {describe(_lock_holds)}; "
            f"total held {sum(_lock_holds):.2f} s",
            file=sys.stderr,
            flush=True,
        )


if "db_lock_stats" in PATCHES:
    engine.Database.write = timed_write  # type: ignore[assignment]
    atexit.register(_report_lock_stats)
if "sse_coalesce" in PATCHES:
    memory.MemoryEventLog.frames = coalescing_frames  # type: ignore[method-assign]
if "upstream_batch" in PATCHES:
    anthropic_provider._sse_events = batched_sse_events  # type: ignore[assignment]
if "switch_interval" in PATCHES:
    sys.setswitchinterval(float(os.environ.get("PARLEY_BENCH_SWITCH_MS", "0.5")) / 1000)
unknown = PATCHES - {"sse_coalesce", "upstream_batch", "switch_interval", "db_lock_stats"}
if unknown:
    raise SystemExit(f"unknown patches: {sorted(unknown)}")

if __name__ == "__main__":
    raise SystemExit(main(["serve"]))
