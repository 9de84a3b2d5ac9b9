"""Artifacts: substantial, self-contained things the model writes, shown beside the chat."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ArtifactType = Literal["code", "markdown", "html", "svg", "mermaid", "react"]
ARTIFACT_TYPES: tuple[ArtifactType, ...] = ("code", "markdown", "html", "svg", "mermaid", "react")
# create/update/rewrite come from the model; edit is a person's change in the editor
ModelOperation = Literal["create", "update", "rewrite"]
VersionOperation = Literal["create", "update", "rewrite", "edit"]
MAX_ARTIFACT_CHARS = 1_000_000


class ArtifactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    conversation_id: str
    identifier: str = Field(description="The model's name for it; stable across versions.")
    type: ArtifactType
    title: str
    language: str | None
    version: int = Field(description="The current (latest) version number, from 1.")
    content: str = Field(description="The current version's content.")
    public_url: str | None = Field(None, description="The read-only link, while published.")
    created_at: datetime
    updated_at: datetime


class ArtifactList(BaseModel):
    artifacts: list[ArtifactOut]


class ArtifactVersionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    type: ArtifactType
    title: str
    language: str | None
    content: str
    operation: VersionOperation
    message_id: str | None = Field(description="The answer that made it; null for a manual edit.")
    created_at: datetime


class ArtifactVersionList(BaseModel):
    versions: list[ArtifactVersionOut]


class EditArtifact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    content: str = Field(max_length=MAX_ARTIFACT_CHARS)
    title: str | None = Field(None, min_length=1, max_length=300)


class Publication(BaseModel):
    public_url: str = Field(description="Path of the read-only page, e.g. /a/<token>.")


class PublishedArtifact(BaseModel):
    """What a published link shows: the artifact alone, nothing of its owner."""

    title: str
    type: ArtifactType
    language: str | None
    content: str
