"""The upload worker: a file that hangs, crashes or bloats it is refused with a reason, in time."""

from __future__ import annotations

import io
import time
from pathlib import Path

from PIL import Image

from parley.documents import ReadLimits, read_file
from parley.documents.detect import detect

LIMITS = ReadLimits(
    max_pixels=89_478_485, max_pages=1000, max_text_chars=500_000, seconds=30, memory_mb=1536
)


async def test_an_image_that_needs_more_memory_than_allowed_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (9000, 9000), "white").save(buffer, "PNG")  # 81 MP, under the pixel cap
    source = tmp_path / "big.png"
    source.write_bytes(buffer.getvalue())
    out = tmp_path / "out"
    out.mkdir()
    small = ReadLimits(LIMITS.max_pixels, 1000, 500_000, seconds=30, memory_mb=256)
    outcome = await read_file(source, "big.png", out, small)
    assert outcome.refusal is not None
    assert "more memory" in outcome.refusal or "could not be read" in outcome.refusal
    roomy = await read_file(source, "big.png", out, LIMITS)
    assert roomy.refusal is None and (roomy.width, roomy.height) == (9000, 9000)


async def test_a_file_that_takes_too_long_is_refused_and_its_worker_killed(tmp_path: Path) -> None:
    source = tmp_path / "slow.pdf"
    from tests.api.file_corpus import pdf

    source.write_bytes(pdf(200))
    out = tmp_path / "out"
    out.mkdir()
    started = time.monotonic()
    outcome = await read_file(
        source, "slow.pdf", out, ReadLimits(89_478_485, 1000, 500_000, 0.05, 1536)
    )
    assert time.monotonic() - started < 5
    assert outcome.refusal == "“slow.pdf” took too long to read (over 0.05 seconds)."


def test_the_name_only_breaks_ties(tmp_path: Path) -> None:
    path = tmp_path / "upload-1"
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    for name in ("photo.jpg", "photo.jpeg", "notes.txt", "noname"):
        assert detect(path, name).media_type == "image/jpeg", name
    path.write_bytes(b'{"a": 1}\n')
    assert detect(path, "data.json").media_type == "application/json"
    path.write_bytes(b"Dear team, the meeting moved to Tuesday.\n")
    assert detect(path, "hello.txt").kind == "text"
    assert detect(path, "hello.md").media_type == "text/markdown"
