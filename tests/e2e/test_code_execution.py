"""Running code: the model's run_code calls wait for the person in an inline card (approve, deny,
always allow), survive a reload and a server restart, and code artifacts run from the panel."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import ROOT, ParleyServer, _free_port, new_context, sign_up
from tests.e2e.test_accessibility import axe_violations, set_theme
from tests.e2e.test_artifacts import answer, panel, send, wait_for_requests
from tests.fakes.llm_server import LLMFake

pytestmark = pytest.mark.e2e

PLOT = """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

xs = list(range(10))
plt.plot(xs, [x * x for x in xs], marker="o")
plt.title("Squares")
plt.savefig("plot.png")
print("saved plot.png")
"""


def run_code_step(code: str = "print(6*7)", *, call_id: str = "toolu_1") -> dict[str, Any]:
    return {
        "text": ["Let me compute."],
        "tool_calls": [
            {"id": call_id, "name": "run_code", "input": {"language": "python", "code": code}}
        ],
    }


def card(page: Page) -> Locator:
    return answer(page).get_by_test_id("tool-call")


def tool_results_sent(llm: LLMFake) -> list[str]:
    """What the model was told about each run, in the order the requests came."""
    told = []
    for request in llm.generation_requests():
        for message in request.body.get("messages", []):
            content = message.get("content")
            if not isinstance(content, list):
                continue
            for block in content:
                if isinstance(block, dict) and block.get("type") == "tool_result":
                    told.append(str(block.get("content")))
    return told


def test_approving_runs_the_code_and_the_model_carries_on(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    llm = parley_server.llm
    llm.push(run_code_step(), {"text": ["It is 42."]})
    send(page, "What is six times seven?")

    expect(card(page).get_by_role("button", name="Approve")).to_be_visible()
    expect(card(page).get_by_test_id("approval-badge")).to_have_text("Needs approval")
    expect(card(page)).to_contain_text("print(6*7)")
    expect(card(page).get_by_test_id("approval-prompt")).to_contain_text("No network")
    expect(answer(page)).to_have_attribute("data-status", "streaming")
    card(page).get_by_role("button", name="Approve").click()

    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(card(page).get_by_test_id("approval-badge")).to_have_text("Approved")
    expect(card(page).get_by_role("button", name="Approve")).to_have_count(0)
    result = card(page).get_by_test_id("execution-result")
    expect(result).to_contain_text(re.compile(r"Ran python · \d+\.\d s · exit 0"))
    result.get_by_role("button", name=re.compile("Ran python")).click()
    expect(result.get_by_role("group", name="stdout")).to_have_text("42")
    text = answer(page).get_by_test_id("assistant-text").inner_text()
    assert text.index("Let me compute.") < text.index("It is 42.")
    assert any("42" in told for told in tool_results_sent(llm))

    # What a reloaded page shows comes from the stored parts: the same card, folded.
    page.reload()
    expect(card(page).get_by_test_id("approval-badge")).to_have_text("Approved")
    expect(card(page).get_by_test_id("execution-result")).to_contain_text("exit 0")
    expect(answer(page).get_by_test_id("assistant-text")).to_contain_text("It is 42.")


def test_denying_skips_the_run_and_the_model_carries_on(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    llm = parley_server.llm
    llm.push(run_code_step('open("x", "w").write("no")'), {"text": ["Fine, I won't run it."]})
    send(page, "Write a file")
    card(page).get_by_role("button", name="Deny").click()

    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(card(page).get_by_test_id("approval-badge")).to_have_text("Denied")
    expect(card(page)).to_contain_text("You declined, so the code did not run.")
    expect(card(page).get_by_test_id("execution-result")).to_have_count(0)
    expect(card(page).get_by_test_id("live-output")).to_have_count(0)
    expect(answer(page).get_by_test_id("assistant-text")).to_contain_text("Fine, I won't run it.")
    assert any("declined" in told for told in tool_results_sent(llm))


def test_a_pending_approval_survives_a_reload(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    parley_server.llm.push(
        run_code_step('import time\nprint("start", flush=True)\ntime.sleep(1.5)\nprint(6*7)'),
        {"text": ["It is 42."]},
    )
    send(page, "Slowly, what is six times seven?")
    expect(card(page).get_by_role("button", name="Approve")).to_be_visible()

    page.reload()
    expect(card(page).get_by_role("button", name="Approve")).to_be_visible()
    expect(answer(page)).to_have_attribute("data-status", "streaming")
    card(page).get_by_role("button", name="Approve").click()
    # The output streams into the card while the code runs.
    expect(card(page).get_by_test_id("live-output")).to_contain_text("start")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    result = card(page).get_by_test_id("execution-result")
    result.get_by_role("button", name=re.compile("Ran python")).click()
    expect(result.get_by_role("group", name="stdout")).to_have_text("start\n42")
    expect(answer(page).get_by_test_id("assistant-text")).to_contain_text("It is 42.")


def test_always_allow_runs_later_code_without_asking_until_switched_back(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    llm = parley_server.llm
    llm.push(run_code_step(), {"text": ["It is 42."]})
    send(page, "What is six times seven?")
    card(page).get_by_role("button", name="Always allow in this conversation").click()
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(card(page).get_by_test_id("approval-badge")).to_have_text(re.compile("^Approved"))
    header_switch = page.get_by_role("button", name="Runs code without asking")
    expect(header_switch).to_be_visible()
    assert axe_violations(page) == []
    wait_for_requests(llm, 3)

    llm.push(run_code_step("print(7*8)", call_id="toolu_2"), {"text": ["It is 56."]})
    send(page, "And seven times eight?")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(card(page).get_by_test_id("approval-badge")).to_have_text("Ran automatically")
    expect(card(page).get_by_test_id("approval-prompt")).to_have_count(0)
    expect(card(page).get_by_test_id("execution-result")).to_contain_text("exit 0")
    expect(answer(page).get_by_test_id("assistant-text")).to_contain_text("It is 56.")

    # The person can take "always" back from the header.
    header_switch.click()
    page.get_by_role("menuitemradio", name=re.compile("Ask me first")).click()
    expect(header_switch).to_have_count(0)
    page.get_by_role("button", name="Conversation options").click()
    expect(page.get_by_role("menuitemradio", name=re.compile("Ask me first"))).to_be_checked()
    page.keyboard.press("Escape")
    wait_for_requests(llm, 5)
    llm.push(run_code_step("print(8*9)", call_id="toolu_3"), {"text": ["It is 72."]})
    send(page, "And eight times nine?")
    expect(card(page).get_by_role("button", name="Approve")).to_be_visible()
    card(page).get_by_role("button", name="Approve").click()
    expect(answer(page)).to_have_attribute("data-status", "complete")


def test_a_python_artifact_runs_from_the_panel_and_shows_its_plot(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    tag = f'<artifact identifier="plot" type="code" language="python" title="Plot">\n{PLOT}</artifact>'
    parley_server.llm.push({"text": [f"Here is a plot.\n\n{tag}\n\nRun it to see it."]})
    send(page, "Plot the squares")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(panel(page).get_by_test_id("artifact-title")).to_have_text("Plot")

    panel(page).get_by_role("button", name="Run", exact=True).click()
    dialog = page.get_by_role("dialog", name="Run “Plot”?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("python")
    expect(dialog).to_contain_text("512 MB")
    expect(dialog).to_contain_text("Run only code you have read and trust")
    assert axe_violations(page) == []
    timeout = dialog.get_by_role("spinbutton", name="Time limit")
    expect(timeout).to_have_value("10")
    timeout.fill("999")
    expect(dialog.get_by_role("button", name="Run")).to_be_disabled()
    timeout.fill("30")
    dialog.get_by_role("button", name="Run").click()
    expect(dialog).to_be_hidden()

    output = panel(page).get_by_test_id("artifact-output")
    expect(output).to_contain_text("saved plot.png")
    expect(output).to_contain_text(re.compile(r"Ran python · \d+\.\d s · exit 0"))
    image = output.get_by_role("img", name=re.compile("plot.png"))
    expect(image).to_be_visible()
    deadline = time.monotonic() + 10
    while image.evaluate("img => img.complete && img.naturalWidth") == 0:
        assert time.monotonic() < deadline, "the plot image did not load"
        time.sleep(0.1)
    assert image.evaluate("img => img.naturalWidth") > 100
    assert axe_violations(page) == []

    # A second run: the earlier one stays in the history.
    panel(page).get_by_role("button", name="Run", exact=True).click()
    page.get_by_role("dialog", name="Run “Plot”?").get_by_role("button", name="Run").click()
    history = panel(page).get_by_role("button", name="Earlier runs")
    expect(history).to_be_visible()
    history.click()
    runs = page.get_by_role("menuitemradio")
    expect(runs).to_have_count(2)
    expect(runs.nth(0)).to_be_checked()
    runs.nth(1).click()
    expect(output.get_by_role("img", name=re.compile("plot.png"))).to_be_visible()


def test_a_non_runnable_artifact_has_no_usable_run_button(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    tag = (
        '<artifact identifier="q" type="code" language="sql" title="Query">\nSELECT 1;\n</artifact>'
    )
    parley_server.llm.push({"text": [f"A query.\n\n{tag}"]})
    send(page, "A query")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    run = panel(page).get_by_role("button", name="Run", exact=True)
    expect(run).to_have_attribute("aria-disabled", "true")
    expect(run).to_have_attribute("title", re.compile("Python, JavaScript and Bash"))
    run.click(force=True)
    expect(page.get_by_role("dialog")).to_have_count(0)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_card_and_the_run_output_meet_wcag_aa(
    signed_in: Page, parley_server: ParleyServer, theme: str
) -> None:
    page = signed_in
    set_theme(page, theme)
    code = 'import sys\nprint("to stdout")\nprint("to stderr", file=sys.stderr)'
    parley_server.llm.push(run_code_step(code), {"text": ["Done."]})
    send(page, "Print to both streams")
    expect(card(page).get_by_role("button", name="Approve")).to_be_visible()
    expect(card(page).locator("code span").first).to_be_visible()
    assert axe_violations(page) == []
    card(page).get_by_role("button", name="Approve").click()
    expect(answer(page)).to_have_attribute("data-status", "complete")
    card(page).get_by_role("button", name=re.compile("Ran python")).click()
    expect(card(page).get_by_role("group", name="stderr")).to_have_text("to stderr")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Conversation options").click()
    assert axe_violations(page) == []


def _start_server(llm: LLMFake, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "ANTHROPIC_API_KEY": "test",
        "ANTHROPIC_BASE_URL": llm.anthropic_url,
        "PARLEY_DATA_DIR": str(data_dir),
        "PARLEY_PORT": str(port),
        "PARLEY_HOST": "127.0.0.1",
        "PARLEY_LOG_LEVEL": "warning",
        "PARLEY_PROVIDER_MAX_RETRIES": "0",
    }
    log = (data_dir / "server.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "parley", "serve"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 60
    while True:
        assert proc.poll() is None, (data_dir / "server.log").read_text(errors="replace")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "parley serve did not become healthy"
        time.sleep(0.2)


@pytest.fixture
def restartable(parley_server: ParleyServer, tmp_path: Path) -> Iterator[tuple[ParleyServer, Any]]:
    """A server of this test's own, which the test may restart on the same data and port."""
    port = _free_port()
    procs = [_start_server(parley_server.llm, tmp_path, port)]

    def restart() -> None:
        procs[0].terminate()
        procs[0].wait(timeout=20)
        procs[0] = _start_server(parley_server.llm, tmp_path, port)

    try:
        yield ParleyServer(f"http://127.0.0.1:{port}", parley_server.llm, tmp_path), restart
    finally:
        procs[0].terminate()
        try:
            procs[0].wait(timeout=10)
        except subprocess.TimeoutExpired:
            procs[0].kill()


def test_after_a_server_restart_a_pending_card_is_interrupted_with_retry(
    browser: Browser, restartable: tuple[ParleyServer, Any]
) -> None:
    server, restart = restartable
    context = new_context(browser, server)
    page = context.new_page()
    try:
        sign_up(page)
        server.llm.push(run_code_step())
        send(page, "What is six times seven?")
        expect(card(page).get_by_role("button", name="Approve")).to_be_visible()
        restart()
        page.reload()
        expect(answer(page)).to_have_attribute("data-status", "interrupted")
        expect(card(page).get_by_role("button", name="Approve")).to_have_count(0)
        expect(card(page).get_by_test_id("approval-badge")).to_have_text("Not run")
        expect(card(page)).to_contain_text("the answer was interrupted before it was approved")
        expect(answer(page).get_by_test_id("status-note")).to_contain_text("interrupted")
        server.llm.push({"text": ["Retried without code."]})
        answer(page).get_by_role("button", name="Retry").click()
        expect(answer(page)).to_have_attribute("data-status", "complete")
        expect(answer(page).get_by_test_id("assistant-text")).to_have_text("Retried without code.")
    finally:
        context.close()
