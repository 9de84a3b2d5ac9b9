"""End-to-end fixtures: the built web client served by a real `python -m parley serve` process
(talking to the loopback fake LLM), driven by Playwright in the Debian Chromium."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.fakes.llm_server import LLMFake

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
STATIC_INDEX = ROOT / "parley" / "static" / "index.html"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("PARLEY_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1280, "height": 820}
# CI shares two cores with the server and the other suites: give assertions room.
expect.set_options(timeout=10_000)
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _newest_mtime(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0.0)


def _ensure_built() -> None:
    """Builds the client when it is missing or older than its sources (the Makefile normally has)."""
    sources = max(
        _newest_mtime(WEB / "src"),
        _newest_mtime(WEB / "artifact-runtime"),
        (WEB / "index.html").stat().st_mtime,
    )
    runtime = ROOT / "parley" / "static" / "artifact-runtime" / "frame.js"
    if STATIC_INDEX.is_file() and runtime.is_file() and STATIC_INDEX.stat().st_mtime >= sources:
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("the web client is not built and npm is not installed")
    if not (WEB / "node_modules").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=WEB, check=True)
    subprocess.run([npm, "run", "build"], cwd=WEB, check=True)


@dataclass
class ParleyServer:
    url: str
    llm: LLMFake
    data_dir: Path


@pytest.fixture(scope="session")
def e2e_llm() -> Iterator[LLMFake]:
    with LLMFake(default={"text": ["Hello", " from", " the", " fake", " model."]}) as fake:
        yield fake


@pytest.fixture(scope="session")
def parley_server(
    e2e_llm: LLMFake, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ParleyServer]:
    _ensure_built()
    data_dir = tmp_path_factory.mktemp("parley-e2e")
    port = _free_port()
    env = {
        **os.environ,
        "ANTHROPIC_API_KEY": "test",
        "ANTHROPIC_BASE_URL": e2e_llm.anthropic_url,
        "PARLEY_DATA_DIR": str(data_dir),
        "PARLEY_PORT": str(port),
        "PARLEY_HOST": "127.0.0.1",
        "PARLEY_LOG_LEVEL": "warning",
        "PARLEY_LOGIN_ATTEMPTS_PER_MINUTE": "1000",
        "PARLEY_PROVIDER_MAX_RETRIES": "0",
    }
    log = (data_dir / "server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "parley", "serve"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            log.flush()
            pytest.fail(
                "parley serve exited:\n" + (data_dir / "server.log").read_text(errors="replace")
            )
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("parley serve did not become healthy in 60 s")
        time.sleep(0.2)
    try:
        yield ParleyServer(url=url, llm=e2e_llm, data_dir=data_dir)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(autouse=True)
def _fresh_script(request: pytest.FixtureRequest) -> None:
    if "parley_server" in request.fixturenames:
        fake: LLMFake = request.getfixturevalue("e2e_llm")
        fake.reset()
        fake.set_default({"text": ["Hello", " from", " the", " fake", " model."]})


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make chromium` (apt-get install -y chromium)"
        )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def new_context(browser: Browser, server: ParleyServer, *, phone: bool = False) -> BrowserContext:
    context = browser.new_context(
        base_url=server.url,
        viewport=PHONE if phone else DESKTOP,
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        has_touch=phone,
        locale="en-US",
        timezone_id="UTC",
        reduced_motion="reduce",
    )
    context.set_default_timeout(15_000)
    return context


def watch_for_script_injection(page: Page) -> list[str]:
    """Records any dialog, so a test can assert hostile content opened none."""
    dialogs: list[str] = []

    def on_dialog(dialog: object) -> None:
        dialogs.append(getattr(dialog, "message", "?"))
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    return dialogs


@pytest.fixture
def context(browser: Browser, parley_server: ParleyServer) -> Iterator[BrowserContext]:
    ctx = new_context(browser, parley_server)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def sign_up(page: Page, *, name: str = "Ada Lovelace") -> str:
    """Creates an account through the API in the page's cookie jar, then opens the app."""
    email = f"ada-{secrets.token_hex(4)}@example.com"
    page.goto("/api/health")
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "parley_csrf")
    response = page.request.post(
        "/api/auth/register",
        data={"email": email, "password": "correct horse battery", "name": name},
        headers={"X-CSRF-Token": csrf},
    )
    assert response.status == 201, response.text()
    page.goto("/")
    page.get_by_role("textbox", name="Message").wait_for()
    return email


@pytest.fixture
def signed_in(page: Page) -> Page:
    sign_up(page)
    return page


def new_chat(page: Page) -> None:
    """Starts a new chat and waits until its empty composer is the one on screen.

    Typing straight after the click would race the route change: the keystrokes
    land in the old conversation's composer (drafts are kept per conversation).
    """
    page.get_by_role("button", name="New chat").first.click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("list", name="Example prompts")).to_be_visible()


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(150)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
