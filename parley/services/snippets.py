"""Snippets of a search hit: a window of its text around the matched words, as marked segments.

Made here rather than by SQLite's snippet() or PostgreSQL's ts_headline() so that both databases
give the same snippets, words folded the same way ("Café" is marked for "cafe"), and the client
gets plain text segments it can render without any HTML.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+")
SPACE = re.compile(r"\s+")
# letters NFKD leaves alone
_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t", "æ": "ae", "œ": "oe"}
)
WINDOW_CHARS = 180
LEAD_CHARS = 50
MAX_CANDIDATES = 200


@dataclass(frozen=True)
class Segment:
    text: str
    highlight: bool


def fold(word: str) -> str:
    if word.isascii():  # most words: nothing to fold but the case (4x less CPU for snippets)
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLDS)


def query_terms(query: str, max_terms: int = 16) -> list[str]:
    """The words of a query, lower-cased, without duplicates; each is matched as a prefix."""
    terms: list[str] = []
    for match in WORD.finditer(query.casefold()):
        term = match.group()[:64]
        if term not in terms:
            terms.append(term)
    return terms[:max_terms]


def make_snippet(text: str, terms: list[str], width: int = WINDOW_CHARS) -> list[Segment]:
    folded_terms = [fold(t) for t in terms]
    words = [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]
    hits = [
        (start, end, next(i for i, t in enumerate(folded_terms) if word.startswith(t)))
        for start, end, word in words
        if any(word.startswith(t) for t in folded_terms)
    ]
    if not hits:
        return _segments(text, 0, min(len(text), width), [])
    best_start, best_count = 0, -1
    for start, _end, _term in hits[:MAX_CANDIDATES]:
        begin = max(0, start - LEAD_CHARS)
        count = len({term for s, e, term in hits if s >= begin and e <= begin + width})
        if count > best_count:
            best_start, best_count = begin, count
    begin = best_start
    if begin > 0:  # start on a word, not inside one
        begin = next((s for s, _e, _w in words if s >= begin), begin)
    end = min(len(text), begin + width)
    if end < len(text):
        end = max((e for _s, e, _w in words if begin < e <= end), default=end)
    return _segments(text, begin, end, [(s, e) for s, e, _t in hits if s >= begin and e <= end])


def _segments(text: str, begin: int, end: int, marks: list[tuple[int, int]]) -> list[Segment]:
    segments: list[Segment] = []

    def add(piece: str, highlight: bool) -> None:
        piece = SPACE.sub(" ", piece)
        if not piece:
            return
        if segments and segments[-1].highlight == highlight:
            segments[-1] = Segment(segments[-1].text + piece, highlight)
        else:
            segments.append(Segment(piece, highlight))

    if begin > 0:
        add("…", False)
    position = begin
    for start, stop in marks:
        add(text[position:start].lstrip() if position == begin else text[position:start], False)
        add(text[start:stop], True)
        position = stop
    tail = text[position:end]
    add(tail.rstrip() if end < len(text) else tail, False)
    if end < len(text):
        add("…", False)
    return segments
