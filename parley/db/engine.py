"""Engine, sessions and the write discipline that keeps SQLite free of "database is locked"."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")


class Database:
    """One engine per process. Reads are async sessions; every write is `run_write(fn)`.

    SQLite allows one writer at a time, and letting many transactions race for its lock is what
    makes other servers fail with "database is locked" under load. Here every write transaction
    runs start to finish on one dedicated thread: writers queue in order, and a transaction holds
    SQLite's lock only for SQLite's own time, not for the event loop's latency between statements.
    PostgreSQL runs the same functions on its async driver.
    """

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": 30}
        else:
            kwargs.update(pool_size=20, max_overflow=20, pool_pre_ping=True)
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._writer: ThreadPoolExecutor | None = None
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
            sync_engine = create_engine(
                url.replace("+aiosqlite", "", 1),
                echo=echo,
                connect_args={"timeout": 30, "check_same_thread": False},
            )
            event.listen(sync_engine, "connect", _sqlite_pragmas)
            self._sync_engine = sync_engine
            self._sync_sessions = sessionmaker(sync_engine, expire_on_commit=False)
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-writer")

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        async with self._sessions() as session:
            yield session

    async def run_write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one transaction that commits when it returns and rolls back if it raises."""
        if self._writer is None:
            async with self._sessions() as session, session.begin():
                return await session.run_sync(work)

        def transaction() -> T:
            with self._sync_sessions() as session, session.begin():
                return work(session)

        return await asyncio.get_running_loop().run_in_executor(self._writer, transaction)

    async def schema_revision(self) -> str | None:
        """The Alembic revision the database is at; None when it was never migrated."""
        async with self._sessions() as session:
            try:
                revision = await session.scalar(text("SELECT version_num FROM alembic_version"))
            except DBAPIError:
                return None
        return str(revision) if revision is not None else None

    async def dispose(self) -> None:
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._sync_engine.dispose()
        await self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
