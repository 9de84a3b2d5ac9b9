"""The artifact frame's server side: the published page keeps the artifact inside its JSON element
whatever it contains, and the frame document and runtime scripts carry the headers that isolate them."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from parley.app import create_app
from parley.artifact_frame import json_for_html, not_found_page, published_page
from parley.config import Settings

HOSTILE = (
    "</script><script>alert(document.cookie)</script><!-- <script> -->"
    "</SCRIPT ><img src=x onerror=alert(1)> & &amp; \u2028\u2029 \" ' `${x}`"
)


class PageReader(HTMLParser):
    """Collects what a browser's parser would: each element's tag, attributes and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        key = dict(attrs).get("id") or tag
        self._open.append(key)
        self.text.setdefault(key, "")

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text[self._open[-1]] += data


def read_page(body: bytes) -> PageReader:
    reader = PageReader()
    reader.feed(body.decode())
    return reader


def artifact(**overrides: Any) -> dict[str, Any]:
    return {"title": "Sales", "type": "react", "language": None, "content": "x", **overrides}


def test_artifact_json_cannot_break_out_of_its_script_element() -> None:
    data = artifact(title=HOSTILE, content=HOSTILE, language=HOSTILE)
    page = read_page(published_page(data).body)
    scripts = [attrs for tag, attrs in page.elements if tag == "script"]
    assert scripts == [
        {"type": "application/json", "id": "parley-artifact"},
        {"src": "/artifact-runtime/viewer.js"},
    ]
    assert json.loads(page.text["parley-artifact"]) == data
    assert not any(tag == "img" for tag, _ in page.elements)


def test_json_for_html_escapes_every_character_that_could_end_the_element() -> None:
    encoded = json_for_html({"a": HOSTILE})
    assert not set("<>&\u2028\u2029") & set(encoded)
    assert json.loads(encoded) == {"a": HOSTILE}


def test_published_page_escapes_the_title_and_frames_the_artifact() -> None:
    response = published_page(artifact(title='<b onclick="x">Q3 & "more"</b>'))
    page = read_page(response.body)
    assert page.text["title"] == '<b onclick="x">Q3 & "more"</b>'
    assert not any(tag == "b" for tag, _ in page.elements)
    assert "Published with Parley" in response.body.decode()
    frames = [attrs for tag, attrs in page.elements if tag == "iframe"]
    assert frames == [
        {
            "id": "parley-frame",
            "sandbox": "allow-scripts",
            "src": "/artifact-frame",
            "title": '<b onclick="x">Q3 & "more"</b>',
        }
    ]


def test_published_page_policy_allows_only_parleys_own_script_and_frame() -> None:
    response = published_page(artifact())
    policy = dict(
        part.strip().split(" ", 1)
        for part in response.headers["content-security-policy"].split(";")
    )
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert policy["frame-src"] == "'self'"
    assert policy["connect-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    style = re.search(r"<style>(.*?)</style>", response.body.decode(), re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert policy["style-src"] == f"'sha256-{digest}'"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_unknown_token_page_is_a_404_under_the_same_policy() -> None:
    response = not_found_page()
    assert response.status_code == 404
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert b"not available" in response.body


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    static = tmp_path / "static"
    runtime = static / "artifact-runtime"
    runtime.mkdir(parents=True)
    (static / "index.html").write_text("<!doctype html><title>Parley</title><div id=root></div>")
    (runtime / "frame.js").write_text("window.frameLoaded = true;")
    (runtime / "react.js").write_text("window.reactLoaded = true;")
    settings = Settings(data_dir=tmp_path, static_dir=static, anthropic_api_key=None)
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://parley.test") as client:
        yield client


async def test_frame_document_is_served_under_its_isolating_policy(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/artifact-frame")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    for directive in (
        "default-src 'none'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "connect-src 'none'",
        "img-src data: blob:",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'self'",
        "worker-src 'none'",
        "sandbox allow-scripts",
    ):
        assert directive in policy, directive
    assert "http" not in policy and "*" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-cache"
    script = re.search(r'<script src="(/artifact-runtime/frame\.js\?v=\w+)"', response.text)
    assert script is not None, response.text


async def test_runtime_scripts_are_cached_by_version_and_readable_in_cors_mode(
    client: httpx.AsyncClient,
) -> None:
    frame = await client.get("/artifact-frame")
    src = re.search(r'src="([^"]+)"', frame.text)
    assert src is not None
    versioned = await client.get(src.group(1))
    assert versioned.status_code == 200
    assert versioned.text == "window.frameLoaded = true;"
    assert "javascript" in versioned.headers["content-type"]
    assert versioned.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert versioned.headers["x-content-type-options"] == "nosniff"
    assert versioned.headers["access-control-allow-origin"] == "*"
    plain = await client.get("/artifact-runtime/react.js")
    assert plain.headers["cache-control"] == "no-cache"
    assert (await client.get("/artifact-runtime/missing.js")).status_code == 404
    escape = await client.get("/artifact-runtime/..%2findex.html")
    assert escape.status_code == 404


async def test_frame_says_so_when_the_runtime_is_not_built(tmp_path: Path) -> None:
    static = tmp_path / "static"
    static.mkdir()
    settings = Settings(data_dir=tmp_path, static_dir=static, anthropic_api_key=None)
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://parley.test") as client:
        response = await client.get("/artifact-frame")
    assert response.status_code == 503
    assert "sandbox allow-scripts" in response.headers["content-security-policy"]
