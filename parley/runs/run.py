"""A run owns one assistant turn from the first event to the last, independent of any HTTP connection."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from parley.agent.artifact_store import ArtifactStore
from parley.agent.code_tool import OutputStore
from parley.agent.loop import DEFAULT_MAX_STEPS, AgentLoop, CodeTools, Decision
from parley.agent.turn import RetryPolicy
from parley.db.engine import Database
from parley.providers import base as p
from parley.runs.checkpoints import Checkpointer
from parley.runs.eventlog import EventLog
from parley.runs.persistence import finish_message
from parley.sandbox import Sandbox, SandboxInput
from parley.schemas import events as e
from parley.schemas.executions import SandboxLimitsOut

log = logging.getLogger(__name__)

AfterStop = Callable[[str, list[dict[str, Any]]], Awaitable[list[BaseModel]]]
"""Called with the final status and parts once the answer is stored; returns events to append
(a title)."""


@dataclass
class RunSpec:
    run_id: str
    user_id: str
    conversation_id: str
    message_id: str
    model: str
    provider: p.Provider
    request: p.GenerationRequest
    after_stop: AfterStop | None = None
    artifacts: ArtifactStore | None = None
    sandbox: Sandbox | None = None  # run_code is offered only with one
    sandbox_limits: SandboxLimitsOut | None = None
    sandbox_inputs: tuple[SandboxInput, ...] = ()
    outputs: OutputStore | None = None
    permission_mode: str = "ask"
    max_steps: int = DEFAULT_MAX_STEPS
    model_info: p.ModelInfo | None = None  # its prices, for the answer's cost


@dataclass
class _Answer:
    """The answer's parts as they stream: text and thinking as chunk lists (joined only for a
    checkpoint), artifact cards as dicts."""

    parts: list[dict[str, Any]] = field(default_factory=list)
    chunks: list[list[str] | None] = field(default_factory=list)

    def add(self, kind: str, text: str) -> None:
        if not self.parts or self.parts[-1]["type"] != kind:
            self.parts.append({"type": kind, "text": ""})
            self.chunks.append([])
        chunks = self.chunks[-1]
        assert chunks is not None
        chunks.append(text)

    def add_artifact(self, start: e.ArtifactStart) -> None:
        self.parts.append(
            {
                "type": "artifact_ref",
                "artifact_id": start.artifact_id,
                "identifier": start.identifier,
                "artifact_type": start.artifact_type,
                "title": start.title,
                "operation": start.operation,
                "version": None,
            }
        )
        self.chunks.append(None)

    def add_block(self, part: dict[str, Any]) -> None:
        """A part that does not grow while streaming (a tool call or its result)."""
        self.parts.append(part)
        self.chunks.append(None)

    def add_tool_call(self, event: e.ToolCall, approval: str | None) -> None:
        self.add_block(
            {
                "type": "tool_call",
                "tool_call_id": event.tool_call_id,
                "name": event.name,
                "input": event.input,
                "approval": approval,
            }
        )

    def set_approval(self, tool_call_id: str, approval: str) -> None:
        for index, part in enumerate(self.parts):
            if part["type"] == "tool_call" and part["tool_call_id"] == tool_call_id:
                self.parts[index] = {**part, "approval": approval}

    def _card(self, artifact_id: str) -> int | None:
        for index in range(len(self.parts) - 1, -1, -1):
            part = self.parts[index]
            if part["type"] == "artifact_ref" and part["artifact_id"] == artifact_id:
                return index
        return None

    def stored_artifact(self, event: e.Artifact) -> None:
        index = self._card(event.artifact_id)
        if index is None:
            return
        self.parts[index] = {
            **self.parts[index],
            "artifact_type": event.artifact_type,
            "title": event.title,
            "operation": event.operation,
            "version": event.version,
        }

    def drop_artifact(self, artifact_id: str) -> None:
        index = self._card(artifact_id)
        if index is not None and self.parts[index]["version"] is None:
            del self.parts[index]
            del self.chunks[index]

    def snapshot(self) -> list[dict[str, Any]]:
        return [
            part if chunks is None else {"type": part["type"], "text": "".join(chunks)}
            for part, chunks in zip(self.parts, self.chunks, strict=True)
        ]


class Run:
    def __init__(
        self,
        spec: RunSpec,
        *,
        log: EventLog,
        db: Database,
        retry: RetryPolicy,
        checkpoints: Checkpointer,
    ) -> None:
        self.spec = spec
        self.id = spec.run_id
        self._log = log
        self._db = db
        self._retry = retry
        self._checkpoints = checkpoints
        self.cancel_requested = False
        self.task: asyncio.Task[None] | None = None
        self._mode = spec.permission_mode
        self._pending: dict[str, tuple[e.ApprovalRequired, asyncio.Future[Decision]]] = {}
        self._loop: AgentLoop | None = None

    # --- ApprovalGate: the agent loop asks, a person answers through the API ------------------
    def permission_mode(self) -> str:
        return self._mode

    async def wait_for_decision(self, request: e.ApprovalRequired) -> Decision:
        future: asyncio.Future[Decision] = asyncio.get_running_loop().create_future()
        self._pending[request.tool_call_id] = (request, future)
        try:
            return await future
        finally:
            self._pending.pop(request.tool_call_id, None)

    def pending_approvals(self) -> list[e.ApprovalRequired]:
        return [request for request, _ in self._pending.values()]

    def resolve(self, tool_call_id: str, approve: bool, remember: bool) -> bool:
        """Answer a pending approval; False when there is none with this id (any more)."""
        pending = self._pending.get(tool_call_id)
        if pending is None or pending[1].done():
            return False
        if approve and remember:
            self._mode = "allow"
        pending[1].set_result(Decision(approved=approve, remembered=approve and remember))
        return True

    @property
    def step(self) -> int:
        return self._loop.step if self._loop is not None else 0

    def emit(self, event: BaseModel) -> None:
        self._log.append(self.id, event)

    async def execute(self) -> None:
        spec = self.spec
        answer = _Answer()
        status = "complete"
        stop_reason: str | None = None
        error: dict[str, Any] | None = None
        usage: p.UsageReport | None = None
        self.emit(
            e.MessageStart(
                run_id=self.id,
                conversation_id=spec.conversation_id,
                message_id=spec.message_id,
                model=spec.model,
            )
        )
        message_id = spec.message_id
        mark = self._checkpoints.mark
        try:
            code = None
            if spec.sandbox is not None and spec.sandbox_limits is not None:
                code = CodeTools(
                    sandbox=spec.sandbox,
                    db=self._db,
                    conversation_id=spec.conversation_id,
                    message_id=spec.message_id,
                    gate=self,
                    limits=spec.sandbox_limits,
                    inputs=spec.sandbox_inputs,
                    outputs=spec.outputs,
                )
            loop = self._loop = AgentLoop(
                spec.provider,
                spec.request,
                self._retry,
                spec.artifacts,
                max_steps=spec.max_steps,
                code=code,
            )
            async for event in loop.events():
                if isinstance(event, e.TextDelta):
                    answer.add("text", event.text)
                    mark(message_id, answer.snapshot)
                elif isinstance(event, e.ThinkingDelta):
                    answer.add("thinking", event.text)
                    mark(message_id, answer.snapshot)
                elif isinstance(event, e.ArtifactStart):
                    answer.add_artifact(event)
                    mark(message_id, answer.snapshot)
                elif isinstance(event, e.Artifact):
                    answer.stored_artifact(event)
                    mark(message_id, answer.snapshot)
                elif isinstance(event, e.ArtifactFailed):
                    answer.drop_artifact(event.artifact_id)
                    mark(message_id, answer.snapshot)
                elif isinstance(event, e.ToolCall):
                    approval = "automatic" if self._mode == "allow" else None
                    answer.add_tool_call(event, approval)
                    mark(message_id, answer.snapshot)
                elif isinstance(event, e.ApprovalRequired):
                    answer.set_approval(event.tool_call_id, "pending")
                    mark(message_id, answer.snapshot)
                elif isinstance(event, e.ApprovalResolved):
                    answer.set_approval(
                        event.tool_call_id, "approved" if event.approved else "denied"
                    )
                    mark(message_id, answer.snapshot)
                elif isinstance(event, e.ToolResult):
                    answer.add_block(event.model_dump(mode="json"))
                    mark(message_id, answer.snapshot)
                elif isinstance(event, p.UsageReport):
                    usage = _add_usage(usage, event)
                    continue
                elif isinstance(event, p.StreamEnd):
                    stop_reason = event.stop_reason
                    continue
                self.emit(event)
        except p.ProviderError as failure:
            status = "error"
            error = {"kind": failure.kind, "message": failure.message}
            self.emit(e.Error(kind=failure.kind, message=failure.message))
        except asyncio.CancelledError:
            # a person pressed Stop, or the server is shutting down: keep what was written
            status = "cancelled" if self.cancel_requested else "interrupted"
            stop_reason = "cancelled" if self.cancel_requested else None
        except Exception as failure:
            log.exception("run %s failed", self.id)
            status = "error"
            error = {"kind": "internal", "message": f"Parley failed while answering: {failure}"}
            self.emit(e.Error(kind="internal", message=error["message"]))
        await self._finish(answer, status, stop_reason, error, usage)

    async def _finish(
        self,
        answer: _Answer,
        status: str,
        stop_reason: str | None,
        error: dict[str, Any] | None,
        usage: p.UsageReport | None,
    ) -> None:
        spec = self.spec
        try:
            self._checkpoints.forget(spec.message_id)
            parts = answer.snapshot()
            cost = p.usage_cost(usage, spec.model_info) if usage is not None else None
            await asyncio.shield(
                finish_message(
                    self._db,
                    run_id=self.id,
                    message_id=spec.message_id,
                    conversation_id=spec.conversation_id,
                    parts=parts,
                    status=status,
                    stop_reason=stop_reason,
                    error=error,
                    input_tokens=usage.input_tokens if usage else None,
                    output_tokens=usage.output_tokens if usage else None,
                    cache_read_tokens=usage.cache_read_tokens if usage else None,
                    cache_write_tokens=usage.cache_write_tokens if usage else None,
                    cost_usd=cost,
                )
            )
            if usage is not None:
                self.emit(
                    e.Usage(
                        input_tokens=usage.input_tokens,
                        output_tokens=usage.output_tokens,
                        cache_read_tokens=usage.cache_read_tokens,
                        cache_write_tokens=usage.cache_write_tokens,
                        cost_usd=cost,
                    )
                )
            self.emit(e.MessageStop(status=status, stop_reason=stop_reason))
            if spec.after_stop is not None and status != "interrupted":
                for event in await spec.after_stop(status, parts):
                    self.emit(event)
        finally:
            await self._log.close(self.id)


def _add_usage(total: p.UsageReport | None, step: p.UsageReport) -> p.UsageReport:
    """Tokens of every step of the loop; each step re-reads the conversation so far."""
    if total is None:
        return step
    return p.UsageReport(
        input_tokens=total.input_tokens + step.input_tokens,
        output_tokens=total.output_tokens + step.output_tokens,
        cache_read_tokens=total.cache_read_tokens + step.cache_read_tokens,
        cache_write_tokens=total.cache_write_tokens + step.cache_write_tokens,
    )
