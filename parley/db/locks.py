"""Row-independent locks for writes that must not interleave."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def lock_content(session: Session, sha256: str) -> None:
    """Serialise, until the transaction ends, the writes that add or drop references to one
    stored content (a PostgreSQL advisory lock; SQLite's single writer serialises them anyway)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": int(sha256[:15], 16)})
