"""Project knowledge at work: indexing files in the background, retrieving the passages that
match a message (hybrid: the database's full-text ranking and the local embedding model's
vectors, fused by reciprocal rank), and what a chat in the project tells the model.

Indexing is a loop in every server process. It claims one queued file at a time with a
conditional update (so replicas sharing a database never index the same file twice), cuts the
text into passages and writes them at once (keyword retrieval and the whole-knowledge prompt can
use them from then on), then embeds them a few at a time in a worker thread, reporting progress
in `project_files.embedded`. A process that dies mid-file leaves a claim that goes stale and is
taken again.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    CursorResult,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from parley.db.models import File, KnowledgeChunk, Message, Project, ProjectFile, utcnow
from parley.knowledge.chunking import CHARS_PER_TOKEN, chunk_text
from parley.knowledge.ranking import from_blobs, fuse, nearest, to_blob
from parley.knowledge.runtime import VectorSet
from parley.providers.base import ModelInfo
from parley.schemas import events as e
from parley.schemas.messages import Source
from parley.services.context import AppContext
from parley.services.snippets import query_terms

log = logging.getLogger("parley.knowledge")

EMBED_BATCH = 8
STALE_CLAIM = timedelta(minutes=5)
IDLE_SECONDS = 30.0
CANDIDATES = 50  # each ranking's depth before fusion
ANALYZE_AFTER = 500  # passages of one file that change the table's statistics enough
WHOLE_SHARE_OF_CONTEXT = 0.4
EXCERPT_CHARS = 280
# words that match nearly every passage: they only cost the keyword ranking time
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)


# --- indexing ------------------------------------------------------------------------------------


async def index_forever(ctx: AppContext) -> None:
    while True:
        try:
            job = await _claim(ctx)
        except Exception:  # database away for a moment: try again later, never stop
            log.exception("Looking for knowledge files to index failed")
            job = None
        if job is None:
            await ctx.knowledge.wait(IDLE_SECONDS)
            continue
        await index_file(ctx, *job)


async def index_pending(ctx: AppContext) -> int:
    """Index every queued file now, in this task (tests and the benchmark); returns how many."""
    done = 0
    while (job := await _claim(ctx)) is not None:
        await index_file(ctx, *job)
        done += 1
    return done


async def _claim(ctx: AppContext) -> tuple[str, str] | None:
    def claim(session: Session) -> tuple[str, str] | None:
        now = utcnow()
        candidate = session.execute(
            select(ProjectFile.project_id, ProjectFile.file_id, ProjectFile.claimed_at)
            .where(
                or_(
                    ProjectFile.status == "queued",
                    and_(
                        ProjectFile.status == "indexing",
                        ProjectFile.claimed_at < now - STALE_CLAIM,
                    ),
                )
            )
            .order_by(ProjectFile.added_at)
            .limit(1)
        ).first()
        if candidate is None:
            return None
        project_id, file_id, claimed_at = candidate
        same_claim = (
            ProjectFile.claimed_at.is_(None)
            if claimed_at is None
            else ProjectFile.claimed_at == claimed_at
        )
        taken: CursorResult[Any] = session.execute(  # type: ignore[assignment]
            update(ProjectFile)
            .where(
                ProjectFile.project_id == project_id,
                ProjectFile.file_id == file_id,
                ProjectFile.status.in_(("queued", "indexing")),
                same_claim,
            )
            .values(status="indexing", claimed_at=now, error=None)
            .execution_options(synchronize_session=False)
        )
        return (project_id, file_id) if taken.rowcount else None

    return await ctx.db.run_write(claim)


class _Gone(Exception):
    """The file left the project (or the project went) while it was being indexed."""


async def index_file(ctx: AppContext, project_id: str, file_id: str) -> None:
    try:
        await _index(ctx, project_id, file_id)
    except _Gone:
        return
    except Exception as failure:
        log.exception("Indexing knowledge file %s of project %s failed", file_id, project_id)
        await _finish(ctx, project_id, file_id, "failed", f"Indexing failed: {failure}")


async def _index(ctx: AppContext, project_id: str, file_id: str) -> None:
    async with ctx.db.read() as session:
        found = (
            await session.execute(select(File.name, File.text).where(File.id == file_id))
        ).first()
    if found is None:
        raise _Gone()
    name, body = found
    passages = await asyncio.to_thread(chunk_text, body or "")
    if not passages:  # nothing but page marks: a scan
        await _finish(
            ctx,
            project_id,
            file_id,
            "failed",
            f"No text could be read from “{name}” (a scanned PDF has none: Parley does not "
            "read text in images yet).",
        )
        return
    rows = [
        {
            "project_id": project_id,
            "file_id": file_id,
            "ordinal": p.ordinal,
            "text": p.text,
            "page": p.page,
            "section": p.section,
        }
        for p in passages
    ]

    def write_passages(session: Session) -> list[int]:
        link = _link(session, project_id, file_id)
        session.execute(
            delete(KnowledgeChunk).where(
                KnowledgeChunk.project_id == project_id, KnowledgeChunk.file_id == file_id
            )
        )
        if rows:
            session.execute(insert(KnowledgeChunk), rows)
        link.chunks = len(rows)
        link.embedded = 0
        link.claimed_at = utcnow()
        return list(
            session.scalars(
                select(KnowledgeChunk.id)
                .where(KnowledgeChunk.project_id == project_id, KnowledgeChunk.file_id == file_id)
                .order_by(KnowledgeChunk.ordinal)
            )
        )

    ids = await ctx.db.run_write(write_passages)
    embedder = await asyncio.to_thread(ctx.knowledge.embedder)
    if embedder is None:
        log.warning("%s Knowledge is searched by keywords only.", ctx.knowledge.missing)
    else:
        texts = [p.text for p in passages]
        for start in range(0, len(ids), EMBED_BATCH):
            batch_ids = ids[start : start + EMBED_BATCH]
            vectors = await asyncio.to_thread(embedder.embed, texts[start : start + EMBED_BATCH])
            await ctx.db.run_write(
                partial(
                    _store_vectors,
                    ids=batch_ids,
                    vectors=vectors,
                    project_id=project_id,
                    file_id=file_id,
                )
            )
    await _finish(ctx, project_id, file_id, "ready", None)
    if not ctx.db.is_sqlite and len(ids) >= ANALYZE_AFTER:
        # fresh statistics, or the planner walks the project's rows instead of the full-text
        # index (190 ms instead of 1.5 ms at 10,000 passages); autovacuum would, minutes later
        await ctx.db.run_write(lambda s: s.execute(text("ANALYZE knowledge_chunks")))


def _link(session: Session, project_id: str, file_id: str) -> ProjectFile:
    link = session.get(ProjectFile, (project_id, file_id))
    if link is None:
        raise _Gone()
    return link


def _store_vectors(
    session: Session, *, project_id: str, file_id: str, ids: list[int], vectors: Any
) -> None:
    link = _link(session, project_id, file_id)
    session.execute(  # an ORM bulk update by primary key: one executemany
        update(KnowledgeChunk),
        [{"id": i, "embedding": to_blob(v)} for i, v in zip(ids, vectors, strict=True)],
    )
    link.embedded += len(ids)
    link.claimed_at = utcnow()


async def _finish(
    ctx: AppContext, project_id: str, file_id: str, status: str, error: str | None
) -> None:
    def finish(session: Session) -> None:
        link = session.get(ProjectFile, (project_id, file_id))
        if link is not None:
            link.status = status
            link.error = error
            link.claimed_at = utcnow()

    await ctx.db.run_write(finish)


# --- retrieval -----------------------------------------------------------------------------------


def _keywords(query: str) -> list[str]:
    return [t for t in query_terms(query, 48) if t not in STOPWORDS and len(t) > 1][:24]


_SQLITE_KEYWORD = text(
    "SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH :match "
    "ORDER BY bm25(knowledge_fts, 0.0, 1.0) LIMIT :limit"
)
_POSTGRES_KEYWORD = text(
    "SELECT c.id FROM knowledge_chunks AS c, "
    "(SELECT to_tsquery('simple', parley_search_fold(:match)) AS query) AS q "
    "WHERE c.project_id = :project_id AND c.tsv @@ q.query "
    "ORDER BY ts_rank(c.tsv, q.query, 1) DESC, c.id LIMIT :limit"
)


async def keyword_ranking(ctx: AppContext, project_id: str, query: str, limit: int) -> list[int]:
    """Passages by BM25 (SQLite FTS5) or ts_rank (PostgreSQL), any of the query's words."""
    terms = _keywords(query)
    if not terms:
        return []
    if ctx.db.is_sqlite:
        words = " OR ".join(f'"{t}"*' if len(t) >= 4 else f'"{t}"' for t in terms)
        params = {"match": f'project_id : "{project_id}" AND text : ({words})', "limit": limit}
        statement = _SQLITE_KEYWORD
    else:
        words = " | ".join(f"'{t}':*" if len(t) >= 4 else f"'{t}'" for t in terms)
        params = {"match": words, "project_id": project_id, "limit": limit}
        statement = _POSTGRES_KEYWORD
    async with ctx.db.read() as session:
        return [int(row[0]) for row in await session.execute(statement, params)]


async def _vectors(ctx: AppContext, project_id: str) -> VectorSet:
    async with ctx.db.read() as session:
        count, highest = (
            await session.execute(
                select(func.count(KnowledgeChunk.id), func.coalesce(func.max(KnowledgeChunk.id), 0))
                .where(KnowledgeChunk.project_id == project_id)
                .where(KnowledgeChunk.embedding.is_not(None))
            )
        ).one()
        version = (int(count), int(highest))
        cached = ctx.knowledge.cached_vectors(project_id, version)
        if cached is not None:
            return cached
        rows = (
            await session.execute(
                select(KnowledgeChunk.id, KnowledgeChunk.embedding)
                .where(KnowledgeChunk.project_id == project_id)
                .where(KnowledgeChunk.embedding.is_not(None))
                .order_by(KnowledgeChunk.id)
            )
        ).all()
    ids = [int(r[0]) for r in rows]
    matrix = await asyncio.to_thread(from_blobs, [r[1] or b"" for r in rows])
    vectors = VectorSet((len(ids), max(ids, default=0)), ids, matrix)
    ctx.knowledge.keep_vectors(project_id, vectors)
    return vectors


async def vector_ranking(ctx: AppContext, project_id: str, query: str, limit: int) -> list[int]:
    """Passages by cosine similarity to the query's embedding (a scan of the stored vectors)."""
    embedder = await asyncio.to_thread(ctx.knowledge.embedder)
    if embedder is None or not query.strip():
        return []
    vectors = await _vectors(ctx, project_id)
    if not vectors.ids:
        return []
    embedded = await asyncio.to_thread(embedder.embed, [query])
    return nearest(vectors.matrix, vectors.ids, embedded[0], limit)


async def retrieve(ctx: AppContext, project_id: str, query: str, k: int) -> list[int]:
    """The k passages that best match the query, best first (hybrid, fused by rank)."""
    keyword, semantic = await asyncio.gather(
        keyword_ranking(ctx, project_id, query, CANDIDATES),
        vector_ranking(ctx, project_id, query, CANDIDATES),
    )
    return fuse(keyword, semantic)[:k]


# --- what a chat in a project tells the model ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProjectPrompt:
    instructions: str  # appended to the system prompt
    knowledge: str | None  # the knowledge block, if the project has any
    cache: bool  # the block is the same on every turn (whole knowledge): worth caching
    sources: dict[int, Source]  # what [n] means in the answer


@dataclass(frozen=True, slots=True)
class _Passage:
    id: int
    file_id: str
    name: str
    page: int | None
    section: str | None
    text: str


_PASSAGE_COLUMNS = (
    KnowledgeChunk.id,
    KnowledgeChunk.file_id,
    File.name,
    KnowledgeChunk.page,
    KnowledgeChunk.section,
    KnowledgeChunk.text,
)


async def project_prompt(
    ctx: AppContext, user_id: str, project_id: str, question: str, info: ModelInfo | None
) -> ProjectPrompt | None:
    async with ctx.db.read() as session:
        project = await session.scalar(
            select(Project).where(Project.id == project_id, Project.user_id == user_id)
        )
        if project is None:
            return None
        chars = await session.scalar(
            select(func.coalesce(func.sum(func.length(KnowledgeChunk.text)), 0)).where(
                KnowledgeChunk.project_id == project_id
            )
        )
        pending = list(
            await session.scalars(
                select(File.name)
                .join(ProjectFile, ProjectFile.file_id == File.id)
                .where(ProjectFile.project_id == project_id, ProjectFile.chunks == 0)
                .where(ProjectFile.status.in_(("queued", "indexing")))
            )
        )
    instructions = _instructions(project.name, project.instructions)
    tokens = int(chars or 0) // CHARS_PER_TOKEN
    if not tokens:
        note = _pending_note(pending)
        return ProjectPrompt(instructions, note or None, False, {})
    budget = ctx.settings.knowledge_whole_tokens
    if info is not None:
        budget = min(budget, int(info.context_window * WHOLE_SHARE_OF_CONTEXT))
    whole = tokens <= budget
    if whole:
        passages = await _all_passages(ctx, project_id)
    else:
        ids = await retrieve(ctx, project_id, question, ctx.settings.knowledge_passages)
        passages = await _passages(ctx, ids)
    sources = {
        n: Source(
            n=n,
            chunk_id=p.id,
            file_id=p.file_id,
            file_name=p.name,
            page=p.page,
            section=p.section,
            excerpt=_excerpt(p.text),
        )
        for n, p in enumerate(passages, start=1)
    }
    block = _knowledge_block(passages, whole=whole, pending=pending)
    return ProjectPrompt(instructions, block, whole, sources)


async def _all_passages(ctx: AppContext, project_id: str) -> list[_Passage]:
    async with ctx.db.read() as session:
        rows = await session.execute(
            select(*_PASSAGE_COLUMNS)
            .join(File, File.id == KnowledgeChunk.file_id)
            .join(
                ProjectFile,
                and_(
                    ProjectFile.project_id == KnowledgeChunk.project_id,
                    ProjectFile.file_id == KnowledgeChunk.file_id,
                ),
            )
            .where(KnowledgeChunk.project_id == project_id)
            .order_by(ProjectFile.added_at, KnowledgeChunk.file_id, KnowledgeChunk.ordinal)
        )
        return [_Passage(*row) for row in rows]


async def _passages(ctx: AppContext, ids: list[int]) -> list[_Passage]:
    if not ids:
        return []
    async with ctx.db.read() as session:
        rows = await session.execute(
            select(*_PASSAGE_COLUMNS)
            .join(File, File.id == KnowledgeChunk.file_id)
            .where(KnowledgeChunk.id.in_(ids))
        )
        by_id = {row[0]: _Passage(*row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def _instructions(name: str, instructions: str) -> str:
    said = f"This chat belongs to the project “{name}”."
    if instructions.strip():
        said += (
            " Follow the project's instructions:\n<project_instructions>\n"
            f"{instructions.strip()}\n</project_instructions>"
        )
    return said


def _pending_note(pending: list[str]) -> str:
    if not pending:
        return ""
    names = ", ".join(f"“{n}”" for n in pending[:10])
    return f"Files of the project still being read, not available yet: {names}."


def _knowledge_block(passages: list[_Passage], *, whole: bool, pending: list[str]) -> str:
    lead = (
        "The project's knowledge files, in numbered passages."
        if whole
        else "The passages of the project's knowledge files that best match the latest message "
        "(the files hold more)."
    )
    lines = [
        "<knowledge>",
        f"{lead} Use them where they help. After a statement that rests on a passage, cite it "
        "by its number in square brackets, like [2] (or [2][5] for several). Cite only "
        "passages you used; never make up a number.",
    ]
    for n, p in enumerate(passages, start=1):
        where = f' page="{p.page}"' if p.page is not None else ""
        if p.section:
            where += f' section="{html.escape(p.section)}"'
        lines.append(f'<passage n="{n}" file="{html.escape(p.name)}"{where}>\n{p.text}\n</passage>')
    note = _pending_note(pending)
    if note:
        lines.append(note)
    lines.append("</knowledge>")
    return "\n".join(lines)


def _excerpt(body: str) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[: EXCERPT_CHARS - 1].rstrip() + "…"


_CITATION = re.compile(r"\[(\d{1,4}(?:\s*[,;]\s*\d{1,4})*)\]")


def cited(parts: list[dict[str, Any]], sources: dict[int, Source]) -> list[Source]:
    """The sources the answer's text cites, in the order it first cites them."""
    body = "".join(str(p.get("text", "")) for p in parts if p.get("type") == "text")
    seen: list[int] = []
    for match in _CITATION.finditer(body):
        for number in re.split(r"\s*[,;]\s*", match.group(1)):
            n = int(number)
            if n in sources and n not in seen:
                seen.append(n)
    return [sources[n] for n in seen]


async def record_sources(
    ctx: AppContext, message_id: str, parts: list[dict[str, Any]], sources: dict[int, Source]
) -> list[BaseModel]:
    """After an answer: keep the passages it cites on the message, and tell the stream."""
    used = cited(parts, sources)
    if not used:
        return []
    part = {"type": "sources", "sources": [s.model_dump(mode="json") for s in used]}

    def write(session: Session) -> None:
        session.execute(
            update(Message)
            .where(Message.id == message_id)
            .values(parts=[*parts, part])
            .execution_options(synchronize_session=False)
        )

    await ctx.db.run_write(write)
    return [e.Sources(message_id=message_id, sources=used)]
