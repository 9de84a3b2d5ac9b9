"""The settings page: saved as changed, in effect at once (theme, composer keys, what the model is
told), in every open tab, accessible in both themes."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import SCREENSHOTS, ParleyServer, new_context, sign_up
from tests.e2e.test_accessibility import axe_violations

pytestmark = pytest.mark.e2e

DARK = re.compile(r"(^|\s)dark(\s|$)")


def open_settings(page: Page) -> None:
    page.get_by_role("button", name="Account menu").click()
    page.get_by_role("menuitem", name="Settings").click()
    expect(page).to_have_url(re.compile(r"/settings$"))
    expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()


def wait_saved(page: Page) -> None:
    expect(page.get_by_test_id("save-status")).to_have_text("Saved")


def answer_requests(server: ParleyServer) -> list[dict[str, Any]]:
    return [
        dict(r.body)
        for r in server.llm.generation_requests()
        if "You name conversations" not in str(r.body)
    ]


def send_and_wait(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")
    expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
        "data-status", "complete"
    )


def test_theme_applies_at_once_here_and_in_another_tab(
    context: BrowserContext, parley_server: ParleyServer
) -> None:
    page = context.new_page()
    sign_up(page)
    other = context.new_page()
    other.goto("/")
    other.get_by_role("textbox", name="Message").wait_for()
    expect(other.locator("html")).not_to_have_class(DARK)

    open_settings(page)
    page.get_by_role("radio", name="Dark").check()
    expect(page.locator("html")).to_have_class(DARK)
    wait_saved(page)
    # the other tab hears of it and follows without a reload
    expect(other.locator("html")).to_have_class(DARK)

    # the account menu's toggle saves the setting too: the settings page follows it
    other.get_by_role("button", name="Account menu").click()
    other.get_by_role("menuitemradio", name="Light").click()
    expect(other.locator("html")).not_to_have_class(DARK)
    expect(page.get_by_role("radio", name="Light")).to_be_checked()
    expect(page.locator("html")).not_to_have_class(DARK)

    page.reload()
    expect(page.get_by_role("radio", name="Light")).to_be_checked()
    expect(page.locator("html")).not_to_have_class(DARK)


def test_custom_instructions_and_a_custom_style_reach_the_model(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    open_settings(page)
    page.get_by_label("What should Parley know about you?").fill(
        "I keep bees on a rooftop in Leeds."
    )
    wait_saved(page)

    page.get_by_role("button", name="Create style").click()
    dialog = page.get_by_role("dialog", name="Create a style")
    dialog.get_by_label("Name").fill("Haiku")
    dialog.get_by_label("How should answers read?").fill("Answer only in haiku.")
    dialog.get_by_role("button", name="Create style").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("radio", name=re.compile("^Haiku"))).to_be_checked()
    wait_saved(page)

    page.get_by_role("button", name="New chat").first.click()
    send_and_wait(page, "When do bees swarm?")
    system = str(answer_requests(parley_server)[-1]["system"])
    assert "I keep bees on a rooftop in Leeds." in system
    assert "Answer only in haiku." in system


def test_enter_adds_a_line_and_ctrl_enter_sends_when_enter_to_send_is_off(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    open_settings(page)
    switch = page.get_by_role("switch", name="Enter sends the message")
    expect(switch).to_have_attribute("aria-checked", "true")
    switch.click()
    expect(switch).to_have_attribute("aria-checked", "false")
    wait_saved(page)

    page.get_by_role("button", name="New chat").first.click()
    box = page.get_by_role("textbox", name="Message")
    box.click()
    page.keyboard.type("first line")
    page.keyboard.press("Enter")
    page.keyboard.type("second line")
    expect(box).to_have_value("first line\nsecond line")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_text("Ctrl+Enter to send")).to_be_visible()
    page.keyboard.press("Control+Enter")
    expect(page).to_have_url(re.compile(r"/chat/"))
    expect(page.locator('[data-role="user"]').last).to_contain_text("first line\nsecond line")


def test_a_refused_value_says_why(signed_in: Page) -> None:
    page = signed_in
    open_settings(page)
    page.get_by_role("switch", name="Extended thinking").click()
    wait_saved(page)
    budget = page.get_by_label("Thinking budget")
    budget.fill("100")
    expect(page.get_by_role("alert")).to_contain_text("Thinking budget")
    expect(page.get_by_test_id("save-status")).to_have_text("Not saved")
    expect(budget).to_have_value("100")  # what was typed stays, to be corrected
    budget.fill("16000")
    wait_saved(page)
    expect(page.get_by_role("alert")).to_have_count(0)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_settings_page_meets_wcag_aa(signed_in: Page, theme: str) -> None:
    page = signed_in
    open_settings(page)
    page.get_by_role("radio", name=theme.capitalize()).check()
    if theme == "dark":
        expect(page.locator("html")).to_have_class(DARK)
    wait_saved(page)
    page.mouse.move(5, 5)
    page.screenshot(path=str(SCREENSHOTS / f"settings-{theme}.png"))
    page.get_by_role("switch", name="Extended thinking").click()  # the budget field shows too
    page.get_by_label("Thinking budget").wait_for()
    assert axe_violations(page) == []


def test_settings_page_on_a_phone(browser: Browser, parley_server: ParleyServer) -> None:
    context = new_context(browser, parley_server, phone=True)
    try:
        page = context.new_page()
        sign_up(page)
        page.goto("/settings")
        expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()
        nav = page.get_by_role("navigation", name="Settings sections")
        expect(nav).to_be_visible()
        assert axe_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "settings-phone.png"))
        nav.get_by_role("link", name="Defaults for new chats").click()
        expect(page.get_by_role("heading", name="Defaults for new chats")).to_be_focused()
        expect(nav.get_by_role("link", name="Defaults for new chats")).to_have_attribute(
            "aria-current", "location"
        )
    finally:
        context.close()
