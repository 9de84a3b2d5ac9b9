"""Partial answers reach the database about once a second, all streaming runs in one transaction."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from parley.db.engine import Database
from parley.runs.persistence import checkpoint_messages

log = logging.getLogger(__name__)

Snapshot = Callable[[], list[dict[str, Any]]]


class Checkpointer:
    """Runs mark their answer as changed on every token (a dict write); one task saves them all.

    One transaction per interval instead of one per run keeps SQLite's single writer free for the
    messages people are sending.
    """

    def __init__(self, db: Database, interval: float) -> None:
        self._db = db
        self._interval = interval
        self._dirty: dict[str, Snapshot] = {}
        self._task: asyncio.Task[None] | None = None

    def mark(self, message_id: str, snapshot: Snapshot) -> None:
        self._dirty[message_id] = snapshot
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._save_soon())

    def forget(self, message_id: str) -> None:
        """The run is writing its final state itself."""
        self._dirty.pop(message_id, None)

    async def _save_soon(self) -> None:
        await asyncio.sleep(self._interval)
        batch, self._dirty = self._dirty, {}
        if not batch:
            return
        try:
            await checkpoint_messages(self._db, {mid: snap() for mid, snap in batch.items()})
        except (SQLAlchemyError, OSError) as error:
            # the next token marks the answer again; the final write does not depend on this
            log.warning("could not checkpoint %d streaming answer(s): %s", len(batch), error)

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
