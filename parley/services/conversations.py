"""Conversations and their message trees, always scoped to their owner."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from parley.db.models import Conversation, Message, Project, UserSettings, utcnow
from parley.db.models import Run as RunRow
from parley.schemas.conversations import CreateConversation, UpdateConversation
from parley.services.context import AppContext
from parley.services.cursors import decode_cursor, encode_cursor
from parley.services.errors import ConversationNotFound, InvalidInput, NotFound
from parley.services.models import check_parameters, resolve_model


def owned_conversation(session: Session, user_id: str, conversation_id: str) -> Conversation:
    """Inside a transaction; async readers call it through `session.run_sync`. A deleted
    conversation (still within its undo window) is as gone as a missing one."""
    conversation = session.scalar(
        select(Conversation).where(
            Conversation.id == conversation_id,
            Conversation.user_id == user_id,
            Conversation.deleted_at.is_(None),
        )
    )
    if conversation is None:
        raise ConversationNotFound()
    return conversation


def in_live_conversation(column: InstrumentedAttribute[str | None]) -> ColumnElement[bool]:
    """For rows that may belong to a conversation (files): not one that was deleted. The deleted
    ones are few (an undo window's worth) and indexed, so the subquery is cheap."""
    deleted = select(Conversation.id).where(Conversation.deleted_at.is_not(None))
    return or_(column.is_(None), column.not_in(deleted))


def owned_project_id(session: Session, user_id: str, project_id: str) -> str:
    found = session.scalar(
        select(Project.id).where(Project.id == project_id, Project.user_id == user_id)
    )
    if found is None:
        raise NotFound("Project not found.")
    return found


async def list_conversations(
    ctx: AppContext,
    user_id: str,
    *,
    limit: int,
    before: str | None,
    archived: bool | None,
    project_id: str | None = None,
) -> tuple[list[Conversation], str | None]:
    query = select(Conversation).where(
        Conversation.user_id == user_id, Conversation.deleted_at.is_(None)
    )
    if archived is not None:
        query = query.where(Conversation.archived == archived)
    if project_id is not None:
        query = query.where(Conversation.project_id == project_id)
    if before:
        stamp, conversation_id = decode_cursor(before)
        query = query.where(
            or_(
                Conversation.updated_at < stamp,
                and_(Conversation.updated_at == stamp, Conversation.id < conversation_id),
            )
        )
    query = query.order_by(Conversation.updated_at.desc(), Conversation.id.desc()).limit(limit + 1)
    async with ctx.db.read() as session:
        rows = list((await session.scalars(query)).all())
    next_cursor = _cursor_of(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor


async def create_conversation(
    ctx: AppContext, user_id: str, data: CreateConversation
) -> Conversation:
    requested = data.model
    if requested is None:  # the person's default, while it is still offered
        async with ctx.db.read() as session:
            preferred = await session.scalar(
                select(UserSettings.data).where(UserSettings.user_id == user_id)
            )
        default = (preferred or {}).get("default_model")
        await ctx.providers.wait_ready()
        if default and ctx.providers.get_model(default) is not None:
            requested = default
    model = await resolve_model(ctx, requested)
    if data.settings is not None:
        check_parameters(ctx, model, data.settings.model_dump(exclude_none=True))
    conversation = Conversation(
        user_id=user_id,
        title=data.title or "New chat",
        model=model,
        project_id=data.project_id,
        settings=data.settings.model_dump(exclude_none=True) if data.settings else {},
    )

    def add(session: Session) -> None:
        if data.project_id is not None:
            owned_project_id(session, user_id, data.project_id)
        session.add(conversation)

    await ctx.db.run_write(add)
    return conversation


async def get_conversation(ctx: AppContext, user_id: str, conversation_id: str) -> Conversation:
    async with ctx.db.read() as session:
        return await session.run_sync(owned_conversation, user_id, conversation_id)


async def update_conversation(
    ctx: AppContext, user_id: str, conversation_id: str, data: UpdateConversation
) -> Conversation:
    changes: dict[str, Any] = data.model_dump(exclude_unset=True, exclude={"settings"})
    if "model" in changes:
        changes["model"] = await resolve_model(ctx, changes["model"])
    if changes.get("title") is not None:
        changes["title"] = changes["title"].strip() or "New chat"
    for key in ("title", "pinned", "archived"):
        if key in changes and changes[key] is None:
            raise InvalidInput(f"{key} cannot be null.")

    def apply(session: Session) -> Conversation:
        conversation = owned_conversation(session, user_id, conversation_id)
        if changes.get("project_id") is not None:
            owned_project_id(session, user_id, changes["project_id"])
        for key, value in changes.items():
            setattr(conversation, key, value)
        if data.settings is not None:
            conversation.settings = data.settings.model_dump(exclude_none=True)
        if "model" in changes or data.settings is not None:
            check_parameters(ctx, conversation.model, conversation.settings or {})
        conversation.updated_at = utcnow()
        return conversation

    return await ctx.db.run_write(apply)


async def delete_conversation(ctx: AppContext, user_id: str, conversation_id: str) -> None:
    """Hide it at once and stop what runs in it; `purge_deleted` removes it when the undo
    window has passed."""

    def hide(session: Session) -> list[str]:
        conversation = owned_conversation(session, user_id, conversation_id)
        conversation.deleted_at = utcnow()
        return running_runs(session, [conversation.id])

    await cancel_runs(ctx, await ctx.db.run_write(hide))


def running_runs(session: Session, conversation_ids: list[str]) -> list[str]:
    return list(
        session.scalars(
            select(RunRow.id).where(
                RunRow.conversation_id.in_(conversation_ids), RunRow.status == "running"
            )
        )
    )


async def cancel_runs(ctx: AppContext, run_ids: list[str]) -> None:
    for run_id in run_ids:
        await ctx.runs.cancel(run_id)


def undo_cutoff(ctx: AppContext, now: datetime | None = None) -> datetime:
    return (now or utcnow()) - timedelta(seconds=ctx.settings.undo_seconds)


async def restore_conversation(ctx: AppContext, user_id: str, conversation_id: str) -> Conversation:
    """Undo a delete within the window; a conversation that was not deleted is returned as is."""

    def restore(session: Session) -> Conversation:
        conversation = session.scalar(
            select(Conversation).where(
                Conversation.id == conversation_id,
                Conversation.user_id == user_id,
                or_(
                    Conversation.deleted_at.is_(None),
                    Conversation.deleted_at > undo_cutoff(ctx),
                ),
            )
        )
        if conversation is None:
            raise ConversationNotFound()
        conversation.deleted_at = None
        return conversation

    return await ctx.db.run_write(restore)


def remove_conversation(session: Session, conversation: Conversation) -> None:
    """For good: its files and artifacts go with it by the foreign keys' cascade; the bytes of
    files nothing else uses go with the next sweep of orphans."""
    # children before parents, so the self-referencing foreign key never objects
    session.execute(delete(Message).where(Message.conversation_id == conversation.id))
    session.delete(conversation)


async def list_messages(ctx: AppContext, user_id: str, conversation_id: str) -> list[Message]:
    async with ctx.db.read() as session:
        await session.run_sync(owned_conversation, user_id, conversation_id)
        return list(
            (
                await session.scalars(
                    select(Message)
                    .where(Message.conversation_id == conversation_id)
                    .order_by(Message.created_at, Message.id)
                )
            ).all()
        )


def _cursor_of(conversation: Conversation) -> str:
    return encode_cursor(conversation.updated_at, conversation.id)
