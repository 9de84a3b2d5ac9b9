from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import StreamingResponse

from parley.api.deps import Ctx, CurrentUser
from parley.schemas.events import RunEventFrame
from parley.schemas.executions import ApprovalDecision, ApprovalResult, RunOut
from parley.schemas.messages import CancelResult
from parley.services import runs as svc

router = APIRouter(prefix="/api/runs", tags=["runs"])

SSE_HEADERS = {"Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no"}


@router.get(
    "/{run_id}/events",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "Server-sent events; each frame's data is one RunEvent.",
            "model": RunEventFrame,
            "content": {"text/event-stream": {}},
        }
    },
)
async def run_events(
    run_id: str,
    ctx: Ctx,
    user: CurrentUser,
    after: Annotated[int | None, Query(ge=0, description="Resume after this seq.")] = None,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> StreamingResponse:
    resume = after if after is not None else _parse_seq(last_event_id)
    frames = await svc.run_events(ctx, user.id, run_id, resume)
    return StreamingResponse(frames, media_type="text/event-stream", headers=SSE_HEADERS)


def _parse_seq(value: str | None) -> int:
    try:
        return max(int(value), 0) if value else 0
    except ValueError:
        return 0


@router.get("/{run_id}", response_model=RunOut)
async def get_run(run_id: str, ctx: Ctx, user: CurrentUser) -> RunOut:
    return await svc.get_run(ctx, user.id, run_id)


@router.post("/{run_id}/approvals/{tool_call_id}", response_model=ApprovalResult)
async def decide_approval(
    run_id: str, tool_call_id: str, decision: ApprovalDecision, ctx: Ctx, user: CurrentUser
) -> ApprovalResult:
    status = await svc.decide_approval(ctx, user.id, run_id, tool_call_id, decision)
    return ApprovalResult(status=status)


@router.post("/{run_id}/cancel", response_model=CancelResult)
async def cancel_run(run_id: str, ctx: Ctx, user: CurrentUser) -> CancelResult:
    return CancelResult(status=await svc.cancel_run(ctx, user.id, run_id))
