"""The one definition of what flows over a run's SSE stream.

OpenAPI exports `RunEvent`, and the web client's types are generated from it: a new event kind is
one class here plus the branches that the exhaustive switches on both sides then demand.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from parley.schemas.artifacts import ArtifactType, ModelOperation
from parley.schemas.messages import MessageStatus


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


class Usage(BaseModel):
    type: Literal["usage"] = "usage"
    input_tokens: int
    output_tokens: int


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
    | Usage
    | Error
    | MessageStop
    | Title,
    Field(discriminator="type"),
]


class RunEventFrame(BaseModel):
    """Documents the SSE frame: `id:` is the seq, `event:` is data.type, `data:` is the JSON event."""

    id: int
    event: RunEvent
