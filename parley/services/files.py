"""Files people upload and code makes: storing them once by content, reading them, deleting them.

The bytes sit in the blob store under their SHA-256; every upload is its own row (its own name,
owner and conversation) pointing at them. A blob goes when the last row pointing at it does:
both the insert and the delete take a per-content lock (PostgreSQL advisory lock; SQLite's single
writer serialises them anyway), so an upload and a deletion of the same content cannot cross.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, undefer

from parley.config import Settings
from parley.db.locks import lock_content
from parley.db.models import File, new_id, utcnow
from parley.documents import Outcome, ReadLimits, estimate_tokens, language_for, read_file
from parley.schemas.files import FileLimits, FileOut, FileText
from parley.services.context import AppContext
from parley.services.conversations import in_live_conversation, owned_conversation
from parley.services.cursors import decode_cursor, encode_cursor
from parley.services.errors import Conflict, InvalidInput, NotFound, TooLarge
from parley.storage import BlobStore

log = logging.getLogger("parley.files")

PREVIEW_SUFFIX = ".preview.webp"
MODEL_SUFFIX = ".model"
# blobs nothing points at (a deleted conversation's files) are swept once this old
ORPHAN_GRACE = timedelta(hours=1)


class FileNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("File not found.")


class FileRefused(InvalidInput):
    """The file's content is not accepted; the message says what it is and why."""


@dataclass(frozen=True, slots=True)
class ReceivedUpload:
    """An upload streamed to the store's staging directory, not yet looked at."""

    path: Path
    name: str
    size: int
    sha256: str


def read_limits(settings: Settings) -> ReadLimits:
    return ReadLimits(
        max_pixels=settings.image_max_pixels,
        max_pages=settings.pdf_max_pages,
        max_text_chars=settings.file_text_max_chars,
        seconds=settings.file_processing_seconds,
        memory_mb=settings.file_processing_memory_mb,
    )


def file_out(row: File) -> FileOut:
    return FileOut(
        id=row.id,
        name=row.name,
        media_type=row.media_type,
        size=row.size,
        kind=row.kind,
        sha256=row.sha256,
        origin=row.origin,
        conversation_id=row.conversation_id,
        width=row.width,
        height=row.height,
        pages=row.pages,
        text_chars=row.text_chars,
        text_truncated=row.text_truncated,
        token_estimate=row.token_estimate,
        has_preview=row.has_preview,
        content_url=f"/api/files/{row.id}/content",
        preview_url=f"/api/files/{row.id}/preview" if row.has_preview else None,
        created_at=row.created_at,
    )


def _used_bytes(session: Session, user_id: str) -> int:
    return int(
        session.scalar(select(func.coalesce(func.sum(File.size), 0)).where(File.user_id == user_id))
        or 0
    )


def check_quota(session: Session, settings: Settings, user_id: str, adding: int) -> None:
    quota = settings.storage_quota_mb * 1024 * 1024
    used = _used_bytes(session, user_id)
    if used + adding > quota:
        raise TooLarge(
            f"Your files would take {_megabytes(used + adding)} of your "
            f"{_megabytes(quota)} of storage. Delete some files or conversations first."
        )


async def file_limits(ctx: AppContext, user_id: str) -> FileLimits:
    async with ctx.db.read() as session:
        used = await session.run_sync(_used_bytes, user_id)
    return FileLimits(
        upload_max_bytes=ctx.settings.upload_max_mb * 1024 * 1024,
        attachments_per_message=ctx.settings.attachments_per_message,
        storage_quota_bytes=ctx.settings.storage_quota_mb * 1024 * 1024,
        storage_used_bytes=used,
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


async def store_upload(ctx: AppContext, user_id: str, received: ReceivedUpload) -> File:
    """Read the upload in a worker (type, text, thumbnails), then keep it. Whatever goes wrong,
    nothing is left in staging."""
    out_dir = Path(tempfile.mkdtemp(prefix="read-", dir=received.path.parent))
    try:
        async with ctx.db.read() as session:
            await session.run_sync(check_quota, ctx.settings, user_id, received.size)
        outcome = await read_file(received.path, received.name, out_dir, read_limits(ctx.settings))
        if outcome.refusal is not None:
            raise FileRefused(outcome.refusal)
        row = _row_from(outcome, out_dir, user_id, received)
        blobs = [(received.sha256, received.path)]
        if (out_dir / "preview.webp").exists():
            blobs.append((received.sha256 + PREVIEW_SUFFIX, out_dir / "preview.webp"))
        if (out_dir / "model.bin").exists():
            blobs.append((received.sha256 + MODEL_SUFFIX, out_dir / "model.bin"))
        await asyncio.to_thread(_put_all, ctx.storage, blobs)
        return await ctx.db.run_write(lambda session: _insert(session, ctx, row))
    finally:
        received.path.unlink(missing_ok=True)
        shutil.rmtree(out_dir, ignore_errors=True)


def _row_from(outcome: Outcome, out_dir: Path, user_id: str, received: ReceivedUpload) -> File:
    text_path = out_dir / "text"
    extracted = text_path.read_text(encoding="utf-8") if text_path.exists() else None
    return File(
        id=new_id(),
        user_id=user_id,
        name=received.name,
        media_type=outcome.media_type,
        kind=outcome.kind,
        size=received.size,
        sha256=received.sha256,
        origin="upload",
        processed=True,
        width=outcome.width,
        height=outcome.height,
        pages=outcome.pages,
        text=extracted,
        text_chars=outcome.text_chars,
        text_truncated=outcome.text_truncated,
        token_estimate=estimate_tokens(outcome),
        has_preview=outcome.has_preview,
        model_media_type=outcome.model_media_type,
        created_at=utcnow(),
    )


def _put_all(storage: BlobStore, blobs: list[tuple[str, Path]]) -> None:
    for key, path in blobs:
        storage.put_file(key, path)


def _insert(session: Session, ctx: AppContext, row: File) -> File:
    lock_content(session, row.sha256)
    check_quota(session, ctx.settings, row.user_id, row.size)
    if not ctx.storage.exists(row.sha256):
        # the last other copy was deleted between storing the bytes and this transaction
        raise Conflict("The upload crossed a deletion of the same file; upload it again.")
    session.add(row)
    session.flush()
    return row


def owned_file(session: Session, user_id: str, file_id: str, *, with_text: bool = False) -> File:
    query = select(File).where(
        File.id == file_id, File.user_id == user_id, in_live_conversation(File.conversation_id)
    )
    if with_text:
        query = query.options(undefer(File.text))
    row = session.scalar(query)
    if row is None:
        raise FileNotFound()
    return row


async def get_file(ctx: AppContext, user_id: str, file_id: str, *, with_text: bool = False) -> File:
    async with ctx.db.read() as session:
        return await session.run_sync(
            lambda s: owned_file(s, user_id, file_id, with_text=with_text)
        )


async def list_files(
    ctx: AppContext, user_id: str, *, limit: int, before: str | None
) -> tuple[list[File], str | None]:
    query = select(File).where(File.user_id == user_id, in_live_conversation(File.conversation_id))
    if before is not None:
        when, file_id = decode_cursor(before)
        query = query.where(
            or_(File.created_at < when, (File.created_at == when) & (File.id < file_id))
        )
    query = query.order_by(File.created_at.desc(), File.id.desc()).limit(limit + 1)
    async with ctx.db.read() as session:
        rows = list(await session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode_cursor(rows[-1].created_at, rows[-1].id) if more and rows else None)


async def list_conversation_files(
    ctx: AppContext, user_id: str, conversation_id: str
) -> list[File]:
    async with ctx.db.read() as session:
        await session.run_sync(owned_conversation, user_id, conversation_id)
        rows = await session.scalars(
            select(File)
            .where(File.conversation_id == conversation_id, File.user_id == user_id)
            .order_by(File.created_at, File.id)
        )
        return list(rows)


def preview_key(row: File) -> str:
    if not row.has_preview:
        raise NotFound("This file has no preview.")
    return row.sha256 + PREVIEW_SUFFIX


def file_text(row: File) -> FileText:
    if row.text is None:
        raise NotFound("This file has no text: it is an image or data models cannot read as text.")
    return FileText(
        id=row.id,
        name=row.name,
        text=row.text,
        truncated=row.text_truncated,
        language=language_for(row.name),
    )


def blob_keys(sha256: str) -> tuple[str, ...]:
    return (sha256, sha256 + PREVIEW_SUFFIX, sha256 + MODEL_SUFFIX)


def drop_unreferenced(session: Session, storage: BlobStore, sha256: str) -> bool:
    """Inside a transaction that holds lock_content: remove the blobs if no row needs them."""
    if session.scalar(select(File.id).where(File.sha256 == sha256).limit(1)) is not None:
        return False
    for key in blob_keys(sha256):
        storage.delete(key)
    return True


async def delete_file(ctx: AppContext, user_id: str, file_id: str) -> None:
    def delete(session: Session) -> None:
        row = owned_file(session, user_id, file_id)
        lock_content(session, row.sha256)
        session.delete(row)
        session.flush()
        drop_unreferenced(session, ctx.storage, row.sha256)

    await ctx.db.run_write(delete)


async def sweep_orphans(ctx: AppContext) -> int:
    """Remove blobs that no file row points at any more (files that went with a conversation or
    an account) once they are older than ORPHAN_GRACE. Returns how many contents went."""
    cutoff = datetime.now(UTC) - ORPHAN_GRACE
    keys = await asyncio.to_thread(lambda: list(ctx.storage.list_keys()))
    candidates = sorted({key[:64] for key, modified in keys if modified < cutoff})
    removed = 0
    for start in range(0, len(candidates), 500):
        batch = candidates[start : start + 500]
        async with ctx.db.read() as session:
            used = set(await session.scalars(select(File.sha256).where(File.sha256.in_(batch))))
        for sha in batch:
            if sha in used:
                continue

            def drop(session: Session, sha: str = sha) -> bool:
                lock_content(session, sha)
                return drop_unreferenced(session, ctx.storage, sha)

            removed += await ctx.db.run_write(drop)
    if removed:
        log.info("removed %d stored file(s) that nothing refers to any more", removed)
    return removed


async def sweep_orphans_forever(ctx: AppContext, every_seconds: float = 3600.0) -> None:
    await asyncio.sleep(60)  # not during start-up
    while True:
        try:
            await sweep_orphans(ctx)
        except Exception:  # a failed round (store or database down) must not end sweeping
            log.exception("Sweeping unreferenced stored files failed")
        await asyncio.sleep(every_seconds)
