"""Projects and their knowledge files, always scoped to their owner."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from parley.db.locks import lock_content
from parley.db.models import Conversation, File, KnowledgeChunk, Project, ProjectFile, utcnow
from parley.schemas.projects import (
    CreateProject,
    KnowledgeFileOut,
    ProjectOut,
    ProjectSort,
    UpdateProject,
)
from parley.services.context import AppContext
from parley.services.conversations import cancel_runs, running_runs
from parley.services.errors import Conflict, InvalidInput, NotFound
from parley.services.files import drop_unreferenced, owned_file

MAX_KNOWLEDGE_FILES = 200
# files whose text a model reads; images are not knowledge (yet): they have no text to search
KNOWLEDGE_KINDS = frozenset({"pdf", "document", "spreadsheet", "text", "code"})


class ProjectNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Project not found.")


def owned_project(session: Session, user_id: str, project_id: str) -> Project:
    project = session.scalar(
        select(Project).where(Project.id == project_id, Project.user_id == user_id)
    )
    if project is None:
        raise ProjectNotFound()
    return project


def _stats(session: Session, project_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Chats, files, knowledge tokens and the latest activity of each project, in two queries."""
    stats: dict[str, dict[str, Any]] = {
        pid: {"conversations": 0, "files": 0, "tokens": 0, "active": None} for pid in project_ids
    }
    if not project_ids:
        return stats
    chats = session.execute(
        select(
            Conversation.project_id, func.count(Conversation.id), func.max(Conversation.updated_at)
        )
        .where(Conversation.project_id.in_(project_ids), Conversation.deleted_at.is_(None))
        .group_by(Conversation.project_id)
    )
    for pid, count, active in chats:
        if pid is not None:
            stats[pid]["conversations"] = int(count)
            stats[pid]["active"] = active
    files = session.execute(
        select(
            ProjectFile.project_id,
            func.count(ProjectFile.file_id),
            func.coalesce(func.sum(File.token_estimate), 0),
        )
        .join(File, File.id == ProjectFile.file_id)
        .where(ProjectFile.project_id.in_(project_ids))
        .group_by(ProjectFile.project_id)
    )
    for pid, count, tokens in files:
        stats[pid]["files"] = int(count)
        stats[pid]["tokens"] = int(tokens)
    return stats


def _out(project: Project, stats: dict[str, Any]) -> ProjectOut:
    active: datetime | None = stats["active"]
    updated = max(project.updated_at, active) if active is not None else project.updated_at
    return ProjectOut(
        id=project.id,
        name=project.name,
        description=project.description,
        instructions=project.instructions,
        pinned=project.pinned,
        archived=project.archived,
        conversation_count=stats["conversations"],
        file_count=stats["files"],
        knowledge_tokens=stats["tokens"],
        created_at=project.created_at,
        updated_at=updated,
    )


def _outs(session: Session, projects: Iterable[Project]) -> list[ProjectOut]:
    rows = list(projects)
    stats = _stats(session, [p.id for p in rows])
    return [_out(p, stats[p.id]) for p in rows]


async def list_projects(
    ctx: AppContext,
    user_id: str,
    *,
    archived: bool | None = False,
    query: str | None = None,
    sort: ProjectSort = "activity",
    limit: int = 500,
) -> list[ProjectOut]:
    statement = select(Project).where(Project.user_id == user_id)
    if archived is not None:
        statement = statement.where(Project.archived == archived)
    if query and query.strip():
        needle = f"%{query.strip().lower()}%"
        statement = statement.where(
            func.lower(Project.name).like(needle) | func.lower(Project.description).like(needle)
        )
    statement = statement.limit(limit)
    async with ctx.db.read() as session:
        projects = await session.run_sync(lambda s: _outs(s, s.scalars(statement)))
    if sort == "name":
        projects.sort(key=lambda p: (not p.pinned, p.name.casefold()))
    elif sort == "created":
        projects.sort(key=lambda p: (not p.pinned, -p.created_at.timestamp()))
    else:
        projects.sort(key=lambda p: (not p.pinned, -p.updated_at.timestamp()))
    return projects


async def create_project(ctx: AppContext, user_id: str, data: CreateProject) -> ProjectOut:
    name = data.name.strip()
    if not name:
        raise InvalidInput("A project needs a name.")

    def add(session: Session) -> ProjectOut:
        project = Project(
            user_id=user_id,
            name=name,
            description=data.description.strip(),
            instructions=data.instructions,
        )
        session.add(project)
        session.flush()
        return _outs(session, [project])[0]

    return await ctx.db.run_write(add)


async def get_project(ctx: AppContext, user_id: str, project_id: str) -> ProjectOut:
    async with ctx.db.read() as session:
        return await session.run_sync(
            lambda s: _outs(s, [owned_project(s, user_id, project_id)])[0]
        )


async def update_project(
    ctx: AppContext, user_id: str, project_id: str, data: UpdateProject
) -> ProjectOut:
    changes = data.model_dump(exclude_unset=True)
    for key, value in changes.items():
        if value is None:
            raise InvalidInput(f"{key} cannot be null.")
    if "name" in changes:
        changes["name"] = changes["name"].strip()
        if not changes["name"]:
            raise InvalidInput("A project needs a name.")

    def apply(session: Session) -> ProjectOut:
        project = owned_project(session, user_id, project_id)
        for key, value in changes.items():
            setattr(project, key, value)
        project.updated_at = utcnow()
        session.flush()
        return _outs(session, [project])[0]

    return await ctx.db.run_write(apply)


async def delete_project(ctx: AppContext, user_id: str, project_id: str) -> None:
    """The project, its knowledge and its chats go. The chats go as a delete from the sidebar
    does (hidden now, removed for good by the purge sweep); files uploaded straight into the
    project's knowledge go with it unless another project or a chat uses them."""

    def remove(session: Session) -> list[str]:
        project = owned_project(session, user_id, project_id)
        chats = list(
            session.scalars(
                select(Conversation).where(
                    Conversation.project_id == project.id, Conversation.deleted_at.is_(None)
                )
            )
        )
        now = utcnow()
        for chat in chats:
            chat.deleted_at = now
        file_ids = list(
            session.scalars(select(ProjectFile.file_id).where(ProjectFile.project_id == project.id))
        )
        session.execute(delete(KnowledgeChunk).where(KnowledgeChunk.project_id == project.id))
        session.execute(delete(ProjectFile).where(ProjectFile.project_id == project.id))
        session.delete(project)
        session.flush()
        _drop_loose_files(session, ctx, user_id, file_ids)
        return running_runs(session, [c.id for c in chats])

    await cancel_runs(ctx, await ctx.db.run_write(remove))


def _drop_loose_files(session: Session, ctx: AppContext, user_id: str, file_ids: list[str]) -> None:
    """Knowledge uploads that nothing holds any more: no chat, no other project."""
    for file_id in file_ids:
        row = session.scalar(
            select(File).where(
                File.id == file_id, File.user_id == user_id, File.conversation_id.is_(None)
            )
        )
        if row is None:
            continue
        if session.scalar(select(ProjectFile.file_id).where(ProjectFile.file_id == file_id)):
            continue
        lock_content(session, row.sha256)
        session.delete(row)
        session.flush()
        drop_unreferenced(session, ctx.storage, row.sha256)


def knowledge_out(link: ProjectFile, row: File) -> KnowledgeFileOut:
    return KnowledgeFileOut(
        file_id=row.id,
        name=row.name,
        media_type=row.media_type,
        kind=row.kind,
        size=row.size,
        pages=row.pages,
        token_estimate=row.token_estimate,
        status=link.status,
        error=link.error,
        chunks=link.chunks,
        embedded=link.embedded,
        added_at=link.added_at,
    )


async def list_knowledge(ctx: AppContext, user_id: str, project_id: str) -> list[KnowledgeFileOut]:
    def read(session: Session) -> list[KnowledgeFileOut]:
        owned_project(session, user_id, project_id)
        rows = session.execute(
            select(ProjectFile, File)
            .join(File, File.id == ProjectFile.file_id)
            .where(ProjectFile.project_id == project_id)
            .order_by(ProjectFile.added_at, ProjectFile.file_id)
        )
        return [knowledge_out(link, row) for link, row in rows]

    async with ctx.db.read() as session:
        return await session.run_sync(read)


async def add_knowledge(
    ctx: AppContext, user_id: str, project_id: str, file_id: str
) -> tuple[KnowledgeFileOut, bool]:
    """Adds an uploaded file to the project's knowledge and queues its indexing; returns it and
    whether it was new (adding it twice changes nothing)."""

    def add(session: Session) -> tuple[KnowledgeFileOut, bool]:
        project = owned_project(session, user_id, project_id)
        row = owned_file(session, user_id, file_id)
        existing = session.get(ProjectFile, (project.id, row.id))
        if existing is not None:
            return knowledge_out(existing, row), False
        if row.kind not in KNOWLEDGE_KINDS:
            raise InvalidInput(
                f"“{row.name}” has no text to learn from: knowledge files are documents, PDFs, "
                "spreadsheets, text and code."
            )
        count = session.scalar(
            select(func.count())
            .select_from(ProjectFile)
            .where(ProjectFile.project_id == project.id)
        )
        if (count or 0) >= MAX_KNOWLEDGE_FILES:
            raise Conflict(f"A project holds at most {MAX_KNOWLEDGE_FILES} knowledge files.")
        link = ProjectFile(project_id=project.id, file_id=row.id, status="queued", chunks=0)
        link.embedded = 0
        link.added_at = utcnow()
        session.add(link)
        project.updated_at = link.added_at
        session.flush()
        return knowledge_out(link, row), True

    out, added = await ctx.db.run_write(add)
    if added:
        ctx.knowledge.wake()
    return out, added


async def remove_knowledge(ctx: AppContext, user_id: str, project_id: str, file_id: str) -> None:
    def remove(session: Session) -> None:
        project = owned_project(session, user_id, project_id)
        link = session.get(ProjectFile, (project.id, file_id))
        if link is None:
            raise NotFound("This file is not in the project's knowledge.")
        session.execute(
            delete(KnowledgeChunk).where(
                KnowledgeChunk.project_id == project.id, KnowledgeChunk.file_id == file_id
            )
        )
        session.delete(link)
        project.updated_at = utcnow()
        session.flush()
        _drop_loose_files(session, ctx, user_id, [file_id])

    await ctx.db.run_write(remove)
