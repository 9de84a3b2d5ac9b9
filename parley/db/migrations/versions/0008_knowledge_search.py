"""knowledge search: a full-text index of knowledge chunks, for the BM25 half of hybrid retrieval

SQLite: an external-content FTS5 table over `knowledge_chunks` (rowid = the chunk's integer id)
with the tokenizer the conversation search uses, kept by triggers; project_id is a column of it
so that a query walks only its project's passages. PostgreSQL: a `tsvector`
column filled by a trigger (folded like the conversation search, by `parley_search_fold` from
0005) with a GIN index. Chunks are written once and deleted with their file or project; the
triggers keep the index in the same transaction either way.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 23:55:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    """
    CREATE VIRTUAL TABLE knowledge_fts USING fts5(
        project_id, text, content='knowledge_chunks', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER knowledge_chunks_ai AFTER INSERT ON knowledge_chunks BEGIN
        INSERT INTO knowledge_fts (rowid, project_id, text) VALUES (new.id, new.project_id, new.text);
    END
    """,
    """
    CREATE TRIGGER knowledge_chunks_ad AFTER DELETE ON knowledge_chunks BEGIN
        INSERT INTO knowledge_fts (knowledge_fts, rowid, project_id, text)
        VALUES ('delete', old.id, old.project_id, old.text);
    END
    """,
    """
    CREATE TRIGGER knowledge_chunks_au AFTER UPDATE OF project_id, text ON knowledge_chunks BEGIN
        INSERT INTO knowledge_fts (knowledge_fts, rowid, project_id, text)
        VALUES ('delete', old.id, old.project_id, old.text);
        INSERT INTO knowledge_fts (rowid, project_id, text) VALUES (new.id, new.project_id, new.text);
    END
    """,
    "INSERT INTO knowledge_fts (rowid, project_id, text) SELECT id, project_id, text FROM knowledge_chunks",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS knowledge_chunks_au",
    "DROP TRIGGER IF EXISTS knowledge_chunks_ad",
    "DROP TRIGGER IF EXISTS knowledge_chunks_ai",
    "DROP TABLE IF EXISTS knowledge_fts",
]

PG_UP = [
    "ALTER TABLE knowledge_chunks ADD COLUMN tsv TSVECTOR",
    """
    CREATE FUNCTION parley_knowledge_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.tsv := to_tsvector('simple', parley_search_fold(NEW.text));
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER knowledge_chunks_vector BEFORE INSERT OR UPDATE OF text ON knowledge_chunks
    FOR EACH ROW EXECUTE FUNCTION parley_knowledge_vector()
    """,
    "UPDATE knowledge_chunks SET tsv = to_tsvector('simple', parley_search_fold(text))",
    "CREATE INDEX ix_knowledge_chunks_tsv ON knowledge_chunks USING GIN (tsv)",
]

PG_DOWN = [
    "DROP INDEX IF EXISTS ix_knowledge_chunks_tsv",
    "DROP TRIGGER IF EXISTS knowledge_chunks_vector ON knowledge_chunks",
    "DROP FUNCTION IF EXISTS parley_knowledge_vector()",
    "ALTER TABLE knowledge_chunks DROP COLUMN IF EXISTS tsv",
]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_UP if sqlite else PG_UP:
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_DOWN if sqlite else PG_DOWN:
        op.execute(statement)
