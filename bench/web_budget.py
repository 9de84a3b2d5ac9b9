"""Web client budgets: initial JavaScript (gzipped) and the time to open a 2,000-message conversation.

    .venv/bin/python bench/web_budget.py [--messages 2000] [--runs 5] [--json out.json]

1. Initial JS: every script that parley/static/index.html loads up front (the entry module and its
   modulepreloads), gzipped at level 9, summed. Lazy chunks (KaTeX, highlighter grammars) are listed
   apart: they load only when an answer needs them. Budget: 300 KB.
2. Open time: a real `python -m parley serve` on a fresh SQLite data directory, answering through the
   in-process loopback fake LLM (tests/fakes/llm_server.py). One user's conversation is seeded through
   the public API with N messages (N/2 turns, Markdown answers with code), then headless Chromium
   (Debian's /usr/bin/chromium) opens it, --runs times each:
   - cold load: navigation start of /chat/<id> to the newest message painted (HTML, JS, the
     messages request, the first render and scroll to the bottom all included);
   - in-app open: a click on the conversation in the sidebar (from another conversation, with an empty
     cache) to the newest message painted.
   Scrolling from the bottom to the top in 1,000 px steps reports the slowest frames. Budget: < 1 s.
Builds the client first when parley/static is missing. Results and method: docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.llm_server import LLMFake  # noqa: E402

STATIC = ROOT / "parley" / "static"
CHROMIUM = os.environ.get("PARLEY_E2E_CHROMIUM", "/usr/bin/chromium")
JS_BUDGET_KB = 300.0
OPEN_BUDGET_MS = 1000.0
ANSWER = (
    "Here is a short answer with **some emphasis**, a [link](https://example.com) and a list:\n\n"
    "- first point, explained in a sentence or two so the row has some height\n"
    "- second point with `inline code`\n\n"
    "```python\ndef answer(n: int) -> int:\n    return n * 2\n```\n\n"
    "That is all for reply {n}."
)


def gz_kb(data: bytes) -> float:
    return len(gzip.compress(data, compresslevel=9)) / 1024


def measure_bundle() -> dict[str, Any]:
    index = (STATIC / "index.html").read_text()
    initial = re.findall(r'<script[^>]+type="module"[^>]+src="([^"]+)"', index)
    initial += re.findall(r'<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"', index)
    css = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', index)
    files = {p: STATIC / p.lstrip("/") for p in dict.fromkeys(initial)}
    initial_js = {p: round(gz_kb(f.read_bytes()), 1) for p, f in files.items()}
    lazy = {
        f"/assets/{f.name}": round(gz_kb(f.read_bytes()), 1)
        for f in sorted((STATIC / "assets").glob("*.js"))
        if f"/assets/{f.name}" not in files
    }
    biggest_lazy = dict(sorted(lazy.items(), key=lambda kv: -kv[1])[:4])
    return {
        "initial_js_gzip_kb": round(sum(initial_js.values()), 1),
        "initial_js_files": initial_js,
        "initial_css_gzip_kb": round(
            sum(gz_kb((STATIC / c.lstrip("/")).read_bytes()) for c in css), 1
        ),
        "lazy_js_gzip_kb_total": round(sum(lazy.values()), 1),
        "largest_lazy_chunks_gzip_kb": biggest_lazy,
        "budget_kb": JS_BUDGET_KB,
    }


def ensure_built() -> None:
    if (STATIC / "index.html").is_file():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("parley/static is not built and npm is missing")
    if not (ROOT / "web" / "node_modules").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT / "web", check=True)
    subprocess.run([npm, "run", "build"], cwd=ROOT / "web", check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Api:
    def __init__(self, base: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=30)
        self.http.get("/api/health")

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"X-CSRF-Token": self.http.cookies.get("parley_csrf", "")}
        response = self.http.request(method, path, headers=headers, **kwargs)
        response.raise_for_status()
        return response

    def wait_for_run(self, run_id: str) -> None:
        with self.http.stream("GET", f"/api/runs/{run_id}/events") as stream:
            for _ in stream.iter_lines():
                pass


@contextlib.contextmanager
def parley_server(fake: LLMFake) -> Iterator[str]:
    """`python -m parley serve` on a fresh data directory, talking to `fake`; its base URL."""
    with parley_process(fake) as (base, _pid):
        yield base


@contextlib.contextmanager
def parley_process(
    fake: LLMFake, data_dir: Path | None = None, database_url: str | None = None
) -> Iterator[tuple[str, int]]:
    """parley_server(), with the server's process id (for benches that watch its memory); on a
    fresh data directory unless given one (and its database)."""
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        port = free_port()
        env = {
            **os.environ,
            "ANTHROPIC_API_KEY": "bench",
            "ANTHROPIC_BASE_URL": fake.anthropic_url,
            "PARLEY_DATA_DIR": str(data_dir or tmp),
            "PARLEY_PORT": str(port),
            "PARLEY_LOG_LEVEL": "warning",
        }
        if database_url is not None:
            env["PARLEY_DATABASE_URL"] = database_url
        server = subprocess.Popen([sys.executable, "-m", "parley", "serve"], cwd=ROOT, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit("parley serve did not start")
                time.sleep(0.2)
            yield base, server.pid
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


def seed(api: Api, fake: LLMFake, messages: int) -> tuple[str, str]:
    api.call(
        "POST",
        "/api/auth/register",
        json={
            "email": f"bench-{secrets.token_hex(4)}@example.com",
            "password": "bench password 1",
            "name": "Bench",
        },
    )
    other = api.call("POST", "/api/conversations", json={"title": "Another conversation"}).json()
    conversation = api.call(
        "POST", "/api/conversations", json={"title": "Long conversation"}
    ).json()
    parent: str | None = None
    for n in range(messages // 2):
        text = ANSWER.format(n=n)
        fake.push({"text": [text[i : i + 64] for i in range(0, len(text), 64)]})
        turn = api.call(
            "POST",
            f"/api/conversations/{conversation['id']}/messages",
            json={"content": f"Question {n}: tell me something useful.", "parent_id": parent},
        ).json()
        api.wait_for_run(turn["run_id"])
        parent = turn["assistant_message"]["id"]
    return conversation["id"], other["id"]


WAIT_FOR_MARKER = """
async (marker) => {
  const found = () => [...document.querySelectorAll('[data-role="assistant"]')]
    .some((el) => el.textContent.includes(marker));
  await new Promise((resolve) => {
    const check = () => (found() ? resolve() : requestAnimationFrame(check));
    check();
  });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now();
}
"""

CLICK_AND_WAIT = """
async ([id, marker]) => {
  const link = document.querySelector(`a[href="/chat/${id}"]`);
  const t0 = performance.now();
  link.click();
  const found = () => [...document.querySelectorAll('[data-role="assistant"]')]
    .some((el) => el.textContent.includes(marker));
  await new Promise((resolve) => {
    const check = () => (found() ? resolve() : requestAnimationFrame(check));
    check();
  });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - t0;
}
"""

SCROLL_FRAMES = """
async () => {
  const el = document.querySelector('[data-testid="message-scroller"]');
  const frames = [];
  let last = performance.now();
  while (el.scrollTop > 0) {
    el.scrollTop = Math.max(0, el.scrollTop - 1000);
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  frames.sort((a, b) => a - b);
  const pick = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
  return { frames: frames.length, p50: pick(0.5), p95: pick(0.95), max: frames[frames.length - 1] };
}
"""


def measure_open(
    base: str, api: Api, conversation_id: str, other_id: str, last_n: int, runs: int
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    marker = f"That is all for reply {last_n}."
    cookies = [{"name": c.name, "value": c.value, "url": base} for c in api.http.cookies.jar]
    cold: list[float] = []
    in_app: list[float] = []
    scroll: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-quic",
            ],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 820})
        context.add_cookies(cookies)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(f"{base}/chat/{other_id}")  # warm the HTTP cache like a returning user
        page.wait_for_selector("#composer")
        for _ in range(runs):
            page.goto(f"{base}/chat/{conversation_id}")
            cold.append(page.evaluate(WAIT_FOR_MARKER, marker))
        for _ in range(runs):
            page.goto(f"{base}/chat/{other_id}")
            page.wait_for_selector(f'a[href="/chat/{conversation_id}"]')
            in_app.append(page.evaluate(CLICK_AND_WAIT, [conversation_id, marker]))
        page.wait_for_timeout(300)
        scroll = page.evaluate(SCROLL_FRAMES)
        browser.close()
    return {
        "messages": last_n * 2 + 2,
        "cold_load_ms": {"median": round(statistics.median(cold)), "all": [round(x) for x in cold]},
        "in_app_open_ms": {
            "median": round(statistics.median(in_app)),
            "all": [round(x) for x in in_app],
        },
        "scroll_to_top_frame_ms": {
            k: round(v, 1) if isinstance(v, float) else v for k, v in scroll.items()
        },
        "budget_ms": OPEN_BUDGET_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    ensure_built()
    results: dict[str, Any] = {"bundle": measure_bundle()}
    print(
        f"initial JS: {results['bundle']['initial_js_gzip_kb']} KB gzipped (budget {JS_BUDGET_KB:.0f} KB)"
    )

    with LLMFake() as fake, parley_server(fake) as base:
        api = Api(base)
        started = time.monotonic()
        conversation_id, other_id = seed(api, fake, args.messages)
        print(f"seeded {args.messages} messages in {time.monotonic() - started:.1f} s")
        results["open"] = measure_open(
            base, api, conversation_id, other_id, args.messages // 2 - 1, args.runs
        )

    opened = results["open"]
    print(
        f"open {opened['messages']}-message conversation, cold load: {opened['cold_load_ms']['median']} ms median {opened['cold_load_ms']['all']}"
    )
    print(
        f"open {opened['messages']}-message conversation, in app:    {opened['in_app_open_ms']['median']} ms median {opened['in_app_open_ms']['all']}"
    )
    print(f"scroll to top frames: {opened['scroll_to_top_frame_ms']}")
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
