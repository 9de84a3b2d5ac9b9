from __future__ import annotations

from fastapi import APIRouter, status

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.messages import MessageList, MessageOut, Regenerate, SendMessage, TurnStarted
from parley.services import chat
from parley.services.conversations import list_messages

router = APIRouter(prefix="/api/conversations/{conversation_id}/messages", tags=["messages"])


@router.get("", response_model=MessageList)
async def get_messages(conversation_id: str, ctx: Ctx, user: CurrentUser) -> MessageList:
    rows = await list_messages(ctx, user.id, conversation_id)
    return MessageList(messages=[MessageOut.model_validate(m) for m in rows])


@router.post("", status_code=status.HTTP_202_ACCEPTED, response_model=TurnStarted)
async def send_message(
    conversation_id: str, data: SendMessage, ctx: Ctx, user: CurrentUser
) -> TurnStarted:
    run_id, question, answer = await chat.start_turn(ctx, user.id, conversation_id, data)
    return TurnStarted(
        run_id=run_id,
        user_message=MessageOut.model_validate(question),
        assistant_message=MessageOut.model_validate(answer),
    )


@router.post(
    "/{message_id}/regenerate", status_code=status.HTTP_202_ACCEPTED, response_model=TurnStarted
)
async def regenerate_message(
    conversation_id: str, message_id: str, data: Regenerate, ctx: Ctx, user: CurrentUser
) -> TurnStarted:
    run_id, question, answer = await chat.regenerate(
        ctx, user.id, conversation_id, message_id, data
    )
    return TurnStarted(
        run_id=run_id,
        user_message=MessageOut.model_validate(question),
        assistant_message=MessageOut.model_validate(answer),
    )
