"""What a run hands back, and the two ways a run is refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Stream = Literal["stdout", "stderr"]
Status = Literal["ok", "error", "timeout"]


UNAVAILABLE = "Code execution is disabled on this server: "


class SandboxUnavailable(Exception):
    """The sandbox cannot isolate code on this machine; the message says why and what to do."""


class UnsupportedLanguage(Exception):
    pass


@dataclass(frozen=True, slots=True)
class OutputFile:
    """A file the code left in its work directory; `name` is its path relative to that directory."""

    name: str
    mime_type: str
    size: int
    data: bytes = field(repr=False)

    @property
    def is_image(self) -> bool:
        return self.mime_type in INLINE_IMAGE_TYPES


# Raster formats only: their MIME type is checked against the file's first bytes. SVG can carry
# script, so it comes back as a download (image/svg+xml), never as an inline image.
INLINE_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


@dataclass(frozen=True, slots=True)
class ExecutionResult:
    """`status` is "ok" for exit code 0, "timeout" when the wall clock stopped the run, else "error"
    (including a run stopped for writing too much); `exit_code` is None when Parley killed it."""

    status: Status
    exit_code: int | None
    stdout: str
    stderr: str
    stdout_truncated: bool
    stderr_truncated: bool
    duration_ms: int
    files: list[OutputFile]
    omitted_files: list[str] = field(default_factory=list)
    stopped_reason: str | None = None
