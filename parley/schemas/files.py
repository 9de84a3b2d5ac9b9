"""Files people upload and files code makes: what the API says about them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

FileKind = Literal[
    "image", "pdf", "document", "spreadsheet", "text", "code", "archive-refused", "other"
]
FileOrigin = Literal["upload", "generated"]


class FileOut(BaseModel):
    id: str
    name: str
    media_type: str = Field(description="Detected from the bytes, never from the name.")
    size: int = Field(description="Bytes.")
    kind: FileKind
    sha256: str
    origin: FileOrigin = Field(description="Uploaded by the person, or written by sandboxed code.")
    conversation_id: str | None = Field(
        description="The conversation the file belongs to: where it was first attached or made."
    )
    width: int | None = Field(None, description="Images: pixels.")
    height: int | None = None
    pages: int | None = Field(None, description="PDFs and presentations: pages or slides.")
    text_chars: int | None = Field(
        None, description="Characters of text extracted for models; null when there is none."
    )
    text_truncated: bool = Field(
        False, description="The extracted text was cut at the server's limit."
    )
    token_estimate: int = Field(description="Rough input tokens the file costs a model per turn.")
    has_preview: bool = Field(description="A thumbnail exists at preview_url.")
    content_url: str
    preview_url: str | None
    created_at: datetime


class FilePage(BaseModel):
    items: list[FileOut]
    next_cursor: str | None


class FileText(BaseModel):
    id: str
    name: str
    text: str = Field(description="What models read of the file (page-numbered for PDFs).")
    truncated: bool
    language: str | None = Field(
        description="A highlighting language for code and data files, from the name."
    )


class FileLimits(BaseModel):
    """What this server accepts, so a client can refuse a file before sending it."""

    upload_max_bytes: int = Field(description="Largest file one upload may be.")
    attachments_per_message: int
    storage_quota_bytes: int = Field(description="What all of the caller's files may take.")
    storage_used_bytes: int = Field(description="What the caller's files take now.")
