"""Files: upload throughput, PDF text extraction, and the server's memory during a big upload.

    .venv/bin/python bench/files.py [--runs 5] [--mb 25] [--pages 100]

A real `python -m parley serve` (fresh SQLite data directory, local blob store). Each run
uploads a `--mb` MB file of random bytes and a `--mb` MB CSV (text: decoded and extracted whole)
through POST /api/files, streaming from disk, while a thread samples the server's resident memory
every 5 ms; then a `--pages`-page PDF with a paragraph per page, and also reads that PDF with the
worker directly (no HTTP), to tell extraction from the rest of the upload. Prints medians.
Results: docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.web_budget import Api, parley_process  # noqa: E402
from tests.fakes.llm_server import LLMFake  # noqa: E402

PARAGRAPH = (
    "Revenue for the quarter rose on strong demand in every region, while operating costs fell "
    "as the new warehouse came online. The board approved the budget for the coming year. "
)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class MemoryWatch(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0.0
        self.running = True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.005)


def make_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    document = FPDF()
    document.set_font("helvetica", size=11)
    for number in range(1, pages + 1):
        document.add_page()
        document.multi_cell(0, 6, text=f"Page {number}. " + PARAGRAPH * 6)
    document.output(str(path))


def make_csv(path: Path, size: int) -> None:
    with open(path, "w") as out:
        row = 0
        while out.tell() < size:
            out.write(f"{row},north,{row % 97},{row * 7 % 1000}.25,widget {row % 13}\n")
            row += 1


def upload(api: Api, path: Path, name: str) -> tuple[float, dict[str, object]]:
    with open(path, "rb") as handle:
        started = time.perf_counter()
        response = api.call(
            "POST", "/api/files", files={"file": (name, handle, "application/octet-stream")}
        )
        return time.perf_counter() - started, response.json()


def worker_seconds(path: Path, out_dir: Path) -> float:
    job = {
        "path": str(path),
        "name": "report.pdf",
        "out_dir": str(out_dir),
        "max_pixels": 89_478_485,
        "max_pages": 1000,
        "max_text_chars": 500_000,
        "memory_mb": 1536,
        "cpu_seconds": 60,
    }
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-I", "-m", "parley.documents.worker"],
        input=json.dumps(job).encode(),
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mb", type=int, default=25)
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    size = args.mb * 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="parley-bench-files-") as tmp_name:
        tmp = Path(tmp_name)
        binary, csv, pdf = tmp / "random.bin", tmp / "table.csv", tmp / "report.pdf"
        binary.write_bytes(secrets.token_bytes(size))
        make_csv(csv, size)
        make_pdf(pdf, args.pages)
        results: dict[str, list[float]] = {
            k: [] for k in ("bin", "csv", "pdf", "worker", "growth", "growth_csv", "idle")
        }
        with LLMFake() as fake, parley_process(fake) as (base, pid):
            api = Api(base)
            api.call(
                "POST",
                "/api/auth/register",
                json={
                    "email": f"bench-{secrets.token_hex(4)}@example.com",
                    "password": "bench password 1",
                    "name": "Bench",
                },
            )
            api.call("GET", "/api/models")  # the SDKs are loaded: their memory is not the upload's
            time.sleep(1.0)
            print(f"idle server before any upload: {rss_mb(pid):.1f} MB")
            # one of each first (allocator arenas, lazy imports), the first one watched too
            for path in (binary, csv, pdf):
                before, watch = rss_mb(pid), MemoryWatch(pid)
                watch.start()
                stored = upload(api, path, "warm-" + path.name)[1]
                watch.running = False
                watch.join()
                print(f"first {path.name} upload: RSS +{watch.peak - before:.1f} MB")
                api.call("DELETE", f"/api/files/{stored['id']}")
            for run in range(args.runs):
                for kind, path, growth_key in (
                    ("bin", binary, "growth"),
                    ("csv", csv, "growth_csv"),
                ):
                    before = rss_mb(pid)
                    watch = MemoryWatch(pid)
                    watch.start()
                    seconds, stored = upload(api, path, f"{kind}-{run}.{kind}")
                    watch.running = False
                    watch.join()
                    results["idle"].append(before)
                    results[kind].append(args.mb / seconds)
                    results[growth_key].append(watch.peak - before)
                    api.call("DELETE", f"/api/files/{stored['id']}")
                seconds, stored = upload(api, pdf, "report.pdf")
                assert stored["pages"] == args.pages, stored
                results["pdf"].append(seconds)
                api.call("DELETE", f"/api/files/{stored['id']}")
                out = tmp / f"out-{run}"
                out.mkdir()
                results["worker"].append(worker_seconds(pdf, out))
                print(
                    f"run {run + 1}: {results['bin'][-1]:.0f} MB/s binary, {results['csv'][-1]:.0f} MB/s CSV, "
                    f"PDF upload {results['pdf'][-1] * 1000:.0f} ms (worker alone {results['worker'][-1] * 1000:.0f} ms), "
                    f"RSS +{results['growth'][-1]:.1f} / +{results['growth_csv'][-1]:.1f} MB from {before:.0f} MB"
                )
    median = {k: statistics.median(v) for k, v in results.items()}
    worst = max(results["growth"] + results["growth_csv"])
    print(
        f"\nmedian of {args.runs}: upload {median['bin']:.0f} MB/s ({args.mb} MB random), "
        f"{median['csv']:.0f} MB/s ({args.mb} MB CSV, text extracted); "
        f"{args.pages}-page PDF upload {median['pdf'] * 1000:.0f} ms, worker alone {median['worker'] * 1000:.0f} ms; "
        f"server RSS growth during the upload {median['growth']:.1f} MB (binary), {median['growth_csv']:.1f} MB (CSV) "
        f"from {median['idle']:.0f} MB (largest in any run: {worst:.1f} MB)"
    )


if __name__ == "__main__":
    main()
