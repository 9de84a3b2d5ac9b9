"""The `run_code` tool: its declaration, and how a sandbox run is stored and told to the model."""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from parley.db.engine import Database
from parley.db.locks import lock_content
from parley.db.models import Execution, ExecutionFile, File, new_id, utcnow
from parley.documents.detect import detect_bytes
from parley.providers.base import ToolSpec
from parley.sandbox import INLINE_IMAGE_TYPES, ExecutionResult, OutputFile, UnsupportedLanguage
from parley.sandbox.languages import OUTPUTS_DIR, UPLOADS_DIR, parse_language
from parley.schemas.executions import LANGUAGES, ExecutionFileOut, ExecutionOut, ExecutionStatus
from parley.storage import BlobStore

TOOL_NAME = "run_code"
MAX_RESULT_CHARS = 20_000
GENERATED_TEXT_CHARS = 500_000  # of output sent back to the model; the person sees all of it

RUN_CODE_TOOL = ToolSpec(
    name=TOOL_NAME,
    description=(
        "Run code in an isolated sandbox and get its output: to compute, analyse data, check "
        "an answer or draw a plot. No network. Python has numpy, pandas, matplotlib, openpyxl, "
        "python-docx and python-pptx. Files the user attached are read-only in "
        f"{UPLOADS_DIR}/ (e.g. pandas.read_csv('{UPLOADS_DIR}/data.csv')). Save plots and other "
        f"results (charts, CSV, .xlsx, .docx, .pptx) in {OUTPUTS_DIR}/, which is also the current "
        "directory (e.g. plt.savefig('plot.png')): they are handed to the reader as files. Each "
        "run starts fresh; nothing persists between runs. The reader may have to approve each "
        "run first."
    ),
    input_schema={
        "type": "object",
        "properties": {
            "language": {"type": "string", "enum": list(LANGUAGES)},
            "code": {"type": "string", "description": "The complete program to run."},
        },
        "required": ["language", "code"],
    },
)


@dataclass(frozen=True, slots=True)
class CodeRequest:
    language: str
    code: str


def code_request(data: dict[str, Any]) -> CodeRequest | str:
    """The call's input, or what is wrong with it (sent back to the model)."""
    language, code = data.get("language"), data.get("code")
    if not isinstance(code, str) or not code.strip():
        return "`code` is required: the complete program to run."
    try:
        # the sandbox's own names, so "py" or "node" from a model work as they do everywhere
        return CodeRequest(parse_language(language if isinstance(language, str) else ""), code)
    except UnsupportedLanguage:
        return f"`language` must be one of {', '.join(LANGUAGES)}."


def file_url(execution_id: str, file_id: str) -> str:
    return f"/api/executions/{execution_id}/files/{file_id}"


def execution_out(row: Execution, files: list[ExecutionFile]) -> ExecutionOut:
    return ExecutionOut(
        id=row.id,
        language=row.language,
        status=row.status,
        exit_code=row.exit_code,
        stdout=row.stdout,
        stderr=row.stderr,
        stdout_truncated=row.stdout_truncated,
        stderr_truncated=row.stderr_truncated,
        duration_ms=row.duration_ms,
        files=[
            ExecutionFileOut(
                id=f.id,
                name=f.name,
                mime_type=f.mime_type,
                size=f.size,
                url=file_url(row.id, f.id),
                inline_image=f.mime_type in INLINE_IMAGE_TYPES,
                file_id=f.file_id,
            )
            for f in files
        ],
        artifact_version=row.artifact_version,
        created_at=row.created_at,
    )


async def store_execution(
    db: Database,
    *,
    conversation_id: str,
    language: str,
    code: str,
    result: ExecutionResult | None,
    unavailable: str | None = None,
    artifact_id: str | None = None,
    artifact_version: int | None = None,
    message_id: str | None = None,
    tool_call_id: str | None = None,
    outputs: OutputStore | None = None,
) -> ExecutionOut:
    """Record a run. With `outputs`, the files it wrote become files of the conversation (in the
    blob store, each a File row the person can attach and download); without, their bytes stay
    on the execution's record."""
    status: ExecutionStatus = result.status if result is not None else "unavailable"
    written = list(result.files) if result else []
    if outputs is not None and written:
        await asyncio.to_thread(_put_outputs, outputs.storage, written)

    def store(session: Session) -> ExecutionOut:
        row = Execution(
            id=new_id(),
            conversation_id=conversation_id,
            artifact_id=artifact_id,
            artifact_version=artifact_version,
            message_id=message_id,
            tool_call_id=tool_call_id,
            language=language,
            code=code,
            status=status,
            exit_code=result.exit_code if result else None,
            stdout=result.stdout if result else "",
            stderr=result.stderr if result else (unavailable or ""),
            stdout_truncated=result.stdout_truncated if result else False,
            stderr_truncated=result.stderr_truncated if result else False,
            duration_ms=result.duration_ms if result else 0,
            created_at=utcnow(),
        )
        session.add(row)
        files = []
        for output in written:
            file_id = None
            if outputs is not None:
                file_id = _generated_file(session, outputs, conversation_id, output)
            files.append(
                ExecutionFile(
                    id=new_id(),
                    execution_id=row.id,
                    name=output.name,
                    mime_type=output.mime_type,
                    size=output.size,
                    file_id=file_id,
                    data=None if file_id is not None else output.data,
                )
            )
        session.add_all(files)
        return execution_out(row, files)

    return await db.run_write(store)


@dataclass(frozen=True, slots=True)
class OutputStore:
    """Where a conversation's generated files go: the blob store, owned by `user_id`."""

    storage: BlobStore
    user_id: str


def _put_outputs(storage: BlobStore, written: list[OutputFile]) -> None:
    staging = storage.staging_dir()
    for output in written:
        sha = hashlib.sha256(output.data).hexdigest()
        if storage.exists(sha):
            continue
        descriptor, name = tempfile.mkstemp(prefix="output-", dir=staging)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(output.data)
        storage.put_file(sha, Path(name))


def _generated_file(
    session: Session, outputs: OutputStore, conversation_id: str, output: OutputFile
) -> str | None:
    sha = hashlib.sha256(output.data).hexdigest()
    lock_content(session, sha)
    if not outputs.storage.exists(sha):
        return None  # removed meanwhile: the bytes stay on the execution record instead
    found = detect_bytes(output.data, output.name)
    text = None
    if found.encoding is not None and found.refusal is None:
        text = output.data.decode(found.encoding, errors="replace")[:GENERATED_TEXT_CHARS]
    row = File(
        id=new_id(),
        user_id=outputs.user_id,
        conversation_id=conversation_id,
        name=output.name.rsplit("/", 1)[-1][:255] or "file",
        media_type=found.media_type,
        kind=found.kind,
        size=output.size,
        sha256=sha,
        origin="generated",
        # read by the worker (thumbnails, model copies, document text) when first attached
        processed=text is not None,
        text=text,
        text_chars=len(text) if text is not None else None,
        text_truncated=text is not None and len(text) < len(output.data),
        token_estimate=len(text) // 4 if text is not None else 0,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row.id


def summary_for_model(execution: ExecutionOut) -> str:
    """The result as the model reads it: status, output (capped) and the files it made."""
    if execution.status == "unavailable":
        return f"Code execution is not available on this server: {execution.stderr}"
    lines = []
    if execution.status == "timeout":
        lines.append(
            f"The program was stopped after {execution.duration_ms / 1000:.1f} s (timeout)."
        )
    else:
        lines.append(f"Exit code: {execution.exit_code}")
    budget = MAX_RESULT_CHARS
    for name, text in (("stdout", execution.stdout), ("stderr", execution.stderr)):
        if text:
            shown = text[:budget]
            budget -= len(shown)
            cut = " [cut short]" if len(shown) < len(text) else ""
            lines.append(f"{name}:\n{shown}{cut}")
    if execution.files:
        names = ", ".join(f"{f.name} ({f.mime_type}, {f.size} bytes)" for f in execution.files)
        lines.append(f"Files written (shown to the reader): {names}")
    return "\n".join(lines)
