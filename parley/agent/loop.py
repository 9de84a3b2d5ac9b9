"""The agent loop: the model answers, calls tools, reads their results and carries on.

Each step streams one model turn. Text is scanned for `<artifact>` blocks; tool calls are run
once the turn ends and their results go back to the model, until it stops asking for tools or the
step limit is reached. What the reader should see comes out as stream events, in order.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from typing import Protocol, assert_never

from pydantic import BaseModel

from parley.agent import artifact_tags as tags
from parley.agent import code_tool
from parley.agent.artifact_store import ArtifactStore
from parley.agent.artifact_tool import (
    TOOL_NAME,
    ArtifactChange,
    StreamingToolInput,
    ToolFailure,
    artifact_type,
    change_from_tag,
    change_from_tool_input,
)
from parley.agent.turn import RetryPolicy, stream_turn
from parley.db.engine import Database
from parley.providers import base as p
from parley.sandbox import (
    ExecutionResult,
    Sandbox,
    SandboxInput,
    SandboxUnavailable,
    UnsupportedLanguage,
)
from parley.schemas import events as e
from parley.schemas.artifacts import ModelOperation
from parley.schemas.executions import SandboxLimitsOut

log = logging.getLogger(__name__)

DEFAULT_MAX_STEPS = 8

LoopEvent = BaseModel | p.UsageReport | p.StreamEnd
"""Stream events (schemas.events) for the reader, plus usage and the end, for the run."""


@dataclass(frozen=True, slots=True)
class Decision:
    approved: bool
    remembered: bool = False


class ApprovalGate(Protocol):
    """How the loop asks the person: the run owning the loop implements it."""

    def permission_mode(self) -> str:
        """ "ask" or "allow"; may change during the run (a person chose "always allow")."""
        ...

    async def wait_for_decision(self, request: e.ApprovalRequired) -> Decision:
        """Until the person approves or denies; holds no thread while waiting."""
        ...


@dataclass
class CodeTools:
    """What run_code needs: the sandbox, where results are stored, and who approves."""

    sandbox: Sandbox
    db: Database
    conversation_id: str
    message_id: str
    gate: ApprovalGate
    limits: SandboxLimitsOut
    inputs: tuple[SandboxInput, ...] = ()  # the conversation's attachments
    outputs: code_tool.OutputStore | None = None  # where the files code writes go


@dataclass
class _ToolCall:
    id: str
    name: str
    input: StreamingToolInput = field(default_factory=StreamingToolInput)
    artifact_id: str | None = None  # set once its ArtifactStart has been sent
    streamed: int = 0  # characters of `content` already sent as ArtifactDelta


@dataclass
class _TagArtifact:
    attributes: dict[str, str]
    artifact_id: str
    exists: bool
    chunks: list[str] = field(default_factory=list)


class AgentLoop:
    def __init__(
        self,
        provider: p.Provider,
        request: p.GenerationRequest,
        retry: RetryPolicy,
        artifacts: ArtifactStore | None,
        max_steps: int = DEFAULT_MAX_STEPS,
        code: CodeTools | None = None,
    ) -> None:
        self._code = code
        self.step = 0
        self._provider = provider
        self._request = request
        self._retry = retry
        self._artifacts = artifacts
        self._max_steps = max_steps

    async def events(self) -> AsyncIterator[LoopEvent]:
        messages = list(self._request.messages)
        for step in range(self._max_steps):
            self.step = step + 1
            # extended thinking would need each turn's signed thinking blocks sent back with the
            # tool results; continuing without it is valid and keeps the loop provider-neutral
            request = replace(
                self._request,
                messages=messages,
                thinking_budget=self._request.thinking_budget if step == 0 else None,
            )
            parser = tags.ArtifactTagParser()
            open_tag: list[_TagArtifact] = []
            written: list[str] = []
            calls: dict[str, _ToolCall] = {}
            finished: list[p.ToolUse] = []
            stop_reason: str | None = None
            async for event in stream_turn(self._provider, request, self._retry):
                if isinstance(event, p.TextDelta):
                    written.append(event.text)
                    for segment in parser.feed(event.text):
                        if isinstance(segment, tags.Text):  # per token: no generator
                            yield e.TextDelta(text=segment.text)
                            continue
                        async for out in self._on_segment(segment, open_tag):
                            yield out
                elif isinstance(event, p.ThinkingDelta):
                    yield e.ThinkingDelta(text=event.text)
                elif isinstance(event, p.ToolUseStart):
                    calls[event.id] = _ToolCall(event.id, event.name)
                    if event.name == TOOL_NAME and self._artifacts is not None:
                        await self._artifacts.load()
                elif isinstance(event, p.ToolInputDelta):
                    call = calls.get(event.id)
                    if call is not None and call.name == TOOL_NAME:
                        call.input.feed(event.partial_json)
                        for out in self._stream_tool_content(call):
                            yield out
                elif isinstance(event, p.ToolUseEnd):
                    finished.append(p.ToolUse(event.id, event.name, event.input))
                elif isinstance(event, p.Queued):
                    yield e.Queued(position=event.position)
                elif isinstance(event, p.UsageReport):
                    yield event
                elif isinstance(event, p.StreamEnd):
                    stop_reason = event.stop_reason
                else:
                    assert_never(event)
            for segment in parser.finish():
                async for out in self._on_segment(segment, open_tag):
                    yield out
            if not finished:
                yield p.StreamEnd(stop_reason)
                return
            results: list[p.ToolResult] = []
            for use in finished:
                call = calls.get(use.id) or _ToolCall(use.id, use.name)
                async for out in self._run_tool(use, call, results):
                    yield out
            messages = [
                *messages,
                p.ChatTurn("assistant", "".join(written), tool_uses=tuple(finished)),
                p.ChatTurn("user", "", tool_results=tuple(results)),
            ]
        yield p.StreamEnd("max_steps")

    async def _on_segment(
        self, segment: tags.Segment, open_tag: list[_TagArtifact]
    ) -> AsyncIterator[BaseModel]:
        store = self._artifacts
        if isinstance(segment, tags.Text):
            yield e.TextDelta(text=segment.text)
        elif store is None:
            # no conversation to keep artifacts in (cannot happen in a run): show them as text
            if isinstance(segment, tags.Content):
                yield e.TextDelta(text=segment.text)
        elif isinstance(segment, tags.Open):
            await store.load()
            change = change_from_tag(segment.attributes, "", exists=False)
            existing = store.get(change.identifier)
            artifact = _TagArtifact(
                segment.attributes, store.id_for(change.identifier), bool(existing)
            )
            open_tag.append(artifact)
            kind = artifact_type(segment.attributes.get("type"))
            yield e.ArtifactStart(
                artifact_id=artifact.artifact_id,
                identifier=change.identifier,
                artifact_type=kind or (existing.state.type if existing else "code"),
                title=change.title or (existing.state.title if existing else change.identifier),
                language=change.language or (existing.state.language if existing else None),
                operation="rewrite" if existing else "create",
            )
        elif isinstance(segment, tags.Content):
            if open_tag:
                open_tag[-1].chunks.append(segment.text)
                yield e.ArtifactDelta(artifact_id=open_tag[-1].artifact_id, text=segment.text)
        elif isinstance(segment, tags.Close):
            if open_tag:
                artifact = open_tag.pop()
                change = change_from_tag(
                    artifact.attributes, "".join(artifact.chunks), artifact.exists
                )
                async for out in self._commit(artifact.artifact_id, change):
                    if isinstance(out, BaseModel):
                        yield out
        else:
            assert_never(segment)

    def _stream_tool_content(self, call: _ToolCall) -> list[BaseModel]:
        store = self._artifacts
        tool_input = call.input
        if store is None or not tool_input.content_started():
            return []
        out: list[BaseModel] = []
        if call.artifact_id is None:
            start = self._start_event(store, tool_input.fields)
            if start is None:
                return []
            call.artifact_id = start.artifact_id
            out.append(start)
        content = tool_input.known("content") or ""
        if len(content) > call.streamed:
            out.append(e.ArtifactDelta(artifact_id=call.artifact_id, text=content[call.streamed :]))
            call.streamed = len(content)
        return out

    def _start_event(
        self, store: ArtifactStore, fields: dict[str, object]
    ) -> e.ArtifactStart | None:
        try:
            change = change_from_tool_input(dict(fields))
        except ToolFailure:
            return None
        existing = store.get(change.identifier)
        operation = change.command
        if existing is None and operation != "create":
            return None  # the tool will fail; no card for it
        if existing is not None and operation == "create":
            operation = "rewrite"
        return e.ArtifactStart(
            artifact_id=store.id_for(change.identifier),
            identifier=change.identifier,
            artifact_type=change.type or (existing.state.type if existing else "code"),
            title=change.title or (existing.state.title if existing else change.identifier),
            language=change.language or (existing.state.language if existing else None),
            operation=operation,
        )

    async def _run_tool(
        self, use: p.ToolUse, call: _ToolCall, results: list[p.ToolResult]
    ) -> AsyncIterator[BaseModel]:
        store = self._artifacts
        if use.name == code_tool.TOOL_NAME and self._code is not None:
            async for event in self._run_code(use, self._code, results):
                yield event
            return
        if use.name != TOOL_NAME or store is None:
            results.append(p.ToolResult(use.id, f"There is no tool named {use.name!r}.", True))
            return
        await store.load()
        try:
            change = change_from_tool_input(use.input)
        except ToolFailure as failure:
            if call.artifact_id is not None:
                yield e.ArtifactFailed(artifact_id=call.artifact_id, message=str(failure))
            results.append(p.ToolResult(use.id, str(failure), True))
            return
        if call.artifact_id is None:
            start = self._start_event(store, dict(use.input))
            if start is not None:
                call.artifact_id = start.artifact_id
                yield start
        artifact_id = call.artifact_id or store.id_for(change.identifier)
        async for out in self._commit(artifact_id, change):
            if isinstance(out, p.ToolResult):
                results.append(p.ToolResult(use.id, out.content, out.is_error))
            else:
                yield out

    async def _run_code(
        self, use: p.ToolUse, tools: CodeTools, results: list[p.ToolResult]
    ) -> AsyncIterator[BaseModel]:
        yield e.ToolCall(tool_call_id=use.id, name=use.name, input=use.input)
        request = code_tool.code_request(use.input)
        if isinstance(request, str):
            yield e.ToolResult(tool_call_id=use.id, name=use.name, is_error=True, content=request)
            results.append(p.ToolResult(use.id, request, True))
            return
        if tools.gate.permission_mode() != "allow":
            asked = e.ApprovalRequired(
                tool_call_id=use.id,
                name=use.name,
                language=request.language,
                code=request.code,
                limits=tools.limits,
            )
            yield asked
            decision = await tools.gate.wait_for_decision(asked)
            yield e.ApprovalResolved(
                tool_call_id=use.id, approved=decision.approved, remembered=decision.remembered
            )
            if not decision.approved:
                declined = "The user declined to run this code. Do not retry it unasked; carry on without it."
                yield e.ToolResult(
                    tool_call_id=use.id, name=use.name, is_error=False, content=declined
                )
                results.append(p.ToolResult(use.id, declined))
                return
        queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        run = asyncio.create_task(
            _sandboxed(
                tools.sandbox,
                request,
                lambda stream, text: queue.put_nowait((stream, text)),
                tools.inputs,
            )
        )
        try:
            while not run.done() or not queue.empty():
                getter = asyncio.ensure_future(queue.get())
                await asyncio.wait({getter, run}, return_when=asyncio.FIRST_COMPLETED)
                if not getter.done():
                    getter.cancel()
                    continue
                stream, text = getter.result()
                yield e.ToolOutput(tool_call_id=use.id, stream=stream, text=text)
            result, unavailable = run.result()
        finally:
            run.cancel()
        execution = await code_tool.store_execution(
            tools.db,
            conversation_id=tools.conversation_id,
            language=request.language,
            code=request.code,
            result=result,
            unavailable=unavailable,
            message_id=tools.message_id,
            tool_call_id=use.id,
            outputs=tools.outputs,
        )
        summary = code_tool.summary_for_model(execution)
        is_error = execution.status != "ok"
        yield e.ToolResult(
            tool_call_id=use.id,
            name=use.name,
            is_error=is_error,
            content=summary,
            execution=execution,
        )
        results.append(p.ToolResult(use.id, summary, is_error))

    async def _commit(
        self, artifact_id: str, change: ArtifactChange
    ) -> AsyncIterator[BaseModel | p.ToolResult]:
        assert self._artifacts is not None
        try:
            stored = await self._artifacts.commit(change)
        except ToolFailure as failure:
            yield e.ArtifactFailed(artifact_id=artifact_id, message=str(failure))
            yield p.ToolResult("", str(failure), True)
            return
        state = stored.state
        yield e.Artifact(
            artifact_id=stored.id,
            identifier=stored.identifier,
            artifact_type=state.type,
            title=state.title,
            language=state.language,
            operation="create" if stored.version == 1 else _operation(change),
            version=stored.version,
            content=state.content,
        )
        verb = "Created" if stored.version == 1 else "Updated"
        yield p.ToolResult("", f"{verb} {stored.identifier!r}; it is now version {stored.version}.")


async def _sandboxed(
    sandbox: Sandbox,
    request: code_tool.CodeRequest,
    on_output: Callable[[str, str], None],
    inputs: tuple[SandboxInput, ...],
) -> tuple[ExecutionResult | None, str | None]:
    """The sandbox's result, or why there is none."""
    try:
        result = await sandbox.run(
            request.language, request.code, on_output=on_output, inputs=inputs
        )
        return result, None
    except (SandboxUnavailable, UnsupportedLanguage) as refusal:
        return None, str(refusal)


def _operation(change: ArtifactChange) -> ModelOperation:
    return "rewrite" if change.command == "create" else change.command
