"""Artifacts in the chat: they stream into the side panel and render there, cards reopen them, versions
come from later answers and from manual edits, and the panel's actions (download, fix, publish) work."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import Browser, FrameLocator, Locator, Page, expect

from tests.e2e.conftest import ParleyServer, new_context, sign_up
from tests.e2e.test_accessibility import axe_violations, set_theme
from tests.fakes.llm_server import LLMFake

pytestmark = pytest.mark.e2e

HELLO_PAGE = "<!doctype html><html><body><h1>Hello</h1><p>A small page.</p></body></html>"

REACT_APP = """
import React, { useState } from "react";
import { Heart } from "lucide-react";
import { BarChart, Bar, XAxis, YAxis } from "recharts";

const data = [{ name: "Mon", visits: 3 }, { name: "Tue", visits: 7 }, { name: "Wed", visits: 5 }];

export default function App() {
  const [count, setCount] = useState(0);
  return (
    <div className="p-6 space-y-4">
      <button className="inline-flex items-center gap-2 rounded-lg bg-blue-600 px-4 py-2 text-white"
              onClick={() => setCount((c) => c + 1)}>
        <Heart className="h-4 w-4" /> Liked {count} times
      </button>
      <BarChart width={360} height={200} data={data}>
        <XAxis dataKey="name" />
        <YAxis />
        <Bar dataKey="visits" fill="#b4532a" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
"""


def send(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")


def answer(page: Page) -> Locator:
    return page.locator('[data-role="assistant"]').last


def panel(page: Page) -> Locator:
    return page.get_by_test_id("artifact-panel")


def preview(page: Page) -> FrameLocator:
    return page.frame_locator('[data-testid="artifact-preview"] iframe')


def chunks(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def create_call(
    identifier: str, kind: str, title: str, content: str, **extra: Any
) -> dict[str, Any]:
    return {
        "tool_calls": [
            {
                "name": "artifacts",
                "input": {
                    "command": "create",
                    "identifier": identifier,
                    "type": kind,
                    "title": title,
                    "content": content,
                    **extra,
                },
                "chunks": 8,
            }
        ]
    }


def wait_for_requests(llm: LLMFake, count: int, timeout: float = 10) -> None:
    """The first exchange also asks the model for a title: let it take its answer before scripting more."""
    deadline = time.monotonic() + timeout
    while len(llm.generation_requests()) < count:
        assert time.monotonic() < deadline, f"the fake LLM saw {len(llm.generation_requests())}"
        time.sleep(0.05)


def conversation_id(page: Page) -> str:
    match = re.search(r"/chat/([^/?#]+)", page.url)
    assert match, page.url
    return match.group(1)


def only_artifact(page: Page) -> dict[str, Any]:
    response = page.request.get(f"/api/conversations/{conversation_id(page)}/artifacts")
    assert response.ok, response.text()
    artifacts: list[dict[str, Any]] = response.json()["artifacts"]
    assert len(artifacts) == 1, artifacts
    return artifacts[0]


def make_hello_page(page: Page, llm: LLMFake) -> None:
    llm.push(
        {"text": ["Here is your page."], **create_call("page", "html", "Hello page", HELLO_PAGE)}
    )
    llm.push({"text": ["Done."]})
    send(page, "Make me a page")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(preview(page).get_by_role("heading", name="Hello")).to_be_visible()
    wait_for_requests(llm, 3)


def test_an_html_artifact_streams_into_the_panel_and_renders(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    lines = "".join(f"<p>Line {i}</p>\n" for i in range(40))
    html = f"<!doctype html><html><body><h1>Hello</h1>\n{lines}</body></html>"
    tag = f'<artifact identifier="page" type="html" title="Hello page">\n{html}\n</artifact>'
    parley_server.llm.push(
        {"text": chunks(f"Here is your page.\n\n{tag}\n\nEnjoy it.", 16), "delay_ms": 50}
    )
    send(page, "Make me a long page")

    card = answer(page).get_by_test_id("artifact-card")
    expect(card).to_contain_text("Creating…")
    expect(panel(page)).to_be_visible()
    expect(panel(page).get_by_test_id("artifact-title")).to_have_text("Hello page")
    # The source streams into the code view while the model writes it.
    panel(page).get_by_role("button", name="Code").click()
    code = panel(page).get_by_test_id("artifact-code")
    expect(code).to_contain_text("Line 3")
    assert "Line 39" not in code.inner_text()
    panel(page).get_by_role("button", name="Preview").click()

    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(card).to_contain_text("v1")
    expect(preview(page).get_by_role("heading", name="Hello")).to_be_visible()
    expect(preview(page).get_by_text("Line 39")).to_be_visible()
    # The card sits where the model made the artifact, between the text around it.
    text = answer(page).get_by_test_id("assistant-text").inner_text()
    assert text.index("Here is your page.") < text.index("Hello page") < text.index("Enjoy it.")
    assert "<artifact" not in text

    panel(page).get_by_role("button", name="Close artifact panel").click()
    expect(panel(page)).to_be_hidden()
    card.click()
    expect(panel(page)).to_be_visible()
    expect(panel(page).get_by_test_id("artifact-title")).to_be_focused()
    expect(preview(page).get_by_role("heading", name="Hello")).to_be_visible()
    # Closing gives focus back to the card; the header can reopen the panel too.
    panel(page).get_by_role("button", name="Close artifact panel").click()
    expect(card).to_be_focused()
    page.get_by_role("button", name="Show the artifact").click()
    expect(panel(page).get_by_test_id("artifact-title")).to_have_text("Hello page")


def test_a_react_artifact_with_state_icons_and_a_chart_responds_to_clicks(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    parley_server.llm.push(create_call("likes", "react", "Likes chart", REACT_APP))
    parley_server.llm.push({"text": ["A counter with a chart."]})
    send(page, "A like button and a chart")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    frame = preview(page)
    button = frame.get_by_role("button")
    expect(button).to_have_text("Liked 0 times")
    expect(frame.locator("svg.lucide-heart")).to_have_count(1)
    expect(frame.locator(".recharts-bar-rectangle")).to_have_count(3)
    button.click()
    button.click()
    expect(button).to_have_text("Liked 2 times")
    expect(panel(page).get_by_test_id("artifact-error")).to_have_count(0)


def test_a_mermaid_diagram_renders(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    tag = '<artifact identifier="d" type="mermaid" title="Flow">\ngraph TD; A[Start]-->B[Done]\n</artifact>'
    parley_server.llm.push({"text": ["A diagram:\n\n", tag, "\n\nThat's it."]})
    send(page, "Draw a flow")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(answer(page).get_by_test_id("artifact-card")).to_contain_text("Flow")
    diagram = preview(page).locator("svg").first
    expect(diagram).to_be_visible()
    expect(diagram).to_contain_text("Start")


def test_versions_from_answers_and_a_manual_edit_then_download(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    llm = parley_server.llm
    make_hello_page(page, llm)
    update = {
        "command": "update",
        "identifier": "page",
        "old_str": "<h1>Hello</h1>",
        "new_str": "<h1>Hello again</h1>",
    }
    llm.push({"tool_calls": [{"name": "artifacts", "input": update, "chunks": 3}]})
    llm.push({"text": ["Updated the heading."]})
    send(page, "Change the heading")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(answer(page).get_by_test_id("artifact-card")).to_contain_text("v2")
    expect(preview(page).get_by_role("heading", name="Hello again")).to_be_visible()

    # The version selector lists both, each with the request it came from.
    panel(page).get_by_role("button", name=re.compile("Choose a version")).click()
    versions = panel(page).get_by_role("menuitemradio")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_contain_text("Version 2")
    expect(versions.nth(0)).to_contain_text("Change the heading")
    expect(versions.nth(1)).to_contain_text("Version 1")
    expect(versions.nth(1)).to_contain_text("Make me a page")
    versions.nth(1).click()
    expect(preview(page).get_by_role("heading", name="Hello", exact=True)).to_be_visible()
    panel(page).get_by_role("button", name="Show the latest version").click()
    expect(preview(page).get_by_role("heading", name="Hello again")).to_be_visible()

    # The first answer's card opens the artifact as it was then.
    page.locator('[data-role="assistant"]').first.get_by_test_id("artifact-card").click()
    expect(preview(page).get_by_role("heading", name="Hello", exact=True)).to_be_visible()
    answer(page).get_by_test_id("artifact-card").click()
    expect(preview(page).get_by_role("heading", name="Hello again")).to_be_visible()

    # A manual edit in the code editor is version 3.
    panel(page).get_by_role("button", name="Edit", exact=True).click()
    editor = panel(page).locator(".cm-content")
    expect(editor).to_be_focused()
    expect(editor).to_contain_text("Hello again")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text("<h1>Edited by hand</h1>")
    panel(page).get_by_role("button", name="Save").click()
    expect(panel(page).locator(".cm-content")).to_have_count(0)
    expect(preview(page).get_by_role("heading", name="Edited by hand")).to_be_visible()
    expect(panel(page).get_by_role("button", name=re.compile("Choose a version"))).to_contain_text(
        "v3"
    )
    artifact = only_artifact(page)
    assert artifact["version"] == 3
    assert artifact["content"] == "<h1>Edited by hand</h1>"
    history = page.request.get(f"/api/artifacts/{artifact['id']}/versions").json()["versions"]
    assert [v["operation"] for v in history] == ["create", "update", "edit"]

    with page.expect_download() as info:
        panel(page).get_by_role("button", name="Download").click()
    download = info.value
    assert download.suggested_filename == "hello-page.html"
    path = download.path()
    assert path is not None
    assert path.read_text() == "<h1>Edited by hand</h1>"


def test_ask_to_change_prefills_the_message_box(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    make_hello_page(page, parley_server.llm)
    panel(page).get_by_role("button", name="Ask to change").click()
    box = page.get_by_role("textbox", name="Message")
    expect(box).to_have_value('Change the "Hello page" artifact (page): ')
    expect(box).to_be_focused()
    page.keyboard.type("make it blue")
    expect(box).to_have_value('Change the "Hello page" artifact (page): make it blue')


def test_a_runtime_error_offers_fix_it_which_asks_the_model(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    llm = parley_server.llm
    broken = '<h1>Broken</h1><script>throw new Error("boom")</script>'
    llm.push(create_call("broken", "html", "Broken page", broken))
    llm.push({"text": ["Here it is."]})
    send(page, "Make a page that fails")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    error = panel(page).get_by_test_id("artifact-error")
    expect(error).to_contain_text("boom")
    wait_for_requests(llm, 3)
    llm.push({"text": ["Let me fix that."]})
    error.get_by_role("button", name="Fix it").click()
    expect(page.locator('[data-role="user"]').last).to_contain_text("boom")
    expect(page.locator('[data-role="user"]').last).to_contain_text("Broken page")
    expect(answer(page)).to_have_attribute("data-status", "complete")
    expect(answer(page).get_by_test_id("assistant-text")).to_have_text("Let me fix that.")
    request = llm.generation_requests()[-1].body
    last_user = [m for m in request["messages"] if m["role"] == "user"][-1]
    assert "boom" in str(last_user["content"])
    assert "broken" in str(last_user["content"])


def test_publish_gives_a_public_link_that_unpublish_takes_down(
    signed_in: Page, parley_server: ParleyServer, browser: Browser
) -> None:
    page = signed_in
    make_hello_page(page, parley_server.llm)
    panel(page).get_by_role("button", name="More artifact actions").click()
    page.get_by_role("menuitem", name=re.compile("^Publish")).click()
    dialog = page.get_by_role("dialog", name=re.compile("is published"))
    expect(dialog).to_be_visible()
    link = dialog.get_by_role("textbox", name="Public link").input_value()
    assert re.fullmatch(rf"{re.escape(parley_server.url)}/a/[\w-]+", link), link

    stranger = browser.new_context()
    try:
        public = stranger.new_page()
        public.goto(link)
        expect(public.frame_locator("iframe").get_by_role("heading", name="Hello")).to_be_visible()
        assert "Make me a page" not in public.content()
    finally:
        stranger.close()

    dialog.get_by_role("button", name="Unpublish").click()
    expect(dialog).to_be_hidden()
    assert page.request.get(link).status == 404
    panel(page).get_by_role("button", name="More artifact actions").click()
    expect(page.get_by_role("menuitem", name=re.compile("^Publish"))).to_be_visible()


def test_the_panel_is_a_full_screen_sheet_on_a_phone(
    browser: Browser, parley_server: ParleyServer
) -> None:
    context = new_context(browser, parley_server, phone=True)
    page = context.new_page()
    try:
        sign_up(page)
        make_hello_page(page, parley_server.llm)
        sheet = page.get_by_role("dialog", name="Hello page")
        expect(sheet).to_be_visible()
        box = sheet.bounding_box()
        assert box is not None
        assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 390, 844)
        sheet.get_by_role("button", name="Close artifact panel").click()
        expect(sheet).to_be_hidden()
        answer(page).get_by_test_id("artifact-card").click()
        expect(sheet).to_be_visible()
        expect(preview(page).get_by_role("heading", name="Hello")).to_be_visible()
    finally:
        context.close()


def test_full_screen_and_escape(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    make_hello_page(page, parley_server.llm)
    panel(page).get_by_role("button", name="Full screen").click()
    expect(panel(page)).to_have_attribute("data-fullscreen", "true")
    box = panel(page).bounding_box()
    assert box is not None and box["width"] == 1280
    page.keyboard.press("Escape")
    expect(panel(page)).to_have_attribute("data-fullscreen", "false")
    expect(panel(page)).to_be_visible()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_panel_meets_wcag_aa(signed_in: Page, parley_server: ParleyServer, theme: str) -> None:
    page = signed_in
    make_hello_page(page, parley_server.llm)
    set_theme(page, theme)
    answer(page).get_by_test_id("artifact-card").click()
    expect(preview(page).get_by_role("heading", name="Hello")).to_be_visible()
    assert axe_violations(page) == []
    panel(page).get_by_role("button", name="Code").click()
    expect(panel(page).get_by_test_id("artifact-code").locator("span").first).to_be_visible()
    panel(page).get_by_role("button", name=re.compile("Choose a version")).click()
    assert axe_violations(page) == []
