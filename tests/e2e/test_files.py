"""Files in the chat: drop, paste and pick them, see them upload, send them, find them in the
history after a reload, open them in the viewer; refused files say why and keep the rest."""

from __future__ import annotations

import base64
import io
import re
from typing import Any

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import ParleyServer, new_chat, new_context, shoot, sign_up
from tests.e2e.test_accessibility import axe_violations, set_theme

pytestmark = pytest.mark.e2e

# What a Linux program starts with: the server refuses it whatever it is called.
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56

CODE = '''def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merges overlapping intervals after sorting them by start."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
'''

CSV = "month,visitors,signups\n" + "".join(
    f"2026-{m:02d},{1200 + m * 87},{40 + m * 3}\n" for m in range(1, 13)
)


def _png(width: int, height: int, *, hue: int = 0) -> bytes:
    image = Image.new("RGB", (width, height), (250, 246, 238))
    draw = ImageDraw.Draw(image)
    bars = 7
    step = width // (bars + 1)
    for i in range(bars):
        top = int(height * (0.75 - i * 0.08))
        colour = (204 - i * 12 + hue, 120 + i * 10, 92 + i * 14)
        draw.rounded_rectangle(
            [step // 2 + i * step, top, step // 2 + i * step + step * 2 // 3, height - 30],
            radius=6,
            fill=colour,
        )
    draw.line([20, height - 30, width - 20, height - 30], fill=(60, 60, 60), width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _pdf() -> bytes:
    first = Image.new("RGB", (620, 877), "white")
    draw = ImageDraw.Draw(first)
    draw.rectangle([60, 70, 560, 170], fill=(180, 85, 47))
    for row in range(12):
        draw.rectangle(
            [60, 220 + row * 34, 560 - (row % 3) * 80, 232 + row * 34], fill=(90, 90, 90)
        )
    second = Image.new("RGB", (620, 877), "white")
    out = io.BytesIO()
    first.save(out, "PDF", save_all=True, append_images=[second])
    return out.getvalue()


def _file(name: str, data: bytes, media_type: str) -> dict[str, str]:
    return {"name": name, "type": media_type, "b64": base64.b64encode(data).decode()}


_TRANSFER = """files => {
  const data = new DataTransfer();
  for (const f of files) {
    const bytes = Uint8Array.from(atob(f.b64), c => c.charCodeAt(0));
    data.items.add(new File([bytes], f.name, {type: f.type}));
  }
  return data;
}"""


def drag_over(page: Page, files: list[dict[str, str]]) -> None:
    """Starts dragging files over the chat (the overlay shows), without dropping them."""
    page.evaluate(
        f"""files => {{
          const data = ({_TRANSFER})(files);
          const target = document.querySelector('[data-testid="drop-zone"]').firstElementChild;
          for (const type of ['dragenter', 'dragover'])
            target.dispatchEvent(new DragEvent(type, {{bubbles: true, cancelable: true, dataTransfer: data}}));
          window.__dragged = data;
        }}""",
        files,
    )


def drop(page: Page, files: list[dict[str, str]]) -> None:
    page.evaluate(
        f"""files => {{
          const data = ({_TRANSFER})(files);
          const target = document.querySelector('[data-testid="drop-zone"]').firstElementChild;
          for (const type of ['dragenter', 'dragover', 'drop'])
            target.dispatchEvent(new DragEvent(type, {{bubbles: true, cancelable: true, dataTransfer: data}}));
        }}""",
        files,
    )


def paste(page: Page, files: list[dict[str, str]]) -> None:
    page.evaluate(
        f"""files => {{
          const data = ({_TRANSFER})(files);
          document.getElementById('composer').dispatchEvent(
            new ClipboardEvent('paste', {{clipboardData: data, bubbles: true, cancelable: true}}));
        }}""",
        files,
    )


def chip(page: Page, name: str | re.Pattern[str]) -> Locator:
    return page.get_by_test_id("attachment-chip").filter(has_text=name)


def send(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="Message")
    box.fill(text)
    box.press("Enter")


def last_user(page: Page) -> Locator:
    return page.locator('[data-role="user"]').last


def wait_answered(page: Page) -> None:
    expect(page.locator('[data-role="assistant"]').last).to_have_attribute(
        "data-status", "complete"
    )


def image_loaded(locator: Locator) -> bool:
    return bool(locator.evaluate("img => img.complete && img.naturalWidth > 0"))


def _sent_blocks(server: ParleyServer) -> list[dict[str, Any]]:
    """The content blocks of the first message of the first request: the turn, not its title."""
    body = server.llm.generation_requests()[0].body
    content = body["messages"][0]["content"]
    return content if isinstance(content, list) else [{"type": "text", "text": content}]


def _throttle_uploads(page: Page, bytes_per_second: int) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 0,
            "downloadThroughput": -1,
            "uploadThroughput": bytes_per_second,
        },
    )


def test_drop_and_paste_upload_send_and_survive_a_reload(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    drag_over(page, [_file("chart.png", _png(900, 560), "image/png")])
    expect(page.get_by_test_id("drop-overlay")).to_contain_text("Drop files to attach")
    drop(
        page,
        [
            _file("chart.png", _png(900, 560), "image/png"),
            _file("merge.py", CODE.encode(), "text/x-python"),
        ],
    )
    expect(page.get_by_test_id("drop-overlay")).to_have_count(0)
    paste(page, [_file("image.png", _png(300, 200, hue=30), "image/png")])
    expect(page.get_by_test_id("attachment-chip")).to_have_count(3)
    for name in ("chart.png", "merge.py", "Pasted image"):
        expect(chip(page, name)).to_have_attribute("data-status", "done")
    # The chip is a button named as it reads: "Open", the name, the type and size.
    expect(
        page.get_by_role("button", name=re.compile(r"^Open merge\.py PY · \d+ B$"))
    ).to_be_visible()
    expect(page.get_by_role("button", name="Send message")).to_be_enabled()

    send(page, "What do these show?")
    expect(page).to_have_url(re.compile(r"/chat/"))
    expect(page.get_by_test_id("attachment-chip")).to_have_count(0)
    wait_answered(page)
    message = last_user(page)
    expect(message.get_by_test_id("attachment-image")).to_have_count(2)
    expect(message.get_by_role("button", name=re.compile(r"^Open merge\.py"))).to_be_visible()
    expect(message).to_contain_text("What do these show?")
    kinds = [block["type"] for block in _sent_blocks(parley_server)]
    assert kinds.count("image") == 2, kinds

    page.reload()
    message = last_user(page)
    expect(message.get_by_test_id("attachment-image")).to_have_count(2)
    first = message.get_by_test_id("attachment-image").first.locator("img")
    expect(first).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=first.element_handle()
    )
    expect(message.get_by_role("button", name=re.compile(r"^Open merge\.py"))).to_be_visible()


def test_a_refused_file_says_why_and_the_others_still_send(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    drop(
        page,
        [
            _file("x.pdf", ELF, "application/pdf"),
            _file("notes.csv", CSV.encode(), "text/csv"),
        ],
    )
    refused = chip(page, "x.pdf")
    expect(refused).to_have_attribute("data-status", "failed")
    expect(refused).to_contain_text("Linux program")
    expect(chip(page, "notes.csv")).to_have_attribute("data-status", "done")
    expect(refused.get_by_role("button", name="Remove x.pdf")).to_be_visible()

    # Files alone make a message.
    page.get_by_role("button", name="Send message").click()
    wait_answered(page)
    message = last_user(page)
    expect(message.get_by_role("button", name=re.compile(r"^Open notes\.csv"))).to_be_visible()
    expect(message).not_to_contain_text("x.pdf")
    expect(page.get_by_test_id("attachment-chip")).to_have_count(0)


def test_upload_progress_holds_send_until_done(signed_in: Page) -> None:
    page = signed_in
    _throttle_uploads(page, 256 * 1024)
    big = "timestamp,reading\n" + "".join(
        f"2026-01-01T00:{i % 60:02d},{i}\n" for i in range(90_000)
    )
    drop(page, [_file("readings.csv", big.encode(), "text/csv")])
    page.get_by_role("textbox", name="Message").fill("Summarise the readings")
    bar = page.get_by_role("progressbar", name="Uploading readings.csv")
    expect(bar).to_be_visible()
    expect(page.get_by_role("button", name="Send message")).to_be_disabled()
    page.wait_for_function(
        "() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) > 0"
    )
    expect(chip(page, "readings.csv")).to_have_attribute("data-status", "done", timeout=30_000)
    expect(page.get_by_role("button", name="Send message")).to_be_enabled()


def test_a_model_without_vision_is_named_before_sending(signed_in: Page) -> None:
    page = signed_in
    page.get_by_role("button", name=re.compile("^Model:")).click()
    page.get_by_role("menuitemradio", name=re.compile("Claude Future 9")).click()
    drop(page, [_file("chart.png", _png(400, 300), "image/png")])
    expect(chip(page, "chart.png")).to_have_attribute("data-status", "done")
    notice = page.get_by_test_id("composer-notices").get_by_role("alert")
    expect(notice).to_contain_text("Claude Future 9 can't see images")
    expect(notice).to_contain_text("chart.png")
    chip(page, "chart.png").get_by_role("button", name="Remove chart.png").click()
    expect(page.get_by_test_id("composer-notices")).to_have_count(0)


def test_the_viewer_shows_an_image_and_highlighted_code(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    drop(
        page,
        [
            _file("chart.png", _png(1200, 760), "image/png"),
            _file("merge.py", CODE.encode(), "text/x-python"),
        ],
    )
    expect(chip(page, "merge.py")).to_have_attribute("data-status", "done")
    expect(chip(page, "chart.png")).to_have_attribute("data-status", "done")
    send(page, "Review this")
    wait_answered(page)

    tile = last_user(page).get_by_role("button", name=re.compile(r"^Open chart\.png"))
    tile.click()
    viewer = page.get_by_role("dialog", name="chart.png")
    expect(viewer).to_be_visible()
    image = viewer.get_by_role("img", name="chart.png")
    expect(image).to_have_attribute("src", re.compile(r"/content\?disposition=inline$"))
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    expect(viewer.get_by_role("link", name="Download chart.png")).to_have_attribute(
        "href", re.compile(r"/api/files/[^/]+/content$")
    )
    expect(viewer.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Escape")
    expect(viewer).to_have_count(0)
    expect(tile).to_be_focused()

    last_user(page).get_by_role("button", name=re.compile(r"^Open merge\.py")).click()
    viewer = page.get_by_role("dialog", name="merge.py")
    code = viewer.get_by_test_id("viewer-text")
    expect(code).to_contain_text("def merge(intervals")
    expect(code.locator(".hljs-keyword").first).to_be_visible()
    viewer.get_by_role("button", name="Close").click()
    expect(viewer).to_have_count(0)


def test_a_pdf_opens_in_the_browsers_viewer_under_the_servers_sandbox(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    drop(page, [_file("report.pdf", _pdf(), "application/pdf")])
    expect(chip(page, "report.pdf")).to_contain_text("2 pages")
    chip(page, "report.pdf").get_by_role("button", name=re.compile(r"^Open report\.pdf")).click()
    viewer = page.get_by_role("dialog", name="report.pdf")
    frame = viewer.locator("iframe")
    expect(frame).to_have_attribute("src", re.compile(r"disposition=inline$"))
    response = page.request.get(frame.get_attribute("src") or "")
    assert response.headers["content-type"] == "application/pdf"
    # The frame carries no sandbox attribute (Chromium would block its PDF viewer); the response
    # sandboxes itself.
    assert re.search(r"(^|;)\s*sandbox\s*(;|$)", response.headers["content-security-policy"])
    assert response.headers["x-content-type-options"] == "nosniff"
    viewer.get_by_role("button", name="Text").click()
    expect(viewer.get_by_test_id("viewer-text")).to_be_visible()


WRITE_FILES = """import csv
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

temps = [12.1, 14.3, 13.8, 17.2, 19.5, 21.0, 18.4]
with open("temps.csv", "w", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["day", "celsius"])
    for day, t in zip("MTWTFSS", temps):
        writer.writerow([day, t])
plt.plot(temps, marker="o")
plt.savefig("temps.png")
print("wrote temps.csv and temps.png")
"""


def test_files_the_code_writes_come_back_as_cards_and_images(
    signed_in: Page, parley_server: ParleyServer
) -> None:
    page = signed_in
    parley_server.llm.push(
        {
            "text": ["I'll write the table and the chart."],
            "tool_calls": [
                {
                    "id": "toolu_files",
                    "name": "run_code",
                    "input": {"language": "python", "code": WRITE_FILES},
                }
            ],
        },
        {"text": ["Here they are."]},
    )
    send(page, "Save this week's temperatures as a CSV and a chart")
    card = page.get_by_test_id("tool-call").last
    card.get_by_role("button", name="Approve").click()
    wait_answered(page)
    files = card.get_by_test_id("execution-files")
    expect(files.get_by_role("img", name=re.compile("temps.png"))).to_be_visible()
    output = files.get_by_test_id("output-file")
    expect(output).to_contain_text("temps.csv")
    expect(output).to_contain_text(re.compile(r"CSV · \d+ B"))
    expect(output.get_by_role("link", name="Download temps.csv")).to_have_attribute(
        "download", "temps.csv"
    )
    output.get_by_role("button", name=re.compile(r"^Open temps\.csv")).click()
    viewer = page.get_by_role("dialog", name="temps.csv")
    expect(viewer.get_by_role("columnheader", name="celsius")).to_be_visible()
    expect(viewer.get_by_role("row")).to_have_count(8)
    page.keyboard.press("Escape")
    files.get_by_role("button", name=re.compile("temps.png")).click()
    expect(page.get_by_role("dialog", name="temps.png").get_by_role("img")).to_be_visible()


def test_chips_wait_in_their_own_conversation(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    send(page, "First conversation")
    wait_answered(page)
    first = page.url
    drop(page, [_file("draft-notes.txt", b"Remember the milk.", "text/plain")])
    expect(chip(page, "draft-notes.txt")).to_have_attribute("data-status", "done")
    new_chat(page)
    expect(page.get_by_test_id("attachment-chip")).to_have_count(0)
    page.go_back()  # within the app: no reload
    expect(page).to_have_url(first)
    expect(chip(page, "draft-notes.txt")).to_have_attribute("data-status", "done")


def test_an_edit_keeps_the_files_not_removed(signed_in: Page, parley_server: ParleyServer) -> None:
    page = signed_in
    drop(
        page,
        [
            _file("chart.png", _png(400, 300), "image/png"),
            _file("merge.py", CODE.encode(), "text/x-python"),
        ],
    )
    expect(chip(page, "merge.py")).to_have_attribute("data-status", "done")
    expect(chip(page, "chart.png")).to_have_attribute("data-status", "done")
    send(page, "Look at both")
    wait_answered(page)
    message = last_user(page)
    message.hover()
    message.get_by_role("button", name="Edit message").click()
    page.get_by_role("button", name="Remove chart.png from the edit").click()
    page.get_by_role("textbox", name="Edit message").fill("Just the code, please")
    page.get_by_role("button", name="Save and send").click()
    wait_answered(page)
    message = last_user(page)
    expect(message).to_contain_text("Just the code, please")
    expect(message.get_by_role("button", name=re.compile(r"^Open merge\.py"))).to_be_visible()
    expect(message.get_by_test_id("attachment-image")).to_have_count(0)
    page.reload()
    expect(
        last_user(page).get_by_role("button", name=re.compile(r"^Open merge\.py"))
    ).to_be_visible()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_chips_and_the_viewer_meet_wcag_aa(signed_in: Page, theme: str) -> None:
    page = signed_in
    set_theme(page, theme)
    drop(
        page,
        [
            _file("chart.png", _png(400, 300), "image/png"),
            _file("x.pdf", ELF, "application/pdf"),
        ],
    )
    expect(chip(page, "chart.png")).to_have_attribute("data-status", "done")
    expect(chip(page, "x.pdf")).to_have_attribute("data-status", "failed")
    assert axe_violations(page) == []
    chip(page, "chart.png").get_by_role("button", name=re.compile(r"^Open chart\.png")).click()
    viewer = page.get_by_role("dialog", name="chart.png")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0",
        arg=viewer.get_by_role("img", name="chart.png").element_handle(),
    )
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    drop(page, [_file("merge.py", CODE.encode(), "text/x-python")])
    expect(chip(page, "merge.py")).to_have_attribute("data-status", "done")
    send(page, "Both, please")
    wait_answered(page)
    expect(last_user(page).get_by_test_id("file-card")).to_have_count(1)
    assert axe_violations(page) == []


def test_screenshots_files(browser: Browser, parley_server: ParleyServer) -> None:
    for phone in (False, True):
        device = "phone" if phone else "desktop"
        context = new_context(browser, parley_server, phone=phone)
        page = context.new_page()
        try:
            sign_up(page)
            for theme in ("light", "dark"):
                _screens(page, parley_server, theme, device)
        finally:
            context.close()


def _set_theme(page: Page, theme: str) -> None:
    page.evaluate(
        "t => localStorage.setItem('parley-theme', JSON.stringify({state: {theme: t}, version: 0}))",
        theme,
    )
    page.reload()
    page.get_by_role("textbox", name="Message").wait_for()


def _screens(page: Page, server: ParleyServer, theme: str, device: str) -> None:
    page.goto("/")
    _set_theme(page, theme)
    server.llm.push(
        {
            "text": [
                "The chart shows visitors rising every month, steepest from May. ",
                "`merge.py` is correct: it sorts once and sweeps, so it runs in O(n log n).",
            ]
        }
    )
    drop(
        page,
        [
            _file("visitors-2026.png", _png(1200, 760), "image/png"),
            _file("merge.py", CODE.encode(), "text/x-python"),
            _file("quarterly-report.pdf", _pdf(), "application/pdf"),
        ],
    )
    for name in ("visitors-2026.png", "merge.py", "quarterly-report.pdf"):
        expect(chip(page, name)).to_have_attribute("data-status", "done")
    drop(page, [_file("setup.pdf", ELF, "application/pdf")])
    expect(chip(page, "setup.pdf")).to_have_attribute("data-status", "failed")
    page.get_by_role("textbox", name="Message").fill(
        "What does the chart show, and is merge.py right?"
    )
    page.mouse.move(0, 0)
    shoot(page, f"files-composer-{theme}-{device}")

    drag_over(page, [_file("notes.csv", CSV.encode(), "text/csv")])
    expect(page.get_by_test_id("drop-overlay")).to_be_visible()
    shoot(page, f"files-drop-{theme}-{device}")
    page.evaluate(
        """() => document.querySelector('[data-testid="drop-zone"]').dispatchEvent(
          new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: new DataTransfer()}))"""
    )
    expect(page.get_by_test_id("drop-overlay")).to_have_count(0)

    page.get_by_role("textbox", name="Message").press("Enter")
    wait_answered(page)
    tiles = last_user(page).get_by_test_id("attachment-image")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0",
        arg=tiles.first.locator("img").element_handle(),
    )
    page.get_by_test_id("message-scroller").evaluate("el => { el.scrollTop = 0 }")
    page.mouse.move(0, 0)
    shoot(page, f"files-history-{theme}-{device}")

    last_user(page).get_by_role("button", name=re.compile(r"^Open visitors-2026\.png")).click()
    viewer = page.get_by_role("dialog", name="visitors-2026.png")
    image = viewer.get_by_role("img", name="visitors-2026.png")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    shoot(page, f"files-viewer-{theme}-{device}")
    page.keyboard.press("Escape")
    last_user(page).get_by_role("button", name=re.compile(r"^Open merge\.py")).click()
    viewer = page.get_by_role("dialog", name="merge.py")
    expect(viewer.get_by_test_id("viewer-text").locator(".hljs-keyword").first).to_be_visible()
    shoot(page, f"files-viewer-code-{theme}-{device}")
    page.keyboard.press("Escape")
    expect(viewer).to_have_count(0)
