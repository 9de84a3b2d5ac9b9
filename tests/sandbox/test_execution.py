"""Ordinary runs: results per language, errors, timeouts, live output and output files."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from parley.sandbox import Sandbox, UnsupportedLanguage
from parley.sandbox.results import Stream
from tests.sandbox.conftest import host_processes_with, make_sandbox


async def test_python_prints_its_result(sandbox: Sandbox) -> None:
    result = await sandbox.run(
        "python", "import sys\nprint(sum(range(10)))\nprint('warn', file=sys.stderr)"
    )
    assert result.status == "ok"
    assert result.exit_code == 0
    assert result.stdout == "45\n"
    assert result.stderr == "warn\n"
    assert not result.stdout_truncated and not result.stderr_truncated
    assert result.files == []
    assert 0 < result.duration_ms < 5000


async def test_javascript_prints_its_result(sandbox: Sandbox) -> None:
    result = await sandbox.run("javascript", "console.log([1, 2, 3].map((x) => x * 2).join(','))")
    assert (result.status, result.exit_code, result.stdout) == ("ok", 0, "2,4,6\n")


async def test_bash_prints_its_result(sandbox: Sandbox) -> None:
    result = await sandbox.run("bash", "for i in 1 2 3; do echo -n $i; done; echo; pwd; whoami")
    assert (result.status, result.exit_code) == ("ok", 0)
    assert result.stdout == "123\n/sandbox/work\nsandbox\n"


async def test_language_aliases_are_accepted(sandbox: Sandbox) -> None:
    result = await sandbox.run("Python3", "print('alias')")
    assert result.stdout == "alias\n"


async def test_nonzero_exit_is_an_error_with_its_code(sandbox: Sandbox) -> None:
    result = await sandbox.run("bash", "echo partial; exit 3")
    assert (result.status, result.exit_code, result.stdout) == ("error", 3, "partial\n")


async def test_syntax_error_is_reported(sandbox: Sandbox) -> None:
    result = await sandbox.run("python", "def broken(:\n    pass\n")
    assert result.status == "error"
    assert result.exit_code == 1
    assert "SyntaxError" in result.stderr


async def test_javascript_exception_is_reported(sandbox: Sandbox) -> None:
    result = await sandbox.run("javascript", "throw new Error('boom')")
    assert result.status == "error"
    assert "Error: boom" in result.stderr


async def test_timeout_stops_the_run(sandbox: Sandbox) -> None:
    begin = time.monotonic()
    result = await sandbox.run(
        "python", "import time\nprint('started', flush=True)\ntime.sleep(30)", timeout_seconds=1
    )
    elapsed = time.monotonic() - begin
    assert result.status == "timeout"
    assert result.exit_code is None
    assert result.stdout == "started\n"
    assert result.stopped_reason is not None
    assert 0.9 < elapsed < 4
    assert 900 <= result.duration_ms < 4000


async def test_timeout_above_the_maximum_is_lowered(work_root: Path) -> None:
    sandbox = make_sandbox(work_root)
    sandbox.max_timeout_seconds = 1
    begin = time.monotonic()
    result = await sandbox.run("bash", "sleep 30", timeout_seconds=600)
    assert result.status == "timeout"
    assert time.monotonic() - begin < 4


async def test_nonpositive_timeout_is_refused(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError):
        await sandbox.run("python", "print(1)", timeout_seconds=0)


async def test_unsupported_language_is_refused(sandbox: Sandbox) -> None:
    with pytest.raises(UnsupportedLanguage, match="python, javascript, bash"):
        await sandbox.run("cobol", "DISPLAY 'HI'.")


async def test_output_streams_live_before_the_run_ends(sandbox: Sandbox) -> None:
    chunks: list[tuple[float, Stream, str]] = []
    begin = time.monotonic()

    def on_output(stream: Stream, text: str) -> None:
        chunks.append((time.monotonic() - begin, stream, text))

    code = "import sys, time\nprint('first')\ntime.sleep(1)\nprint('second', file=sys.stderr)"
    result = await sandbox.run("python", code, on_output=on_output)
    finished = time.monotonic() - begin
    assert "".join(t for _, s, t in chunks if s == "stdout") == "first\n"
    assert "".join(t for _, s, t in chunks if s == "stderr") == "second\n"
    first_seen = min(at for at, s, _ in chunks if s == "stdout")
    assert first_seen < finished - 0.7, "the first line arrived only at the end"
    assert result.stdout == "first\n"


async def test_failing_output_callback_stops_the_run(sandbox: Sandbox) -> None:
    def on_output(stream: Stream, text: str) -> None:
        raise RuntimeError("client went away")

    begin = time.monotonic()
    with pytest.raises(RuntimeError, match="client went away"):
        await sandbox.run(
            "python", "print('x', flush=True)\nimport time\ntime.sleep(30)", on_output=on_output
        )
    assert time.monotonic() - begin < 5


async def test_cancelled_run_kills_the_code(sandbox: Sandbox) -> None:
    task = asyncio.create_task(sandbox.run("bash", "exec -a parley-cancelled-run sleep 600"))
    await asyncio.sleep(0.5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.sleep(0.2)
    assert not host_processes_with("parley-cancelled-run")


async def test_matplotlib_plot_comes_back_as_a_png(sandbox: Sandbox) -> None:
    code = """
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
frame = pd.DataFrame({"x": np.arange(5), "y": np.arange(5) ** 2})
frame.to_csv("squares.csv", index=False)
plt.plot(frame.x, frame.y)
plt.savefig("plot.png")
print("saved")
"""
    result = await sandbox.run("python", code)
    assert result.status == "ok", result.stderr
    assert result.stderr == ""  # no warning about an unwritable matplotlib config directory
    files = {f.name: f for f in result.files}
    assert set(files) == {"plot.png", "squares.csv"}
    png = files["plot.png"]
    assert png.mime_type == "image/png" and png.is_image
    assert png.data.startswith(b"\x89PNG\r\n\x1a\n") and png.size == len(png.data) > 1000
    assert files["squares.csv"].mime_type == "text/csv"
    assert files["squares.csv"].data.decode().splitlines()[:2] == ["x,y", "0,0"]


async def test_a_file_named_png_that_is_not_one_is_no_image(sandbox: Sandbox) -> None:
    result = await sandbox.run(
        "bash", "echo '<svg onload=alert(1)>' > fake.png; mkdir -p out; echo hi > out/nested.txt"
    )
    files = {f.name: f for f in result.files}
    assert files["fake.png"].mime_type == "application/octet-stream"
    assert not files["fake.png"].is_image
    assert files["out/nested.txt"].data == b"hi\n"


async def test_returned_files_are_capped(work_root: Path) -> None:
    sandbox = make_sandbox(work_root, max_returned_files=3, max_returned_mb=1)
    code = "for i in range(5): open(f'f{i}.txt', 'w').write('x')\nopen('big.bin', 'wb').write(b'0' * 2_000_000)"
    result = await sandbox.run("python", code)
    assert [f.name for f in result.files] == ["f0.txt", "f1.txt", "f2.txt"]
    assert result.omitted_files == ["big.bin", "f3.txt", "f4.txt"]


async def test_a_full_process_quota_in_one_run_does_not_starve_another(sandbox: Sandbox) -> None:
    hog = asyncio.create_task(
        sandbox.run(
            "python",
            "import os, time\nwhile True:\n    try:\n        if os.fork() == 0:\n            time.sleep(30)\n    except OSError:\n        time.sleep(0.1)",
            timeout_seconds=4,
        )
    )
    await asyncio.sleep(1.5)
    result = await sandbox.run("bash", "for i in $(seq 20); do sleep 0.01 & done; wait; echo ok")
    assert (result.status, result.stdout) == ("ok", "ok\n")
    assert (await hog).status == "timeout"


async def test_numpy_and_pandas_come_from_the_sandbox_environment(sandbox: Sandbox) -> None:
    code = "import numpy, pandas, sys\nprint(sys.prefix)\nprint(numpy.__file__)"
    result = await sandbox.run("python", code)
    assert result.status == "ok", result.stderr
    prefix, numpy_file = result.stdout.split()
    assert prefix.endswith(".sandbox-env")
    assert numpy_file.startswith(prefix)
