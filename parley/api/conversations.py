from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.conversations import (
    BulkAction,
    BulkResult,
    ConversationOut,
    ConversationPage,
    CreateConversation,
    DuplicateConversation,
    UpdateConversation,
)
from parley.services import conversations as svc
from parley.services import organising

router = APIRouter(prefix="/api/conversations", tags=["conversations"])


@router.get("", response_model=ConversationPage)
async def list_conversations(
    ctx: Ctx,
    user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[str | None, Query(max_length=200)] = None,
    archived: bool = False,
    project_id: Annotated[
        str | None, Query(max_length=32, description="Only the chats of this project.")
    ] = None,
) -> ConversationPage:
    items, cursor = await svc.list_conversations(
        ctx, user.id, limit=limit, before=before, archived=archived, project_id=project_id
    )
    return ConversationPage(
        items=[ConversationOut.model_validate(c) for c in items], next_cursor=cursor
    )


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ConversationOut)
async def create_conversation(
    data: CreateConversation, ctx: Ctx, user: CurrentUser
) -> ConversationOut:
    return ConversationOut.model_validate(await svc.create_conversation(ctx, user.id, data))


@router.post("/bulk", response_model=BulkResult)
async def bulk_update_conversations(data: BulkAction, ctx: Ctx, user: CurrentUser) -> BulkResult:
    """Delete, archive, unarchive or move several conversations: all of them, or (one id
    unknown or someone else's: 404) none."""
    return BulkResult(action=data.action, ids=await organising.apply_bulk(ctx, user.id, data))


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


@router.post("/{conversation_id}/restore", response_model=ConversationOut)
async def restore_conversation(
    conversation_id: str, ctx: Ctx, user: CurrentUser
) -> ConversationOut:
    """Undo a delete, within PARLEY_UNDO_SECONDS of it; 404 after."""
    return ConversationOut.model_validate(
        await svc.restore_conversation(ctx, user.id, conversation_id)
    )


@router.post(
    "/{conversation_id}/duplicate",
    status_code=status.HTTP_201_CREATED,
    response_model=ConversationOut,
)
async def duplicate_conversation(
    conversation_id: str,
    ctx: Ctx,
    user: CurrentUser,
    data: DuplicateConversation | None = None,
) -> ConversationOut:
    """Copy one branch (root to `leaf_id`) into a new conversation "Title (copy)"."""
    leaf_id = data.leaf_id if data else None
    return ConversationOut.model_validate(
        await organising.duplicate_conversation(ctx, user.id, conversation_id, leaf_id)
    )
