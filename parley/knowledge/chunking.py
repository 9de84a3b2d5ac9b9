"""Cutting a knowledge file's extracted text into passages that keep where they came from.

The text is what `parley.documents` extracted at upload: PDFs and presentations are marked
`--- Page N ---` / `--- Slide N ---`, spreadsheets `--- Sheet: name ---`, documents and Markdown
carry `#` headings. A passage never spans two pages; it remembers the page and the nearest heading
above it. Passages are about 180 words (within the embedding model's 256 tokens) and overlap by a
sentence or so, so that a fact cut at a boundary is still whole in one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TARGET_WORDS = 180
OVERLAP_WORDS = 30
MAX_SECTION_CHARS = 300
CHARS_PER_TOKEN = 4  # rough: what a model spends on English prose

_PAGE = re.compile(r"^--- (Page|Slide) (\d+) ---$")
_SHEET = re.compile(r"^--- Sheet: (.+) ---$")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")


@dataclass(frozen=True, slots=True)
class Passage:
    ordinal: int
    text: str
    page: int | None
    section: str | None


@dataclass(slots=True)
class _Block:
    page: int | None
    section: str | None
    lines: list[str]


def _blocks(text: str) -> list[_Block]:
    """Runs of lines that share a page and a heading."""
    blocks: list[_Block] = []
    page: int | None = None
    section: str | None = None
    current = _Block(page, section, [])
    for raw in text.splitlines():
        line = raw.rstrip()
        page_mark = _PAGE.match(line)
        sheet_mark = _SHEET.match(line)
        heading = _HEADING.match(line)
        if page_mark or sheet_mark or heading:
            if current.lines:
                blocks.append(current)
            if page_mark:
                page = int(page_mark.group(2))
                section = None
            elif sheet_mark:
                section = sheet_mark.group(1)[:MAX_SECTION_CHARS]
            elif heading:
                section = heading.group(2)[:MAX_SECTION_CHARS]
            current = _Block(page, section, [line] if heading else [])
            continue
        current.lines.append(line)
    if current.lines:
        blocks.append(current)
    return [b for b in blocks if any(line.strip() for line in b.lines)]


def _split_words(block_text: str) -> list[str]:
    # keep paragraph breaks as a token of their own so that passages keep their shape
    words: list[str] = []
    for paragraph in re.split(r"\n\s*\n", block_text):
        if words:
            words.append("\n\n")
        words.extend(paragraph.split())
    return words


def _join(words: list[str]) -> str:
    out = " ".join(words)
    return re.sub(r" ?\n\n ?", "\n\n", out).strip()


def chunk_text(text: str) -> list[Passage]:
    passages: list[Passage] = []
    for block in _blocks(text):
        words = _split_words("\n".join(block.lines))
        start = 0
        while start < len(words):
            end = min(len(words), start + TARGET_WORDS)
            # end at a sentence if one ends in the last third of the window
            if end < len(words):
                for cut in range(end, start + TARGET_WORDS * 2 // 3, -1):
                    if words[cut - 1].endswith((".", "!", "?", ":", "\n\n")):
                        end = cut
                        break
            body = _join(words[start:end])
            if body:
                passages.append(Passage(len(passages), body, block.page, block.section))
            if end >= len(words):
                break
            start = max(end - OVERLAP_WORDS, start + 1)
    return passages
