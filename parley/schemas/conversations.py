from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ConversationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    title: str
    model: str
    settings: dict[str, Any]
    pinned: bool
    archived: bool
    project_id: str | None
    created_at: datetime
    updated_at: datetime
    last_message_at: datetime | None


class ConversationPage(BaseModel):
    items: list[ConversationOut]
    next_cursor: str | None


class ConversationSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    system_prompt: str | None = Field(None, max_length=20_000)
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, gt=0, le=1)
    max_tokens: int | None = Field(None, ge=1, le=128_000)
    thinking_budget: int | None = Field(None, ge=1024, le=128_000)
    permission_mode: Literal["ask", "allow"] | None = Field(
        None, description="Code the model wants to run: ask first (default) or run at once."
    )
    stop_sequences: list[Annotated[str, Field(min_length=1, max_length=100)]] | None = Field(
        None,
        max_length=4,
        description="The answer ends before the first of these it would write (up to four).",
    )


class CreateConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(None, min_length=1, max_length=300)
    model: str | None = None
    project_id: str | None = Field(
        None, max_length=32, description="Start the chat inside this project."
    )
    settings: ConversationSettings | None = None


class UpdateConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(None, min_length=1, max_length=300)
    model: str | None = None
    pinned: bool | None = None
    archived: bool | None = None
    project_id: str | None = Field(
        None, max_length=32, description="Move into this project; null takes it out of any."
    )
    settings: ConversationSettings | None = None


BULK_MAX_IDS = 500


class BulkAction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[Annotated[str, Field(min_length=1, max_length=32)]] = Field(
        min_length=1, max_length=BULK_MAX_IDS
    )
    action: Literal["delete", "archive", "unarchive", "move"]
    project_id: str | None = Field(
        None, max_length=32, description="For move: the project, or null to take them out."
    )


class BulkResult(BaseModel):
    action: str
    ids: list[str] = Field(description="The conversations changed: all that were asked for.")


class DuplicateConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    leaf_id: str | None = Field(
        None,
        max_length=32,
        description="The last message of the branch to copy; by default the newest leaf.",
    )
