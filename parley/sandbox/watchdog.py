"""Limits no rlimit can hold, checked from the host while a run goes on.

rlimits are per process: 64 processes of 512 MB each could take 32 GB together, and a file-size
limit says nothing about how many files there are. The watchdog looks every CHECK_SECONDS at the
memory of all the run's processes together (their PSS, so pages they share are counted once) and
at the size of the work directory on disk, and stops the run past either limit. A burst between
two looks can overshoot by what the machine allocates or writes in that time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from parley.sandbox import files
from parley.sandbox.limits import MB, SandboxLimits
from parley.sandbox.output import format_bytes

CHECK_SECONDS = 0.2


class Watchdog:
    def __init__(self, work_dir: Path, limits: SandboxLimits, info_fd: int) -> None:
        """info_fd: the read end of bwrap's --info-fd, non-blocking, closed by the caller."""
        self.work_dir = work_dir
        self.limits = limits
        self._info_fd = info_fd
        self._info = b""
        self._pid_namespace: int | None = None

    async def watch(self, stop_run: Callable[[str], None]) -> None:
        while True:
            await asyncio.sleep(CHECK_SECONDS)
            self._read_info()
            if overrun := await asyncio.to_thread(self.overrun):
                stop_run(overrun)
                return

    def overrun(self) -> str | None:
        return self.memory_overrun() or self.disk_overrun()

    def disk_overrun(self) -> str | None:
        limit = self.limits.max_disk_mb * MB
        try:
            used = files.disk_usage(self.work_dir)
        except OSError:
            return None  # a directory vanishing mid-walk; the next look counts again
        if used is None:
            return "the run was stopped for creating too many files"
        if used > limit:
            return f"the run wrote more than {format_bytes(limit)} to its work directory"
        return None

    def memory_overrun(self) -> str | None:
        if self._pid_namespace is None:
            return None
        limit = self.limits.memory_mb * MB
        if namespace_memory(self._pid_namespace) > limit:
            return f"the run was stopped for using more than {format_bytes(limit)} of memory"
        return None

    def _read_info(self) -> None:
        """bwrap writes one JSON object (namespace ids among it) once the sandbox exists."""
        if self._pid_namespace is not None:
            return
        with contextlib.suppress(BlockingIOError, OSError):
            while chunk := os.read(self._info_fd, 4096):
                self._info += chunk
        with contextlib.suppress(ValueError, KeyError, TypeError):
            self._pid_namespace = int(json.loads(self._info)["pid-namespace"])


def namespace_memory(pid_namespace: int) -> int:
    """Bytes of memory (PSS) of every process in the given PID namespace."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            if os.stat(f"/proc/{entry.name}/ns/pid").st_ino != pid_namespace:
                continue
            with open(f"/proc/{entry.name}/smaps_rollup", "rb") as rollup:
                for line in rollup:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError):
            continue  # exited meanwhile, or not ours to read
    return total
