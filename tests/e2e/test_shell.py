"""The shell around the chat: conversation list, rename/delete, theme, phone drawer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ParleyServer, new_chat, new_context, sign_up

pytestmark = pytest.mark.e2e


def start_conversation(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")
    expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
        "data-status", "complete"
    )


def test_rename_and_delete_a_conversation(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    start_conversation(page, "First question")
    sidebar = page.get_by_role("navigation", name="Sidebar")
    item = sidebar.get_by_role("link").filter(has_text="Hello from the fake model")
    expect(item).to_be_visible()
    expect(sidebar.get_by_role("heading", name="Today")).to_be_visible()

    sidebar.get_by_role("button", name=re.compile("^Options for")).click()
    page.get_by_role("menuitem", name="Rename").click()
    title = sidebar.get_by_role("textbox", name="Conversation title")
    title.fill("Renamed by e2e")
    title.press("Enter")
    expect(sidebar.get_by_role("link", name="Renamed by e2e")).to_be_visible()
    page.reload()
    expect(sidebar.get_by_role("link", name="Renamed by e2e")).to_be_visible()
    expect(page.get_by_test_id("chat-title")).to_have_text("Renamed by e2e")

    # deleting asks nothing: it can be undone for a while instead (test_sidebar_organising.py)
    sidebar.get_by_role("button", name="Options for Renamed by e2e").click()
    page.get_by_role("menuitem", name="Delete").click()
    expect(sidebar.get_by_role("link", name="Renamed by e2e")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_test_id("toast")).to_contain_text("Chat deleted")


def test_dark_mode_is_chosen_in_the_user_menu_and_kept(signed_in: Page) -> None:
    page = signed_in
    page.get_by_role("button", name="Account menu").click()
    page.get_by_role("menuitemradio", name="Dark").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    page.wait_for_function(
        "getComputedStyle(document.body).backgroundColor === 'rgb(38, 38, 36)'", timeout=5000
    )
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    page.get_by_role("button", name="Account menu").click()
    page.get_by_role("menuitemradio", name="Light").click()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bdark\b"))


def test_sidebar_collapses_on_desktop(signed_in: Page) -> None:
    page = signed_in
    page.get_by_role("button", name="Collapse sidebar").click()
    expect(page.get_by_role("navigation", name="Sidebar")).to_have_count(0)
    page.get_by_role("button", name="Expand sidebar").click()
    expect(page.get_by_role("navigation", name="Sidebar")).to_be_visible()


def test_phone_width_uses_a_drawer(browser: Browser, parley_server: ParleyServer) -> None:
    context = new_context(browser, parley_server, phone=True)
    page = context.new_page()
    try:
        sign_up(page)
        start_conversation(page, "Hello from a phone")
        expect(page.get_by_role("navigation", name="Sidebar")).to_have_count(0)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
        page.get_by_role("button", name="Open menu").click()
        drawer = page.get_by_role("dialog", name="Conversations")
        expect(drawer).to_be_visible()
        drawer.get_by_role("button", name="New chat").click()
        expect(drawer).to_have_count(0)
        expect(page).to_have_url(re.compile(r"/$"))
        page.get_by_role("button", name="Open menu").click()
        page.get_by_role("dialog", name="Conversations").get_by_role("link").filter(
            has_text="Hello from the fake model"
        ).click()
        expect(page.get_by_role("dialog", name="Conversations")).to_have_count(0)
        expect(page.locator('[data-role="user"]')).to_contain_text("Hello from a phone")
        page.get_by_role("button", name="Open menu").click()
        page.keyboard.press("Escape")
        expect(page.get_by_role("dialog", name="Conversations")).to_have_count(0)
    finally:
        context.close()


def test_switching_conversations_opens_each_at_its_latest_message(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    long_answer = "\n\n".join(f"Paragraph {i} of a long answer." for i in range(40))
    for name in ("alpha", "beta"):
        new_chat(page)
        parley_server.llm.set_default({"text": [long_answer + f"\n\nThe end of {name}."]})
        start_conversation(page, f"Conversation {name}")
    sidebar = page.get_by_role("navigation", name="Sidebar")
    links = sidebar.get_by_role("listitem").get_by_role("link")
    expect(links).to_have_count(2)
    links.nth(1).click()
    expect(page.get_by_text("The end of alpha.")).to_be_in_viewport()
    links.nth(0).click()
    expect(page.get_by_text("The end of beta.")).to_be_in_viewport()
    expect(page).to_have_title(re.compile(r"— Parley$"))


def test_rename_and_delete_work_from_the_keyboard(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    start_conversation(page, "Keyboard only")
    sidebar = page.get_by_role("navigation", name="Sidebar")
    sidebar.get_by_role("listitem").get_by_role("link").first.focus()
    page.keyboard.press("Tab")
    options = sidebar.get_by_role("button", name=re.compile("^Options for"))
    expect(options).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("menuitem", name="Rename")).to_be_focused()
    page.keyboard.press("Enter")
    title = sidebar.get_by_role("textbox", name="Conversation title")
    expect(title).to_be_focused()
    page.keyboard.type("Typed title")
    page.keyboard.press("Enter")
    expect(sidebar.get_by_role("link", name="Typed title")).to_be_visible()

    sidebar.get_by_role("link", name="Typed title").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("menuitem", name="Pin")).to_be_focused()
    page.keyboard.press("End")
    expect(page.get_by_role("menuitem", name="Delete")).to_be_focused()
    page.keyboard.press("Enter")
    expect(sidebar.get_by_role("link", name="Typed title")).to_have_count(0)
    # focus is not dropped: it goes to New chat, or the message box of the chat opened instead
    page.wait_for_function("document.activeElement && document.activeElement !== document.body")


def test_pinned_conversations_sit_on_top(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    start_conversation(page, "Pin me")
    sidebar = page.get_by_role("navigation", name="Sidebar")
    sidebar.get_by_role("button", name=re.compile("^Options for")).click()
    page.get_by_role("menuitem", name="Pin").click()
    pinned = sidebar.get_by_role("region", name="Pinned")
    expect(pinned.get_by_role("link")).to_have_count(1)
    page.reload()
    expect(pinned.get_by_role("link")).to_have_count(1)
    sidebar.get_by_role("button", name=re.compile("^Options for")).click()
    page.get_by_role("menuitem", name="Unpin").click()
    expect(pinned).to_have_count(0)


def test_someone_elses_conversation_is_not_found(
    browser: Browser, signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    start_conversation(page, "My private question")
    private_url = page.url
    other = new_context(browser, parley_server)
    try:
        intruder = other.new_page()
        sign_up(intruder, name="Mallory")
        intruder.goto(private_url)
        expect(
            intruder.get_by_role("heading", name="This conversation doesn't exist")
        ).to_be_visible()
        expect(intruder.get_by_text("My private question")).to_have_count(0)
        intruder.get_by_role("link", name="Start a new chat").click()
        expect(intruder.get_by_role("textbox", name="Message")).to_be_visible()
    finally:
        other.close()
