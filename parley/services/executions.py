"""Running a code artifact in the sandbox, its execution history and the files runs leave."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.agent.code_tool import OutputStore, execution_out, store_execution
from parley.db.models import Conversation, Execution, ExecutionFile, File
from parley.sandbox import ExecutionResult, SandboxUnavailable, UnsupportedLanguage
from parley.sandbox.languages import parse_language
from parley.schemas.executions import LANGUAGES, ExecuteArtifact, ExecutionOut, SandboxLimitsOut
from parley.services.artifacts import get_artifact
from parley.services.attachments import conversation_inputs
from parley.services.context import AppContext
from parley.services.errors import DomainError, InvalidInput, NotFound


class SandboxRefused(DomainError):
    """Code cannot run on this server at all (503); the message says why."""


class ExecutionFileNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("File not found.")


def sandbox_limits(ctx: AppContext) -> SandboxLimitsOut:
    limits = ctx.sandbox.limits
    return SandboxLimitsOut(
        timeout_seconds=limits.timeout_seconds,
        max_timeout_seconds=ctx.sandbox.max_timeout_seconds,
        memory_mb=limits.memory_mb,
        max_processes=limits.max_processes,
        max_output_bytes=limits.max_output_bytes,
    )


def runnable_language(language: str | None) -> str:
    try:
        return parse_language(language or "")
    except UnsupportedLanguage as error:
        shown = language or "no language"
        raise InvalidInput(
            f"Parley can run {', '.join(LANGUAGES)} code; this artifact is {shown}."
        ) from error


def _frame(event: str, data: bytes) -> bytes:
    return b"event: " + event.encode() + b"\ndata: " + data + b"\n\n"


async def execute_artifact(
    ctx: AppContext, user_id: str, artifact_id: str, data: ExecuteArtifact
) -> AsyncIterator[bytes]:
    """Checks everything before the first byte, then streams `output` frames live and one
    `result` frame. The run and its record finish even if the reader goes away."""
    artifact = await get_artifact(ctx, user_id, artifact_id)
    if artifact.type != "code":
        raise InvalidInput(
            f"Only code artifacts can be run; this one is {artifact.type}. Its preview shows it."
        )
    language = runnable_language(artifact.language)
    if (reason := await asyncio.to_thread(ctx.sandbox.check)) is not None:
        raise SandboxRefused(reason)
    if data.timeout_seconds is not None and data.timeout_seconds > ctx.sandbox.max_timeout_seconds:
        raise InvalidInput(
            f"timeout_seconds may be at most {ctx.sandbox.max_timeout_seconds:g} on this server."
        )
    inputs = await conversation_inputs(ctx, user_id, artifact.conversation_id)
    queue: asyncio.Queue[bytes | None] = asyncio.Queue()

    def on_output(stream: str, text: str) -> None:
        queue.put_nowait(_frame("output", orjson.dumps({"stream": stream, "text": text})))

    async def run() -> ExecutionOut:
        result: ExecutionResult | None = None
        refusal: str | None = None
        try:
            result = await ctx.sandbox.run(
                language,
                artifact.content,
                timeout_seconds=data.timeout_seconds,
                on_output=on_output,
                inputs=inputs,
            )
        except (SandboxUnavailable, UnsupportedLanguage) as error:
            refusal = str(error)
        return await store_execution(
            ctx.db,
            conversation_id=artifact.conversation_id,
            language=language,
            code=artifact.content,
            result=result,
            unavailable=refusal,
            artifact_id=artifact.id,
            artifact_version=artifact.version,
            outputs=OutputStore(ctx.storage, user_id),
        )

    task = asyncio.ensure_future(run())
    task.add_done_callback(lambda _t: queue.put_nowait(None))
    return _stream(queue, task)


async def _stream(
    queue: asyncio.Queue[bytes | None], task: asyncio.Future[ExecutionOut]
) -> AsyncIterator[bytes]:
    try:
        while (frame := await queue.get()) is not None:
            yield frame
        yield _frame("result", task.result().model_dump_json().encode())
    finally:
        if not task.done():
            # the reader left: let the run finish and be recorded, but not hold this generator
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(task)


async def list_executions(ctx: AppContext, user_id: str, artifact_id: str) -> list[ExecutionOut]:
    await get_artifact(ctx, user_id, artifact_id)
    async with ctx.db.read() as session:
        rows = list(
            await session.scalars(
                select(Execution)
                .where(Execution.artifact_id == artifact_id)
                .order_by(Execution.created_at.desc())
                .limit(50)
            )
        )
        files = await session.scalars(
            select(ExecutionFile).where(ExecutionFile.execution_id.in_([r.id for r in rows]))
        )
        by_execution: dict[str, list[ExecutionFile]] = {}
        for file in files:
            by_execution.setdefault(file.execution_id, []).append(file)
    return [execution_out(row, by_execution.get(row.id, [])) for row in rows]


async def execution_file(
    ctx: AppContext, user_id: str, execution_id: str, file_id: str
) -> tuple[ExecutionFile, str | None]:
    """The output file and, when its bytes are in the blob store, their key."""

    def find(session: Session) -> tuple[ExecutionFile, str | None]:
        found = session.execute(
            select(ExecutionFile, File.sha256)
            .join(Execution, Execution.id == ExecutionFile.execution_id)
            .join(Conversation, Conversation.id == Execution.conversation_id)
            .outerjoin(File, File.id == ExecutionFile.file_id)
            .where(
                ExecutionFile.id == file_id,
                Execution.id == execution_id,
                Conversation.user_id == user_id,
                Conversation.deleted_at.is_(None),
            )
        ).first()
        if found is None:
            raise ExecutionFileNotFound()
        file, sha256 = found
        if sha256 is None and file.data is None:
            raise ExecutionFileNotFound()  # the conversation file it became was deleted
        return file, sha256

    async with ctx.db.read() as session:
        return await session.run_sync(find)
