"""Conversations and their message trees, always scoped to their owner."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from parley.db.models import Conversation, Message, utcnow
from parley.schemas.conversations import CreateConversation, UpdateConversation
from parley.services.context import AppContext
from parley.services.cursors import decode_cursor, encode_cursor
from parley.services.errors import ConversationNotFound, InvalidInput
from parley.services.models import resolve_model


def owned_conversation(session: Session, user_id: str, conversation_id: str) -> Conversation:
    """Inside a transaction; async readers call it through `session.run_sync`."""
    conversation = session.scalar(
        select(Conversation).where(
            Conversation.id == conversation_id, Conversation.user_id == user_id
        )
    )
    if conversation is None:
        raise ConversationNotFound()
    return conversation


async def list_conversations(
    ctx: AppContext, user_id: str, *, limit: int, before: str | None, archived: bool
) -> tuple[list[Conversation], str | None]:
    query = select(Conversation).where(
        Conversation.user_id == user_id, Conversation.archived == archived
    )
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
    model = await resolve_model(ctx, data.model)
    conversation = Conversation(
        user_id=user_id,
        title=data.title or "New chat",
        model=model,
        settings=data.settings.model_dump(exclude_none=True) if data.settings else {},
    )
    await ctx.db.run_write(lambda session: session.add(conversation))
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
        for key, value in changes.items():
            setattr(conversation, key, value)
        if data.settings is not None:
            conversation.settings = data.settings.model_dump(exclude_none=True)
        conversation.updated_at = utcnow()
        return conversation

    return await ctx.db.run_write(apply)


async def delete_conversation(ctx: AppContext, user_id: str, conversation_id: str) -> None:
    def remove(session: Session) -> None:
        conversation = owned_conversation(session, user_id, conversation_id)
        # children before parents, so the self-referencing foreign key never objects
        session.execute(delete(Message).where(Message.conversation_id == conversation.id))
        session.delete(conversation)

    await ctx.db.run_write(remove)


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
