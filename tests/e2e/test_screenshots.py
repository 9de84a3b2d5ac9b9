"""Saves the main screens, light and dark, desktop and phone, into docs/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ParleyServer, new_context, shoot, sign_up

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
    page.get_by_role("button", name="New chat").first.click()
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
