"""Serving the built web client: long-cached hashed assets, and index.html for every app route."""

from __future__ import annotations

import mimetypes
import stat as stat_module
from pathlib import Path

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Scope

NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Parley</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>Parley's web client is not built</h1>
<p>The API is running. Build the client with <code>make run</code> (or <code>make web</code>).</p>
</body></html>"""


# The client needs no inline script and no other origin (tests/e2e/test_csp.py proves it), so the
# page is served under a strict policy: injected markup could neither run nor phone home.
DOCUMENT_HEADERS = {
    "Cache-Control": "no-cache",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class PrecompressedFiles(StaticFiles):
    """Static files, sent as the `.gz` the build wrote beside them when the browser takes gzip
    (the artifact runtime's Mermaid chunk is 5.2 MB raw, 1.4 MB gzipped)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if _accepts_gzip(scope) and not path.endswith(".gz"):
            full_path, stat = self.lookup_path(path + ".gz")
            if stat is not None and stat_module.S_ISREG(stat.st_mode):
                media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
                packed = FileResponse(full_path, stat_result=stat, media_type=media_type)
                packed.headers["Content-Encoding"] = "gzip"
                packed.headers["Vary"] = "Accept-Encoding"
                if self.is_not_modified(packed.headers, Headers(scope=scope)):
                    return NotModifiedResponse(packed.headers)
                return packed
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            response.headers["Vary"] = "Accept-Encoding"
        return response


def _accepts_gzip(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"accept-encoding":
            return b"gzip" in value
    return False


class HashedAssets(PrecompressedFiles):
    """Vite names assets by content hash, so a browser may keep them for a year."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            response.headers["X-Content-Type-Options"] = "nosniff"
        return response


class SpaFallback:
    """Static files from the build's top level; any other non-API path gets index.html."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory.resolve()

    async def __call__(self, path: str) -> Response:
        if path == "api" or path.startswith("api/"):
            raise HTTPException(404, "Not found.")
        index = self.directory / "index.html"
        if not index.is_file():
            return HTMLResponse(NOT_BUILT, status_code=503)
        if path:
            candidate = (self.directory / path).resolve()
            if candidate.is_relative_to(self.directory) and candidate.is_file():
                return FileResponse(candidate, headers={"Cache-Control": "public, max-age=3600"})
        return FileResponse(index, headers=DOCUMENT_HEADERS)
