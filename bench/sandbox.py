"""Time from "execute" to result in the code sandbox, for trivial and typical snippets.

    .venv/bin/python bench/sandbox.py [--runs 30] [--json out.json]

Each sample is one `await Sandbox.run(...)` on the server's path: a fresh work directory, bwrap
with every namespace, the launcher applying the rlimits, the interpreter, output read through the
capped readers, output files collected and the work directory removed. The availability probe
runs once before timing (a server does it at start-up). Samples run one after another, so each
number is the latency of a lone run. Method and results: docs/PERFORMANCE.md, "Sandbox".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parley.sandbox import Sandbox, SandboxLimits  # noqa: E402

CASES: list[tuple[str, str, str]] = [
    ("python: print('hi')", "python", "print('hi')"),
    ("python: import pandas", "python", "import pandas"),
    (
        "python: pandas + matplotlib PNG",
        "python",
        (
            "import pandas as pd, matplotlib.pyplot as plt\n"
            "pd.DataFrame({'y': range(10)}).plot()\n"
            "plt.savefig('plot.png')\n"
        ),
    ),
    ("javascript: console.log('hi')", "javascript", "console.log('hi')"),
    ("bash: echo hi", "bash", "echo hi"),
]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def measure(sandbox: Sandbox, language: str, code: str, runs: int) -> dict[str, Any]:
    await sandbox.run(language, code)  # warm the page cache for this interpreter
    samples: list[float] = []
    for _ in range(runs):
        begin = time.perf_counter()
        result = await sandbox.run(language, code)
        samples.append((time.perf_counter() - begin) * 1000)
        if result.status != "ok":
            raise SystemExit(f"{language} run failed: {result.stderr[-500:]}")
    return {
        "runs": runs,
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(percentile(samples, 0.95), 1),
        "min_ms": round(min(samples), 1),
        "max_ms": round(max(samples), 1),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    sandbox = Sandbox(
        bwrap_path=None,
        python_env=ROOT / ".sandbox-env",
        limits=SandboxLimits(),
        max_timeout_seconds=60,
    )
    begin = time.perf_counter()
    reason = sandbox.check()
    probe_ms = (time.perf_counter() - begin) * 1000
    if reason is not None:
        raise SystemExit(reason)

    machine = {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "loadavg_before": os.getloadavg(),
        "euid": os.geteuid(),
    }
    print(f"machine: {machine}")
    print(f"availability probe (once per server): {probe_ms:.0f} ms\n")
    print(f"{'case':36} {'p50':>9} {'p95':>9} {'min':>9} {'max':>9}")
    results: dict[str, Any] = {}
    for name, language, code in CASES:
        stats = await measure(sandbox, language, code, args.runs)
        results[name] = stats
        print(
            f"{name:36} {stats['p50_ms']:>7.1f}ms {stats['p95_ms']:>7.1f}ms "
            f"{stats['min_ms']:>7.1f}ms {stats['max_ms']:>7.1f}ms"
        )
    machine["loadavg_after"] = os.getloadavg()
    if args.json:
        args.json.write_text(
            json.dumps({"machine": machine, "probe_ms": probe_ms, "cases": results}, indent=2)
        )


if __name__ == "__main__":
    asyncio.run(main())
