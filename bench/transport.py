"""CPU the server spends reading upstream answers, by the SDK's HTTP transport.

    .venv/bin/python bench/transport.py [--streams 100] [--rounds 5] [--json out.json]

Parley's Anthropic provider streams `--streams` answers at once from the loopback fake LLM (200
tokens, 5 ms apart, as in bench/concurrency.py), reading them the way a run does (paced reads,
SSE parsing, one event per token), once through the SDK's default httpx2 client and once through
its aiohttp client, which Parley uses. It reports this process's CPU per answer, median of
`--rounds` rounds after a warm-up. Method and results: docs/PERFORMANCE.md ("Upstream transport").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import anthropic
import uvloop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parley.providers import catalog  # noqa: E402
from parley.providers.anthropic import AnthropicProvider  # noqa: E402
from parley.providers.base import ChatTurn, GenerationRequest, TextDelta  # noqa: E402

TOKENS = 200
DELAY_MS = 5.0
PACE_SECONDS = 0.025  # the default PARLEY_STREAM_BATCH_MS


async def measure(base_url: str, transport: str, streams: int, rounds: int) -> list[float]:
    provider = AnthropicProvider("bench", base_url=base_url, read_pause_seconds=PACE_SECONDS)
    if transport == "httpx2":
        # the SDK's own default client, in place of the aiohttp one Parley passes
        provider._client = provider._client.with_options(
            http_client=anthropic.DefaultAsyncHttpxClient()
        )
    request = GenerationRequest(
        model=catalog.CLAUDE_SONNET_4_5,
        system="You are a benchmark.",
        messages=[ChatTurn(role="user", text="Say two hundred words.")],
        max_tokens=4096,
    )

    async def answer() -> int:
        tokens = 0
        async for event in provider.stream(request):
            tokens += isinstance(event, TextDelta)
        return tokens

    try:
        await asyncio.gather(*(answer() for _ in range(10)))  # connections, imports, caches
        per_answer = []
        for _ in range(rounds):
            before = time.process_time()
            counts = await asyncio.gather(*(answer() for _ in range(streams)))
            spent = time.process_time() - before
            assert all(count == TOKENS for count in counts), counts
            per_answer.append(spent * 1000 / streams)
        return per_answer
    finally:
        await provider.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict[str, Any] = {
        "machine": {"cpu": platform.processor() or platform.machine(), "nproc": os.cpu_count()},
        "streams": args.streams,
        "tokens": TOKENS,
        "delay_ms": DELAY_MS,
    }
    # the fake runs in its own process, so that only the reading side is on this one's clock
    fake = subprocess.Popen(
        [
            *(sys.executable, "-m", "tests.fakes.llm_server", "--port", "0", "--print-port"),
            *("--default-tokens", str(TOKENS), "--default-delay-ms", str(DELAY_MS)),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert fake.stdout is not None
        base_url = f"http://127.0.0.1:{int(fake.stdout.readline())}/anthropic"
        for transport in ("httpx2", "aiohttp"):
            runs = uvloop.run(measure(base_url, transport, args.streams, args.rounds))
            median = statistics.median(runs)
            results[transport] = {"cpu_ms_per_answer": runs, "median": median}
            shown = " / ".join(f"{value:.2f}" for value in runs)
            print(f"{transport:8} CPU per answer: median {median:.2f} ms ({shown})")
    finally:
        fake.terminate()
        fake.wait(10)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
