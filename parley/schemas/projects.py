"""Projects: a group of chats with its own instructions and knowledge files."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from parley.schemas.files import FileKind

MAX_INSTRUCTIONS_CHARS = 20_000
KnowledgeStatus = Literal["queued", "indexing", "ready", "failed"]
ProjectSort = Literal["activity", "name", "created"]


class ProjectOut(BaseModel):
    id: str
    name: str
    description: str
    instructions: str = Field(description="Told to the model in every chat of the project.")
    pinned: bool
    archived: bool
    conversation_count: int
    file_count: int
    knowledge_tokens: int = Field(description="Rough input tokens of all its knowledge files.")
    created_at: datetime
    updated_at: datetime = Field(description="Last change to the project or one of its chats.")


class ProjectList(BaseModel):
    items: list[ProjectOut]


class CreateProject(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=2_000)
    instructions: str = Field("", max_length=MAX_INSTRUCTIONS_CHARS)


class UpdateProject(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2_000)
    instructions: str | None = Field(None, max_length=MAX_INSTRUCTIONS_CHARS)
    pinned: bool | None = None
    archived: bool | None = None


class KnowledgeFileOut(BaseModel):
    """A knowledge file of a project and where its indexing stands."""

    file_id: str
    name: str
    media_type: str
    kind: FileKind
    size: int
    pages: int | None
    token_estimate: int
    status: KnowledgeStatus = Field(
        description="queued, indexing (chunks written, embeddings being made), ready or failed."
    )
    error: str | None = Field(description="Why indexing failed, for the person.")
    chunks: int = Field(description="Passages the file was cut into.")
    embedded: int = Field(description="Passages embedded so far (progress while indexing).")
    added_at: datetime


class KnowledgeFileList(BaseModel):
    items: list[KnowledgeFileOut]
