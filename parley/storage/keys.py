"""Blob keys: a SHA-256 in hex, optionally followed by a derivative's suffix."""

from __future__ import annotations

import re

KEY = re.compile(r"[0-9a-f]{64}(\.[a-z0-9]+){0,3}")


def check_key(key: str) -> str:
    if not KEY.fullmatch(key):
        raise ValueError(f"not a blob key: {key!r}")
    return key


def content_address(key: str) -> str:
    """The SHA-256 a key belongs to (a derivative's original)."""
    return check_key(key)[:64]
