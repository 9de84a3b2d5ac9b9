"""Reading an upstream stream in batches instead of one wake-up per token.

A model streams a token every few milliseconds; waking the event loop for each costs more CPU than
handling the token. After each network read (whose first line reaches the caller at once, so the
first token is never delayed) the reader pauses briefly, and the kernel gathers the next tokens into
the following read.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator


async def paced_lines(chunks: AsyncIterator[bytes], pause: float) -> AsyncIterator[str]:
    """Lines of a UTF-8 text stream (without their line ending), pausing `pause` s between reads."""
    buffer = b""
    async for chunk in chunks:
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            yield line.rstrip(b"\r").decode("utf-8", errors="replace")
        if pause > 0:
            await asyncio.sleep(pause)
    if buffer:
        yield buffer.rstrip(b"\r").decode("utf-8", errors="replace")
