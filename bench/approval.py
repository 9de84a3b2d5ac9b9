"""Time from a person's approval to the result on their screen, through the whole server.

    .venv/bin/python bench/approval.py [--runs 20] [--json out.json]

A real `python -m parley serve` (fresh SQLite data directory, the sandbox as `make sandbox` built it)
talks to the loopback fake LLM, which asks to run code through the `run_code` tool. Each sample:
send a message, read the run's SSE stream up to `approval_required`, then time from POSTing the
approval to the `tool_result` frame arriving on that stream — the approval request, the run waking,
the sandbox, storing the execution and its files, the event log and SSE. `bench/sandbox.py`
measures the sandbox alone. Method and results: docs/PERFORMANCE.md ("Sandbox").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.llm_server import LLMFake  # noqa: E402

CASES = {
    "print": 'print("hi")',
    "pandas": "import pandas as pd\nprint(pd.DataFrame({'a': [1, 2]}).sum().a)",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(data_dir: Path, fake: LLMFake) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PARLEY_", "ANTHROPIC_"))},
        "PARLEY_DATA_DIR": str(data_dir),
        "PARLEY_PORT": str(port),
        "ANTHROPIC_API_KEY": "bench",
        "ANTHROPIC_BASE_URL": fake.anthropic_url,
        "PARLEY_LOG_LEVEL": "warning",
    }
    subprocess.run(
        [sys.executable, "-m", "parley", "migrate"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "parley", "serve"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/health", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


async def sse(response: httpx.Response) -> Any:
    event, data = "", ""
    async for line in response.aiter_lines():
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data = line[5:].strip()
        elif not line and data:
            yield event, json.loads(data)
            event, data = "", ""


async def one_sample(client: httpx.AsyncClient, fake: LLMFake, chat: str, code: str) -> float:
    call = {"id": f"toolu_{secrets.token_hex(4)}", "name": "run_code"}
    fake.push(
        {"text": [], "tool_calls": [{**call, "input": {"language": "python", "code": code}}]},
        {"text": ["Done."]},
    )
    sent = await client.post(f"/api/conversations/{chat}/messages", json={"content": "Run it"})
    run_id = sent.json()["run_id"]
    async with client.stream("GET", f"/api/runs/{run_id}/events") as response:
        events = sse(response)
        async for kind, _ in events:
            if kind == "approval_required":
                break
        started = time.perf_counter()
        approved = await client.post(
            f"/api/runs/{run_id}/approvals/{call['id']}", json={"approve": True}
        )
        assert approved.status_code == 200, approved.text
        async for kind, data in events:
            if kind == "tool_result":
                elapsed = time.perf_counter() - started
                assert data["execution"]["status"] == "ok", data
                break
        async for _ in events:  # let the answer finish before the next sample
            pass
    return elapsed * 1000


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
        "min_ms": round(ordered[0], 1),
        "runs": len(ordered),
    }


async def measure(url: str, fake: LLMFake, runs: int) -> dict[str, dict[str, float]]:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        await client.get("/api/health")
        email = f"bench-{secrets.token_hex(4)}@example.com"
        await client.post(
            "/api/auth/register",
            json={"email": email, "password": "bench password", "name": "Bench"},
            headers={"X-CSRF-Token": client.cookies.get("parley_csrf") or ""},
        )
        client.headers["X-CSRF-Token"] = client.cookies.get("parley_csrf") or ""
        chat = (await client.post("/api/conversations", json={})).json()["id"]
        results = {}
        for name, code in CASES.items():
            await one_sample(client, fake, chat, code)  # warm-up: caches, first sandbox
            results[name] = summary(
                [await one_sample(client, fake, chat, code) for _ in range(runs)]
            )
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with LLMFake() as fake, tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        process, url = start_server(Path(tmp), fake)
        try:
            results = asyncio.run(measure(url, fake, args.runs))
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "results": results,
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
