"""Projects in the browser: make one, give it instructions and knowledge, chat in it and follow the
answer's citations back to the file; the projects page searches, sorts and archives."""

from __future__ import annotations

import base64
import io
import re
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ParleyServer, new_context, shoot, sign_up
from tests.e2e.test_accessibility import axe_violations, set_theme

pytestmark = pytest.mark.e2e

HANDBOOK = (
    "# Parking\n\nThe garage door code is 4417. Spaces on level two are for visitors, and the "
    "gate closes at 9 pm.\n\n"
    "# Holidays\n\nEveryone gets 31 days of paid leave a year, plus the public holidays of the "
    "office's region.\n"
)
INSTRUCTIONS = "Always answer like a pirate."
# Whole knowledge numbers the passages in file order: Parking is [1], Holidays [2].
ANSWER = "Arr, the garage code be 4417 [1], and ye get 31 days of leave [2]. Nothing else [7]."


def _csrf(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "parley_csrf")


def _api(page: Page, method: str, path: str, data: dict[str, Any] | None = None) -> Any:
    response = page.request.fetch(
        path, method=method, data=data, headers={"X-CSRF-Token": _csrf(page)}, timeout=60_000
    )
    assert response.ok, response.text()
    return response.json() if response.status != 204 else None


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 90)).save(out, "PNG")
    return out.getvalue()


def _drop(page: Page, name: str, data: bytes, media_type: str) -> None:
    page.evaluate(
        """f => {
          const data = new DataTransfer();
          const bytes = Uint8Array.from(atob(f.b64), c => c.charCodeAt(0));
          data.items.add(new File([bytes], f.name, {type: f.type}));
          const target = document.querySelector('[data-testid="knowledge-drop-zone"]');
          for (const type of ['dragenter', 'dragover', 'drop'])
            target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
        }""",
        {"name": name, "type": media_type, "b64": base64.b64encode(data).decode()},
    )


def _answer_requests(server: ParleyServer) -> list[dict[str, Any]]:
    return [
        r.body
        for r in server.llm.generation_requests()
        if "You name conversations" not in str(r.body)
    ]


def _create_project_in_the_ui(page: Page, name: str, description: str) -> None:
    page.get_by_role("link", name="Projects", exact=True).click()
    expect(page).to_have_url(re.compile(r"/projects$"))
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()
    page.get_by_role("button", name="New project").first.click()
    dialog = page.get_by_role("dialog", name="Create a project")
    dialog.get_by_label("What are you working on?").fill(name)
    dialog.get_by_label(re.compile("What are you trying to achieve")).fill(description)
    dialog.get_by_role("button", name="Create project").click()
    expect(page).to_have_url(re.compile(r"/projects/[^/?]+$"))
    expect(page.get_by_role("textbox", name="Project name")).to_have_value(name)


def test_a_project_chat_uses_instructions_and_cites_its_knowledge(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    _create_project_in_the_ui(page, "Office handbook", "Everything about working at the office.")

    page.get_by_role("button", name="Add instructions").click()
    page.get_by_role("textbox", name="Project instructions").fill(INSTRUCTIONS)
    page.get_by_role("button", name="Save instructions").click()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    expect(page.get_by_test_id("project-instructions")).to_have_text(INSTRUCTIONS)

    # the button's file picker, then a refused image dropped on the page
    page.get_by_test_id("knowledge-input").set_input_files(
        files=[{"name": "handbook.md", "mimeType": "text/markdown", "buffer": HANDBOOK.encode()}]
    )
    row = page.get_by_test_id("knowledge-file").filter(has_text="handbook.md")
    expect(row).to_have_attribute("data-status", "ready", timeout=90_000)
    expect(row.get_by_test_id("knowledge-status")).to_have_text("Ready")
    _drop(page, "photo.png", _png(), "image/png")
    refused = page.get_by_test_id("knowledge-upload").filter(has_text="photo.png")
    expect(refused.get_by_role("alert")).to_contain_text("no text")
    refused.get_by_role("button", name="Dismiss photo.png").click()
    expect(refused).to_have_count(0)
    expect(page.get_by_text("1 file ·")).to_be_visible()

    # a new chat from the project page opens with the answer, cited
    parley_server.llm.push({"text": [ANSWER[i : i + 12] for i in range(0, len(ANSWER), 12)]})
    box = page.get_by_role("textbox", name="Message")
    box.fill("What is the garage code, and how much leave do I get?")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/chat/"))
    expect(page.get_by_test_id("chat-project")).to_have_text("Office handbook")

    chip = page.get_by_role("button", name="Source 1: handbook.md, Parking")
    expect(chip).to_be_visible()
    expect(page.get_by_role("button", name="Source 2: handbook.md, Holidays")).to_be_visible()
    text = page.get_by_test_id("assistant-text").last
    expect(text).to_contain_text("Nothing else [7].")  # no such source: stays text
    sources = page.get_by_test_id("sources")
    expect(sources.get_by_test_id("source")).to_have_count(2)
    expect(sources.get_by_test_id("source").first).to_contain_text("handbook.md")
    expect(sources.get_by_test_id("source").first).to_contain_text("The garage door code is 4417")

    chip.hover()
    preview = page.get_by_role("tooltip")
    expect(preview).to_contain_text("The garage door code is 4417")
    page.mouse.move(5, 5)
    expect(preview).to_have_count(0)
    chip.focus()
    expect(preview).to_be_visible()
    page.keyboard.press("Escape")
    expect(preview).to_have_count(0)
    chip.blur()
    chip.hover()
    expect(preview).to_be_visible()
    shoot(page, "citation-light")

    # the fake upstream was told the project's instructions and its knowledge
    [request] = _answer_requests(parley_server)
    system = str(request["system"])
    assert INSTRUCTIONS in system
    assert "The garage door code is 4417." in system

    chip.click()
    viewer = page.get_by_test_id("file-viewer")
    expect(viewer).to_be_visible()
    expect(viewer.get_by_role("heading", name="handbook.md")).to_be_visible()
    expect(viewer.get_by_test_id("viewer-passage")).to_contain_text("The garage door code is 4417")
    viewer.get_by_role("button", name="Close").click()
    expect(viewer).to_have_count(0)

    # a source in the list opens its own passage
    sources.get_by_role("button", name=re.compile(r"^Source 2\s*handbook\.md\s*Holidays$")).click()
    expect(viewer.get_by_test_id("viewer-passage")).to_contain_text("31 days of paid leave")
    page.keyboard.press("Escape")

    # the header's link goes back to the project, where the chat is listed
    page.get_by_test_id("chat-project").click()
    expect(page).to_have_url(re.compile(r"/projects/"))
    chats = page.get_by_role("region", name="Chats in this project")
    expect(chats.get_by_role("link")).to_have_count(1)


def test_projects_page_searches_sorts_archives_and_deletes(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    for name, description in [
        ("Zebra research", "Stripes, herds and the savannah."),
        ("Apple orchard", "Pruning calendar and harvest notes."),
        ("Moon base", "Life support checklists for the lunar habitat."),
    ]:
        _api(page, "POST", "/api/projects", {"name": name, "description": description})

    page.goto("/projects")
    cards = page.get_by_test_id("project-card")
    # latest activity first
    expect(cards).to_have_text(
        [re.compile("^Moon base"), re.compile("^Apple"), re.compile("^Zebra")]
    )

    page.get_by_role("button", name="Sort by Recent activity").click()
    page.get_by_role("menuitemradio", name="Name").click()
    expect(page).to_have_url(re.compile(r"sort=name"))
    expect(cards).to_have_text([re.compile("^Apple"), re.compile("^Moon"), re.compile("^Zebra")])

    page.get_by_role("searchbox", name="Search projects").fill("stripes")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Zebra research")
    page.get_by_role("searchbox", name="Search projects").fill("nothing like it")
    expect(page.get_by_text("No projects match “nothing like it”")).to_be_visible()
    page.get_by_role("searchbox", name="Search projects").fill("")
    expect(cards).to_have_count(3)

    # archive one from its page: it leaves the list for the archived view
    cards.filter(has_text="Moon base").click()
    page.get_by_role("button", name="Project actions").click()
    page.get_by_role("menuitem", name="Archive project").click()
    expect(page.get_by_text("This project is archived")).to_be_visible()
    page.get_by_role("link", name="All projects").click()
    expect(cards).to_have_count(2)
    page.get_by_role("button", name="Archived", exact=True).click()
    expect(page.get_by_role("button", name="Archived", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Moon base")

    # delete it, after saying yes
    cards.first.click()
    page.get_by_role("button", name="Project actions").click()
    page.get_by_role("menuitem", name="Delete project").click()
    confirm = page.get_by_role("dialog", name="Delete “Moon base”?")
    expect(confirm).to_contain_text("0 knowledge files and its 0 chats")
    confirm.get_by_role("button", name="Delete project").click()
    expect(page).to_have_url(re.compile(r"/projects$"))
    left = _api(page, "GET", "/api/projects")["items"]
    assert sorted(p["name"] for p in left) == ["Apple orchard", "Zebra research"]

    # the palette's "New project" lands on ?new=1, which opens the dialog
    page.goto("/projects?new=1")
    expect(page.get_by_role("dialog", name="Create a project")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"/projects$"))


def _seed(page: Page, server: ParleyServer) -> str:
    """Projects with chats and knowledge, so the screenshots show a lived-in workspace."""
    ids = {}
    for name, description in [
        ("Q3 launch plan", "Positioning, pricing and the launch checklist for the autumn release."),
        ("Office handbook", "Everything about working at the office: parking, leave, equipment."),
        ("Thesis: coral reefs", "Literature notes and drafts on bleaching and recovery."),
        ("Recipes", ""),
    ]:
        ids[name] = _api(page, "POST", "/api/projects", {"name": name, "description": description})[
            "id"
        ]
    handbook = ids["Office handbook"]
    _api(page, "PATCH", f"/api/projects/{handbook}", {"instructions": INSTRUCTIONS, "pinned": True})
    for title in ["Garage code and visitor parking", "How much leave do I have left?"]:
        _api(page, "POST", "/api/conversations", {"project_id": handbook, "title": title})
    for name, body in [
        ("handbook.md", HANDBOOK),
        ("equipment.txt", "Laptops are renewed every three years.\n"),
    ]:
        upload = page.request.post(
            "/api/files",
            multipart={"file": {"name": name, "mimeType": "text/plain", "buffer": body.encode()}},
            headers={"X-CSRF-Token": _csrf(page)},
            timeout=60_000,
        )
        assert upload.ok, upload.text()
        _api(page, "POST", f"/api/projects/{handbook}/files/{upload.json()['id']}")
    return str(handbook)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_projects_screens_in_both_themes(
    signed_in: Page, parley_server: ParleyServer, theme: str
) -> None:
    page = signed_in
    set_theme(page, theme)
    handbook = _seed(page, parley_server)
    page.goto("/projects")
    expect(page.get_by_test_id("project-card")).to_have_count(4)
    assert axe_violations(page) == []
    shoot(page, f"projects-{theme}")

    page.goto(f"/projects/{handbook}")
    files = page.get_by_test_id("knowledge-file")
    expect(files).to_have_count(2)
    for i in range(2):
        expect(files.nth(i)).to_have_attribute("data-status", "ready", timeout=90_000)
    expect(
        page.get_by_role("region", name="Chats in this project").get_by_role("link")
    ).to_have_count(2)
    assert axe_violations(page) == []
    shoot(page, f"project-page-{theme}")


def test_project_page_on_a_phone(browser: Any, parley_server: ParleyServer) -> None:
    context = new_context(browser, parley_server, phone=True)
    try:
        page = context.new_page()
        sign_up(page)
        handbook = _seed(page, parley_server)
        page.goto(f"/projects/{handbook}")
        expect(page.get_by_test_id("knowledge-file")).to_have_count(2)
        expect(page.get_by_role("textbox", name="Message")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the page scrolls sideways ({width}px)"
        shoot(page, "project-phone")
    finally:
        context.close()
