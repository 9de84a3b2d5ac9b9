"""A short-lived memory of which session belongs to whom, so streaming requests skip a query."""

from __future__ import annotations

import time
from typing import Generic, TypeVar

T = TypeVar("T")


class TTLCache(Generic[T]):
    """Entries live `ttl` seconds at most. Sign-out drops its entry at once in this process; other
    replicas may honour a revoked session for up to `ttl` seconds."""

    def __init__(self, ttl: float, max_entries: int = 10_000) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: dict[str, tuple[float, T]] = {}

    def get(self, key: str) -> T | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            del self._entries[key]
            return None
        return entry[1]

    def put(self, key: str, value: T, ttl: float | None = None) -> None:
        if len(self._entries) >= self.max_entries:
            self._entries.clear()  # cheaper than LRU bookkeeping; a miss only costs one query
        self._entries[key] = (
            time.monotonic() + min(self.ttl, ttl if ttl is not None else self.ttl),
            value,
        )

    def pop(self, key: str) -> None:
        self._entries.pop(key, None)
