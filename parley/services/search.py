"""Full-text search over a person's conversations: titles and the text of their messages.

The index (`search_documents`, FTS5 on SQLite, a tsvector with GIN on PostgreSQL) is kept by
triggers in the transaction that writes a message or a title (migration 0005), so nothing here
writes. Hits are ranked by relevance (bm25 on SQLite, ts_rank on PostgreSQL; higher is better),
newest first among equals, and paged by keyset on (score, time, document).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, Integer, String, TextualSelect, bindparam, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from parley.db.models import Project, UTCDateTime
from parley.schemas.search import SearchHit, SearchPage, SnippetSegment
from parley.services.context import AppContext
from parley.services.cursors import decode_cursor, encode_cursor
from parley.services.errors import InvalidInput, NotFound
from parley.services.snippets import make_snippet, query_terms

# the page's rows are joined to their text only after ranking and LIMIT, so that sorting
# thousands of matches never carries their bodies
_PAGE = """
SELECT d.id AS doc_id, d.conversation_id, d.message_id, d.role, d.body, d.created_at,
       c.title, c.project_id, page.score
FROM ({ranked}) AS page
JOIN search_documents AS d ON d.id = page.doc_id
JOIN conversations AS c ON c.id = d.conversation_id
ORDER BY page.score DESC, page.created_at DESC, page.doc_id DESC
"""

_KEYSET = """
  AND (score < :after_score
       OR (score = :after_score AND (created_at < :after_time
           OR (created_at = :after_time AND doc_id < :after_id))))
"""

# user_id is an FTS column too (weight 0): FTS5 then only walks the caller's rows
_SQLITE_RANKED = """
SELECT * FROM (
  SELECT d.id AS doc_id, d.created_at AS created_at, -bm25(search_fts, 0.0, 1.0) AS score
  FROM search_fts
  JOIN search_documents AS d ON d.id = search_fts.rowid
  JOIN conversations AS c ON c.id = d.conversation_id
  WHERE search_fts MATCH :match AND d.user_id = :user_id AND c.user_id = :user_id
    AND c.deleted_at IS NULL {project}
) AS hits
WHERE 1 = 1 {keyset}
ORDER BY score DESC, created_at DESC, doc_id DESC
LIMIT :limit
"""

# Without a project, every match is scored inside FTS5 alone (the user_id column has already
# kept only the caller's rows), and only the rows that can reach the page are joined to their
# documents: those scoring at least the page's lowest score, ties included, so the order and the
# keyset are exactly _SQLITE_RANKED's. A common word matches thousands of messages; joining each
# of them (the document's created_at lies past its body) cost as much as ranking them.
_SQLITE_RANKED_ALL = """
WITH hits AS MATERIALIZED (
  SELECT * FROM (
    SELECT rowid AS doc_id, -bm25(search_fts, 0.0, 1.0) AS score
    FROM search_fts
    WHERE search_fts MATCH :match AND rowid NOT IN (
      SELECT d.id FROM conversations AS c
      JOIN search_documents AS d ON d.conversation_id = c.id
      WHERE c.user_id = :user_id AND c.deleted_at IS NOT NULL)
  ) AS scored
  WHERE 1 = 1 {keyset}
)
SELECT hits.doc_id AS doc_id, d.created_at AS created_at, hits.score AS score
FROM hits JOIN search_documents AS d ON d.id = hits.doc_id
WHERE d.user_id = :user_id
  AND hits.score >= (SELECT min(score) FROM (SELECT score FROM hits ORDER BY score DESC LIMIT :limit))
ORDER BY hits.score DESC, d.created_at DESC, hits.doc_id DESC
LIMIT :limit
"""

# the keyset of _SQLITE_RANKED_ALL, before its join: the time only settles a tie of scores
_SQLITE_KEYSET_ALL = """
  AND (score < :after_score
       OR (score = :after_score AND EXISTS (
           SELECT 1 FROM search_documents AS k WHERE k.id = scored.doc_id
             AND (k.created_at < :after_time
                  OR (k.created_at = :after_time AND k.id < :after_id)))))
"""

# normalisation 1 divides by 1 + log(length), so a short text that matches beats a long one
_POSTGRES_RANKED = """
SELECT * FROM (
  SELECT d.id AS doc_id, d.created_at AS created_at,
         CAST(ts_rank(d.tsv, q.query, 1) AS double precision) AS score
  FROM search_documents AS d
  CROSS JOIN (SELECT to_tsquery('simple', parley_search_fold(:match)) AS query) AS q
  JOIN conversations AS c ON c.id = d.conversation_id
  WHERE d.tsv @@ q.query AND d.user_id = :user_id AND c.user_id = :user_id
    AND c.deleted_at IS NULL {project}
) AS hits
WHERE 1 = 1 {keyset}
ORDER BY score DESC, created_at DESC, doc_id DESC
LIMIT :limit
"""


async def search_conversations(
    ctx: AppContext,
    user_id: str,
    query: str,
    *,
    project_id: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> SearchPage:
    if not query.strip():
        raise InvalidInput("Type something to search for.")
    terms = query_terms(query)
    after = _decode(cursor) if cursor else None
    if not terms:  # only punctuation: nothing can match
        return SearchPage(items=[], next_cursor=None)
    params: dict[str, Any] = {"user_id": user_id, "limit": limit + 1}
    if ctx.db.is_sqlite:
        words = " AND ".join(f'"{t}"*' for t in terms)
        params["match"] = f'user_id : "{user_id}" AND body : ({words})'
    else:
        params["match"] = " & ".join(f"'{t}':*" for t in terms)
    if project_id is not None:
        params["project_id"] = project_id
    if after is not None:
        params["after_score"], params["after_time"], params["after_id"] = after
    statement = _statement(ctx.db.is_sqlite, project_id is not None, after is not None)
    async with ctx.db.read() as session:
        if project_id is not None:
            await _check_project(session, user_id, project_id)
        rows = (await session.execute(statement, params)).mappings().all()
    hits = [_hit(row, terms) for row in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = _encode(last["score"], last["created_at"], last["doc_id"])
    return SearchPage(items=hits, next_cursor=next_cursor)


def _statement(sqlite: bool, by_project: bool, paged: bool) -> TextualSelect:
    if sqlite and not by_project:
        ranked = _SQLITE_RANKED_ALL.format(keyset=_SQLITE_KEYSET_ALL if paged else "")
    else:
        ranked = (_SQLITE_RANKED if sqlite else _POSTGRES_RANKED).format(
            project="AND c.project_id = :project_id" if by_project else "",
            keyset=_KEYSET if paged else "",
        )
    statement = text(_PAGE.format(ranked=ranked)).columns(
        doc_id=Integer,
        conversation_id=String,
        message_id=String,
        role=String,
        body=String,
        created_at=UTCDateTime,
        title=String,
        project_id=String,
        score=Float,
    )
    if paged:
        statement = statement.bindparams(
            bindparam("after_score", type_=Float),
            bindparam("after_time", type_=UTCDateTime),
            bindparam("after_id", type_=Integer),
        )
    return statement


async def _check_project(session: AsyncSession, user_id: str, project_id: str) -> None:
    found = await session.scalar(
        select(Project.id).where(Project.id == project_id, Project.user_id == user_id)
    )
    if found is None:
        raise NotFound("Project not found.")


def _hit(row: Any, terms: list[str]) -> SearchHit:
    segments = make_snippet(row["body"], terms)
    return SearchHit(
        conversation_id=row["conversation_id"],
        conversation_title=row["title"],
        project_id=row["project_id"],
        message_id=row["message_id"],
        role=row["role"],
        snippet=[SnippetSegment(text=s.text, highlight=s.highlight) for s in segments],
        created_at=row["created_at"],
    )


def _encode(score: float, when: datetime, doc_id: int) -> str:
    return encode_cursor(when, f"{doc_id}|{score!r}")


def _decode(cursor: str) -> tuple[float, datetime, int]:
    when, rest = decode_cursor(cursor)
    doc_id, _sep, score = rest.partition("|")
    try:
        return float(score), when, int(doc_id)
    except ValueError as error:
        raise InvalidInput("The cursor is not valid; start again without one.") from error
