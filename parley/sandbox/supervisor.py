"""Watching one sandboxed process from start to result."""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

from parley.sandbox import files
from parley.sandbox.limits import MB, SandboxLimits
from parley.sandbox.output import OutputCallback, StreamCapture, format_bytes
from parley.sandbox.results import UNAVAILABLE, ExecutionResult, SandboxUnavailable, Status
from parley.sandbox.watchdog import Watchdog

# After a kill, how long the pipes may take to close (the PID namespace is torn down by the kernel).
DRAIN_SECONDS = 2.0


async def supervise(
    process: asyncio.subprocess.Process,
    *,
    started_read: int,
    watchdog: Watchdog,
    limits: SandboxLimits,
    wall_seconds: float,
    begin: float,
    on_output: OutputCallback | None,
) -> ExecutionResult:
    """Reads the run's output, enforces the wall clock and the watchdog's limits, always kills
    what is left, and turns the outcome into an ExecutionResult."""
    assert process.stdout is not None and process.stderr is not None
    stop = asyncio.Event()
    stopped_reason: list[str] = []

    def stop_run(reason: str) -> None:
        if not stop.is_set():
            stopped_reason.append(reason)
            stop.set()

    cap = limits.max_output_bytes
    flood = f"the run was stopped for writing far more than {format_bytes(cap)} of output"
    stdout = StreamCapture("stdout", cap, on_output, lambda: stop_run(flood))
    stderr = StreamCapture("stderr", cap, on_output, lambda: stop_run(flood))
    readers = [
        asyncio.create_task(stdout.drain(process.stdout)),
        asyncio.create_task(stderr.drain(process.stderr)),
    ]
    exited = asyncio.create_task(process.wait())
    stopped = asyncio.create_task(stop.wait())
    watching = asyncio.create_task(watchdog.watch(stop_run))
    timed_out = False
    try:
        deadline = begin + wall_seconds
        pending: set[asyncio.Task[Any]] = {exited, stopped, *readers}
        while not exited.done() and not stopped.done():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            done, pending = await asyncio.wait(
                pending, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
            )
            for task in done & set(readers):
                task.result()  # an on_output callback that raised ends the run with it
    finally:
        if process.returncode is None:
            process.kill()
        await exited
        for task in (stopped, watching):
            task.cancel()
        _, slow = await asyncio.wait(readers, timeout=DRAIN_SECONDS)
        for task in slow:
            task.cancel()
    for task in readers:
        if not task.cancelled():
            task.result()
    duration_ms = round((time.monotonic() - begin) * 1000)

    if not read_started(started_read):
        message = stderr.text.strip() or f"bwrap exited with status {process.returncode}"
        raise SandboxUnavailable(f"{UNAVAILABLE}the sandbox could not start: {message}")
    killed = timed_out or bool(stopped_reason)
    exit_code = None if killed else process.returncode
    status: Status = "timeout" if timed_out else "ok" if exit_code == 0 else "error"
    # A burst of writes can fit between two looks of the watchdog; the limit holds anyway.
    if not stopped_reason and (overrun := await asyncio.to_thread(watchdog.disk_overrun)):
        stopped_reason.append(overrun)
        status = "timeout" if timed_out else "error"
    output_files, omitted = await asyncio.to_thread(
        files.collect_files,
        watchdog.work_dir,
        max_files=limits.max_returned_files,
        max_total_bytes=limits.max_returned_mb * MB,
    )
    reason = stopped_reason[0] if stopped_reason else None
    if timed_out:
        reason = f"the run was stopped after {wall_seconds:g} seconds"
    return ExecutionResult(
        status=status,
        exit_code=exit_code,
        stdout=stdout.text,
        stderr=stderr.text,
        stdout_truncated=stdout.truncated,
        stderr_truncated=stderr.truncated,
        duration_ms=duration_ms,
        files=output_files,
        omitted_files=omitted,
        stopped_reason=reason,
    )


def read_started(fd: int) -> bool:
    """Whether the launcher ran (it writes one byte once the limits hold); fd is non-blocking."""
    try:
        return os.read(fd, 1) == b"1"
    except BlockingIOError:
        return False
