"""Code that tries to get out, read secrets or take the server down: each attack fails, and the
server (this test process) is fine afterwards."""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import time
from pathlib import Path

import pytest

from parley.config import Settings
from parley.sandbox import Sandbox
from tests.sandbox.conftest import (
    SANDBOX_ENV,
    ListeningServer,
    LoopWatch,
    assert_server_fine,
    host_processes_with,
    make_sandbox,
)

FAKE_KEY = "sk-ant-api03-parley-sandbox-test-" + secrets.token_hex(8)


async def test_loopback_port_of_the_host_is_unreachable(sandbox: Sandbox) -> None:
    with ListeningServer() as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=2):
            pass  # the server works: the host reaches it
        await asyncio.sleep(0.2)
        assert server.accepted == 1
        code = f"""
import socket
try:
    socket.create_connection(("127.0.0.1", {server.port}), timeout=2)
    print("CONNECTED")
except OSError as exc:
    print("refused:", exc)
"""
        async with LoopWatch().watching() as watch:
            result = await sandbox.run("python", code)
        await asyncio.sleep(0.2)
        assert "CONNECTED" not in result.stdout
        assert "refused" in result.stdout
        assert server.accepted == 1, "the sandbox reached the host's loopback server"
    await assert_server_fine(watch)


async def test_no_route_to_any_outside_address(sandbox: Sandbox) -> None:
    # A UDP connect() only looks up a route and sends nothing, so this proves there is no way
    # out without putting a packet on any network even if the sandbox were broken.
    code = """
import socket
print("interfaces:", [name for _, name in socket.if_nameindex()])
for address in ("192.0.2.1", "8.8.8.8"):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect((address, 53))
        print("ROUTE", address)
    except OSError as exc:
        print("unreachable:", address, exc.errno)
"""
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code)
    assert "interfaces: ['lo']" in result.stdout
    assert "ROUTE" not in result.stdout
    assert result.stdout.count("unreachable:") == 2
    await assert_server_fine(watch)


async def test_server_files_and_host_home_are_invisible(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    secret = "server-secret-" + secrets.token_hex(8)
    (data_dir / "parley.db").write_text(f"SQLite format 3 {secret}")
    env_file = tmp_path / ".env"
    env_file.write_text(f"ANTHROPIC_API_KEY={secret}\n")
    canary = Path.home() / f".parley-sandbox-canary-{secrets.token_hex(4)}"
    canary.write_text(secret)
    try:
        settings = Settings(_env_file=None, data_dir=data_dir, sandbox_python=SANDBOX_ENV)
        sandbox = Sandbox.from_settings(settings)
        targets = [
            data_dir / "parley.db",
            env_file,
            Path.cwd() / ".env",
            canary,
            Path("/proc/1/environ"),
            Path("/etc/shadow"),
        ]
        code = f"""
import os
for path in {[str(t) for t in targets]!r}:
    try:
        print(path, "READ", open(path, errors="replace").read())
    except OSError as exc:
        print(path, "denied", type(exc).__name__)
for path in ("/root", {str(Path.home())!r}, {str(data_dir)!r}, {str(tmp_path)!r}, "/home", "/var", "/run"):
    try:
        print(path, "LISTED", os.listdir(path))
    except OSError as exc:
        print(path, "denied", type(exc).__name__)
"""
        async with LoopWatch().watching() as watch:
            result = await sandbox.run("python", code)
    finally:
        canary.unlink()
    assert secret not in result.stdout + result.stderr
    for target in targets[:4]:
        assert f"{target} denied FileNotFoundError" in result.stdout
    # pid 1 is bwrap's init inside the sandbox, and it got an empty environment.
    assert "/proc/1/environ READ \n" in result.stdout
    # What the host keeps in its home (here /root) is not there; at most the interpreter copy.
    host_home = {p.name for p in Path.home().iterdir()} - {".pyenv"}
    listed = result.stdout.split(f"{Path.home()} ", 1)[1].split("\n", 1)[0]
    assert not any(repr(name) in listed for name in host_home), listed
    await assert_server_fine(watch)


async def test_no_server_secret_in_the_environment(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_KEY)
    monkeypatch.setenv("PARLEY_SECRET_TEST", FAKE_KEY)
    code = """
import os
print(dict(os.environ))
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            print(pid, open(f"/proc/{pid}/environ", "rb").read())
        except OSError as exc:
            print(pid, exc)
"""
    async with LoopWatch().watching() as watch:
        python = await sandbox.run("python", code)
        bash = await sandbox.run("bash", "env; cat /proc/*/environ 2>&1 | tr '\\0' '\\n'")
        node = await sandbox.run("javascript", "console.log(JSON.stringify(process.env))")
    for result in (python, bash, node):
        assert result.status == "ok", result.stderr
        assert FAKE_KEY not in result.stdout + result.stderr
        assert "ANTHROPIC_API_KEY" not in result.stdout
    assert os.environ["ANTHROPIC_API_KEY"] == FAKE_KEY
    await assert_server_fine(watch)


async def test_process_limit_stops_forking(sandbox: Sandbox) -> None:
    code = """
import os, time
started = 0
try:
    while started < 1000:
        if os.fork() == 0:
            time.sleep(5)
            os._exit(0)
        started += 1
    print("UNLIMITED", started)
except OSError as exc:
    print("stopped after", started, "errno", exc.errno)
"""
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code)
    assert "UNLIMITED" not in result.stdout
    started = int(result.stdout.split("stopped after ")[1].split()[0])
    assert started < sandbox.limits.max_processes
    assert "errno 11" in result.stdout  # EAGAIN: RLIMIT_NPROC
    await assert_server_fine(watch)


async def test_fork_bomb_is_contained(sandbox: Sandbox) -> None:
    marker = "parley-bomb-" + secrets.token_hex(4)
    peak = 0

    async def count_bomb_processes() -> None:
        nonlocal peak
        while True:
            peak = max(peak, len(host_processes_with(marker)))
            await asyncio.sleep(0.02)

    counter = asyncio.create_task(count_bomb_processes())
    # exec -a names every process of the bomb, so the host can count them.
    code = f"exec -a {marker} bash -c 'bomb() {{ bomb | bomb & }}; bomb; sleep 30'"
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("bash", code, timeout_seconds=2)
    counter.cancel()
    assert result.status == "timeout"
    assert 1 <= peak <= sandbox.limits.max_processes, peak
    assert not host_processes_with(marker)
    await assert_server_fine(watch)


async def test_allocating_4_gb_fails(sandbox: Sandbox) -> None:
    code = """
try:
    block = bytearray(4 * 1024**3)
    print("ALLOCATED", len(block))
except MemoryError:
    print("MemoryError")
"""
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code)
    assert result.stdout.strip() == "MemoryError"
    await assert_server_fine(watch)


async def test_memory_of_many_processes_together_is_capped(sandbox: Sandbox) -> None:
    # Each process stays under its own address-space limit; together they would take 2 GB.
    code = """
import os, time
for _ in range(8):
    if os.fork() == 0:
        block = b"\\1" * (250 << 20)
        time.sleep(30)
        os._exit(0)
time.sleep(30)
"""
    begin = time.monotonic()
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code, timeout_seconds=15)
    assert result.status == "error"
    assert result.stopped_reason is not None and "memory" in result.stopped_reason
    assert time.monotonic() - begin < 10
    await assert_server_fine(watch)


async def test_javascript_heap_is_capped(work_root: Path) -> None:
    sandbox = make_sandbox(work_root, memory_mb=128)
    code = "const keep = []; while (true) keep.push(new Array(1e6).fill(Math.random()));"
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("javascript", code, timeout_seconds=15)
    # V8's heap cap or the run's memory watchdog, whichever sees it first.
    assert result.status == "error"
    stopped_for_memory = result.stopped_reason is not None and "memory" in result.stopped_reason
    assert "heap" in result.stderr.lower() or stopped_for_memory, result
    await assert_server_fine(watch)


async def test_spinning_past_the_timeout_is_killed(sandbox: Sandbox) -> None:
    marker = "parley-spin-" + secrets.token_hex(4)
    code = f"""
import os, subprocess
subprocess.Popen(["{marker}", "600"], executable="/bin/sleep")
while True:
    pass
"""
    begin = time.monotonic()
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code, timeout_seconds=1)
    assert result.status == "timeout"
    assert result.exit_code is None
    assert time.monotonic() - begin < 4
    assert not host_processes_with(marker)
    await assert_server_fine(watch)


async def test_printing_100_mb_is_capped(sandbox: Sandbox) -> None:
    code = "import sys\nfor _ in range(100):\n    sys.stdout.write('x' * 1_000_000)\n"
    begin = time.monotonic()
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code)
    cap = sandbox.limits.max_output_bytes
    assert result.stdout_truncated
    assert "[output truncated" in result.stdout
    assert cap <= len(result.stdout) < cap + 200
    assert result.status == "error" and result.stopped_reason is not None
    assert time.monotonic() - begin < 5
    await assert_server_fine(watch)


async def test_output_over_the_cap_is_dropped_but_the_run_finishes(sandbox: Sandbox) -> None:
    code = "import sys\nsys.stderr.write('e' * 3_000_000)\nprint('done')\n"
    result = await sandbox.run("python", code)
    assert result.status == "ok"
    assert result.stdout == "done\n"
    assert result.stderr_truncated and not result.stdout_truncated
    assert "[output truncated" in result.stderr


async def test_writing_a_1_gb_file_stops_at_the_file_limit(sandbox: Sandbox) -> None:
    code = """
with open("big.bin", "wb") as f:
    for _ in range(1024):
        f.write(b"\\0" * (1 << 20))
print("WROTE 1 GB")
"""
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code)
    assert "WROTE" not in result.stdout
    assert "File too large" in result.stderr
    assert result.status == "error"
    assert "big.bin" in result.omitted_files  # too big to hand back
    await assert_server_fine(watch)


async def test_filling_the_disk_with_many_files_is_stopped(work_root: Path) -> None:
    sandbox = make_sandbox(work_root, max_file_mb=8, max_disk_mb=32)
    code = """
for i in range(100):
    with open(f"part{i}.bin", "wb") as f:
        f.write(b"\\1" * (7 << 20))
print("WROTE 700 MB")
"""
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code, timeout_seconds=15)
    # Stopped mid-way by the watchdog, or (when the writes outran its looks) failed afterwards.
    assert result.status == "error"
    assert result.stopped_reason is not None and "work directory" in result.stopped_reason
    await assert_server_fine(watch)


async def test_background_process_does_not_outlive_the_run(sandbox: Sandbox) -> None:
    marker = "parley-bg-" + secrets.token_hex(4)
    code = f"""
import os, subprocess
subprocess.Popen(["{marker}", "600"], executable="/bin/sleep", start_new_session=True,
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if os.fork() == 0:
    os.setsid()
    os.execv("/bin/sleep", ["{marker}-2", "600"])
print("left them running")
"""
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code)
    assert result.status == "ok"
    assert "left them running" in result.stdout
    assert result.duration_ms < 5000
    assert not host_processes_with(marker)
    await assert_server_fine(watch)


async def test_killing_the_parent_does_not_reach_the_server(sandbox: Sandbox) -> None:
    code = f"""
import os, signal, time
print("ppid", os.getppid())
for target in (os.getppid(), 1):
    try:
        os.kill(target, signal.SIGKILL)
    except OSError as exc:
        print("kill", target, type(exc).__name__)
try:
    os.kill({os.getpid()}, 0)
    print("SERVER VISIBLE")
except OSError as exc:
    print("server", type(exc).__name__)
time.sleep(0.2)
print("still here")
"""
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code)
    assert result.status == "ok", result.stderr
    assert "ppid 1\n" in result.stdout  # its parent is the sandbox's own init
    assert "SERVER VISIBLE" not in result.stdout
    assert "still here" in result.stdout
    await assert_server_fine(watch)


async def test_symlinks_out_of_the_work_directory_lead_nowhere(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    secret = "host-file-" + secrets.token_hex(8)
    host_file = tmp_path / "secret.txt"
    host_file.write_text(secret)
    host_file.chmod(0o644)
    code = f"""
import os
os.symlink({str(host_file)!r}, "leak.txt")
os.symlink("/etc/hostname", "hostname.txt")
os.symlink("/", "root")
os.mkdir("sub")
os.symlink("../../..", "sub/up")
try:
    os.link({str(host_file)!r}, "hard.txt")
except OSError as exc:
    print("link", type(exc).__name__)
try:
    print(open("leak.txt").read())
except OSError as exc:
    print("read", type(exc).__name__)
with open("real.txt", "w") as f:
    f.write("mine")
"""
    async with LoopWatch().watching() as watch:
        result = await sandbox.run("python", code)
    assert result.status == "ok", result.stderr
    assert secret not in result.stdout
    assert [f.name for f in result.files] == ["real.txt"]
    assert all(secret.encode() not in f.data for f in result.files)
    assert host_file.read_text() == secret
    await assert_server_fine(watch)


async def test_nothing_outside_the_work_directory_and_tmp_is_writable(sandbox: Sandbox) -> None:
    # The sandbox's root and /dev are tmpfs: writable, they would be memory no limit counts.
    code = """
for path in ("/x", "/sandbox/x", "/sandbox/main.py", "/usr/x", "/etc/passwd", "/dev/x", "/proc/x"):
    try:
        open(path, "w").write("x")
        print("WROTE", path)
    except OSError as exc:
        print("refused", path, exc.errno)
open("/tmp/ok", "w").write("x")
open("here.txt", "w").write("x")
"""
    result = await sandbox.run("python", code)
    assert result.status == "ok", result.stderr
    assert "WROTE" not in result.stdout
    assert result.stdout.count("refused") == 7
    assert [f.name for f in result.files] == ["here.txt"]
