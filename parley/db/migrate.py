"""Alembic, driven from code: `python -m parley migrate` and server start-up call upgrade_to_head."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Alembic (with Mako and Pygments) is imported only when a migration runs
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest revision; a test keeps it equal to Alembic's head, so start-up can check the schema
# with one query instead of importing Alembic.
HEAD_REVISION = "0010"


class DatabaseNotMigrated(RuntimeError):
    def __init__(self, found: str | None) -> None:
        state = f"at revision {found}" if found else "empty"
        super().__init__(
            f"The database is {state}, but this Parley needs revision {HEAD_REVISION}: "
            "run `python -m parley migrate` (`make run` and `python -m parley serve` do it for you)."
        )


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_to_head(url: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(url), "head")


def ensure_head(url: str) -> None:
    """Migrate unless the database is at HEAD_REVISION already (one query, no Alembic import)."""
    from parley.db.engine import Database

    async def revision() -> str | None:
        db = Database(url)
        try:
            return await db.schema_revision()
        finally:
            await db.dispose()

    if asyncio.run(revision()) != HEAD_REVISION:
        upgrade_to_head(url)


async def upgrade_to_head_async(url: str) -> None:
    # env.py runs its own event loop, so it gets a thread of its own
    await asyncio.to_thread(upgrade_to_head, url)
