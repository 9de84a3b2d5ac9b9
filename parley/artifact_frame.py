"""The artifact preview frame: the document sandboxed iframes load, its runtime scripts, and the
page of a published artifact.

Isolation comes from three layers, each enough to stop a hostile artifact reading Parley's data:
the iframe's `sandbox="allow-scripts"` (an opaque origin: no cookies, storage or parent DOM), the
frame's own CSP `sandbox` directive (the same, even when the document is opened some other way),
and a CSP that forbids every network connection, so what the artifact knows stays in the frame.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from starlette.responses import HTMLResponse, Response
from starlette.types import Scope

from parley.web import PrecompressedFiles

RUNTIME_PATH = "/artifact-runtime"

# Artifacts are untrusted code that must run, so the policy does not try to stop scripts: inline
# scripts, event handler attributes and eval stay allowed ('unsafe-inline' for HTML pages as the
# model writes them, 'unsafe-eval' for transpiled React). What it stops is every way out:
#  - scripts load only from Parley itself ('self', the runtime's chunks; in a sandboxed document
#    'self' still means the URL's origin), and a response that is not JavaScript is refused under
#    nosniff, so no code arrives from elsewhere;
#  - connect-src 'none' (fetch, XHR, WebSocket, EventSource, sendBeacon), img/media only data: and
#    blob:, fonts only data:, styles only inline, and no frames, workers, objects or manifests:
#    nothing can carry data to a host, Parley included;
#  - form-action 'none' and base-uri 'none'; the sandbox (no allow-forms, allow-popups or
#    allow-top-navigation) already refuses forms, popups and navigating the app away;
#  - frame-ancestors 'self': only Parley's own pages may embed the frame;
#  - sandbox allow-scripts: the document gets an opaque origin whoever loads it.
# A frame can still navigate itself; the embedding page's frame-src (the app's default-src 'self',
# the published page's frame-src 'self') refuses any other origin. WebRTC is not covered by CSP in
# Chromium; the runtime removes its constructors and nested frames (artifact-runtime/document.ts).
FRAME_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "media-src data: blob:",
        "font-src data:",
        "connect-src 'none'",
        "frame-src 'none'",
        "child-src 'none'",
        "worker-src 'none'",
        "object-src 'none'",
        "manifest-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'self'",
        "sandbox allow-scripts",
    ]
)

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
    "serial=(), usb=(), xr-spatial-tracking=()"
)

FRAME_HEADERS = {
    "Content-Security-Policy": FRAME_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-DNS-Prefetch-Control": "off",
}

FRAME_DOCUMENT = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Artifact preview</title></head>
<body><div id="parley-root"></div>
<script src="{runtime}/frame.js?v={version}" crossorigin="anonymous"></script></body>
</html>
"""

RUNTIME_NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Artifact preview</title>
<body style="font-family:system-ui;margin:1rem">The artifact preview runtime is not built: run
<code>make web</code>.</body></html>"""


def runtime_version(runtime_dir: Path) -> str:
    """Changes whenever a runtime file does, so its URLs can be cached for good."""
    digest = hashlib.sha256()
    for path in sorted(runtime_dir.glob("*.js")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:12]


class RuntimeFiles(PrecompressedFiles):
    """Runtime scripts: long-cached when the URL carries the version, revalidated otherwise.

    The frame loads them in CORS mode: to its opaque origin every script is cross-origin, and the
    browser would report errors thrown in them (or in artifact code they evaluate) only as
    "Script error.". They are public files, so any origin may read them.
    """

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            versioned = b"v=" in scope.get("query_string", b"")
            response.headers["Cache-Control"] = (
                "public, max-age=31536000, immutable" if versioned else "no-cache"
            )
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Access-Control-Allow-Origin"] = "*"
        return response


def register_artifact_frame(app: FastAPI, static_dir: Path) -> None:
    """Serves /artifact-frame and /artifact-runtime/*; call before the SPA fallback is mounted."""
    runtime_dir = static_dir / "artifact-runtime"

    def artifact_frame() -> HTMLResponse:
        if not (runtime_dir / "frame.js").is_file():
            return HTMLResponse(RUNTIME_NOT_BUILT, status_code=503, headers=FRAME_HEADERS)
        document = FRAME_DOCUMENT.format(runtime=RUNTIME_PATH, version=runtime_version(runtime_dir))
        return HTMLResponse(document, headers=FRAME_HEADERS)

    app.add_api_route("/artifact-frame", artifact_frame, methods=["GET"], include_in_schema=False)
    app.mount(
        RUNTIME_PATH,
        RuntimeFiles(directory=runtime_dir, check_dir=False),
        name="artifact-runtime",
    )


PAGE_STYLE = """
:root { color-scheme: light dark; --bg: #faf9f7; --fg: #1f1e1d; --muted: #6b6863; --line: #e6e3dd; }
@media (prefers-color-scheme: dark) { :root { --bg: #1f1e1d; --fg: #ecebe8; --muted: #a6a39d; --line: #3a3835; } }
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; background: var(--bg); color: var(--fg);
  font: 14px/1.4 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
header { display: flex; align-items: baseline; gap: 1rem; padding: .55rem 1rem;
  border-bottom: 1px solid var(--line); }
header h1 { flex: 1; min-width: 0; margin: 0; font-size: 14px; font-weight: 600;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
header span { color: var(--muted); font-size: 12px; white-space: nowrap; }
#parley-status { margin: 0; padding: .4rem 1rem; font-size: 12.5px; color: #9b2c1c;
  background: #fdf1ef; border-bottom: 1px solid #f2c6be; }
iframe { flex: 1; width: 100%; border: 0; background: #fff; display: block; }
main { padding: 1rem; }
"""


def _style_hash(style: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"


# The page runs one script, Parley's own viewer; its one inline style block is allowed by hash.
PAGE_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        f"style-src {_style_hash(PAGE_STYLE)}",
        "img-src 'self' data:",
        "frame-src 'self'",
        "connect-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "X-Content-Type-Options": "nosniff",
    # The token in /a/{token} is the capability: never send it on in a Referer.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
    "Permissions-Policy": PERMISSIONS_POLICY,
}

PUBLISHED_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header><h1>{title}</h1><span>Published with Parley</span></header>
<p id="parley-status" role="status" hidden></p>
<script type="application/json" id="parley-artifact">{data}</script>
<script src="{runtime}/viewer.js"></script>
<iframe id="parley-frame" sandbox="allow-scripts" src="/artifact-frame" title="{title}"></iframe>
</body>
</html>
"""

NOT_FOUND_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Artifact not found</title>
<style>{style}</style>
</head>
<body>
<header><h1>This artifact is not available</h1><span>Parley</span></header>
<main>It may have been unpublished, or the link is incomplete.</main>
</body>
</html>
"""


def json_for_html(value: Any) -> str:
    """JSON that can sit inside a <script type="application/json"> element: no `<`, `>` or `&`
    (so no `</script>` or `<!--`), and no U+2028/2029 line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def published_page(artifact: dict[str, Any]) -> HTMLResponse:
    """The full-page view of a published artifact, under the same isolation as the app's preview."""
    title = str(artifact.get("title") or "Untitled artifact")
    data = {
        "type": artifact["type"],
        "title": title,
        "language": artifact.get("language"),
        "content": artifact["content"],
    }
    page = PUBLISHED_PAGE.format(
        title=html.escape(title),
        style=PAGE_STYLE,
        data=json_for_html(data),
        runtime=RUNTIME_PATH,
    )
    return HTMLResponse(page, headers=PAGE_HEADERS)


def not_found_page() -> HTMLResponse:
    """What /a/{token} answers for an unknown or revoked token."""
    return HTMLResponse(
        NOT_FOUND_PAGE.format(style=PAGE_STYLE), status_code=404, headers=PAGE_HEADERS
    )
