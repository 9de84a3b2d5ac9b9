"""The Ctrl/⌘+K palette: find a word from an old message, open it on its own branch, scrolled to
and marked; the same on a phone through the sidebar's Search button; WCAG AA in both themes."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ParleyServer, new_context, shoot, sign_up
from tests.e2e.test_accessibility import axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
ANSWER = (
    "Here is a longer answer, so that a few turns fill more than one screen. "
    "It talks about routes, seasons, budgets and the gear to pack, at some length, "
    "with enough words to wrap over several lines in the conversation column. "
) * 3


def _csrf(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "parley_csrf")


def _post(page: Page, path: str, data: dict[str, Any]) -> dict[str, Any]:
    response = page.request.post(path, data=data, headers={"X-CSRF-Token": _csrf(page)})
    assert response.ok, response.text()
    body: dict[str, Any] = response.json()
    return body


def _say(page: Page, conversation: str, content: str, parent: str | None) -> tuple[str, str]:
    """Sends one message through the API and waits for the fake model's answer to finish."""
    turn = _post(
        page,
        f"/api/conversations/{conversation}/messages",
        {"content": content, "parent_id": parent},
    )
    answer_id: str = turn["assistant_message"]["id"]
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        messages = page.request.get(f"/api/conversations/{conversation}/messages").json()
        status = next(m["status"] for m in messages["messages"] if m["id"] == answer_id)
        if status == "complete":
            return turn["user_message"]["id"], answer_id
        time.sleep(0.05)
    raise AssertionError(f"the answer to {content!r} did not complete")


def _seed(page: Page) -> dict[str, str]:
    """An old, long trip conversation whose first thread was later replaced by an edit of its
    first message, so the message to find sits on a branch the chat does not show by default;
    and a newer conversation to start from."""
    trip = _post(page, "/api/conversations", {"title": "Old trip notes"})["id"]
    parent: str | None = None
    target = ""
    for text in [
        "We are planning a long trip through East Africa next year.",
        "Which national parks should we see first?",
        "Could we also climb Kilimanjaro on the Machame route in February?",
        "What vaccinations do we need before we go?",
        "How much cash should we carry for park fees?",
        "Make a packing list for the safari part.",
    ]:
        user, parent = _say(page, trip, text, parent)
        if "Kilimanjaro" in text:
            target = user
    _say(page, trip, "Actually, let's plan a city break in Lisbon instead.", None)
    groceries = _post(page, "/api/conversations", {"title": "Weekly groceries"})["id"]
    _say(page, groceries, "Plan three dinners with lentils and spinach.", None)
    return {"trip": trip, "target": target, "groceries": groceries}


def _palette(page: Page):
    return page.get_by_role("dialog", name="Search")


def _search(page: Page, words: str) -> None:
    box = page.get_by_role("combobox", name="Search conversations and actions")
    expect(box).to_be_focused()
    box.press_sequentially(words, delay=30)
    expect(_palette(page).get_by_role("option", name=re.compile("Old trip notes"))).to_be_visible()


def test_find_an_old_message_and_open_it_on_its_branch(
    page: Page, browser: Browser, parley_server: ParleyServer
) -> None:
    parley_server.llm.set_default({"text": [ANSWER]})
    email = sign_up(page)
    ids = _seed(page)
    page.goto(f"/chat/{ids['groceries']}")
    expect(page.locator('[data-role="assistant"]')).to_have_count(1)

    page.keyboard.press("Control+k")
    expect(_palette(page)).to_be_visible()
    expect(_palette(page).get_by_role("option", name="New chat")).to_be_visible()
    shoot(page, "search-palette-actions")
    _search(page, "kiliman")
    hit = _palette(page).get_by_role("option", name=re.compile("Old trip notes"))
    expect(hit).to_have_attribute("aria-selected", "true")
    expect(hit.locator("mark")).to_have_text("Kilimanjaro")
    expect(hit).to_contain_text("You: Could we also climb Kilimanjaro on the Machame route")
    assert axe_violations(page) == []
    shoot(page, "search-palette-light")

    page.keyboard.press("Enter")
    expect(_palette(page)).to_be_hidden()
    expect(page).to_have_url(re.compile(rf"/chat/{ids['trip']}$"))
    target = page.locator(f'[data-message-id="{ids["target"]}"]')
    expect(target).to_have_attribute("data-highlighted", "true")
    expect(target).to_be_in_viewport(ratio=1)
    # it lives only on the thread the edit replaced: shown at all, the branch was switched
    expect(target).to_contain_text("climb Kilimanjaro")
    shoot(page, "search-palette-opened")
    expect(target).not_to_have_attribute("data-highlighted", "true", timeout=5_000)
    # the branch stays once the address has lost its ?m=, from its first message on
    expect(target).to_be_visible()
    page.get_by_test_id("message-scroller").evaluate("el => { el.scrollTop = 0; }")
    expect(page.get_by_text("We are planning a long trip")).to_be_visible()
    expect(page.get_by_text("city break in Lisbon")).to_have_count(0)

    # The palette's own action switches the theme; the search reads as well in the dark.
    page.keyboard.press("Control+k")
    page.get_by_role("combobox").press_sequentially("theme")
    expect(_palette(page).get_by_role("option", name=re.compile("Toggle theme"))).to_have_attribute(
        "aria-selected", "true"
    )
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_class(re.compile("dark"))
    page.keyboard.press("Control+k")
    _search(page, "kiliman")
    assert axe_violations(page) == []
    shoot(page, "search-palette-dark")
    page.keyboard.press("Escape")
    expect(_palette(page)).to_be_hidden()

    phone = new_context(browser, parley_server, phone=True)
    try:
        mobile = phone.new_page()
        mobile.goto("/api/health")
        _post(mobile, "/api/auth/login", {"email": email, "password": PASSWORD})
        mobile.goto("/")
        mobile.get_by_role("button", name="Open menu").click()
        mobile.get_by_role("button", name="Search").click()
        _search(mobile, "kiliman")
        shoot(mobile, "search-palette-phone")
        _palette(mobile).get_by_role("option", name=re.compile("Old trip notes")).tap()
        target = mobile.locator(f'[data-message-id="{ids["target"]}"]')
        expect(target).to_have_attribute("data-highlighted", "true")
        expect(target).to_be_in_viewport()
    finally:
        phone.close()


def test_no_results_and_actions(signed_in: Page) -> None:
    page = signed_in
    page.keyboard.press("Control+k")
    box = page.get_by_role("combobox", name="Search conversations and actions")
    box.press_sequentially("xylophonic")
    expect(_palette(page)).to_contain_text("No conversations match “xylophonic”.")
    expect(_palette(page).get_by_role("option")).to_have_count(0)
    box.fill("new pro")
    expect(_palette(page).get_by_role("option")).to_have_count(1)
    page.keyboard.press("Enter")
    # the Projects page opens its New project dialog for ?new=1
    expect(page.get_by_role("dialog", name="Create a project")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/projects"))
