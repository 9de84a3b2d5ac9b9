from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from parley.schemas.artifacts import ArtifactType, ModelOperation
from parley.schemas.executions import ExecutionOut
from parley.schemas.files import FileKind

MessageStatus = Literal["complete", "streaming", "interrupted", "cancelled", "error"]
Role = Literal["user", "assistant"]


class TextPart(BaseModel):
    type: Literal["text"] = "text"
    text: str


class ThinkingPart(BaseModel):
    type: Literal["thinking"] = "thinking"
    text: str


class ArtifactRefPart(BaseModel):
    """Where in the answer an artifact was created or changed; the panel opens it from here."""

    type: Literal["artifact_ref"] = "artifact_ref"
    artifact_id: str
    identifier: str
    artifact_type: ArtifactType
    title: str
    operation: ModelOperation
    version: int | None = Field(description="Null when the answer stopped before it was stored.")


class ToolCallPart(BaseModel):
    type: Literal["tool_call"] = "tool_call"
    tool_call_id: str
    name: str
    input: dict[str, Any]
    approval: Literal["pending", "approved", "denied", "automatic"] | None = None


class ToolResultPart(BaseModel):
    type: Literal["tool_result"] = "tool_result"
    tool_call_id: str
    name: str
    is_error: bool
    content: str
    execution: ExecutionOut | None = None


class AttachmentPart(BaseModel):
    """A file the person attached, as it was when sent (the file itself may be deleted since)."""

    type: Literal["attachment"] = "attachment"
    file_id: str
    name: str
    media_type: str
    kind: FileKind
    size: int
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    has_preview: bool = False
    token_estimate: int = Field(0, description="Rough input tokens it costs a model per turn.")


class Source(BaseModel):
    """A passage of a project's knowledge that the answer cites as [n]."""

    n: int = Field(description="The number the answer cites it by: [n].")
    chunk_id: int
    file_id: str
    file_name: str
    page: int | None = Field(None, description="PDFs and presentations: the page or slide.")
    section: str | None = Field(None, description="The heading the passage falls under.")
    excerpt: str = Field(description="The start of the passage, as plain text.")


class SourcesPart(BaseModel):
    """The knowledge passages the answer cites; written when the answer ends."""

    type: Literal["sources"] = "sources"
    sources: list[Source]


Part = Annotated[
    TextPart
    | ThinkingPart
    | ArtifactRefPart
    | ToolCallPart
    | ToolResultPart
    | AttachmentPart
    | SourcesPart,
    Field(discriminator="type"),
]


class MessageError(BaseModel):
    kind: str
    message: str


class MessageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    conversation_id: str
    parent_id: str | None
    role: Role
    parts: list[Part]
    model: str | None
    status: MessageStatus
    stop_reason: str | None
    error: MessageError | None
    input_tokens: int | None
    output_tokens: int | None
    cache_read_tokens: int | None = None
    cache_write_tokens: int | None = None
    cost_usd: float | None = Field(None, description="At the catalog's prices; null: unknown.")
    run_id: str | None
    created_at: datetime
    updated_at: datetime


class MessageList(BaseModel):
    messages: list[MessageOut]


class SendMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content: str = Field(
        "", description="The user's message (Markdown); may be empty when files are attached."
    )
    parent_id: str | None = Field(
        None,
        description="The message this one follows. Omitted: the latest message. Null: none, "
        "so the message starts a new branch at the top (an edit of the first message).",
    )
    model: str | None = Field(
        None, description="Model for this turn; defaults to the conversation's."
    )
    attachments: list[str] = Field(
        default_factory=list,
        max_length=1000,
        description="Ids of the caller's files (POST /api/files) to attach, in order.",
    )


class Regenerate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str | None = None


class TurnStarted(BaseModel):
    run_id: str
    user_message: MessageOut
    assistant_message: MessageOut


class CancelResult(BaseModel):
    status: str
