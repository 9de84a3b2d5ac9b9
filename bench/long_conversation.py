"""How the time to accept a message grows with the conversation's length.

    .venv/bin/python bench/long_conversation.py [--turns 1000]

A real `python -m parley serve` (fresh SQLite data directory) and the loopback fake LLM. One user
sends `--turns` messages into one conversation, one after another, each after the previous
answer has finished (Markdown answers with code, as bench/web_budget.py seeds them). It prints
the POST→202 median of the last ten turns at a few lengths: the server loads the conversation to
build the model's context on its single SQLite writer. Results: docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.web_budget import ANSWER, Api, parley_server  # noqa: E402
from tests.fakes.llm_server import LLMFake  # noqa: E402

REPORT_AT = (1, 10, 100, 250, 500, 750, 1000, 1500, 2000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=1000)
    args = parser.parse_args()
    with LLMFake() as fake, parley_server(fake) as base:
        api = Api(base)
        email = f"bench-{secrets.token_hex(4)}@example.com"
        api.call(
            "POST",
            "/api/auth/register",
            json={"email": email, "password": "bench password 1", "name": "Bench"},
        )
        conversation = api.call("POST", "/api/conversations", json={"title": "Long"}).json()
        parent: str | None = None
        latencies: list[float] = []
        for turn in range(1, args.turns + 1):
            text = ANSWER.format(n=turn)
            fake.push({"text": [text[i : i + 64] for i in range(0, len(text), 64)]})
            started = time.perf_counter()
            sent = api.call(
                "POST",
                f"/api/conversations/{conversation['id']}/messages",
                json={"content": f"Question {turn}", "parent_id": parent},
            ).json()
            latencies.append((time.perf_counter() - started) * 1000)
            api.wait_for_run(sent["run_id"])
            parent = sent["assistant_message"]["id"]
            if turn in REPORT_AT or turn == args.turns:
                recent = statistics.median(latencies[-10:])
                print(
                    f"{2 * (turn - 1):>5} messages before: POST->202 {recent:.1f} ms "
                    "(median of the last 10)",
                    flush=True,
                )


if __name__ == "__main__":
    main()
