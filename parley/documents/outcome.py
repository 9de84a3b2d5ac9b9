"""What the worker says of a file: light, so that the server can read it without the parsers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Outcome:
    kind: str
    media_type: str
    refusal: str | None = None
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    text_chars: int | None = None
    text_truncated: bool = False
    has_preview: bool = False
    model_media_type: str | None = None
    model_width: int | None = None
    model_height: int | None = None
