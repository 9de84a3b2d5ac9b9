"""The process that reads one upload: `python -m parley.documents.worker`, a job as JSON on stdin.

Parsers of hostile files (PDFium, libxml2, image codecs) run here, not in the server: a crash,
a runaway allocation or a hang kills this process only. It caps its own memory and CPU before
it opens the file, gets no secrets in its environment, and writes what it made to `out_dir`:
`text` (UTF-8), `preview.webp`, `model.bin` (an image sized for models). One JSON line on stdout
says what the file is.
"""

from __future__ import annotations

import json
import resource
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from parley.documents.detect import Detected, detect
from parley.documents.extract import (
    DocumentRefused,
    Extracted,
    extract_docx,
    extract_html,
    extract_pdf,
    extract_pptx,
    extract_text,
    extract_xlsx,
)
from parley.documents.images import ImageRefused, process_image
from parley.documents.outcome import Outcome

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def process(job: dict[str, Any]) -> Outcome:
    path = Path(job["path"])
    name = str(job["name"])
    out_dir = Path(job["out_dir"])
    found = detect(path, name)
    outcome = Outcome(found.kind, found.media_type, found.refusal)
    if found.refusal is not None:
        return outcome
    max_chars = int(job["max_text_chars"])
    try:
        if found.kind == "image":
            image = process_image(
                path, found.media_type, name, out_dir, max_pixels=int(job["max_pixels"])
            )
            outcome.width, outcome.height = image.width, image.height
            outcome.model_media_type = image.model_media_type
            outcome.model_width, outcome.model_height = image.model_width, image.model_height
            outcome.has_preview = True
            return outcome
        extracted = _extract(found, path, name, out_dir, max_chars, int(job["max_pages"]))
    except (ImageRefused, DocumentRefused) as refused:
        outcome.refusal = str(refused)
        return outcome
    if extracted is not None:
        (out_dir / "text").write_text(extracted.text, encoding="utf-8")
        outcome.text_chars = len(extracted.text)
        outcome.text_truncated = extracted.truncated
        outcome.pages = extracted.pages
        outcome.has_preview = (out_dir / "preview.webp").exists()
    return outcome


def _extract(
    found: Detected, path: Path, name: str, out_dir: Path, max_chars: int, max_pages: int
) -> Extracted | None:
    if found.kind == "pdf":
        return extract_pdf(path, name, out_dir, max_chars=max_chars, max_pages=max_pages)
    if found.media_type == DOCX:
        return extract_docx(path, name, max_chars=max_chars)
    if found.media_type == PPTX:
        return extract_pptx(path, name, max_chars=max_chars)
    if found.media_type == XLSX:
        return extract_xlsx(path, name, max_chars=max_chars)
    if found.encoding is None:
        return None
    if found.media_type == "text/html":
        return extract_html(path, found.encoding, max_chars=max_chars)
    return extract_text(path, found.encoding, max_chars=max_chars)


def _limit_self(memory_mb: int, cpu_seconds: int) -> None:
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main() -> int:
    job = json.loads(sys.stdin.read())
    _limit_self(int(job["memory_mb"]), int(job["cpu_seconds"]))
    try:
        outcome = process(job)
    except MemoryError:
        outcome = Outcome(
            "other",
            "application/octet-stream",
            refusal=f"“{job['name']}” needs more memory to read than this server allows.",
        )
    except Exception as error:  # noqa: BLE001 (a hostile file may break any parser in any way)
        outcome = Outcome(
            "other",
            "application/octet-stream",
            refusal=f"“{job['name']}” could not be read: the file is damaged or not what it "
            f"seems ({type(error).__name__}).",
        )
    sys.stdout.write(json.dumps(asdict(outcome)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
