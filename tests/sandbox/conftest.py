"""A real sandbox (bwrap, the sandbox's Python env) and ways to check the server survived a run."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from parley.sandbox import Sandbox, SandboxLimits

ROOT = Path(__file__).resolve().parents[2]
SANDBOX_ENV = ROOT / ".sandbox-env"


@pytest.fixture(scope="session")
def work_root() -> Iterator[Path]:
    # World-traversable: a server running as root starts bwrap as an unprivileged user.
    path = Path(tempfile.mkdtemp(prefix="parley-sandbox-tests-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def make_sandbox(work_root: Path, **limits: Any) -> Sandbox:
    sandbox = Sandbox(
        bwrap_path=None,
        python_env=SANDBOX_ENV,
        limits=SandboxLimits(**limits),
        max_timeout_seconds=20,
        work_root=work_root,
    )
    reason = sandbox.check()
    if reason is not None:
        pytest.fail(f"the sandbox is not usable on this machine: {reason}")
    return sandbox


@pytest.fixture(scope="session")
def sandbox(work_root: Path) -> Sandbox:
    return make_sandbox(work_root)


@pytest.fixture(autouse=True)
def _work_directories_are_removed(work_root: Path) -> Iterator[None]:
    yield
    left = list(work_root.iterdir())
    assert not left, f"work directories left behind: {left}"


class LoopWatch:
    """Ticks on the event loop while a run goes on; a long gap means the loop was blocked."""

    def __init__(self) -> None:
        self.max_gap = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last = time.monotonic()
        while True:
            await asyncio.sleep(0.02)
            now = time.monotonic()
            self.max_gap = max(self.max_gap, now - last)
            last = now

    @asynccontextmanager
    async def watching(self) -> AsyncIterator[LoopWatch]:
        self._task = asyncio.create_task(self._tick())
        try:
            yield self
        finally:
            self._task.cancel()


async def assert_server_fine(watch: LoopWatch) -> None:
    """The test process (standing in for the server) is alive, its loop stayed responsive, and
    the host can still start processes and reach its own secrets."""
    os.kill(os.getpid(), 0)
    assert watch.max_gap < 0.5, f"the event loop was blocked for {watch.max_gap:.2f} s"
    process = await asyncio.create_subprocess_exec("/bin/true")
    assert await asyncio.wait_for(process.wait(), 5) == 0
    assert await asyncio.to_thread(lambda: 1 + 1) == 2


def host_processes_with(marker: str) -> list[int]:
    """Host PIDs whose command line contains marker (seen from outside every sandbox)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


class ListeningServer:
    """A real TCP server on 127.0.0.1 that records every connection it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.1)
        self.port: int = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            conn.close()

    def __enter__(self) -> ListeningServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()
