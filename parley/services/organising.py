"""Organising conversations: several at once, copies of a branch, and the end of the undo window."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from parley.db.locks import lock_content
from parley.db.models import Artifact, ArtifactVersion, Conversation, File, Message, new_id, utcnow
from parley.schemas.conversations import BulkAction
from parley.services.attachments import attachment_part
from parley.services.context import AppContext
from parley.services.conversations import (
    cancel_runs,
    owned_conversation,
    owned_project_id,
    remove_conversation,
    running_runs,
    undo_cutoff,
)
from parley.services.errors import ConversationNotFound, MessageNotFound
from parley.services.files import check_quota

log = logging.getLogger("parley.conversations")


async def apply_bulk(ctx: AppContext, user_id: str, action: BulkAction) -> list[str]:
    """All of them or none: one unknown, deleted or foreign id and nothing changes."""
    ids = list(dict.fromkeys(action.ids))

    def apply(session: Session) -> list[str]:
        found = {
            c.id: c
            for c in session.scalars(
                select(Conversation).where(
                    Conversation.id.in_(ids),
                    Conversation.user_id == user_id,
                    Conversation.deleted_at.is_(None),
                )
            )
        }
        if len(found) != len(ids):
            raise ConversationNotFound()
        if action.action == "move" and action.project_id is not None:
            owned_project_id(session, user_id, action.project_id)
        now = utcnow()
        for conversation in found.values():
            if action.action == "delete":
                conversation.deleted_at = now
            elif action.action == "archive":
                conversation.archived = True
            elif action.action == "unarchive":
                conversation.archived = False
            else:
                conversation.project_id = action.project_id
        return running_runs(session, ids) if action.action == "delete" else []

    await cancel_runs(ctx, await ctx.db.run_write(apply))
    return ids


async def purge_deleted(ctx: AppContext, now: datetime | None = None) -> int:
    """Remove for good the conversations deleted longer ago than the undo window."""
    cutoff = undo_cutoff(ctx, now)

    def purge(session: Session) -> int:
        expired = list(
            session.scalars(
                select(Conversation)
                .where(Conversation.deleted_at < cutoff)
                .limit(200)
                # two replicas purging at once take different rows (ignored on SQLite)
                .with_for_update(skip_locked=True)
            )
        )
        for conversation in expired:
            remove_conversation(session, conversation)
        return len(expired)

    removed = 0
    while batch := await ctx.db.run_write(purge):
        removed += batch
    if removed:
        log.info("removed %d deleted conversation(s) whose undo window had passed", removed)
    return removed


async def purge_deleted_forever(ctx: AppContext) -> None:
    # often enough that a conversation outlives its window by a fraction of it, at most 10 s
    every = min(max(ctx.settings.undo_seconds / 3, 0.1), 10.0)
    while True:
        try:
            await purge_deleted(ctx)
        except Exception:  # a failed round (database down) must not end purging
            log.exception("Removing deleted conversations failed")
        await asyncio.sleep(every)


def _branch(session: Session, conversation_id: str, leaf_id: str | None) -> list[Message]:
    """The path from the root to the leaf (by default the newest message with no replies)."""
    rows = list(session.scalars(select(Message).where(Message.conversation_id == conversation_id)))
    tree = {m.id: m for m in rows}
    if leaf_id is None:
        parents = {m.parent_id for m in rows}
        leaves = [m for m in rows if m.id not in parents]
        leaf = max(leaves, key=lambda m: (m.created_at, m.id), default=None)
    else:
        leaf = tree.get(leaf_id)
        if leaf is None:
            raise MessageNotFound()
    path: list[Message] = []
    while leaf is not None:
        path.append(leaf)
        leaf = tree.get(leaf.parent_id) if leaf.parent_id else None
    return path[::-1]


def _copy_files(
    session: Session, ctx: AppContext, user_id: str, copy: Conversation, ids: list[str]
) -> dict[str, File]:
    """New rows for the same bytes, owned by the copy: deleting either conversation then leaves
    the other's attachments whole. They count towards storage like any upload."""
    originals = list(
        session.scalars(
            select(File)
            .where(File.id.in_(ids), File.user_id == user_id)
            .options(undefer(File.text))
        )
    )
    check_quota(session, ctx.settings, user_id, sum(f.size for f in originals))
    copies: dict[str, File] = {}
    skip = {"id", "conversation_id", "created_at"}
    for original in originals:
        lock_content(session, original.sha256)
        values = {
            c.key: getattr(original, c.key)
            for c in File.__mapper__.column_attrs
            if c.key not in skip
        }
        copies[original.id] = File(
            id=new_id(), conversation_id=copy.id, created_at=utcnow(), **values
        )
        session.add(copies[original.id])
    return copies


def _copy_artifacts(
    session: Session, source_id: str, copy: Conversation, path: list[Message], ids: dict[str, str]
) -> dict[str, str]:
    """Each artifact the branch shows, with its versions up to the newest the branch refers to."""
    newest: dict[str, int] = {}
    for message in path:
        for part in message.parts:
            if part.get("type") == "artifact_ref" and part.get("version"):
                key = part["artifact_id"]
                newest[key] = max(newest.get(key, 0), int(part["version"]))
    artifact_ids: dict[str, str] = {}
    if not newest:
        return artifact_ids
    artifacts = session.scalars(
        select(Artifact).where(Artifact.id.in_(list(newest)), Artifact.conversation_id == source_id)
    )
    for artifact in artifacts:
        versions = list(
            session.scalars(
                select(ArtifactVersion)
                .where(
                    ArtifactVersion.artifact_id == artifact.id,
                    ArtifactVersion.version <= newest[artifact.id],
                )
                .order_by(ArtifactVersion.version)
            )
        )
        if not versions:
            continue
        last = versions[-1]
        clone = Artifact(
            id=new_id(),
            conversation_id=copy.id,
            identifier=artifact.identifier,
            type=last.type,
            title=last.title,
            language=last.language,
            version=last.version,
            content=last.content,
        )
        session.add(clone)
        session.flush()
        artifact_ids[artifact.id] = clone.id
        for version in versions:
            session.add(
                ArtifactVersion(
                    artifact_id=clone.id,
                    version=version.version,
                    type=version.type,
                    title=version.title,
                    language=version.language,
                    content=version.content,
                    operation=version.operation,
                    message_id=ids.get(version.message_id or ""),
                    created_at=version.created_at,
                )
            )
    return artifact_ids


def _copied_parts(
    parts: list[dict[str, Any]], files: dict[str, File], artifacts: dict[str, str]
) -> list[dict[str, Any]]:
    out = []
    for part in parts:
        if part.get("type") == "attachment" and part.get("file_id") in files:
            part = attachment_part(files[part["file_id"]])
        elif part.get("type") == "artifact_ref" and part.get("artifact_id") in artifacts:
            part = {**part, "artifact_id": artifacts[part["artifact_id"]]}
        out.append(part)
    return out


async def duplicate_conversation(
    ctx: AppContext, user_id: str, conversation_id: str, leaf_id: str | None
) -> Conversation:
    """A new conversation "Title (copy)" holding the branch that ends at `leaf_id`."""

    def duplicate(session: Session) -> Conversation:
        source = owned_conversation(session, user_id, conversation_id)
        path = _branch(session, source.id, leaf_id)
        now = utcnow()
        copy = Conversation(
            id=new_id(),
            user_id=user_id,
            title=f"{source.title} (copy)"[:300],
            model=source.model,
            settings=dict(source.settings or {}),
            project_id=source.project_id,
            created_at=now,
            updated_at=now,
            last_message_at=source.last_message_at if path else None,
        )
        session.add(copy)
        session.flush()
        ids = {m.id: new_id() for m in path}
        file_ids = [p["file_id"] for m in path for p in m.parts if p.get("type") == "attachment"]
        files = _copy_files(session, ctx, user_id, copy, list(dict.fromkeys(file_ids)))
        session.flush()
        messages = [
            Message(
                id=ids[message.id],
                conversation_id=copy.id,
                parent_id=ids[message.parent_id] if message.parent_id else None,
                role=message.role,
                parts=list(message.parts),
                model=message.model,
                status="interrupted" if message.status == "streaming" else message.status,
                stop_reason=message.stop_reason,
                error=message.error,
                input_tokens=message.input_tokens,
                output_tokens=message.output_tokens,
                created_at=message.created_at,
                updated_at=message.updated_at,
            )
            for message in path
        ]
        # rows of one table are inserted in the order added: parents first, as the
        # self-referencing foreign key wants
        session.add_all(messages)
        session.flush()
        artifacts = _copy_artifacts(session, source.id, copy, path, ids)
        for message in messages:
            message.parts = _copied_parts(message.parts, files, artifacts)
        return copy

    return await ctx.db.run_write(duplicate)
