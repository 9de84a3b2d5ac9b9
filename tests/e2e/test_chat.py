"""The chat flows a new user meets: sign up, stream, stop, reload mid-answer, retry."""

from __future__ import annotations

import re
import secrets
import time

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.conftest import ParleyServer

pytestmark = pytest.mark.e2e


def send(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")


def answer(page: Page):
    return page.locator('[data-role="assistant"]').last


def test_sign_up_through_the_form_and_sign_in_again(
    page: Page, parley_server: ParleyServer
) -> None:
    email = f"grace-{secrets.token_hex(4)}@example.com"
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login"))
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Name").fill("Grace Hopper")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("at least 8 characters")
    page.get_by_label("Password").fill("a much longer password")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Grace")

    page.get_by_role("button", name="Account menu").click()
    page.get_by_role("menuitem", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("the wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("don't match")
    page.get_by_label("Password").fill("a much longer password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("textbox", name="Message")).to_be_visible()


def test_message_streams_into_view(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    words = [f"word{i} " for i in range(30)]
    parley_server.llm.push(
        {"text": words, "delay_ms": 60, "input_tokens": 1200, "output_tokens": 30}
    )
    send(page, "Stream me something")
    expect(page).to_have_url(re.compile(r"/chat/"))
    expect(page.locator('[data-role="user"]')).to_contain_text("Stream me something")
    streaming = page.locator('[data-role="assistant"][data-status="streaming"]')
    expect(streaming).to_be_visible()
    expect(page.get_by_role("button", name="Stop generating")).to_be_visible()
    expect(streaming.get_by_test_id("assistant-text")).to_contain_text("word3")
    partial = streaming.get_by_test_id("assistant-text").inner_text()
    assert "word29" not in partial
    expect(answer(page)).to_have_attribute("data-status", "complete", timeout=20_000)
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("".join(words).strip())
    expect(page.get_by_role("button", name="Send message")).to_be_visible()
    expect(page.get_by_test_id("live-region")).to_contain_text("Answer complete.")
    # the stored answer says what it cost, in its footer (shown on hover)
    page.reload()
    answer(page).hover()
    usage = answer(page).get_by_title(re.compile("1,200 input tokens"))
    expect(usage).to_have_text(re.compile(r"^1\.2K tokens · \$"))


def test_stop_keeps_the_partial_answer(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    parley_server.llm.push({"tokens": 400, "delay_ms": 40})
    send(page, "Count for a long time")
    expect(answer(page).get_by_test_id("assistant-text")).to_contain_text("tok3")
    page.get_by_role("button", name="Stop generating").click()
    expect(answer(page)).to_have_attribute("data-status", "cancelled")
    expect(answer(page).get_by_test_id("status-note")).to_have_text("You stopped this answer.")
    assert "tok399" not in answer(page).inner_text()
    expect(answer(page).get_by_role("button", name="Retry")).to_be_visible()
    page.reload()
    expect(answer(page)).to_have_attribute("data-status", "cancelled")
    expect(answer(page).get_by_test_id("assistant-text")).to_contain_text("tok3")


def test_reload_mid_stream_carries_on_to_the_same_text(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    chunks = [f"part{i}, " for i in range(40)]
    parley_server.llm.push({"text": chunks, "delay_ms": 90})
    send(page, "Take your time")
    expect(answer(page).get_by_test_id("assistant-text")).to_contain_text("part4")
    page.reload()
    expect(page.locator('[data-role="assistant"][data-status="streaming"]')).to_be_visible()
    expect(answer(page)).to_have_attribute("data-status", "complete", timeout=20_000)
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("".join(chunks).strip())


def test_an_error_is_shown_and_retry_answers(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    parley_server.llm.push({"status": 400, "error_message": "messages: this request is invalid"})
    send(page, "This one fails")
    expect(answer(page)).to_have_attribute("data-status", "error")
    expect(answer(page).get_by_role("alert")).to_be_visible()
    answer(page).get_by_role("button", name="Retry").click()
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("Hello from the fake model.")


def test_welcome_prompt_fills_the_composer(signed_in: Page) -> None:
    page = signed_in
    page.get_by_role("button", name=re.compile("Write some code")).click()
    box = page.get_by_role("textbox", name="Message")
    expect(box).to_have_value(re.compile("merges overlapping intervals"))
    expect(page.get_by_test_id("composer-count")).to_contain_text("tokens")


def test_a_hostile_answer_executes_nothing(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = (
        "Here you go:\n\n"
        "<script>window.__pwned = 1; alert('script')</script>\n\n"
        '<img src="x" onerror="window.__pwned = 2; alert(\'img\')">\n\n'
        '<svg onload="window.__pwned = 3"><circle r="4"/></svg>\n\n'
        '<iframe srcdoc="<script>parent.__pwned = 4</script>"></iframe>\n\n'
        "[click me](javascript:window.__pwned=5) and <a href=\"javascript:alert('a')\">raw</a>\n\n"
        "![pic](javascript:alert('pic'))\n\n"
        "<style>body { display: none }</style> done."
    )
    parley_server.llm.push({"text": [hostile[i : i + 17] for i in range(0, len(hostile), 17)]})
    send(page, "Be naughty")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    prose = answer(page).get_by_test_id("assistant-text")
    expect(prose).to_contain_text("<script>window.__pwned = 1")
    prose.get_by_text("click me").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert prose.locator("script, img, svg, iframe, style").count() == 0
    assert prose.locator("a[href^='javascript']").count() == 0
    expect(page.locator("body")).to_be_visible()


def test_retry_and_edit_create_versions_to_switch_between(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    llm = parley_server.llm
    llm.set_default({"text": ["First attempt."]})
    send(page, "Original question")
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("First attempt.")
    # The first exchange also asks the model for a title; let that request take its answer first.
    deadline = time.monotonic() + 5
    while len(llm.generation_requests()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    llm.set_default({"text": ["Second attempt."]})
    answer(page).get_by_role("button", name="Retry").click()
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("Second attempt.")
    expect(answer(page)).to_contain_text("2 / 2")
    answer(page).get_by_role("button", name="Previous version").click()
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("First attempt.")
    answer(page).get_by_role("button", name="Next version").click()
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("Second attempt.")

    parley_server.llm.set_default({"text": ["Answer to the follow-up."]})
    send(page, "Follow-up question")
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("Answer to the follow-up.")
    parley_server.llm.set_default({"text": ["Answer to the edit."]})
    user = page.locator('[data-role="user"]').last
    user.hover()
    user.get_by_role("button", name="Edit message").click()
    editor = page.get_by_role("textbox", name="Edit message")
    editor.fill("Edited follow-up")
    editor.press("Enter")
    expect(page.locator('[data-role="user"]').last).to_contain_text("Edited follow-up")
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("Answer to the edit.")
    user = page.locator('[data-role="user"]').last
    expect(user).to_contain_text("2 / 2")
    user.get_by_role("button", name="Previous version").click()
    expect(page.locator('[data-role="user"]').last).to_contain_text("Follow-up question")
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("Answer to the follow-up.")
    expect(page.locator('[data-role="user"]').first).to_contain_text("Original question")

    # the first message can be edited too: it becomes a second version of the conversation's start
    parley_server.llm.set_default({"text": ["A fresh start."]})
    first = page.locator('[data-role="user"]').first
    first.hover()
    first.get_by_role("button", name="Edit message").click()
    editor = page.get_by_role("textbox", name="Edit message")
    editor.fill("Rewritten question")
    editor.press("Enter")
    expect(page.locator('[data-role="user"]')).to_have_count(1)
    expect(page.locator('[data-role="user"]').first).to_contain_text("Rewritten question")
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("A fresh start.")
    first = page.locator('[data-role="user"]').first
    expect(first).to_contain_text("2 / 2")
    first.get_by_role("button", name="Previous version").click()
    expect(page.locator('[data-role="user"]').first).to_contain_text("Original question")


def test_a_dropped_stream_reconnects_and_finishes_without_duplicates(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    attempts: list[str] = []

    def fail_first(route: Route) -> None:
        attempts.append(route.request.headers.get("last-event-id", ""))
        if len(attempts) == 1:
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route(re.compile(r".*/api/runs/[^/]+/events.*"), fail_first)
    chunks = [f"bit{i} " for i in range(15)]
    parley_server.llm.push({"text": chunks, "delay_ms": 40})
    send(page, "Survive a network blip")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("".join(chunks).strip())
    assert len(attempts) >= 2
