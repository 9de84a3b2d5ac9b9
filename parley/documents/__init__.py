"""Reading untrusted files: what they are (by their bytes), their text for models, thumbnails.

The server never parses an upload itself: `read_file` hands it to a worker process
(`parley.documents.worker`) with capped memory, CPU and wall time, and reads back its verdict.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from parley.documents.detect import language_for
from parley.documents.outcome import Outcome

# What a worker needs of the environment; nothing of the server's (keys, database URLs).
WORKER_ENV = {"LC_ALL": "C.UTF-8"}


@dataclass(frozen=True, slots=True)
class ReadLimits:
    max_pixels: int
    max_pages: int
    max_text_chars: int
    seconds: float
    memory_mb: int


async def read_file(path: Path, name: str, out_dir: Path, limits: ReadLimits) -> Outcome:
    """What the file at `path` is, with its derivatives written to `out_dir`. A file that makes
    the worker crash, run out of memory or time is refused with a reason, never an exception."""
    job = {
        "path": str(path),
        "name": name,
        "out_dir": str(out_dir),
        "max_pixels": limits.max_pixels,
        "max_pages": limits.max_pages,
        "max_text_chars": limits.max_text_chars,
        "memory_mb": limits.memory_mb,
        "cpu_seconds": max(1, math.ceil(limits.seconds)),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-I",
        "-m",
        "parley.documents.worker",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env=WORKER_ENV,
        start_new_session=True,
    )
    try:
        stdout, _ = await asyncio.wait_for(
            process.communicate(json.dumps(job).encode()), limits.seconds
        )
    except TimeoutError:
        return _refused(f"“{name}” took too long to read (over {limits.seconds:g} seconds).")
    finally:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
    if process.returncode != 0 or not stdout.strip():
        return _refused(
            f"“{name}” could not be read: reading it crashed or needed more than this server "
            "allows. The file may be damaged or built to attack file readers."
        )
    data = json.loads(stdout.decode().splitlines()[-1])
    names = {field.name for field in fields(Outcome)}
    return Outcome(**{key: value for key, value in data.items() if key in names})


def _refused(reason: str) -> Outcome:
    return Outcome("other", "application/octet-stream", refusal=reason)


def estimate_tokens(outcome: Outcome) -> int:
    """Input tokens a model spends on the file per turn, roughly: images by their model copy's
    pixels (Anthropic's w*h/750), PDFs by text plus a page image each, text at 4 characters."""
    if outcome.kind == "image" and outcome.model_width and outcome.model_height:
        return max(1, math.ceil(outcome.model_width * outcome.model_height / 750))
    tokens = math.ceil((outcome.text_chars or 0) / 4)
    if outcome.kind == "pdf" and outcome.pages:
        tokens += 1000 * outcome.pages
    return tokens


__all__ = ["Outcome", "ReadLimits", "estimate_tokens", "language_for", "read_file"]
