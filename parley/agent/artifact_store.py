"""Where a run's artifact changes are stored: one new version per change, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from parley.agent.artifact_tool import ArtifactChange, ArtifactState, apply_change
from parley.db.engine import Database
from parley.db.models import Artifact, ArtifactVersion, new_id, utcnow
from parley.schemas.artifacts import ArtifactType


@dataclass(frozen=True, slots=True)
class StoredArtifact:
    id: str
    identifier: str
    version: int
    state: ArtifactState


def state_of(row: Artifact) -> ArtifactState:
    return ArtifactState(
        type=cast(ArtifactType, row.type),
        title=row.title,
        language=row.language,
        content=row.content,
    )


def add_version(
    session: Session,
    artifact: Artifact,
    state: ArtifactState,
    operation: str,
    message_id: str | None,
) -> int:
    """Make `state` the artifact's newest version (the row must be locked or fresh)."""
    now = utcnow()
    is_new = artifact.version == 0
    artifact.version += 1
    artifact.type = state.type
    artifact.title = state.title
    artifact.language = state.language
    artifact.content = state.content
    artifact.updated_at = now
    if is_new:
        artifact.created_at = now
        session.add(artifact)
    session.add(
        ArtifactVersion(
            id=new_id(),
            artifact_id=artifact.id,
            version=artifact.version,
            type=state.type,
            title=state.title,
            language=state.language,
            content=state.content,
            operation=operation,
            message_id=message_id,
            created_at=now,
        )
    )
    return artifact.version


class ArtifactStore:
    """The artifacts of one conversation, as one answer (message) changes them."""

    def __init__(self, db: Database, conversation_id: str, message_id: str) -> None:
        self._db = db
        self._conversation_id = conversation_id
        self._message_id = message_id
        self._ids: dict[str, str] = {}  # identifier -> id, for artifacts this run has touched
        self._known: dict[str, StoredArtifact] | None = None

    async def load(self) -> None:
        """Read the conversation's artifacts, once, when the answer first touches one: most
        answers make none, and a read per answer costs a busy server real CPU."""
        if self._known is not None:
            return
        async with self._db.read() as session:
            rows = await session.scalars(
                select(Artifact).where(Artifact.conversation_id == self._conversation_id)
            )
            self._known = {
                row.identifier: StoredArtifact(row.id, row.identifier, row.version, state_of(row))
                for row in rows
            }

    def get(self, identifier: str) -> StoredArtifact | None:
        return (self._known or {}).get(identifier)

    def id_for(self, identifier: str) -> str:
        """The artifact's id: the existing one, or the one it will be created with."""
        if known := self.get(identifier):
            return known.id
        return self._ids.setdefault(identifier, new_id())

    async def commit(self, change: ArtifactChange) -> StoredArtifact:
        """Apply the change to the stored artifact (read fresh: a person may have edited it
        meanwhile) as a new version; raises ToolFailure when it cannot be applied."""
        artifact_id = self.id_for(change.identifier)

        def store(session: Session) -> StoredArtifact:
            row = session.scalar(
                select(Artifact).where(
                    Artifact.conversation_id == self._conversation_id,
                    Artifact.identifier == change.identifier,
                )
            )
            current = state_of(row) if row is not None else None
            state = apply_change(current, change)
            if row is None:
                row = Artifact(
                    id=artifact_id,
                    conversation_id=self._conversation_id,
                    identifier=change.identifier,
                    version=0,
                )
            if row.version == 0:
                operation = "create"
            else:
                operation = "rewrite" if change.command == "create" else change.command
            version = add_version(session, row, state, operation, self._message_id)
            return StoredArtifact(row.id, change.identifier, version, state)

        stored = await self._db.run_write(store)
        if self._known is not None:
            self._known[stored.identifier] = stored
        return stored
