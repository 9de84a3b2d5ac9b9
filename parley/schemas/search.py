from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

MAX_QUERY_CHARS = 200
MAX_LIMIT = 50


class SnippetSegment(BaseModel):
    text: str = Field(description="Plain text; the client renders it as text, never as HTML.")
    highlight: bool = Field(description="A word that matched the query.")


class SearchHit(BaseModel):
    conversation_id: str
    conversation_title: str
    project_id: str | None
    message_id: str | None = Field(description="None when the conversation's title matched.")
    role: Literal["user", "assistant"] | None
    snippet: list[SnippetSegment]
    created_at: datetime = Field(description="When the message was written (or the chat made).")


class SearchPage(BaseModel):
    items: list[SearchHit]
    next_cursor: str | None
