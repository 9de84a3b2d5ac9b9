"""Saves the main screens, light and dark, desktop and phone, into docs/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ParleyServer, new_chat, new_context, shoot, sign_up

pytestmark = pytest.mark.e2e

RICH_ANSWER = """Here's a quick tour of what I can render.

## Merging intervals

Sort by start, then sweep once, extending the last interval while the next one overlaps:

```python
def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
```

| Input | Output |
|---|---|
| `[(1, 3), (2, 6), (8, 10)]` | `[(1, 6), (8, 10)]` |
| `[(1, 4), (4, 5)]` | `[(1, 5)]` |

The sort dominates, so the cost is $O(n \\log n)$; the sweep itself is linear:

$$
T(n) = \\sum_{i=1}^{n} c = cn
$$

- [x] Sort the intervals
- [x] Sweep and merge
- [ ] Add property-based tests[^1]

[^1]: Hypothesis makes this pleasant.
"""


def _chunks(text: str, size: int = 24) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _set_theme(page: Page, theme: str) -> None:
    page.evaluate(
        "t => { localStorage.setItem('parley-theme', JSON.stringify({state: {theme: t}, version: 0})); }",
        theme,
    )
    page.reload()
    page.get_by_role("textbox", name="Message").wait_for()


def _rich_conversation(page: Page, server: ParleyServer) -> None:
    server.llm.push(
        {
            "thinking": [
                "The user wants a merge-intervals example. ",
                "Show code, a table and the cost.",
            ],
            "text": _chunks(RICH_ANSWER),
        }
    )
    box = page.get_by_role("textbox", name="Message")
    box.fill("Write a Python function that merges overlapping intervals, with tests.")
    box.press("Enter")
    expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
        "data-status", "complete"
    )
    expect(page.locator(".katex").first).to_be_visible()
    expect(page.locator("pre code span").first).to_be_visible()


def test_screenshots_desktop(page: Page, parley_server: ParleyServer) -> None:
    page.goto("/login")
    page.get_by_role("button", name="Sign in").wait_for()
    shoot(page, "login-light-desktop")
    page.evaluate(
        "() => localStorage.setItem('parley-theme', JSON.stringify({state: {theme: 'dark'}, version: 0}))"
    )
    page.reload()
    page.get_by_role("button", name="Sign in").wait_for()
    shoot(page, "login-dark-desktop")
    sign_up(page)
    _set_theme(page, "light")
    page.get_by_role("heading", level=1).wait_for()
    page.wait_for_timeout(300)
    shoot(page, "welcome-light-desktop")
    page.get_by_role("button", name=re.compile("^Model:")).click()
    expect(page.get_by_role("menuitemradio").first).to_be_visible()
    shoot(page, "model-menu-light-desktop")
    page.keyboard.press("Escape")
    _set_theme(page, "dark")
    page.wait_for_timeout(300)
    shoot(page, "welcome-dark-desktop")
    _set_theme(page, "light")
    _rich_conversation(page, parley_server)
    page.get_by_test_id("message-scroller").evaluate("el => { el.scrollTop = 0 }")
    shoot(page, "chat-light-desktop")
    _set_theme(page, "dark")
    expect(page.locator(".katex").first).to_be_visible()
    page.get_by_test_id("message-scroller").evaluate("el => { el.scrollTop = 0 }")
    shoot(page, "chat-dark-desktop")
    page.get_by_role("button", name="Account menu").click()
    shoot(page, "user-menu-dark-desktop")
    page.keyboard.press("Escape")
    _set_theme(page, "light")

    # Mid-stream: live thinking, then text with the Stop button showing.
    new_chat(page)
    parley_server.llm.push(
        {
            "thinking": [f"Considering step {i} of the problem. " for i in range(40)],
            "text": _chunks(RICH_ANSWER, 6),
            "delay_ms": 70,
        }
    )
    box = page.get_by_role("textbox", name="Message")
    box.fill("Walk me through merging intervals.")
    box.press("Enter")
    expect(page.get_by_role("button", name="Thinking…")).to_be_visible()
    expect(page.get_by_text("Considering step 6")).to_be_visible()
    shoot(page, "thinking-light-desktop")
    expect(
        page.locator('[data-status="streaming"]').get_by_test_id("assistant-text")
    ).to_contain_text("Merging")
    shoot(page, "streaming-light-desktop")
    page.get_by_role("button", name="Stop generating").click()
    expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
        "data-status", "cancelled"
    )

    parley_server.llm.push({"status": 529, "error_message": "Overloaded"})
    box.fill("And once more?")
    box.press("Enter")
    expect(page.locator('[data-role="assistant"]').last).to_have_attribute("data-status", "error")
    shoot(page, "error-light-desktop")


def test_screenshots_phone(browser: Browser, parley_server: ParleyServer) -> None:
    context = new_context(browser, parley_server, phone=True)
    page = context.new_page()
    try:
        sign_up(page)
        _set_theme(page, "light")
        shoot(page, "welcome-light-phone")
        _set_theme(page, "dark")
        shoot(page, "welcome-dark-phone")
        _set_theme(page, "light")
        _rich_conversation(page, parley_server)
        page.get_by_test_id("message-scroller").evaluate("el => { el.scrollTop = 0 }")
        shoot(page, "chat-light-phone")
        page.get_by_role("button", name="Open menu").click()
        page.get_by_role("dialog", name="Conversations").wait_for()
        shoot(page, "drawer-light-phone")
        page.keyboard.press("Escape")
        _set_theme(page, "dark")
        expect(page.locator(".katex").first).to_be_visible()
        page.get_by_test_id("message-scroller").evaluate("el => { el.scrollTop = 0 }")
        shoot(page, "chat-dark-phone")
        page.get_by_role("button", name="Open menu").click()
        page.get_by_role("dialog", name="Conversations").wait_for()
        shoot(page, "drawer-dark-phone")
    finally:
        context.close()


ARTIFACT_PAGE = """<!doctype html>
<html><head><style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #fdfcf8; color: #1f1e1b; }
  main { max-width: 34rem; margin: 3rem auto; padding: 0 1.5rem; }
  h1 { font-size: 2rem; margin: 0 0 .5rem; }
  p { line-height: 1.6; color: #4a4843; }
  .card { border: 1px solid #e6e3d9; border-radius: 14px; padding: 1.25rem; margin-top: 1.5rem;
          background: white; box-shadow: 0 1px 3px rgba(0,0,0,.06); }
  .stat { font-size: 2.5rem; font-weight: 700; color: #b4552f; }
  button { margin-top: 1rem; border: 0; border-radius: 10px; padding: .6rem 1rem;
           background: #cc785c; color: white; font-weight: 600; }
</style></head>
<body><main>
  <h1>Weekly reading tracker</h1>
  <p>Log the pages you read each day and watch the streak grow.</p>
  <div class="card"><div class="stat">142 pages</div><p>read this week, 18% more than last week.</p>
  <button>Log today's reading</button></div>
</main></body></html>"""

ARTIFACT_CODE = '''def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merges overlapping intervals after sorting them by start."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


if __name__ == "__main__":
    print(merge([(1, 3), (2, 6), (8, 10)]))
'''


def _artifact_conversation(page: Page, server: ParleyServer) -> None:
    def create(identifier: str, kind: str, title: str, content: str, **extra: str) -> dict:
        call = {"command": "create", "identifier": identifier, "type": kind, "title": title}
        return {
            "name": "artifacts",
            "input": {**call, "content": content, **extra},
            "chunks": 6,
        }

    server.llm.push(
        {
            "text": ["Here is a merge function, and a small page to track your reading."],
            "tool_calls": [
                create("merge", "code", "Merge intervals", ARTIFACT_CODE, language="python"),
                create("tracker", "html", "Reading tracker", ARTIFACT_PAGE),
            ],
        }
    )
    server.llm.push({"text": ["Open either card to see it again; ask me for any change."]})
    box = page.get_by_role("textbox", name="Message")
    box.fill("Write a merge-intervals function, and a page to track my reading.")
    box.press("Enter")
    expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
        "data-status", "complete"
    )
    # the panel follows the artifact being written: the page, made last
    frame = page.frame_locator('[data-testid="artifact-preview"] iframe')
    expect(frame.get_by_role("heading", name="Weekly reading tracker")).to_be_visible()


def test_screenshots_artifacts(browser: Browser, parley_server: ParleyServer) -> None:
    context = new_context(browser, parley_server)
    page = context.new_page()
    try:
        sign_up(page)
        _set_theme(page, "light")
        _artifact_conversation(page, parley_server)
        shoot(page, "artifact-panel-light-desktop")
        panel = page.get_by_test_id("artifact-panel")
        panel.get_by_role("tab", name="Merge intervals").click()
        expect(panel.get_by_test_id("artifact-code").locator("span").first).to_be_visible()
        shoot(page, "artifact-code-light-desktop")
        _set_theme(page, "dark")
        page.get_by_test_id("artifact-card").first.click()
        expect(panel.get_by_test_id("artifact-code").locator("span").first).to_be_visible()
        shoot(page, "artifact-code-dark-desktop")
        panel.get_by_role("tab", name="Reading tracker").click()
        frame = page.frame_locator('[data-testid="artifact-preview"] iframe')
        expect(frame.get_by_role("heading", name="Weekly reading tracker")).to_be_visible()
        shoot(page, "artifact-panel-dark-desktop")
        panel.get_by_role("button", name="Edit", exact=True).click()
        expect(panel.locator(".cm-content")).to_be_visible()
        page.wait_for_timeout(1500)
        shoot(page, "artifact-editor-dark-desktop")

        # Mid-stream: the card says so and the source streams into the panel.
        _set_theme(page, "light")
        new_chat(page)
        tag = f'<artifact identifier="merge" type="code" language="python" title="Merge intervals">\n{ARTIFACT_CODE}</artifact>'
        parley_server.llm.push(
            {
                "text": _chunks(f"Here is the function.\n\n{tag}\n\nIt sorts first.", 6),
                "delay_ms": 60,
            }
        )
        box = page.get_by_role("textbox", name="Message")
        box.fill("Write a merge-intervals function.")
        box.press("Enter")
        expect(page.get_by_test_id("artifact-card")).to_contain_text("Creating…")
        expect(page.get_by_test_id("artifact-code")).to_contain_text("sorted(intervals)")
        shoot(page, "artifact-streaming-light-desktop")
        expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
            "data-status", "complete"
        )
    finally:
        context.close()

    context = new_context(browser, parley_server, phone=True)
    page = context.new_page()
    try:
        sign_up(page)
        _set_theme(page, "light")
        _artifact_conversation(page, parley_server)
        shoot(page, "artifact-panel-light-phone")
        page.get_by_role("button", name="Close artifact panel").click()
        page.get_by_test_id("message-scroller").evaluate("el => { el.scrollTop = 0 }")
        shoot(page, "artifact-cards-light-phone")
        _set_theme(page, "dark")
        page.get_by_test_id("artifact-card").first.click()
        expect(page.get_by_test_id("artifact-code").locator("span").first).to_be_visible()
        shoot(page, "artifact-code-dark-phone")
    finally:
        context.close()


ANALYSIS_CODE = """import statistics

temps = [12.1, 14.3, 13.8, 17.2, 19.5, 21.0, 18.4]
print(f"mean   {statistics.mean(temps):.2f} °C")
print(f"median {statistics.median(temps):.2f} °C")
print(f"stdev  {statistics.stdev(temps):.2f} °C")
"""

PLOT_CODE = """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
temps = [12.1, 14.3, 13.8, 17.2, 19.5, 21.0, 18.4]
fig, ax = plt.subplots(figsize=(6, 3.2), dpi=100)
ax.plot(days, temps, marker="o", color="#b4552f")
ax.set_ylabel("°C")
ax.set_title("Temperature this week")
fig.tight_layout()
fig.savefig("plot.png")
print("saved plot.png")
"""


SLOW_CODE = """import sys
import time

# Each step stands for a slow piece of work, so the output arrives a line at a time.
steps = [
    "load the data",
    "clean the rows",
    "fit the model",
    "check the residuals",
    "write the report",
]

for n, step in enumerate(steps, start=1):
    print(f"step {n}: {step}", flush=True)
    if n == 3:
        print("warning: 2 rows had missing values", file=sys.stderr, flush=True)
    time.sleep(0.4)

print("done")
"""


def _run_code(code: str, call_id: str) -> dict:
    return {
        "text": ["I'll compute that in the sandbox."],
        "tool_calls": [
            {"id": call_id, "name": "run_code", "input": {"language": "python", "code": code}}
        ],
    }


def _scroll_to_end(page: Page) -> None:
    page.get_by_test_id("message-scroller").evaluate("el => { el.scrollTop = el.scrollHeight }")
    page.wait_for_timeout(300)


def test_screenshots_code_execution(browser: Browser, parley_server: ParleyServer) -> None:
    llm = parley_server.llm
    context = new_context(browser, parley_server)
    page = context.new_page()
    try:
        sign_up(page)
        _set_theme(page, "light")
        llm.push(
            _run_code(ANALYSIS_CODE, "toolu_s1"),
            {"text": ["The mean is 16.61 °C and the median 17.20 °C; the week warmed steadily."]},
        )
        box = page.get_by_role("textbox", name="Message")
        box.fill("What are the mean and median of this week's temperatures?")
        box.press("Enter")
        card = page.get_by_test_id("tool-call").last
        expect(card.get_by_role("button", name="Approve")).to_be_visible()
        page.wait_for_timeout(400)
        shoot(page, "code-approval-light-desktop")
        _set_theme(page, "dark")
        expect(card.get_by_role("button", name="Approve")).to_be_visible()
        page.wait_for_timeout(400)
        shoot(page, "code-approval-dark-desktop")
        _set_theme(page, "light")
        card.get_by_role("button", name="Approve").click()
        assistant = page.locator('[data-role="assistant"]').last
        expect(assistant).to_have_attribute("data-status", "complete")

        deadline_requests = 3
        while len(llm.generation_requests()) < deadline_requests:
            page.wait_for_timeout(50)
        llm.push(
            _run_code(PLOT_CODE, "toolu_s2"),
            {"text": ["Here is the chart: the warmest day was Saturday."]},
        )
        box.fill("Plot them.")
        box.press("Enter")
        card = page.get_by_test_id("tool-call").last
        card.get_by_role("button", name="Approve").click()
        expect(assistant).to_have_attribute("data-status", "complete")
        result = card.get_by_test_id("execution-result")
        result.get_by_role("button", name=re.compile("Ran python")).click()
        expect(result.get_by_role("img")).to_be_visible()
        page.wait_for_timeout(300)
        _scroll_to_end(page)
        shoot(page, "code-result-light-desktop")
        _set_theme(page, "dark")
        card = page.get_by_test_id("tool-call").last
        expect(card.get_by_test_id("execution-result").get_by_role("img")).to_be_visible()
        _scroll_to_end(page)
        shoot(page, "code-result-dark-desktop")
        _set_theme(page, "light")

        # Long code is folded; its output streams into the card while it runs.
        new_chat(page)
        llm.push(
            _run_code(SLOW_CODE, "toolu_s4"),
            {"text": ["All five steps ran."]},
        )
        box.fill("Simulate five steps, slowly.")
        box.press("Enter")
        card = page.get_by_test_id("tool-call").last
        card.get_by_role("button", name="Approve").click()
        expect(card.get_by_test_id("live-output")).to_contain_text("step 2")
        shoot(page, "code-running-light-desktop")
        expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
            "data-status", "complete"
        )

        # A code artifact run from the panel: the dialog, then the output with the plot.
        new_chat(page)
        tag = f'<artifact identifier="chart" type="code" language="python" title="Temperature chart">\n{PLOT_CODE}</artifact>'
        llm.push(
            {"text": [f"Here is a script that draws the chart.\n\n{tag}\n\nPress Run to see it."]}
        )
        box.fill("Write a script that plots this week's temperatures.")
        box.press("Enter")
        expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
            "data-status", "complete"
        )
        panel = page.get_by_test_id("artifact-panel")
        panel.get_by_role("button", name="Run", exact=True).click()
        dialog = page.get_by_role("dialog", name=re.compile("^Run"))
        expect(dialog).to_be_visible()
        page.wait_for_timeout(300)
        shoot(page, "code-run-dialog-light-desktop")
        dialog.get_by_role("button", name="Run").click()
        output = panel.get_by_test_id("artifact-output")
        expect(output.get_by_role("img")).to_be_visible()
        page.wait_for_timeout(500)
        shoot(page, "code-panel-output-light-desktop")
        _set_theme(page, "dark")
        page.get_by_test_id("artifact-card").last.click()
        expect(panel.get_by_test_id("artifact-code")).to_be_visible()
        panel.get_by_role("button", name="Show output").click()
        expect(panel.get_by_test_id("artifact-output").get_by_role("img")).to_be_visible()
        page.wait_for_timeout(500)
        shoot(page, "code-panel-output-dark-desktop")
    finally:
        context.close()

    context = new_context(browser, parley_server, phone=True)
    page = context.new_page()
    try:
        sign_up(page)
        _set_theme(page, "light")
        llm.push(
            _run_code(ANALYSIS_CODE, "toolu_s3"),
            {"text": ["The mean is 16.61 °C."]},
        )
        box = page.get_by_role("textbox", name="Message")
        box.fill("Mean and median of this week's temperatures?")
        box.press("Enter")
        card = page.get_by_test_id("tool-call").last
        expect(card.get_by_role("button", name="Approve")).to_be_visible()
        card.get_by_test_id("approval-prompt").scroll_into_view_if_needed()
        page.wait_for_timeout(400)
        shoot(page, "code-approval-light-phone")
        _set_theme(page, "dark")
        card = page.get_by_test_id("tool-call").last
        expect(card.get_by_role("button", name="Approve")).to_be_visible()
        card.get_by_test_id("approval-prompt").scroll_into_view_if_needed()
        page.wait_for_timeout(400)
        shoot(page, "code-approval-dark-phone")
        card.get_by_role("button", name="Always allow in this conversation").click()
        expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
            "data-status", "complete"
        )
        page.wait_for_timeout(300)
        shoot(page, "code-result-dark-phone")

        _set_theme(page, "light")
        new_chat(page)
        tag = f'<artifact identifier="chart" type="code" language="python" title="Temperature chart">\n{PLOT_CODE}</artifact>'
        llm.push({"text": [f"Here is the script.\n\n{tag}"]})
        box.fill("Write a script that plots this week's temperatures.")
        box.press("Enter")
        sheet = page.get_by_role("dialog", name="Temperature chart")
        expect(sheet.get_by_test_id("artifact-code")).to_be_visible()
        expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
            "data-status", "complete"
        )
        sheet.get_by_role("button", name="Run", exact=True).click()
        page.get_by_role("dialog", name=re.compile("^Run")).get_by_role(
            "button", name="Run"
        ).click()
        expect(sheet.get_by_test_id("artifact-output").get_by_role("img")).to_be_visible()
        page.wait_for_timeout(500)
        shoot(page, "code-panel-output-light-phone")
    finally:
        context.close()
