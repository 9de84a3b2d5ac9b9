"""Files on messages: attaching them to a turn, and what each model and the sandbox get of them.

A model gets each attachment in the form it can take: images as images for models with vision
(the copy sized for models, made at upload), PDFs as documents for models that read them
(Claude), and the text extracted at upload for everything else, cut to fit its context window.
Every attachment also gets a line naming it and its path in the sandbox, so that code can open it.
"""

from __future__ import annotations

import asyncio
import html
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from parley.db.models import Conversation, File, Message
from parley.documents import estimate_tokens, read_file
from parley.providers.base import Attachment, ModelInfo
from parley.sandbox import SandboxInput
from parley.sandbox.languages import UPLOADS_DIR
from parley.services.context import AppContext
from parley.services.conversations import in_live_conversation
from parley.services.errors import InvalidInput
from parley.services.files import MODEL_SUFFIX, PREVIEW_SUFFIX, FileNotFound, read_limits
from parley.storage import BlobMissing, BlobStore

# Anthropic's limits for a PDF sent as a document: 100 pages, 32 MB per request
NATIVE_PDF_PAGES = 100
NATIVE_PDF_BYTES = 32 * 1024 * 1024
# of the context window, what attachments' text may take at most (the rest: history, answer)
TEXT_SHARE = 0.6


def attachment_part(row: File) -> dict[str, Any]:
    return {
        "type": "attachment",
        "file_id": row.id,
        "name": row.name,
        "media_type": row.media_type,
        "kind": row.kind,
        "size": row.size,
        "width": row.width,
        "height": row.height,
        "pages": row.pages,
        "has_preview": row.has_preview,
        "token_estimate": row.token_estimate,
    }


def check_attachments(ctx: AppContext, ids: list[str]) -> list[str]:
    """The ids in order, once each, within the per-message cap."""
    unique = list(dict.fromkeys(ids))
    cap = ctx.settings.attachments_per_message
    if len(unique) > cap:
        raise InvalidInput(
            f"A message can carry at most {cap} files; this one has {len(unique)}. Send the "
            "rest in another message."
        )
    return unique


async def prepare_attachments(ctx: AppContext, user_id: str, ids: list[str]) -> None:
    """Before the turn's transaction: every id is the caller's, and files code made (read lazily)
    have their text and thumbnails now."""
    if not ids:
        return
    async with ctx.db.read() as session:
        rows = list(
            await session.scalars(
                select(File).where(
                    File.id.in_(ids),
                    File.user_id == user_id,
                    in_live_conversation(File.conversation_id),
                )
            )
        )
    if len(rows) != len(ids):
        raise FileNotFound()
    for row in rows:
        if not row.processed:
            await _process_generated(ctx, row)


async def _process_generated(ctx: AppContext, row: File) -> None:
    """Read a file sandboxed code wrote, as an upload is read; it is refused the same way."""
    with tempfile.TemporaryDirectory(prefix="read-", dir=ctx.storage.staging_dir()) as tmp:
        source = Path(tmp) / "source"
        try:
            await asyncio.to_thread(ctx.storage.copy_to, row.sha256, source)
        except BlobMissing as error:
            raise FileNotFound() from error
        out_dir = Path(tmp) / "out"
        out_dir.mkdir()
        outcome = await read_file(source, row.name, out_dir, read_limits(ctx.settings))
        if outcome.refusal is not None:
            raise InvalidInput(outcome.refusal)
        text_path = out_dir / "text"
        text = text_path.read_text(encoding="utf-8") if text_path.exists() else None
        blobs = [
            (row.sha256 + suffix, out_dir / name)
            for suffix, name in ((PREVIEW_SUFFIX, "preview.webp"), (MODEL_SUFFIX, "model.bin"))
            if (out_dir / name).exists()
        ]
        for key, path in blobs:
            await asyncio.to_thread(ctx.storage.put_file, key, path)

    def update(session: Session) -> None:
        stored = session.get(File, row.id)
        if stored is None:
            return
        stored.kind, stored.media_type = outcome.kind, outcome.media_type
        stored.width, stored.height, stored.pages = outcome.width, outcome.height, outcome.pages
        stored.text, stored.text_chars = text, outcome.text_chars
        stored.text_truncated = outcome.text_truncated
        stored.has_preview, stored.model_media_type = outcome.has_preview, outcome.model_media_type
        stored.token_estimate = estimate_tokens(outcome)
        stored.processed = True

    await ctx.db.run_write(update)


def attach_files(
    session: Session, user_id: str, conversation: Conversation, ids: list[str]
) -> list[dict[str, Any]]:
    """Inside the turn's transaction: the attachment parts, in the order given. A file not yet in
    a conversation becomes this one's."""
    if not ids:
        return []
    rows = {
        row.id: row
        for row in session.scalars(
            select(File).where(
                File.id.in_(ids),
                File.user_id == user_id,
                in_live_conversation(File.conversation_id),
            )
        )
    }
    parts = []
    for file_id in ids:
        row = rows.get(file_id)
        if row is None:
            raise FileNotFound()
        if row.conversation_id is None:
            row.conversation_id = conversation.id
        parts.append(attachment_part(row))
    return parts


def sandbox_names(parts: Iterable[dict[str, Any]]) -> dict[str, str]:
    """file id → its name under UPLOADS_DIR: the name it was uploaded with, made unique in the
    order the files were attached ("data.csv", "data (2).csv")."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for part in parts:
        if part["file_id"] in names:
            continue
        name = part["name"]
        stem, suffix = PurePosixPath(name).stem, PurePosixPath(name).suffix
        count = 1
        while name.lower() in taken:
            count += 1
            name = f"{stem} ({count}){suffix}"
        taken.add(name.lower())
        names[part["file_id"]] = name
    return names


@dataclass(frozen=True, slots=True)
class TurnFiles:
    """What a turn's history needs of its attachments: per message, the provider's attachments;
    and the files to show the sandbox."""

    by_message: dict[str, tuple[Attachment, ...]]
    sandbox_inputs: tuple[SandboxInput, ...]


async def files_for_turn(
    ctx: AppContext,
    user_id: str,
    chain: list[Any],
    info: ModelInfo | None,
    max_tokens: int,
) -> TurnFiles:
    """`chain`: the branch's messages, oldest first. Costs nothing when none has attachments."""
    parts_by_message = {
        message.id: [p for p in message.parts if p.get("type") == "attachment"]
        for message in chain
        if message.role == "user"
    }
    every = [part for parts in parts_by_message.values() for part in parts]
    if not every:
        return TurnFiles({}, ())
    ids = list(dict.fromkeys(part["file_id"] for part in every))
    async with ctx.db.read() as session:
        rows = {
            row.id: row
            for row in await session.scalars(
                select(File)
                .where(File.id.in_(ids), File.user_id == user_id)
                .options(undefer(File.text))
            )
        }
    names = sandbox_names(part for part in every if part["file_id"] in rows)
    budget = _text_budget(info, max_tokens)
    vision = info is not None and info.vision
    pdf_budget = NATIVE_PDF_BYTES if info is not None and info.pdf else 0
    by_message: dict[str, tuple[Attachment, ...]] = {}
    # the newest files get the room first: they are what the person is asking about
    for message_id in reversed(list(parts_by_message)):
        made = []
        for part in parts_by_message[message_id]:
            row = rows.get(part["file_id"])
            if row is None:
                made.append(Attachment(part["name"], text=_deleted_note(part["name"])))
                continue
            attachment, used_chars, used_pdf = await _model_input(
                ctx.storage, row, names[row.id], vision, pdf_budget, budget
            )
            budget -= used_chars
            pdf_budget -= used_pdf
            made.append(attachment)
        by_message[message_id] = tuple(made)
    inputs = tuple(
        (names[file_id], _writer(ctx.storage, rows[file_id].sha256)) for file_id in names
    )
    return TurnFiles(by_message, inputs)


def _writer(storage: BlobStore, key: str) -> Callable[[Path], None]:
    return lambda destination: storage.copy_to(key, destination)


def _text_budget(info: ModelInfo | None, max_tokens: int) -> int:
    if info is None:
        return 200_000
    room = max(1_000, int((info.context_window - max_tokens) * TEXT_SHARE))
    return room * 3  # characters: about 3-4 per token


def _header(row: File, path: str) -> str:
    return (
        f'<file name="{html.escape(row.name)}" type="{row.media_type}" '
        f'size="{row.size}" path="{path}">'
    )


def _deleted_note(name: str) -> str:
    return f"[The file “{name}” was attached here but has since been deleted.]"


async def _model_input(
    storage: BlobStore, row: File, name: str, vision: bool, pdf_budget: int, budget: int
) -> tuple[Attachment, int, int]:
    """The attachment for this model, the characters of text it takes and the PDF bytes."""
    path = f"{UPLOADS_DIR}/{name}"
    if row.kind == "image":
        if not vision:
            note = (
                f"[The person attached the image “{row.name}” ({row.width}×{row.height}). This "
                f"model cannot see images, so it gets only this note. Code can open it at {path}.]"
            )
            return Attachment(row.name, text=note), 0, 0
        try:
            image = await asyncio.to_thread(storage.read, row.sha256 + MODEL_SUFFIX)
        except BlobMissing:
            return Attachment(row.name, text=_deleted_note(row.name)), 0, 0
        caption = f"[Image “{row.name}”, also at {path} for code.]"
        return (
            Attachment(row.name, text=caption, image=image, image_media_type=row.model_media_type),
            0,
            0,
        )
    if row.kind == "pdf" and row.size <= pdf_budget and (row.pages or 0) <= NATIVE_PDF_PAGES:
        try:
            document = await asyncio.to_thread(storage.read, row.sha256)
        except BlobMissing:
            return Attachment(row.name, text=_deleted_note(row.name)), 0, 0
        caption = f"[PDF “{row.name}” ({row.pages} pages), also at {path} for code.]"
        return Attachment(row.name, text=caption, pdf=document), 0, row.size
    if row.text is None:
        note = (
            f"[The person attached “{row.name}” ({row.media_type}, {row.size:,} bytes), which "
            f"has no text to read. Code can open it at {path}.]"
        )
        return Attachment(row.name, text=note), 0, 0
    text = row.text
    notes = []
    if row.text_truncated:
        notes.append(f"[The file is longer: only its first {len(text):,} characters were kept.]")
    if len(text) > max(budget, 0):
        shown = max(budget, 0)
        text = text[:shown]
        notes.append(
            f"[Cut here to fit the model's context: {shown:,} of {len(row.text):,} characters "
            f"shown. Code can read the whole file at {path}.]"
        )
    body = "\n".join([_header(row, path), text, *notes, "</file>"])
    return Attachment(row.name, text=body), len(text), 0


async def conversation_inputs(
    ctx: AppContext, user_id: str, conversation_id: str
) -> tuple[SandboxInput, ...]:
    """Every file attached anywhere in the conversation, for code run from its artifacts."""
    async with ctx.db.read() as session:
        messages = await session.scalars(
            select(Message.parts)
            .where(Message.conversation_id == conversation_id, Message.role == "user")
            .order_by(Message.created_at)
        )
        parts = [p for message in messages for p in message if p.get("type") == "attachment"]
        if not parts:
            return ()
        ids = list(dict.fromkeys(p["file_id"] for p in parts))
        rows = dict(
            (
                await session.execute(
                    select(File.id, File.sha256).where(File.id.in_(ids), File.user_id == user_id)
                )
            )
            .tuples()
            .all()
        )
    names = sandbox_names(p for p in parts if p["file_id"] in rows)
    return tuple((names[i], _writer(ctx.storage, rows[i])) for i in names)
