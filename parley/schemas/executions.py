"""Code runs in the sandbox: their results, and a person's approval of a model's request to run."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ExecutionStatus = Literal["ok", "error", "timeout", "unavailable"]
Language = Literal["python", "javascript", "bash"]
LANGUAGES: tuple[Language, ...] = ("python", "javascript", "bash")


class ExecutionFileOut(BaseModel):
    id: str
    name: str
    mime_type: str
    size: int
    url: str = Field(description="Download path (same-origin, needs the owner's session).")
    inline_image: bool = Field(description="A raster image the client may show inline.")
    file_id: str | None = Field(
        None,
        description="The conversation file it became (GET /api/files/{id}); null for old runs.",
    )


class ExecutionOut(BaseModel):
    id: str
    language: str
    status: ExecutionStatus
    exit_code: int | None
    stdout: str
    stderr: str
    stdout_truncated: bool
    stderr_truncated: bool
    duration_ms: int
    files: list[ExecutionFileOut]
    artifact_version: int | None = None
    created_at: datetime


class ExecutionList(BaseModel):
    executions: list[ExecutionOut]


class ExecuteArtifact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timeout_seconds: float | None = Field(
        None, gt=0, description="Wall-clock limit; the server's default when omitted."
    )


class SandboxLimitsOut(BaseModel):
    timeout_seconds: float
    max_timeout_seconds: float
    memory_mb: int
    max_processes: int
    max_output_bytes: int
    network: bool = False


class ApprovalDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    approve: bool
    remember: bool = Field(
        False, description="Also allow every later run_code in this conversation without asking."
    )


class PendingApproval(BaseModel):
    tool_call_id: str
    name: str
    language: str
    code: str


class RunOut(BaseModel):
    id: str
    conversation_id: str
    message_id: str
    status: str = Field(description="running, waiting (for an approval), or how it ended.")
    step: int = Field(description="Model turns taken so far in the agent loop.")
    pending_approvals: list[PendingApproval]


class ApprovalResult(BaseModel):
    status: Literal["approved", "denied"]


class SandboxInfo(BaseModel):
    available: bool
    default_permission_mode: Literal["ask", "allow"] = Field(
        description="The mode of a conversation that has chosen none (PARLEY_DEFAULT_PERMISSION_MODE)."
    )
    reason: str | None = Field(description="Why code cannot run here, when it cannot.")
    languages: list[str]
    limits: SandboxLimitsOut
