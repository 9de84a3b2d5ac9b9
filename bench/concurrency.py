"""Concurrent conversations through Parley against a fake upstream, next to the upstream alone.

    .venv/bin/python bench/concurrency.py [--levels 1,20,100,200] [--runs 3] [--json out.json]

Per run: a fresh fake upstream (tests/fakes/llm_server.py: 200 tokens, 5 ms apart, Anthropic wire
format) and a fresh `python -m parley serve` on a fresh SQLite data directory, both subprocesses.
At each level N, N users who signed up beforehand (each with a conversation created beforehand) all
at once POST a message and read the run's SSE stream until it closes, the browser's path. The same N
streaming requests sent straight to the fake give the baseline. Method and results:
docs/PERFORMANCE.md.

The client is a minimal HTTP/1.1 client on uvloop (no httpx) so that it stays cheap next to the
server on a two-core machine; its own CPU time is reported so that saturation is visible.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import resource
import secrets
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import uvloop

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")
HOST = "127.0.0.1"
PROMPT = "Explain how a hash map handles collisions, with a short example in Python."
SYSTEM = "You are a helpful assistant. Answer in Markdown."
MODEL = "claude-sonnet-4-5-20250929"
PASSWORD = "bench password 1"


# ---------------------------------------------------------------- /proc


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process, all of its threads (live and exited) included."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        stat = f.read()
    fields_ = stat[stat.rindex(b")") + 2 :].split()
    return (int(fields_[11]) + int(fields_[12])) / CLK_TCK


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of each live thread of a process: "event loop" (the main thread) and the
    others by thread id (Python does not name OS threads; the SQLite writer is the busiest)."""
    out: dict[str, float] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            stat = (task / "stat").read_bytes()
            fields_ = stat[stat.rindex(b")") + 2 :].split()
            name = "event loop" if task.name == str(pid) else f"tid {task.name}"
            out[name] = (int(fields_[11]) + int(fields_[12])) / CLK_TCK
    return out


def memory_kb(pid: int) -> dict[str, int]:
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":", 1)
                out[name] = int(value.split()[0])
    return out


def reset_peak_rss(pid: int) -> bool:
    """Reset VmHWM to the current RSS (Linux: clear_refs 5), so a level's peak is its own."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def machine() -> dict[str, Any]:
    model = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_total = 0
    with contextlib.suppress(OSError), open("/proc/meminfo") as f:
        mem_total = int(f.readline().split()[1]) // 1024
    return {
        "commit": commit(),
        "wake_cost_us": wake_cost_us(),
        "nproc": os.cpu_count(),
        "cpu": model,
        "mem_mb": mem_total,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "loadavg_at_start": os.getloadavg(),
    }


def commit() -> str:
    """The code measured; others may be committing while a long benchmark runs."""
    return subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()


def wake_cost_us(rounds: int = 200) -> float:
    """CPU one sleep-and-wake costs this machine: a 5 ms-paced stream pays it per token.

    Virtual machines make it expensive (about 100 us on a Firecracker guest, a few us on bare
    metal), and it is most of what a lone stream costs, for the fake upstream as for Parley.
    """
    selector = selectors.DefaultSelector()  # epoll_wait with a timeout, as an event loop does
    before = resource.getrusage(resource.RUSAGE_SELF)
    for _ in range(rounds):
        selector.select(0.005)
    selector.close()
    after = resource.getrusage(resource.RUSAGE_SELF)
    used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return round(used / rounds * 1e6, 1)


# ---------------------------------------------------------------- a small HTTP/1.1 client


class HTTPError(Exception):
    pass


class Conn:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> Conn:
        self.reader, self.writer = await asyncio.open_connection(HOST, self.port, limit=1 << 22)
        return self

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def send(
        self, method: str, path: str, headers: dict[str, str], body: bytes | None = None
    ) -> None:
        assert self.writer is not None
        lines = [f"{method} {path} HTTP/1.1", f"host: {HOST}:{self.port}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if body is not None:
            lines.append(f"content-length: {len(body)}")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.writer.write(head + body if body else head)

    async def read_head(self) -> tuple[int, list[tuple[str, str]]]:
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").rstrip("\r\n").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = []
        for line in lines:
            name, _, value = line.partition(":")
            headers.append((name.strip().lower(), value.strip()))
        return status, headers

    async def body(self, headers: list[tuple[str, str]]) -> AsyncIterator[bytes]:
        assert self.reader is not None
        names = dict(headers)
        if names.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";", 1)[0], 16)
                if size == 0:
                    await self.reader.readuntil(b"\r\n")
                    return
                data = await self.reader.readexactly(size + 2)
                yield data[:-2]
        elif "content-length" in names:
            length = int(names["content-length"])
            if length:
                yield await self.reader.readexactly(length)
        else:
            while chunk := await self.reader.read(1 << 16):
                yield chunk

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes | None = None
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        self.send(method, path, headers, body)
        status, response_headers = await self.read_head()
        data = b"".join([chunk async for chunk in self.body(response_headers)])
        return status, response_headers, data


def sse_frames(buffer: bytearray, chunk: bytes) -> list[bytes]:
    """Append a chunk and return the complete frames in the buffer."""
    buffer += chunk
    if b"\n\n" not in buffer:
        return []
    frames = bytes(buffer).split(b"\n\n")
    buffer[:] = frames.pop()
    return frames


def frame_event(frame: bytes) -> tuple[str, bytes]:
    event = "message"
    data = b""
    for line in frame.split(b"\n"):
        if line.startswith(b"event:"):
            event = line[6:].strip().decode()
        elif line.startswith(b"data:"):
            data = line[5:].strip()
    return event, data


# ---------------------------------------------------------------- one conversation


@dataclass
class Sample:
    """One streamed answer, seen from the client."""

    ttft: float | None = None
    accepted: float | None = None  # the POST's 202, since just before the POST
    stop_at: float | None = None  # since the wave started
    tokens: int = 0
    error: str | None = None


@dataclass
class User:
    email: str
    cookies: dict[str, str] = field(default_factory=dict)
    conversations: list[str] = field(default_factory=list)

    def headers(self, unsafe: bool = False) -> dict[str, str]:
        out = {"cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if unsafe:
            out["x-csrf-token"] = self.cookies.get("parley_csrf", "")
            out["content-type"] = "application/json"
        return out

    def take_cookies(self, headers: list[tuple[str, str]]) -> None:
        for name, value in headers:
            if name == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]


async def sign_up(port: int, conversations: int) -> User:
    user = User(f"bench-{secrets.token_hex(6)}@example.com")
    conn = await Conn(port).open()
    try:
        status, headers, _ = await conn.request("GET", "/api/health", {})
        user.take_cookies(headers)
        body = orjson.dumps({"email": user.email, "password": PASSWORD, "name": "Bench User"})
        status, headers, data = await conn.request(
            "POST", "/api/auth/register", user.headers(True), body
        )
        if status != 201:
            raise HTTPError(f"register answered {status}: {data[:200]!r}")
        user.take_cookies(headers)
        for _ in range(conversations):
            status, _, data = await conn.request(
                "POST", "/api/conversations", user.headers(True), b"{}"
            )
            if status != 201:
                raise HTTPError(f"create conversation answered {status}: {data[:200]!r}")
            user.conversations.append(orjson.loads(data)["id"])
    finally:
        conn.close()
    return user


async def converse(
    conn: Conn,
    user: User,
    conversation_id: str,
    wave_start: float,
    on_stop: Callable[[], None] | None = None,
) -> Sample:
    """Post a message, read the run's stream until it closes; the browser's path."""
    sample = Sample()
    started = time.perf_counter()
    try:
        status, _, data = await conn.request(
            "POST",
            f"/api/conversations/{conversation_id}/messages",
            user.headers(True),
            orjson.dumps({"content": PROMPT}),
        )
        if status != 202:
            sample.error = f"POST messages {status}: {data[:120]!r}"
            return sample
        sample.accepted = time.perf_counter() - started
        run_id = orjson.loads(data)["run_id"]
        headers = user.headers()
        headers["accept"] = "text/event-stream"
        conn.send("GET", f"/api/runs/{run_id}/events", headers)
        status, response_headers = await conn.read_head()
        if status != 200:
            sample.error = f"GET events {status}"
            return sample
        buffer = bytearray()
        async for chunk in conn.body(response_headers):
            for frame in sse_frames(buffer, chunk):
                event, payload = frame_event(frame)
                if event == "text_delta":
                    if sample.ttft is None:
                        sample.ttft = time.perf_counter() - started
                    sample.tokens += 1
                elif event == "message_stop":
                    sample.stop_at = time.perf_counter() - wave_start
                    if on_stop is not None:
                        on_stop()
                    stop_status = orjson.loads(payload).get("status")
                    if stop_status != "complete" and sample.error is None:
                        sample.error = f"message_stop status {stop_status}"
                elif event == "error" and sample.error is None:
                    sample.error = f"error event {payload[:120]!r}"
        if sample.stop_at is None and sample.error is None:
            sample.error = "stream ended without message_stop"
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, HTTPError) as exc:
        sample.error = sample.error or f"connection: {exc!r}"[:160]
    return sample


async def call_upstream(conn: Conn, wave_start: float) -> Sample:
    """The same streaming request Parley makes, straight to the fake."""
    sample = Sample()
    body = orjson.dumps(
        {
            "model": MODEL,
            "max_tokens": 4096,
            "system": SYSTEM,
            "messages": [{"role": "user", "content": PROMPT}],
            "stream": True,
        }
    )
    headers = {
        "content-type": "application/json",
        "accept": "application/json",
        "x-api-key": "bench",
        "anthropic-version": "2023-06-01",
    }
    started = time.perf_counter()
    try:
        conn.send("POST", "/anthropic/v1/messages", headers, body)
        status, response_headers = await conn.read_head()
        if status != 200:
            sample.error = f"upstream {status}"
            return sample
        buffer = bytearray()
        async for chunk in conn.body(response_headers):
            for frame in sse_frames(buffer, chunk):
                event, _ = frame_event(frame)
                if event == "content_block_delta":
                    if sample.ttft is None:
                        sample.ttft = time.perf_counter() - started
                    sample.tokens += 1
                elif event == "message_stop":
                    sample.stop_at = time.perf_counter() - wave_start
        if sample.stop_at is None:
            sample.error = "upstream stream ended without message_stop"
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
        sample.error = f"connection: {exc!r}"[:160]
    return sample


# ---------------------------------------------------------------- processes


class Fake:
    def __init__(self, tokens: int, delay_ms: float) -> None:
        self.proc = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "tests.fakes.llm_server",
                "--port",
                "0",
                "--print-port",
                "--default-tokens",
                str(tokens),
                "--default-delay-ms",
                str(delay_ms),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Parley:
    def __init__(self, data_dir: Path, fake_port: int) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.env = {
            **os.environ,
            "PARLEY_DATA_DIR": str(data_dir),
            "PARLEY_PORT": str(self.port),
            "PARLEY_HOST": HOST,
            "ANTHROPIC_API_KEY": "bench",
            "ANTHROPIC_BASE_URL": f"http://{HOST}:{fake_port}/anthropic",
            "PARLEY_LOG_LEVEL": "warning",
        }
        self.command = [PYTHON, "-m", "parley", "serve"]
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data_dir.parent / f"{data_dir.name}.log"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def spawn(self) -> float:
        with open(self.log, "ab") as log:
            started = time.perf_counter()
            self.proc = subprocess.Popen(
                self.command,
                cwd=self.data_dir.parent,  # no .env of the checkout is read
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return started

    async def start(self) -> float:
        """Spawn and wait for the first 200 from /api/health; the seconds that took."""
        started = self.spawn()
        assert self.proc is not None
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"parley exited with {self.proc.returncode}; see {self.log}")
            with contextlib.suppress(OSError, asyncio.IncompleteReadError, ValueError):
                conn = await Conn(self.port).open()
                try:
                    status, _, _ = await conn.request("GET", "/api/health", {})
                finally:
                    conn.close()
                if status == 200:
                    return time.perf_counter() - started
            if time.perf_counter() - started > 60:
                raise RuntimeError("parley did not answer /api/health within 60 s")
            await asyncio.sleep(0.005)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    async def wait_idle(self, limit_s: float = 60.0) -> float:
        """Until the server has used no more than a tick of CPU over half a second."""
        deadline = time.monotonic() + limit_s
        last = cpu_seconds(self.pid)
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            now = cpu_seconds(self.pid)
            if now - last <= 1.5 / CLK_TCK:
                return now
            last = now
        return cpu_seconds(self.pid)


# ---------------------------------------------------------------- a level


def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarize(samples: list[Sample], walls: list[float], expected_tokens: int) -> dict[str, Any]:
    ttfts = [s.ttft for s in samples if s.ttft is not None]
    errors = [s.error for s in samples if s.error]
    tokens = sum(s.tokens for s in samples)
    short = sum(1 for s in samples if s.error is None and s.tokens != expected_tokens)
    accepted = [s.accepted for s in samples if s.accepted is not None]
    return {
        "conversations": len(samples),
        "post_202_p50_ms": _ms(percentile(accepted, 0.5)),
        "post_202_p95_ms": _ms(percentile(accepted, 0.95)),
        "ttft_p50_ms": _ms(percentile(ttfts, 0.5)),
        "ttft_p95_ms": _ms(percentile(ttfts, 0.95)),
        "ttft_max_ms": _ms(max(ttfts) if ttfts else None),
        "tokens": tokens,
        "wall_s": round(sum(walls), 3),
        "tokens_per_s": round(tokens / sum(walls), 1) if sum(walls) else None,
        "errors": len(errors),
        "short_streams": short,
        "error_examples": sorted(set(errors))[:5],
    }


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


async def wave(
    count: int, port: int, task: Callable[[Conn, float], Any]
) -> tuple[list[Sample], float, float]:
    """Open `count` connections, then start every task at once; samples, wall time, client CPU."""
    conns = await asyncio.gather(*(Conn(port).open() for _ in range(count)))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    try:
        samples: list[Sample] = await asyncio.gather(*(task(c, start) for c in conns))
    finally:
        for conn in conns:
            conn.close()
    stops = [s.stop_at for s in samples if s.stop_at is not None]
    wall = max(stops) if stops else time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return samples, wall, usage.ru_utime + usage.ru_stime - cpu_before


async def parley_wave(
    parley: Parley, fake: Fake, users: list[User], index: int
) -> tuple[list[Sample], float, dict[str, float]]:
    """Every user sends to their conversation `index` at once; CPU is counted from idle to idle."""
    cpu_begin = await parley.wait_idle()
    threads_before = thread_cpu(parley.pid)
    fake_before = cpu_seconds(fake.proc.pid)
    stop_cpu: list[float] = []
    remaining = len(users)

    def stopped() -> None:
        nonlocal remaining
        remaining -= 1
        if remaining == 0:  # the last answer is complete; titles may still be on their way
            stop_cpu.append(cpu_seconds(parley.pid))

    async def talk(conn: Conn, start: float, user: User) -> Sample:
        return await converse(conn, user, user.conversations[index], start, stopped)

    pairs = iter(users)
    samples, wall, client = await wave(
        len(users), parley.port, lambda conn, start: talk(conn, start, next(pairs))
    )
    cpu_end = await parley.wait_idle()
    threads_after = thread_cpu(parley.pid)
    cpu = {
        **{
            f"thread {name}": spent - threads_before.get(name, 0.0)
            for name, spent in threads_after.items()
            if spent - threads_before.get(name, 0.0) > 0
        },
        "total": cpu_end - cpu_begin,
        "to_stop": (stop_cpu[0] if stop_cpu else cpu_end) - cpu_begin,
        "client": client,
        "fake": cpu_seconds(fake.proc.pid) - fake_before,
    }
    return samples, wall, cpu


PROFILER = "py-spy"


def start_profiler(pid: int, out: Path) -> subprocess.Popen[bytes]:
    """py-spy sampling the server (collapsed stacks, one line per stack: `frames count`), or
    `perf record` (native frames too: the event loop's C code, the kernel; `perf report -i`)."""
    if PROFILER == "strace":
        command = ["strace", "-c", "-f", "-p", str(pid), "-o", str(out.with_suffix(".strace"))]
    elif PROFILER == "perf":
        command = ["perf", "record", "-e", "cpu-clock", "-F", "999", "-g", "-p", str(pid)]
        command += ["-o", str(out.with_suffix(".perf.data"))]
    else:
        py_spy = shutil.which("py-spy") or str(Path(PYTHON).parent / "py-spy")
        command = [py_spy, "record", "--pid", str(pid), "--rate", "250", "--format", "raw"]
        command += ["--nonblocking", "--threads", "-o", str(out)]
    profiler = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # attached before the wave starts
    return profiler


def stop_profiler(profiler: subprocess.Popen[bytes]) -> None:
    profiler.send_signal(signal.SIGINT)
    try:
        profiler.wait(30)
    except subprocess.TimeoutExpired:
        profiler.kill()
        profiler.wait()


async def run_level(
    parley: Parley,
    fake: Fake,
    n: int,
    waves: int,
    expected_tokens: int,
    signup_parallel: int,
    profile: Path | None = None,
) -> dict[str, Any]:
    gate = asyncio.Semaphore(signup_parallel)

    async def one_user() -> User:
        async with gate:
            return await sign_up(parley.port, waves)

    users = await asyncio.gather(*(one_user() for _ in range(n)))

    direct_samples: list[Sample] = []
    direct_walls: list[float] = []
    fake_cpu = 0.0
    for _ in range(waves):
        before = cpu_seconds(fake.proc.pid)
        samples, wall, _ = await wave(n, fake.port, call_upstream)
        fake_cpu += cpu_seconds(fake.proc.pid) - before
        direct_samples += samples
        direct_walls.append(wall)
        await asyncio.sleep(0.2)

    await parley.wait_idle()
    peak_before = memory_kb(parley.pid)["VmHWM"]
    hwm_reset = reset_peak_rss(parley.pid)
    samples_all: list[Sample] = []
    walls: list[float] = []
    cpu_total = cpu_to_stop = client_cpu = fake_cpu_parley = 0.0
    by_thread: dict[str, float] = {}
    loadavg = os.getloadavg()[0]
    profiler = start_profiler(parley.pid, profile) if profile is not None else None
    for index in range(waves):
        samples, wall, cpu = await parley_wave(parley, fake, users, index)
        cpu_total += cpu["total"]
        cpu_to_stop += cpu["to_stop"]
        client_cpu += cpu["client"]
        fake_cpu_parley += cpu["fake"]
        for key, spent in cpu.items():
            if key.startswith("thread "):
                by_thread[key[7:]] = by_thread.get(key[7:], 0.0) + spent
        samples_all += samples
        walls.append(wall)
    if profiler is not None:
        stop_profiler(profiler)
    memory = memory_kb(parley.pid)
    conversations = n * waves
    direct = summarize(direct_samples, direct_walls, expected_tokens)
    direct["fake_cpu_ms_per_stream"] = round(fake_cpu * 1000 / conversations, 2)
    through = summarize(samples_all, walls, expected_tokens)
    through.update(
        {
            "server_cpu_ms_per_conversation": round(cpu_total * 1000 / conversations, 2),
            "server_cpu_ms_per_conversation_to_stream_end": round(
                cpu_to_stop * 1000 / conversations, 2
            ),
            "server_cpu_utilisation": round(cpu_to_stop / sum(walls), 2) if sum(walls) else None,
            "client_cpu_ms_per_conversation": round(client_cpu * 1000 / conversations, 2),
            "fake_cpu_ms_per_conversation": round(fake_cpu_parley * 1000 / conversations, 2),
            "server_cpu_ms_per_conversation_by_thread": {
                name: round(spent * 1000 / conversations, 2)
                for name, spent in sorted(by_thread.items(), key=lambda item: -item[1])
            },
            "peak_rss_mb": round(memory["VmHWM"] / 1024, 1) if hwm_reset else None,
            "rss_after_mb": round(memory["VmRSS"] / 1024, 1),
            "peak_rss_before_level_mb": round(peak_before / 1024, 1),
            "loadavg_before": round(loadavg, 2),
        }
    )
    return {"n": n, "waves": waves, "parley": through, "direct": direct}


async def one_run(args: argparse.Namespace, levels: list[int], index: int) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="parley-bench-"))
    fake = Fake(args.tokens, args.delay_ms)
    parley = Parley(workdir / "data", fake.port)
    result: dict[str, Any] = {"run": index, "commit": commit(), "levels": []}
    try:
        result["cold_start_s"] = round(await parley.start(), 3)
        await asyncio.sleep(args.idle_seconds)
        result["idle_rss_mb"] = round(memory_kb(parley.pid)["VmRSS"] / 1024, 1)
        result["llama_cpp_mapped_at_idle"] = _loaded_heavy_modules(parley.pid)
        # one unmeasured conversation: first-request imports and connection set-up
        warm = await sign_up(parley.port, 1)
        conn = await Conn(parley.port).open()
        await converse(conn, warm, warm.conversations[0], time.perf_counter())
        conn.close()
        await parley.wait_idle()
        result["rss_after_warmup_mb"] = round(memory_kb(parley.pid)["VmRSS"] / 1024, 1)
        for n in levels:
            waves = max(1, math.ceil(args.min_samples / n))
            profile = None
            if args.profile is not None and index == 1:
                args.profile.mkdir(parents=True, exist_ok=True)
                profile = args.profile / f"server-n{n}.txt"
            level = await run_level(
                parley, fake, n, waves, args.tokens, args.signup_parallel, profile
            )
            result["levels"].append(level)
            _print_level(index, level)
        parley.stop()
        result["restart_s"] = round(await parley.start(), 3)
        await asyncio.sleep(args.idle_seconds)
        result["restart_idle_rss_mb"] = round(memory_kb(parley.pid)["VmRSS"] / 1024, 1)
    finally:
        parley.stop()
        fake.stop()
        if args.keep:
            print(f"  kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"run {index}: cold start {result['cold_start_s']} s, idle RSS {result['idle_rss_mb']} MB, "
        f"restart {result.get('restart_s')} s"
    )
    return result


def _loaded_heavy_modules(pid: int) -> list[str]:
    """Shared objects mapped by the server that hint at what it imported (llama.cpp, …)."""
    seen: set[str] = set()
    with contextlib.suppress(OSError), open(f"/proc/{pid}/maps") as f:
        for line in f:
            path = line.rsplit(" ", 1)[-1].strip()
            if "llama" in path or "ggml" in path:
                seen.add(Path(path).name)
    return sorted(seen)


def _print_level(index: int, level: dict[str, Any]) -> None:
    p, d = level["parley"], level["direct"]
    print(
        f"run {index} N={level['n']:>3} x{level['waves']}: "
        f"TTFT p50/p95 {p['ttft_p50_ms']}/{p['ttft_p95_ms']} ms "
        f"(direct {d['ttft_p50_ms']}/{d['ttft_p95_ms']}), "
        f"{p['tokens_per_s']} tok/s (direct {d['tokens_per_s']}), errors {p['errors']}, "
        f"CPU {p['server_cpu_ms_per_conversation']} ms/conv "
        f"({p['server_cpu_ms_per_conversation_to_stream_end']} to stop), "
        f"peak RSS {p['peak_rss_mb']} MB, client {p['client_cpu_ms_per_conversation']} ms/conv",
        flush=True,
    )
    threads = p.get("server_cpu_ms_per_conversation_by_thread") or {}
    print("  server CPU ms/conv by thread: " + ", ".join(f"{k} {v}" for k, v in threads.items()))


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of every numeric metric across runs."""

    def med(values: list[Any]) -> Any:
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        return round(statistics.median(numbers), 2) if numbers else None

    out: dict[str, Any] = {
        key: med([r.get(key) for r in runs])
        for key in ("cold_start_s", "idle_rss_mb", "rss_after_warmup_mb", "restart_s")
    }
    out["restart_idle_rss_mb"] = med([r.get("restart_idle_rss_mb") for r in runs])
    out["levels"] = []
    for i, level in enumerate(runs[0]["levels"]):
        merged: dict[str, Any] = {"n": level["n"], "waves": level["waves"]}
        for side in ("parley", "direct"):
            merged[side] = {
                key: med([r["levels"][i][side][key] for r in runs])
                for key, value in level[side].items()
                if not isinstance(value, list)
            }
            merged[side]["errors_total"] = sum(r["levels"][i][side]["errors"] for r in runs)
            merged[side]["error_examples"] = sorted(
                {e for r in runs for e in r["levels"][i][side]["error_examples"]}
            )[:5]
        out["levels"].append(merged)
    return out


def print_table(summary: dict[str, Any], runs: int) -> None:
    print(f"\nmedians of {runs} run(s)")
    head = (
        "| N | TTFT p50 Parley / direct (ms) | TTFT p95 Parley / direct (ms) | POST->202 p50 (ms) "
        "| tokens/s Parley / direct | errors | server CPU ms/conv (by last message_stop) "
        "| peak RSS MB |"
    )
    print(head)
    print("|" + "---|" * 8)
    for level in summary["levels"]:
        p, d = level["parley"], level["direct"]
        print(
            f"| {level['n']} | {p['ttft_p50_ms']} / {d['ttft_p50_ms']} | "
            f"{p['ttft_p95_ms']} / {d['ttft_p95_ms']} | {p['post_202_p50_ms']} | "
            f"{p['tokens_per_s']} / {d['tokens_per_s']} | {p['errors_total']} | "
            f"{p['server_cpu_ms_per_conversation']} "
            f"({p['server_cpu_ms_per_conversation_to_stream_end']}) | {p['peak_rss_mb']} |"
        )
    print(
        f"cold start {summary['cold_start_s']} s, idle RSS {summary['idle_rss_mb']} MB, "
        f"restart {summary['restart_s']} s, RSS after warm-up {summary['rss_after_warmup_mb']} MB"
    )


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    levels = [int(x) for x in args.levels.split(",") if x]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4 * max(levels) + 256
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))
    info = machine()
    print(f"machine: {info}", flush=True)
    runs = [await one_run(args, levels, i + 1) for i in range(args.runs)]
    summary = median_of(runs)
    print_table(summary, args.runs)
    return {
        "machine": info,
        "settings": {
            "levels": levels,
            "runs": args.runs,
            "tokens": args.tokens,
            "delay_ms": args.delay_ms,
            "min_samples": args.min_samples,
        },
        "median": summary,
        "runs": runs,
        "loadavg_at_end": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,20,100,200")
    parser.add_argument("--runs", type=int, default=3, help="fresh server per run; medians")
    parser.add_argument("--json", type=Path, help="write every run and the medians here")
    parser.add_argument("--tokens", type=int, default=200, help="tokens per upstream answer")
    parser.add_argument("--delay-ms", type=float, default=5.0, help="between upstream tokens")
    parser.add_argument(
        "--min-samples",
        type=int,
        default=10,
        help="levels below this run as several sequential waves (N=1: 10 single conversations)",
    )
    parser.add_argument("--idle-seconds", type=float, default=2.0, help="before idle RSS")
    parser.add_argument("--signup-parallel", type=int, default=2, help="concurrent sign-ups")
    parser.add_argument("--keep", action="store_true", help="keep the data directories")
    parser.add_argument(
        "--profile",
        type=Path,
        help="py-spy the server during each level of the first run; collapsed stacks here "
        "(profiling costs CPU: do not mix these numbers with unprofiled runs)",
    )
    parser.add_argument(
        "--profiler",
        choices=("py-spy", "perf", "strace"),
        default="py-spy",
        help="for --profile: py-spy (Python stacks), perf (native frames), strace -c (syscalls)",
    )
    args = parser.parse_args()
    global PROFILER
    PROFILER = args.profiler
    result = uvloop.run(main_async(args))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
