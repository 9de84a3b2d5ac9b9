"""axe-core (bundled with the web client's dev packages) finds no WCAG 2 A/AA violations on the
main screens, in the light and the dark theme; keyboard users see where focus is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ParleyServer

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"
ANSWER = (
    "A **short** answer with a [link](https://example.com), `inline code` and a table:\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint('hi')  # comment\n```\n"
)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `npm ci` in web/ (make test does)")
    # Evaluated over the DevTools protocol: the app's own CSP rightly refuses injected script tags.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result: dict[str, Any] = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        })"""
    )
    return [
        {
            "id": v["id"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
            "summary": v["nodes"][0].get("failureSummary", "") if v["nodes"] else "",
        }
        for v in result["violations"]
    ]


def set_theme(page: Page, theme: str) -> None:
    page.evaluate(
        "t => localStorage.setItem('parley-theme', JSON.stringify({state: {theme: t}, version: 0}))",
        theme,
    )
    page.reload()
    page.get_by_role("textbox", name="Message").wait_for()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_login_screen_meets_wcag_aa(page: Page, parley_server: ParleyServer, theme: str) -> None:
    page.goto("/login")
    page.evaluate(
        "t => localStorage.setItem('parley-theme', JSON.stringify({state: {theme: t}, version: 0}))",
        theme,
    )
    page.reload()
    page.get_by_role("button", name="Sign in").wait_for()
    assert axe_violations(page) == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_chat_screen_meets_wcag_aa(
    signed_in: Page, parley_server: ParleyServer, theme: str
) -> None:
    page = signed_in
    set_theme(page, theme)
    assert axe_violations(page) == []
    parley_server.llm.push({"text": [ANSWER]})
    box = page.get_by_role("textbox", name="Message")
    box.fill("Show me a little of everything")
    box.press("Enter")
    last = page.locator('[data-role="assistant"]').last
    expect(last).to_have_attribute("data-status", "complete")
    expect(last.locator("pre code span").first).to_be_visible()
    page.mouse.move(5, 5)
    assert axe_violations(page) == []


def test_keyboard_focus_is_visible(signed_in: Page) -> None:
    page = signed_in
    page.locator("body").focus()
    for _ in range(3):
        page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and outline[1] != "0px", outline
