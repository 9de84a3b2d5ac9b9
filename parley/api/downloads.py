"""Sending stored bytes back: never as something the browser would run.

Every response is `nosniff` with a CSP that sandboxes whatever renders it; only raster images
and PDFs may be shown inline, and anything else (HTML, SVG, scripts) is always a download of
type application/octet-stream, whatever it was detected as.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from urllib.parse import quote

from fastapi.responses import FileResponse, StreamingResponse
from starlette.responses import Response

from parley.services.files import FileNotFound
from parley.storage import BlobMissing, BlobStore

INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"}
_END = object()


def disposition(kind: str, name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "'").replace("\\", "_")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def safe_headers(name: str, inline: bool) -> dict[str, str]:
    return {
        "Content-Disposition": disposition("inline" if inline else "attachment", name),
        "X-Content-Type-Options": "nosniff",
        # a PDF shown inline gets the browser's viewer, in a sandbox with no scripts of its own
        "Content-Security-Policy": "default-src 'none'; img-src 'self' data:; "
        "style-src 'unsafe-inline'; sandbox",
        "Cache-Control": "private, max-age=3600",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


async def file_response(
    storage: BlobStore, key: str, name: str, media_type: str, *, inline: bool
) -> Response:
    inline = inline and media_type in INLINE_TYPES
    sent_type = media_type if media_type in INLINE_TYPES else "application/octet-stream"
    headers = safe_headers(name, inline)
    path = storage.local_path(key)
    if path is not None:
        return FileResponse(path, media_type=sent_type, headers=headers)
    try:
        size = await asyncio.to_thread(storage.size, key)
        chunks = await asyncio.to_thread(storage.iter_chunks, key)
    except BlobMissing as error:
        raise FileNotFound() from error
    headers["Content-Length"] = str(size)
    return StreamingResponse(_in_thread(chunks), media_type=sent_type, headers=headers)


async def _in_thread(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    try:
        while (chunk := await asyncio.to_thread(next, chunks, _END)) is not _END:
            yield chunk  # type: ignore[misc]
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            await asyncio.to_thread(close)
