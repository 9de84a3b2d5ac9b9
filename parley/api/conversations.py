from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.conversations import (
    ConversationOut,
    ConversationPage,
    CreateConversation,
    UpdateConversation,
)
from parley.services import conversations as svc

router = APIRouter(prefix="/api/conversations", tags=["conversations"])


@router.get("", response_model=ConversationPage)
async def list_conversations(
    ctx: Ctx,
    user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[str | None, Query(max_length=200)] = None,
    archived: bool = False,
) -> ConversationPage:
    items, cursor = await svc.list_conversations(
        ctx, user.id, limit=limit, before=before, archived=archived
    )
    return ConversationPage(
        items=[ConversationOut.model_validate(c) for c in items], next_cursor=cursor
    )


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ConversationOut)
async def create_conversation(
    data: CreateConversation, ctx: Ctx, user: CurrentUser
) -> ConversationOut:
    return ConversationOut.model_validate(await svc.create_conversation(ctx, user.id, data))


@router.get("/{conversation_id}", response_model=ConversationOut)
async def get_conversation(conversation_id: str, ctx: Ctx, user: CurrentUser) -> ConversationOut:
    return ConversationOut.model_validate(await svc.get_conversation(ctx, user.id, conversation_id))


@router.patch("/{conversation_id}", response_model=ConversationOut)
async def update_conversation(
    conversation_id: str, data: UpdateConversation, ctx: Ctx, user: CurrentUser
) -> ConversationOut:
    return ConversationOut.model_validate(
        await svc.update_conversation(ctx, user.id, conversation_id, data)
    )


@router.delete("/{conversation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_conversation(conversation_id: str, ctx: Ctx, user: CurrentUser) -> None:
    await svc.delete_conversation(ctx, user.id, conversation_id)
