"""Artifacts as people see and change them: list, versions, manual edits, delete, publish."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.agent.artifact_store import add_version, state_of
from parley.agent.artifact_tool import ArtifactState
from parley.db.models import Artifact, ArtifactVersion, Conversation
from parley.schemas.artifacts import ArtifactOut, EditArtifact, PublishedArtifact
from parley.services.context import AppContext
from parley.services.conversations import owned_conversation
from parley.services.errors import NotFound


class ArtifactNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Artifact not found.")


def public_url(token: str) -> str:
    return f"/a/{token}"


def artifact_out(row: Artifact) -> ArtifactOut:
    out = ArtifactOut.model_validate(row)
    out.public_url = public_url(row.publish_token) if row.publish_token else None
    return out


def _owned_artifact(session: Session, user_id: str, artifact_id: str) -> Artifact:
    """The artifact, if its conversation belongs to the user; else the same 404 as missing."""
    artifact = session.scalar(
        select(Artifact)
        .join(Conversation, Conversation.id == Artifact.conversation_id)
        .where(
            Artifact.id == artifact_id,
            Conversation.user_id == user_id,
            Conversation.deleted_at.is_(None),
        )
    )
    if artifact is None:
        raise ArtifactNotFound()
    return artifact


async def list_artifacts(ctx: AppContext, user_id: str, conversation_id: str) -> list[Artifact]:
    async with ctx.db.read() as session:
        await session.run_sync(owned_conversation, user_id, conversation_id)
        rows = await session.scalars(
            select(Artifact)
            .where(Artifact.conversation_id == conversation_id)
            .order_by(Artifact.created_at, Artifact.id)
        )
        return list(rows)


async def get_artifact(ctx: AppContext, user_id: str, artifact_id: str) -> Artifact:
    async with ctx.db.read() as session:
        return await session.run_sync(_owned_artifact, user_id, artifact_id)


async def list_versions(ctx: AppContext, user_id: str, artifact_id: str) -> list[ArtifactVersion]:
    async with ctx.db.read() as session:
        await session.run_sync(_owned_artifact, user_id, artifact_id)
        rows = await session.scalars(
            select(ArtifactVersion)
            .where(ArtifactVersion.artifact_id == artifact_id)
            .order_by(ArtifactVersion.version)
        )
        return list(rows)


async def edit_artifact(
    ctx: AppContext, user_id: str, artifact_id: str, data: EditArtifact
) -> Artifact:
    """A person's edit in the panel: a new version, made by no message."""

    def edit(session: Session) -> Artifact:
        artifact = _owned_artifact(session, user_id, artifact_id)
        current = state_of(artifact)
        if data.content == current.content and (data.title or current.title) == current.title:
            return artifact  # nothing changed: no empty version
        state = ArtifactState(
            type=current.type,
            title=(data.title or current.title).strip(),
            language=current.language,
            content=data.content,
        )
        add_version(session, artifact, state, "edit", None)
        return artifact

    return await ctx.db.run_write(edit)


async def delete_artifact(ctx: AppContext, user_id: str, artifact_id: str) -> None:
    def delete(session: Session) -> None:
        session.delete(_owned_artifact(session, user_id, artifact_id))

    await ctx.db.run_write(delete)


async def publish_artifact(ctx: AppContext, user_id: str, artifact_id: str) -> str:
    """The artifact's public link; publishing again keeps the link that is out there."""

    def publish(session: Session) -> str:
        artifact = _owned_artifact(session, user_id, artifact_id)
        if artifact.publish_token is None:
            artifact.publish_token = secrets.token_urlsafe(24)
        return artifact.publish_token

    return public_url(await ctx.db.run_write(publish))


async def unpublish_artifact(ctx: AppContext, user_id: str, artifact_id: str) -> None:
    def unpublish(session: Session) -> None:
        _owned_artifact(session, user_id, artifact_id).publish_token = None

    await ctx.db.run_write(unpublish)


async def published_artifact(ctx: AppContext, token: str) -> PublishedArtifact:
    """What anyone with the link sees: the current version, and nothing about its owner."""
    if not token or len(token) > 64:
        raise ArtifactNotFound()
    async with ctx.db.read() as session:
        artifact = await session.scalar(
            select(Artifact)
            .join(Conversation, Conversation.id == Artifact.conversation_id)
            .where(Artifact.publish_token == token, Conversation.deleted_at.is_(None))
        )
    if artifact is None:
        raise ArtifactNotFound()
    return PublishedArtifact(
        title=artifact.title,
        type=state_of(artifact).type,
        language=artifact.language,
        content=artifact.content,
    )
