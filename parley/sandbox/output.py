"""Reading a sandboxed program's stdout or stderr: incrementally, capped, optionally live."""

from __future__ import annotations

import asyncio
import codecs
from collections.abc import Callable

from parley.sandbox.results import Stream

OutputCallback = Callable[[Stream, str], None]

CHUNK_BYTES = 64 * 1024
# Output past the cap is read and thrown away so that the program is not blocked on a full pipe,
# but only up to this multiple of the cap: a program printing forever would otherwise keep the
# server's event loop busy draining it until the timeout.
FLOOD_FACTOR = 8


def truncation_marker(stream: Stream, cap: int) -> str:
    return (
        f"\n[output truncated: {stream} is limited to {format_bytes(cap)}; the rest was dropped]\n"
    )


def format_bytes(size: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


class StreamCapture:
    def __init__(
        self,
        stream: Stream,
        cap: int,
        on_output: OutputCallback | None,
        on_flood: Callable[[], None],
    ) -> None:
        self.stream = stream
        self.cap = cap
        self.truncated = False
        self._kept = bytearray()
        self._seen = 0
        self._on_output = on_output
        self._on_flood = on_flood
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    async def drain(self, reader: asyncio.StreamReader) -> None:
        while chunk := await reader.read(CHUNK_BYTES):
            self._take(chunk)
        if self._on_output is not None and (tail := self._decoder.decode(b"", final=True)):
            self._on_output(self.stream, tail)

    def _take(self, chunk: bytes) -> None:
        self._seen += len(chunk)
        room = self.cap - len(self._kept)
        if room > 0:
            piece = chunk[:room]
            self._kept += piece
            if self._on_output is not None and (text := self._decoder.decode(piece)):
                self._on_output(self.stream, text)
        if len(chunk) > room and not self.truncated:
            self.truncated = True
            if self._on_output is not None:
                tail = self._decoder.decode(b"", final=True)
                self._on_output(self.stream, tail + truncation_marker(self.stream, self.cap))
        if self._seen > self.cap * FLOOD_FACTOR:
            self._on_flood()

    @property
    def text(self) -> str:
        text = self._kept.decode("utf-8", errors="replace")
        return text + truncation_marker(self.stream, self.cap) if self.truncated else text
