"""Organising the sidebar: rename in place, delete with undo, archive, select several, duplicate."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import ParleyServer, new_context, shoot, sign_up

pytestmark = pytest.mark.e2e


def csrf(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "parley_csrf")


def create_chats(page: Page, *titles: str) -> list[str]:
    """Through the API, oldest first, so the sidebar lists the last one on top."""
    ids = []
    for title in titles:
        response = page.request.post(
            "/api/conversations", data={"title": title}, headers={"X-CSRF-Token": csrf(page)}
        )
        assert response.status == 201, response.text()
        ids.append(response.json()["id"])
    page.reload()
    return ids


def sidebar(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Sidebar")


def titles(page: Page) -> list[str]:
    return sidebar(page).get_by_role("listitem").all_inner_texts()


def open_menu(page: Page, title: str) -> None:
    row = sidebar(page).get_by_role("listitem").filter(has_text=title)
    row.hover()
    row.get_by_role("button", name=f"Options for {title}").click()


def toast(page: Page) -> Locator:
    return page.get_by_role("region", name="Notifications").get_by_test_id("toast")


def start_conversation(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")
    expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
        "data-status", "complete"
    )


def test_rename_inline_by_double_click(signed_in: Page) -> None:
    page = signed_in
    create_chats(page, "Quarterly report")
    link = sidebar(page).get_by_role("link", name="Quarterly report")
    link.dblclick()
    title = sidebar(page).get_by_role("textbox", name="Conversation title")
    expect(title).to_be_focused()
    expect(title).to_have_value("Quarterly report")

    title.fill("   ")
    title.press("Enter")
    expect(sidebar(page).get_by_role("alert")).to_have_text("A title can't be empty.")
    expect(title).to_have_attribute("aria-invalid", "true")

    title.fill("Draft, not kept")
    title.press("Escape")
    expect(sidebar(page).get_by_role("link", name="Quarterly report")).to_be_focused()

    sidebar(page).get_by_role("link", name="Quarterly report").dblclick()
    title.fill("Q3 report")
    title.press("Enter")
    expect(sidebar(page).get_by_role("link", name="Q3 report")).to_be_visible()
    page.reload()
    expect(sidebar(page).get_by_role("link", name="Q3 report")).to_be_visible()


def test_delete_then_undo_brings_it_back_in_place(signed_in: Page) -> None:
    page = signed_in
    create_chats(page, "Oldest", "Middle", "Newest")
    expect(sidebar(page).get_by_role("listitem")).to_have_count(3)
    before = titles(page)
    assert before == ["Newest", "Middle", "Oldest"]

    open_menu(page, "Middle")
    page.get_by_role("menuitem", name="Delete").click()
    expect(sidebar(page).get_by_role("link", name="Middle")).to_have_count(0)
    expect(toast(page)).to_contain_text("Chat deleted")
    # focus moves on to the next row rather than dropping to the page
    expect(sidebar(page).get_by_role("link", name="Oldest")).to_be_focused()
    shoot(page, "toast-undo")

    toast(page).get_by_role("button", name="Undo").click()
    expect(toast(page)).to_have_count(0)
    expect(sidebar(page).get_by_role("link", name="Middle")).to_be_visible()
    assert titles(page) == before
    page.reload()
    expect(sidebar(page).get_by_role("link", name="Middle")).to_be_visible()
    assert titles(page) == before


def test_deleting_the_open_chat_leaves_it(signed_in: Page) -> None:
    page = signed_in
    start_conversation(page, "Open me, then delete me")
    expect(page).to_have_url(re.compile(r"/chat/"))
    chat_url = page.url
    title = "Hello from the fake model"
    open_menu(page, title)
    page.get_by_role("menuitem", name="Delete").click()
    expect(page).to_have_url(re.compile(r"/$"))
    toast(page).get_by_role("button", name="Undo").click()
    expect(page).to_have_url(chat_url)
    expect(page.locator('[data-role="user"]')).to_contain_text("Open me, then delete me")


def test_archive_then_find_it_in_archived(signed_in: Page) -> None:
    page = signed_in
    create_chats(page, "Keep around", "Old project notes")
    open_menu(page, "Old project notes")
    page.get_by_role("menuitem", name="Archive").click()
    expect(sidebar(page).get_by_role("link", name="Old project notes")).to_have_count(0)
    expect(toast(page)).to_contain_text("Chat archived")

    sidebar(page).get_by_role("button", name="Archived chats").click()
    archived = sidebar(page).get_by_role("list", name="Archived chats")
    expect(archived.get_by_role("link", name="Old project notes")).to_be_visible()
    expect(archived.get_by_role("link", name="Keep around")).to_have_count(0)

    open_menu(page, "Old project notes")
    page.get_by_role("menuitem", name="Unarchive").click()
    expect(sidebar(page).get_by_text("No archived chats.")).to_be_visible()
    sidebar(page).get_by_role("button", name="Back to chats").click()
    expect(sidebar(page).get_by_role("link", name="Old project notes")).to_be_visible()
    page.reload()
    expect(sidebar(page).get_by_role("link", name="Old project notes")).to_be_visible()


def test_select_two_then_archive_and_delete_them_at_once(signed_in: Page) -> None:
    page = signed_in
    create_project(page, "Side projects")  # so the bar offers Move too
    create_chats(page, "Alpha", "Bravo", "Charlie", "Delta")
    open_menu(page, "Bravo")
    page.get_by_role("menuitem", name="Select").click()
    bar = sidebar(page).get_by_role("group", name="Selected chats")
    expect(bar).to_contain_text("1 selected")
    expect(sidebar(page).get_by_role("checkbox", name="Bravo")).to_be_checked()
    sidebar(page).get_by_role("checkbox", name="Delta").click()
    expect(bar).to_contain_text("2 selected")
    shoot(page, "sidebar-select-light")

    bar.get_by_role("button", name="Archive").click()
    expect(bar).to_have_count(0)
    expect(toast(page)).to_contain_text("2 chats archived")
    expect(sidebar(page).get_by_role("link", name="Charlie")).to_be_focused()
    expect(sidebar(page).get_by_role("link", name="Bravo")).to_have_count(0)
    expect(sidebar(page).get_by_role("link", name="Delta")).to_have_count(0)

    sidebar(page).get_by_role("button", name="Archived chats").click()
    archived = sidebar(page).get_by_role("list", name="Archived chats")
    expect(archived.get_by_role("link")).to_have_count(2)
    # ctrl-click starts selecting, shift-click takes the range
    archived.get_by_role("link").first.click(modifiers=["ControlOrMeta"])
    archived.get_by_role("checkbox").last.click(modifiers=["Shift"])
    expect(bar).to_contain_text("2 selected")
    bar.get_by_role("button", name="Delete").click()
    expect(sidebar(page).get_by_text("No archived chats.")).to_be_visible()
    expect(toast(page).filter(has_text="2 chats deleted")).to_be_visible()
    page.reload()
    sidebar(page).get_by_role("button", name="Archived chats").click()
    expect(sidebar(page).get_by_text("No archived chats.")).to_be_visible()
    sidebar(page).get_by_role("button", name="Archived chats").click()
    assert titles(page) == ["Charlie", "Alpha"]


def test_bulk_delete_undo_restores_all(signed_in: Page) -> None:
    page = signed_in
    create_chats(page, "One", "Two", "Three")
    sidebar(page).get_by_role("link", name="Three").click(modifiers=["ControlOrMeta"])
    sidebar(page).get_by_role("checkbox", name="One").click(modifiers=["Shift"])
    bar = sidebar(page).get_by_role("group", name="Selected chats")
    expect(bar).to_contain_text("3 selected")
    expect(bar.get_by_role("checkbox", name="Select all")).to_be_checked()
    bar.get_by_role("button", name="Delete").click()
    expect(sidebar(page).get_by_role("listitem")).to_have_count(0)
    expect(toast(page).filter(has_text="3 chats deleted")).to_be_visible()
    # focus went to New chat, outside any text field: Ctrl/⌘+Z is the toast's Undo
    expect(page.get_by_role("button", name="New chat")).to_be_focused()
    page.keyboard.press("ControlOrMeta+z")
    expect(sidebar(page).get_by_role("listitem")).to_have_count(3)
    page.reload()
    expect(sidebar(page).get_by_role("listitem")).to_have_count(3)
    assert titles(page) == ["Three", "Two", "One"]


def test_escape_leaves_select_mode(signed_in: Page) -> None:
    page = signed_in
    create_chats(page, "Solo")
    open_menu(page, "Solo")
    page.get_by_role("menuitem", name="Select").click()
    sidebar(page).get_by_role("checkbox", name="Solo").press("Escape")
    expect(sidebar(page).get_by_role("group", name="Selected chats")).to_have_count(0)
    expect(sidebar(page).get_by_role("link", name="Solo")).to_be_visible()


def test_duplicate_opens_the_copy(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    start_conversation(page, "Copy this conversation")
    original = page.url
    open_menu(page, "Hello from the fake model")
    page.get_by_role("menuitem", name="Duplicate").click()
    expect(page).not_to_have_url(original)
    expect(page).to_have_url(re.compile(r"/chat/"))
    expect(
        sidebar(page).get_by_role("link", name="Hello from the fake model (copy)")
    ).to_be_visible()
    expect(page.locator('[data-role="user"]')).to_contain_text("Copy this conversation")
    expect(page.locator('[data-role="assistant"]')).to_contain_text("Hello from the fake model.")


def test_a_long_list_pages_in_and_stays_reachable_by_keyboard(signed_in: Page) -> None:
    page = signed_in
    create_chats(page, *(f"Chat {i:03}" for i in range(120)))
    rows = sidebar(page).get_by_role("listitem")
    expect(sidebar(page).get_by_role("link", name="Chat 119")).to_be_visible()
    # only the rows near view are in the page
    assert rows.count() < 60
    # Tab walks down the rows (a link and its menu button each) past what was rendered at first
    sidebar(page).get_by_role("link", name="Chat 119").focus()
    for _ in range(2 * 45):
        page.keyboard.press("Tab")
    expect(sidebar(page).get_by_role("link", name="Chat 074")).to_be_focused()
    expect(sidebar(page).get_by_role("link", name="Chat 074")).to_be_in_viewport()
    # scrolling to the end loads the next page of 50
    scroller = sidebar(page).locator(".overflow-y-auto")
    for _ in range(20):
        if sidebar(page).get_by_role("link", name="Chat 000").count():
            break
        scroller.evaluate("el => { el.scrollTop = el.scrollHeight; }")
        page.wait_for_timeout(150)
    expect(sidebar(page).get_by_role("link", name="Chat 000")).to_be_visible()


def create_project(page: Page, name: str) -> str:
    response = page.request.post(
        "/api/projects", data={"name": name}, headers={"X-CSRF-Token": csrf(page)}
    )
    assert response.status == 201, response.text()
    return str(response.json()["id"])


def project_of(page: Page, conversation_id: str) -> str | None:
    response = page.request.get(f"/api/conversations/{conversation_id}")
    assert response.ok, response.text()
    project: str | None = response.json()["project_id"]
    return project


def assert_project(page: Page, conversation_id: str, expected: str | None) -> None:
    """The server's answer, once the request the toast follows has landed."""
    deadline = time.monotonic() + 5
    while project_of(page, conversation_id) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert project_of(page, conversation_id) == expected


def test_move_to_project_one_and_several(signed_in: Page) -> None:
    page = signed_in
    garden = create_project(page, "Garden")
    create_project(page, "Taxes 2026")
    first, second, third = create_chats(page, "Seeds", "Compost", "Receipts")

    open_menu(page, "Seeds")
    page.get_by_role("menuitem", name="Move to project").click()
    picker = page.get_by_role("dialog", name="Move to project")
    expect(picker.get_by_role("button", name="Taxes 2026")).to_be_visible()
    picker.get_by_role("button", name="Garden").click()
    expect(picker).to_have_count(0)
    expect(toast(page).filter(has_text="Chat moved to Garden")).to_be_visible()
    assert_project(page, first, garden)

    sidebar(page).get_by_role("link", name="Compost").click(modifiers=["ControlOrMeta"])
    sidebar(page).get_by_role("checkbox", name="Seeds").click()
    bar = sidebar(page).get_by_role("group", name="Selected chats")
    expect(bar).to_contain_text("2 selected")
    bar.get_by_role("button", name="Move").click()
    picker = page.get_by_role("dialog", name="Move 2 chats to a project")
    picker.get_by_role("button", name="Garden").click()
    expect(toast(page).filter(has_text="2 chats moved to Garden")).to_be_visible()
    assert_project(page, second, garden)

    open_menu(page, "Seeds")
    page.get_by_role("menuitem", name="Move to project").click()
    picker = page.get_by_role("dialog", name="Move to project")
    expect(picker.get_by_role("button", name="Garden")).to_have_attribute("aria-current", "true")
    picker.get_by_role("button", name="No project").click()
    expect(toast(page).filter(has_text="taken out of its project")).to_be_visible()
    assert_project(page, first, None)
    assert_project(page, third, None)


def test_select_mode_screenshots_dark_and_phone(
    browser: Browser, parley_server: ParleyServer
) -> None:
    context = new_context(browser, parley_server)
    try:
        page = context.new_page()
        sign_up(page)
        page.evaluate(
            "localStorage.setItem('parley-theme', JSON.stringify({state: {theme: 'dark'}, version: 0}))"
        )
        create_project(page, "Side projects")
        create_chats(page, "Trip to Lisbon", "Sourdough schedule", "Rust lifetimes", "Tax notes")
        open_menu(page, "Rust lifetimes")
        page.get_by_role("menuitem", name="Select").click()
        sidebar(page).get_by_role("checkbox", name="Trip to Lisbon").click()
        expect(sidebar(page).get_by_role("group", name="Selected chats")).to_contain_text(
            "2 selected"
        )
        shoot(page, "sidebar-select-dark")
    finally:
        context.close()

    phone = new_context(browser, parley_server, phone=True)
    try:
        page = phone.new_page()
        sign_up(page)
        create_chats(page, "Trip to Lisbon", "Sourdough schedule", "Rust lifetimes", "Tax notes")
        page.get_by_role("button", name="Open menu").click()
        drawer = page.get_by_role("dialog", name="Conversations")
        drawer.get_by_role("button", name="Options for Tax notes").click()
        page.get_by_role("menuitem", name="Select").click()
        drawer.get_by_role("checkbox", name="Sourdough schedule").click()
        bar = drawer.get_by_role("group", name="Selected chats")
        expect(bar).to_contain_text("2 selected")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
        shoot(page, "sidebar-phone")
        bar.get_by_role("button", name="Delete").click()
        expect(toast(page).filter(has_text="2 chats deleted")).to_be_visible()
        expect(drawer.get_by_role("listitem")).to_have_count(2)
    finally:
        phone.close()
