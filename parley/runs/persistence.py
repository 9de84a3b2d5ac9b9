"""The database writes a run makes: checkpoints of partial text and the final state."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update

from parley.db.engine import Database
from parley.db.models import Conversation, Message, Run, utcnow

ACTIVE = "streaming"


_messages = cast(Table, Message.__table__)


async def checkpoint_messages(
    db: Database, parts_by_message: dict[str, list[dict[str, Any]]]
) -> None:
    """Save the partial text of many streaming answers in one transaction (one executemany)."""
    now = utcnow()
    statement = (
        update(_messages)
        .where(_messages.c.id == bindparam("message_id"), _messages.c.status == ACTIVE)
        .values(parts=bindparam("new_parts"), updated_at=now)
    )
    rows = [{"message_id": mid, "new_parts": parts} for mid, parts in parts_by_message.items()]
    async with db.write() as session:
        await session.execute(statement, rows)


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
) -> None:
    now = utcnow()
    async with db.write() as session:
        await session.execute(
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
                updated_at=now,
            )
        )
        await session.execute(
            update(Run)
            .execution_options(synchronize_session=False)
            .where(Run.id == run_id)
            .values(status=status, finished_at=now, error=error["message"] if error else None)
        )
        await session.execute(
            update(Conversation)
            .execution_options(synchronize_session=False)
            .where(Conversation.id == conversation_id)
            .values(updated_at=now, last_message_at=now)
        )


async def interrupt_orphaned_runs(db: Database, live_instances: set[str] | None) -> int:
    """Mark runs left streaming by dead processes as interrupted; their partial text stays.

    `live_instances` None means no other process can be alive (single-process deployment).
    """
    async with db.write() as session:
        rows = (
            await session.execute(
                select(Run.id, Run.message_id, Run.instance_id).where(Run.status == "running")
            )
        ).all()
        orphaned = [
            r for r in rows if live_instances is None or r.instance_id not in live_instances
        ]
        if not orphaned:
            return 0
        now: datetime = utcnow()
        run_ids = [r.id for r in orphaned]
        message_ids = [r.message_id for r in orphaned]
        await session.execute(
            update(Run).where(Run.id.in_(run_ids)).values(status="interrupted", finished_at=now)
        )
        await session.execute(
            update(Message)
            .execution_options(synchronize_session=False)
            .where(Message.id.in_(message_ids), Message.status == ACTIVE)
            .values(status="interrupted", updated_at=now)
        )
        return len(orphaned)
