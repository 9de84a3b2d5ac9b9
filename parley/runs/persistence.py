"""The database writes a run makes: checkpoints of partial text and the final state."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from parley.db.engine import Database
from parley.db.models import Conversation, Message, Run, utcnow

ACTIVE = "streaming"

_messages = cast(Table, Message.__table__)


async def checkpoint_messages(
    db: Database, parts_by_message: dict[str, list[dict[str, Any]]]
) -> None:
    """Save the partial text of many streaming answers in one transaction (one executemany)."""
    statement = (
        update(_messages)
        .where(_messages.c.id == bindparam("message_id"), _messages.c.status == ACTIVE)
        .values(parts=bindparam("new_parts"), updated_at=utcnow())
    )
    rows = [{"message_id": mid, "new_parts": parts} for mid, parts in parts_by_message.items()]
    await db.run_write(lambda session: session.execute(statement, rows))


async def finish_message(
    db: Database,
    *,
    run_id: str,
    message_id: str,
    conversation_id: str,
    parts: list[dict[str, Any]],
    status: str,
    stop_reason: str | None,
    error: dict[str, Any] | None,
    input_tokens: int | None,
    output_tokens: int | None,
    cache_read_tokens: int | None = None,
    cache_write_tokens: int | None = None,
    cost_usd: float | None = None,
) -> None:
    now = utcnow()

    def store(session: Session) -> None:
        session.execute(
            update(Message)
            .execution_options(synchronize_session=False)
            .where(Message.id == message_id)
            .values(
                parts=parts,
                status=status,
                stop_reason=stop_reason,
                error=error,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
                cache_read_tokens=cache_read_tokens,
                cache_write_tokens=cache_write_tokens,
                cost_usd=cost_usd,
                updated_at=now,
            )
        )
        session.execute(
            update(Run)
            .execution_options(synchronize_session=False)
            .where(Run.id == run_id)
            .values(status=status, finished_at=now, error=error["message"] if error else None)
        )
        session.execute(
            update(Conversation)
            .execution_options(synchronize_session=False)
            .where(Conversation.id == conversation_id)
            .values(updated_at=now, last_message_at=now)
        )

    await db.run_write(store)


async def interrupt_orphaned_runs(db: Database, live_instances: set[str] | None) -> int:
    """Mark runs left streaming by dead processes as interrupted; their partial text stays.

    `live_instances` None means no other process can be alive (single-process deployment).
    """

    def interrupt(session: Session) -> int:
        rows = session.execute(
            select(Run.id, Run.message_id, Run.instance_id).where(Run.status == "running")
        ).all()
        orphaned = [
            r for r in rows if live_instances is None or r.instance_id not in live_instances
        ]
        if not orphaned:
            return 0
        now = utcnow()
        session.execute(
            update(Run)
            .execution_options(synchronize_session=False)
            .where(Run.id.in_([r.id for r in orphaned]))
            .values(status="interrupted", finished_at=now)
        )
        session.execute(
            update(Message)
            .execution_options(synchronize_session=False)
            .where(Message.id.in_([r.message_id for r in orphaned]), Message.status == ACTIVE)
            .values(status="interrupted", updated_at=now)
        )
        return len(orphaned)

    return await db.run_write(interrupt)
