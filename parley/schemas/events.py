"""The one definition of what flows over a run's SSE stream.

OpenAPI exports `RunEvent`, and the web client's types are generated from it: a new event kind is
one class here plus the branches that the exhaustive switches on both sides then demand.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from parley.schemas.artifacts import ArtifactType, ModelOperation
from parley.schemas.executions import ExecutionOut, SandboxLimitsOut
from parley.schemas.messages import MessageStatus, Source


class MessageStart(BaseModel):
    type: Literal["message_start"] = "message_start"
    run_id: str
    conversation_id: str
    message_id: str
    model: str


class Queued(BaseModel):
    """The model is busy with other people's requests; this one is `position` in line."""

    type: Literal["queued"] = "queued"
    position: int


class TextDelta(BaseModel):
    type: Literal["text_delta"] = "text_delta"
    text: str


class ThinkingDelta(BaseModel):
    type: Literal["thinking_delta"] = "thinking_delta"
    text: str


class ToolCall(BaseModel):
    """The model asked to use a tool (run_code); approval or the result follows."""

    type: Literal["tool_call"] = "tool_call"
    tool_call_id: str
    name: str
    input: dict[str, Any]


class ApprovalRequired(BaseModel):
    """The run waits until the person approves or denies this call."""

    type: Literal["approval_required"] = "approval_required"
    tool_call_id: str
    name: str
    language: str
    code: str
    limits: SandboxLimitsOut


class ApprovalResolved(BaseModel):
    type: Literal["approval_resolved"] = "approval_resolved"
    tool_call_id: str
    approved: bool
    remembered: bool = False


class ToolOutput(BaseModel):
    """Live output of a running tool call."""

    type: Literal["tool_output"] = "tool_output"
    tool_call_id: str
    stream: Literal["stdout", "stderr"]
    text: str


class ToolResult(BaseModel):
    type: Literal["tool_result"] = "tool_result"
    tool_call_id: str
    name: str
    is_error: bool
    content: str = Field(description="What the model was told.")
    execution: ExecutionOut | None = None


class Usage(BaseModel):
    type: Literal["usage"] = "usage"
    input_tokens: int = Field(description="All of the prompt, the cached part included.")
    output_tokens: int
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    cost_usd: float | None = Field(None, description="At the catalog's prices; null: unknown.")


class Error(BaseModel):
    type: Literal["error"] = "error"
    kind: str
    message: str


class MessageStop(BaseModel):
    type: Literal["message_stop"] = "message_stop"
    status: MessageStatus
    stop_reason: str | None = None


class Title(BaseModel):
    """The conversation was named; may follow message_stop on the first exchange."""

    type: Literal["title"] = "title"
    conversation_id: str
    title: str


class Sources(BaseModel):
    """The knowledge passages the answer cited; follows message_stop in a project's chats."""

    type: Literal["sources"] = "sources"
    message_id: str
    sources: list[Source]


class ArtifactStart(BaseModel):
    """The model began creating or changing an artifact; its card goes here in the answer."""

    type: Literal["artifact_start"] = "artifact_start"
    artifact_id: str
    identifier: str
    artifact_type: ArtifactType
    title: str
    language: str | None
    operation: ModelOperation


class ArtifactDelta(BaseModel):
    """More of the content of the artifact being created or rewritten (appended)."""

    type: Literal["artifact_delta"] = "artifact_delta"
    artifact_id: str
    text: str


class Artifact(BaseModel):
    """A new version was stored: the full content, the panel's source of truth from now on."""

    type: Literal["artifact"] = "artifact"
    artifact_id: str
    identifier: str
    artifact_type: ArtifactType
    title: str
    language: str | None
    operation: ModelOperation
    version: int
    content: str


class ArtifactFailed(BaseModel):
    """The change could not be applied (e.g. the text to replace was not found)."""

    type: Literal["artifact_failed"] = "artifact_failed"
    artifact_id: str
    message: str


RunEvent = Annotated[
    MessageStart
    | Queued
    | TextDelta
    | ThinkingDelta
    | ArtifactStart
    | ArtifactDelta
    | Artifact
    | ArtifactFailed
    | ToolCall
    | ApprovalRequired
    | ApprovalResolved
    | ToolOutput
    | ToolResult
    | Usage
    | Error
    | MessageStop
    | Title
    | Sources,
    Field(discriminator="type"),
]


class RunEventFrame(BaseModel):
    """Documents the SSE frame: `id:` is the seq, `event:` is data.type, `data:` is the JSON event."""

    id: int
    event: RunEvent
