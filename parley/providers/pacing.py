"""Reading an upstream stream in batches instead of one wake-up per token.

A model streams a token every few milliseconds; waking the event loop for each costs more CPU than
handling the token. Once the answer has started (`active`), a read that had to wait for the network
is followed by a short pause, so the kernel gathers the next tokens and the following reads are
served from its buffer without waiting. The first token is never delayed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

# a read that took longer than this waited for the network rather than for buffered data
_WAITED = 0.001


class PacedLines:
    def __init__(self, chunks: AsyncIterator[bytes], pause: float) -> None:
        self._chunks = chunks
        self._pause = pause
        self.active = False

    async def __aiter__(self) -> AsyncIterator[str]:
        buffer = b""
        clock = time.monotonic
        before = clock()
        async for chunk in self._chunks:
            waited = clock() - before > _WAITED
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                yield line.rstrip(b"\r").decode("utf-8", errors="replace")
            if waited and self.active and self._pause > 0:
                await asyncio.sleep(self._pause)
            before = clock()
        if buffer:
            yield buffer.rstrip(b"\r").decode("utf-8", errors="replace")
