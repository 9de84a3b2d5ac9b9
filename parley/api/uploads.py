"""Receiving a multipart upload: streamed to the store's staging directory as it arrives.

The body is never held in memory: each chunk is hashed and written to a staging file, the size
is checked as it grows, and a cut-off, oversized or malformed upload removes what it wrote.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect

from parley.services.context import AppContext
from parley.services.errors import InvalidInput, TooLarge
from parley.services.files import ReceivedUpload

# what a multipart body adds to the file itself: boundaries and part headers
ENVELOPE_BYTES = 64 * 1024
NAME_LIMIT = 255
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_filename(raw: str) -> str:
    """The name to show and to mount in the sandbox: a base name, no control characters or
    path separators, at most 255 characters (the extension kept)."""
    name = unicodedata.normalize("NFC", raw)
    name = PureWindowsPath(PurePosixPath(name).name).name
    name = _CONTROL.sub("", name).strip().strip(".")
    if not name:
        return "file"
    if len(name) > NAME_LIMIT:
        _stem, dot, ext = name.rpartition(".")
        keep = ext if dot and len(ext) <= 16 else ""
        name = name[: NAME_LIMIT - len(keep) - 1] + ("." + keep if keep else "")
    return name


class _Receiver:
    def __init__(self, staging: Path, max_bytes: int) -> None:
        self.staging = staging
        self.max_bytes = max_bytes
        self.header_field = bytearray()
        self.header_value = bytearray()
        self.headers: dict[bytes, bytes] = {}
        self.in_file = False
        self.done_file = False
        self.name = "file"
        self.path: Path | None = None
        self.handle: BinaryIO | None = None
        self.size = 0
        self.digest = hashlib.sha256()
        self.error: Exception | None = None

    def on_part_begin(self) -> None:
        self.headers = {}

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[bytes(self.header_field).lower()] = bytes(self.header_value)
        self.header_field.clear()
        self.header_value.clear()

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        if options.get(b"name") != b"file":
            return  # other fields are ignored
        if self.done_file:
            raise InvalidInput("Send one file per upload (one multipart field `file`).")
        filename = options.get(b"filename")
        if filename is None:
            raise InvalidInput("The field `file` must be a file (with a filename).")
        self.name = clean_filename(filename.decode("utf-8", errors="replace"))
        descriptor, path = tempfile.mkstemp(prefix="upload-", dir=self.staging)
        self.path = Path(path)
        self.handle = os.fdopen(descriptor, "wb")
        self.in_file = True

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if not self.in_file or self.handle is None:
            return
        chunk = data[start:end]
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise TooLarge(
                f"The file is over the upload limit of {self.max_bytes // (1024 * 1024)} MB."
            )
        self.digest.update(chunk)
        self.handle.write(chunk)

    def on_part_end(self) -> None:
        if self.in_file and self.handle is not None:
            self.handle.close()
            self.handle = None
            self.in_file = False
            self.done_file = True

    def discard(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)


async def receive_upload(ctx: AppContext, user_id: str, request: Request) -> ReceivedUpload:
    max_bytes = ctx.settings.upload_max_mb * 1024 * 1024
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise InvalidInput("Upload a file as multipart/form-data with the field `file`.")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes + ENVELOPE_BYTES:
        raise TooLarge(f"The file is over the upload limit of {ctx.settings.upload_max_mb} MB.")
    receiver = _Receiver(ctx.storage.staging_dir(), max_bytes)
    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": receiver.on_part_begin,
            "on_header_field": receiver.on_header_field,
            "on_header_value": receiver.on_header_value,
            "on_header_end": receiver.on_header_end,
            "on_headers_finished": receiver.on_headers_finished,
            "on_part_data": receiver.on_part_data,
            "on_part_end": receiver.on_part_end,
        },
    )
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except ClientDisconnect:
        receiver.discard()
        raise
    except MultipartParseError as error:
        receiver.discard()
        raise InvalidInput("The upload is not valid multipart/form-data.") from error
    except BaseException:
        receiver.discard()
        raise
    if receiver.path is None or not receiver.done_file:
        receiver.discard()
        raise InvalidInput("file: required (a multipart field `file` holding the file).")
    return ReceivedUpload(
        path=receiver.path,
        name=receiver.name,
        size=receiver.size,
        sha256=receiver.digest.hexdigest(),
    )
