"""Runs as people see them: their stream (live or rebuilt), their state, approvals, cancelling."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.db.models import ArtifactVersion, Conversation, Message
from parley.db.models import Run as RunRow
from parley.runs.eventlog import encode_frame
from parley.schemas import events as e
from parley.schemas.executions import ApprovalDecision, PendingApproval, RunOut
from parley.services.context import AppContext
from parley.services.conversations import owned_conversation
from parley.services.errors import Conflict, RunNotFound

Versions = dict[tuple[str, int], ArtifactVersion]


async def owned_run(ctx: AppContext, user_id: str, run_id: str) -> RunRow:
    async with ctx.db.read() as session:
        run = await session.scalar(
            select(RunRow)
            .join(Conversation, Conversation.id == RunRow.conversation_id)
            .where(
                RunRow.id == run_id,
                RunRow.user_id == user_id,
                Conversation.deleted_at.is_(None),
            )
        )
    if run is None:
        raise RunNotFound()
    return run


def _live_run_of(ctx: AppContext, user_id: str, run_id: str) -> bool:
    """Whether the run is executing in this process for this user; raises for someone else's."""
    live = ctx.runs.get(run_id)
    if live is None:
        return False
    if live.spec.user_id != user_id:
        raise RunNotFound()
    return True


async def get_run(ctx: AppContext, user_id: str, run_id: str) -> RunOut:
    """A run's state, with the approvals it waits for: what a reloaded page needs to show."""
    live = ctx.runs.get(run_id)
    if live is not None and live.spec.user_id == user_id:
        pending = [
            PendingApproval(
                tool_call_id=a.tool_call_id, name=a.name, language=a.language, code=a.code
            )
            for a in live.pending_approvals()
        ]
        return RunOut(
            id=run_id,
            conversation_id=live.spec.conversation_id,
            message_id=live.spec.message_id,
            status="waiting" if pending else "running",
            step=live.step,
            pending_approvals=pending,
        )
    run = await owned_run(ctx, user_id, run_id)
    pending = []
    if run.status == "running":
        # executing in another process: its checkpoint shows what it waits for
        async with ctx.db.read() as session:
            message = await session.get(Message, run.message_id)
        for part in message.parts if message else []:
            if part.get("type") == "tool_call" and part.get("approval") == "pending":
                data = part.get("input") or {}
                pending.append(
                    PendingApproval(
                        tool_call_id=part["tool_call_id"],
                        name=part["name"],
                        language=str(data.get("language", "")),
                        code=str(data.get("code", "")),
                    )
                )
    return RunOut(
        id=run.id,
        conversation_id=run.conversation_id,
        message_id=run.message_id,
        status="waiting" if pending else run.status,
        step=0,
        pending_approvals=pending,
    )


async def decide_approval(
    ctx: AppContext, user_id: str, run_id: str, tool_call_id: str, decision: ApprovalDecision
) -> str:
    live = ctx.runs.get(run_id) if _live_run_of(ctx, user_id, run_id) else None
    if live is not None:
        conversation_id = live.spec.conversation_id
    else:
        run = await owned_run(ctx, user_id, run_id)
        if run.status != "running":
            raise Conflict("This answer has finished; there is nothing left to approve.")
        conversation_id = run.conversation_id
    if decision.approve and decision.remember:

        def allow(session: Session) -> None:
            conversation = owned_conversation(session, user_id, conversation_id)
            conversation.settings = {**(conversation.settings or {}), "permission_mode": "allow"}

        await ctx.db.run_write(allow)
    if not await ctx.runs.decide(run_id, tool_call_id, decision.approve, decision.remember):
        raise Conflict("Nothing is waiting for approval under this id; it may have been answered.")
    return "approved" if decision.approve else "denied"


async def cancel_run(ctx: AppContext, user_id: str, run_id: str) -> str:
    if not _live_run_of(ctx, user_id, run_id):
        run = await owned_run(ctx, user_id, run_id)
        if run.status != "running":
            return run.status
    await ctx.runs.cancel(run_id)
    if ctx.runs.get(run_id) is not None:
        await ctx.runs.wait(run_id)
        return (await owned_run(ctx, user_id, run_id)).status
    return "cancelling"


async def run_events(
    ctx: AppContext, user_id: str, run_id: str, after: int, keepalive: float = 15.0
) -> AsyncIterator[bytes]:
    """The run's SSE frames after seq `after`; ownership is checked before the first byte."""
    if _live_run_of(ctx, user_id, run_id):
        return ctx.events.frames(run_id, after, keepalive)
    run = await owned_run(ctx, user_id, run_id)
    # a shared log may not hold the first frames of a run another replica has just started
    if await ctx.events.exists(run_id) or (run.status == "running" and ctx.events.shared):
        return ctx.events.frames(run_id, after, keepalive)
    return _replay_from_database(ctx, run, after)


def _replay_artifact(part: dict[str, Any], versions: Versions) -> list[BaseModel]:
    start = e.ArtifactStart(
        artifact_id=part["artifact_id"],
        identifier=part["identifier"],
        artifact_type=part["artifact_type"],
        title=part["title"],
        language=None,
        operation=part["operation"],
    )
    version = versions.get((part["artifact_id"], part.get("version") or 0))
    if version is None:
        return [start]
    stored = e.Artifact(
        artifact_id=part["artifact_id"],
        identifier=part["identifier"],
        artifact_type=version.type,
        title=version.title,
        language=version.language,
        operation=part["operation"],
        version=version.version,
        content=version.content,
    )
    return [start.model_copy(update={"language": version.language}), stored]


async def _replay_from_database(ctx: AppContext, run: RunRow, after: int) -> AsyncIterator[bytes]:
    """A finished run whose log has expired (or died with its process): rebuild it from the row."""
    async with ctx.db.read() as session:
        message = await session.get(Message, run.message_id)
        if message is None:
            raise RunNotFound()
        made = await session.scalars(
            select(ArtifactVersion).where(ArtifactVersion.message_id == message.id)
        )
        versions = {(v.artifact_id, v.version): v for v in made}
    events: list[BaseModel] = [
        e.MessageStart(
            run_id=run.id,
            conversation_id=run.conversation_id,
            message_id=message.id,
            model=run.model,
        )
    ]
    for part in message.parts:
        if part.get("type") == "text":
            events.append(e.TextDelta(text=part["text"]))
        elif part.get("type") == "thinking":
            events.append(e.ThinkingDelta(text=part["text"]))
        elif part.get("type") == "artifact_ref":
            events += _replay_artifact(part, versions)
        elif part.get("type") == "tool_call":
            events.append(
                e.ToolCall(
                    tool_call_id=part["tool_call_id"], name=part["name"], input=part["input"]
                )
            )
            if part.get("approval") in ("approved", "denied"):
                events.append(
                    e.ApprovalResolved(
                        tool_call_id=part["tool_call_id"], approved=part["approval"] == "approved"
                    )
                )
        elif part.get("type") == "tool_result":
            events.append(e.ToolResult.model_validate(part))
    if message.error:
        events.append(
            e.Error(
                kind=message.error.get("kind", "error"), message=message.error.get("message", "")
            )
        )
    status = message.status if message.status != "streaming" else "interrupted"
    events.append(e.MessageStop(status=status, stop_reason=message.stop_reason))
    for seq, event in enumerate(events, start=1):
        if seq > after:
            yield encode_frame(seq, event)
