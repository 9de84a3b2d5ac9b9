"""Sliding-window limiter for failed sign-ins, per address and per email."""

from __future__ import annotations

import time
from collections import deque


class FailureLimiter:
    """`limit` failures per window for a key; keys starting with "ip:" get `ip_factor` times more,
    because many people can share one address (an office, a NAT)."""

    def __init__(self, limit: int, window_seconds: float = 60.0, ip_factor: int = 5) -> None:
        self.limit = limit
        self.ip_limit = limit * ip_factor
        self.window = window_seconds
        self._failures: dict[str, deque[float]] = {}

    def retry_after(self, *keys: str) -> float:
        """Seconds until another attempt is allowed for all keys; 0 when allowed now."""
        now = time.monotonic()
        wait = 0.0
        for key in keys:
            stamps = self._prune(key, now)
            limit = self.ip_limit if key.startswith("ip:") else self.limit
            if stamps is not None and len(stamps) >= limit:
                wait = max(wait, stamps[0] + self.window - now)
        return wait

    def record_failure(self, *keys: str) -> None:
        now = time.monotonic()
        for key in keys:
            self._failures.setdefault(key, deque()).append(now)
        if len(self._failures) > 10_000:
            for key in list(self._failures):
                self._prune(key, now)

    def reset(self, *keys: str) -> None:
        for key in keys:
            self._failures.pop(key, None)

    def _prune(self, key: str, now: float) -> deque[float] | None:
        stamps = self._failures.get(key)
        if stamps is None:
            return None
        while stamps and stamps[0] <= now - self.window:
            stamps.popleft()
        if not stamps:
            del self._failures[key]
            return None
        return stamps
