"""search: full-text index of conversation titles and message text (FTS5 on SQLite, tsvector + GIN on PostgreSQL)

One row of `search_documents` per searchable text: a conversation's title (message_id NULL) or the
text parts of a user or assistant message (not thinking, tool calls or attachments). Triggers on
`messages` and `conversations` keep it in step inside the transaction that writes them, whichever
code path writes, so the index cannot drift. Answers still streaming are left out until they stop:
the checkpointer's once-a-second partial writes cost the index nothing.

SQLite: an external-content FTS5 table over `search_documents` with the `unicode61
remove_diacritics 2` tokenizer (SQLite 3.40 here; `trigram` folds diacritics only from 3.45) and
prefix indexes, so "cafe" finds "Café" and "deplo" finds "deployment" by prefix queries.
PostgreSQL: a `tsvector` column (the `simple` configuration over text folded by `unaccent` when
the extension can be created, else by a `translate` of Latin letters) with a GIN index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 06:00:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_TITLE = "New chat"

SQLITE_UP = [
    """
    CREATE TABLE search_documents (
        id INTEGER PRIMARY KEY,
        user_id VARCHAR(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        conversation_id VARCHAR(32) NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        message_id VARCHAR(32) REFERENCES messages (id) ON DELETE CASCADE,
        role VARCHAR(16),
        body TEXT NOT NULL,
        created_at DATETIME NOT NULL
    )
    """,
    "CREATE UNIQUE INDEX ix_search_documents_message ON search_documents (message_id)",
    "CREATE INDEX ix_search_documents_conversation ON search_documents (conversation_id)",
    # user_id is a column of the full-text index so that a query matches only its owner's rows
    # inside FTS5 (bm25 weighs it 0); the ids are hex, one token each
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        user_id, body,
        content='search_documents', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
        INSERT INTO search_fts (rowid, user_id, body) VALUES (new.id, new.user_id, new.body);
    END
    """,
    """
    CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
        INSERT INTO search_fts (search_fts, rowid, user_id, body)
        VALUES ('delete', old.id, old.user_id, old.body);
    END
    """,
    """
    CREATE TRIGGER search_documents_au AFTER UPDATE OF user_id, body ON search_documents BEGIN
        INSERT INTO search_fts (search_fts, rowid, user_id, body)
        VALUES ('delete', old.id, old.user_id, old.body);
        INSERT INTO search_fts (rowid, user_id, body) VALUES (new.id, new.user_id, new.body);
    END
    """,
]

SQLITE_MESSAGE_TEXT = """
    (SELECT group_concat(json_extract(part.value, '$.text'), char(10))
     FROM json_each(NEW.parts) AS part
     WHERE json_extract(part.value, '$.type') = 'text')
"""

SQLITE_INDEX_MESSAGE = f"""
    INSERT INTO search_documents (user_id, conversation_id, message_id, role, body, created_at)
    SELECT c.user_id, NEW.conversation_id, NEW.id, NEW.role, t.body, NEW.created_at
    FROM conversations AS c, (SELECT {SQLITE_MESSAGE_TEXT} AS body) AS t
    WHERE c.id = NEW.conversation_id AND NEW.status <> 'streaming'
      AND NEW.role IN ('user', 'assistant') AND t.body IS NOT NULL AND t.body <> '';
"""

SQLITE_INDEX_TITLE = f"""
    INSERT INTO search_documents (user_id, conversation_id, message_id, role, body, created_at)
    SELECT NEW.user_id, NEW.id, NULL, NULL, NEW.title, NEW.created_at
    WHERE NEW.title <> '{DEFAULT_TITLE}' AND trim(NEW.title) <> '';
"""

# the triggers on the tables the app writes; a migration that rebuilds one of those tables
# (a batch on SQLite) drops them first and makes them again after
SQLITE_TRIGGERS_UP = [
    f"""
    CREATE TRIGGER search_messages_ai AFTER INSERT ON messages BEGIN
        {SQLITE_INDEX_MESSAGE}
    END
    """,
    # during streaming (old and new both 'streaming') nothing runs
    f"""
    CREATE TRIGGER search_messages_au AFTER UPDATE OF parts, status, role ON messages
    WHEN (OLD.status <> 'streaming' OR NEW.status <> 'streaming')
      AND (OLD.parts IS NOT NEW.parts OR OLD.status IS NOT NEW.status OR OLD.role IS NOT NEW.role)
    BEGIN
        DELETE FROM search_documents WHERE message_id = OLD.id;
        {SQLITE_INDEX_MESSAGE}
    END
    """,
    f"""
    CREATE TRIGGER search_conversations_ai AFTER INSERT ON conversations BEGIN
        {SQLITE_INDEX_TITLE}
    END
    """,
    f"""
    CREATE TRIGGER search_conversations_au AFTER UPDATE OF title ON conversations
    WHEN OLD.title IS NOT NEW.title BEGIN
        DELETE FROM search_documents WHERE conversation_id = NEW.id AND message_id IS NULL;
        {SQLITE_INDEX_TITLE}
    END
    """,
]

SQLITE_TRIGGERS_DOWN = [
    "DROP TRIGGER IF EXISTS search_conversations_au",
    "DROP TRIGGER IF EXISTS search_conversations_ai",
    "DROP TRIGGER IF EXISTS search_messages_au",
    "DROP TRIGGER IF EXISTS search_messages_ai",
]

SQLITE_UP += SQLITE_TRIGGERS_UP
SQLITE_UP += [
    # backfill: titles, then the text of every finished message (the insert trigger feeds FTS5)
    f"""
    INSERT INTO search_documents (user_id, conversation_id, message_id, role, body, created_at)
    SELECT user_id, id, NULL, NULL, title, created_at FROM conversations
    WHERE title <> '{DEFAULT_TITLE}' AND trim(title) <> ''
    """,
    f"""
    INSERT INTO search_documents (user_id, conversation_id, message_id, role, body, created_at)
    SELECT * FROM (
        SELECT c.user_id, m.conversation_id, m.id, m.role,
               {SQLITE_MESSAGE_TEXT.replace("NEW.parts", "m.parts")} AS body, m.created_at
        FROM messages AS m JOIN conversations AS c ON c.id = m.conversation_id
        WHERE m.status <> 'streaming' AND m.role IN ('user', 'assistant')
    ) WHERE body IS NOT NULL AND body <> ''
    """,
]

SQLITE_DOWN = [
    *SQLITE_TRIGGERS_DOWN,
    "DROP TABLE IF EXISTS search_fts",
    "DROP TABLE IF EXISTS search_documents",
]

# Latin letters with diacritics and what they fold to, for servers without `unaccent`
FOLD_FROM = (
    "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž"
)
FOLD_TO = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz"

PG_MESSAGE_TEXT = """
    (SELECT string_agg(part ->> 'text', E'\\n' ORDER BY ordinal)
     FROM jsonb_array_elements(NEW.parts) WITH ORDINALITY AS p(part, ordinal)
     WHERE part ->> 'type' = 'text')
"""


def _pg_up(fold: str) -> list[str]:
    return [
        f"""
        CREATE FUNCTION parley_search_fold(value text) RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT {fold} $$
        """,
        """
        CREATE TABLE search_documents (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            user_id VARCHAR(32) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            conversation_id VARCHAR(32) NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
            message_id VARCHAR(32) REFERENCES messages (id) ON DELETE CASCADE,
            role VARCHAR(16),
            body TEXT NOT NULL,
            created_at TIMESTAMP WITH TIME ZONE NOT NULL,
            tsv TSVECTOR NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX ix_search_documents_message ON search_documents (message_id)",
        "CREATE INDEX ix_search_documents_conversation ON search_documents (conversation_id)",
        "CREATE INDEX ix_search_documents_user ON search_documents (user_id)",
        "CREATE INDEX ix_search_documents_tsv ON search_documents USING GIN (tsv)",
        """
        CREATE FUNCTION parley_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.tsv := to_tsvector('simple', parley_search_fold(NEW.body));
            RETURN NEW;
        END $$
        """,
        """
        CREATE TRIGGER search_documents_vector BEFORE INSERT OR UPDATE OF body ON search_documents
        FOR EACH ROW EXECUTE FUNCTION parley_search_vector()
        """,
        f"""
        CREATE FUNCTION parley_search_message() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                DELETE FROM search_documents WHERE message_id = OLD.id;
            END IF;
            IF NEW.status <> 'streaming' AND NEW.role IN ('user', 'assistant') THEN
                INSERT INTO search_documents
                    (user_id, conversation_id, message_id, role, body, created_at)
                SELECT c.user_id, NEW.conversation_id, NEW.id, NEW.role, t.body, NEW.created_at
                FROM conversations AS c, (SELECT {PG_MESSAGE_TEXT} AS body) AS t
                WHERE c.id = NEW.conversation_id AND t.body IS NOT NULL AND t.body <> '';
            END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER search_messages_ai AFTER INSERT ON messages
        FOR EACH ROW EXECUTE FUNCTION parley_search_message()
        """,
        """
        CREATE TRIGGER search_messages_au AFTER UPDATE OF parts, status, role ON messages
        FOR EACH ROW
        WHEN ((OLD.status <> 'streaming' OR NEW.status <> 'streaming')
              AND (OLD.parts IS DISTINCT FROM NEW.parts OR OLD.status IS DISTINCT FROM NEW.status
                   OR OLD.role IS DISTINCT FROM NEW.role))
        EXECUTE FUNCTION parley_search_message()
        """,
        f"""
        CREATE FUNCTION parley_search_title() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                DELETE FROM search_documents WHERE conversation_id = NEW.id AND message_id IS NULL;
            END IF;
            IF NEW.title <> '{DEFAULT_TITLE}' AND trim(NEW.title) <> '' THEN
                INSERT INTO search_documents
                    (user_id, conversation_id, message_id, role, body, created_at)
                VALUES (NEW.user_id, NEW.id, NULL, NULL, NEW.title, NEW.created_at);
            END IF;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER search_conversations_ai AFTER INSERT ON conversations
        FOR EACH ROW EXECUTE FUNCTION parley_search_title()
        """,
        """
        CREATE TRIGGER search_conversations_au AFTER UPDATE OF title ON conversations
        FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
        EXECUTE FUNCTION parley_search_title()
        """,
        f"""
        INSERT INTO search_documents (user_id, conversation_id, message_id, role, body, created_at)
        SELECT user_id, id, NULL, NULL, title, created_at FROM conversations
        WHERE title <> '{DEFAULT_TITLE}' AND trim(title) <> ''
        """,
        f"""
        INSERT INTO search_documents (user_id, conversation_id, message_id, role, body, created_at)
        SELECT * FROM (
            SELECT c.user_id, m.conversation_id, m.id, m.role,
                   {PG_MESSAGE_TEXT.replace("NEW.parts", "m.parts")} AS body, m.created_at
            FROM messages AS m JOIN conversations AS c ON c.id = m.conversation_id
            WHERE m.status <> 'streaming' AND m.role IN ('user', 'assistant')
        ) AS d WHERE body IS NOT NULL AND body <> ''
        """,
    ]


PG_DOWN = [
    "DROP TRIGGER IF EXISTS search_conversations_au ON conversations",
    "DROP TRIGGER IF EXISTS search_conversations_ai ON conversations",
    "DROP TRIGGER IF EXISTS search_messages_au ON messages",
    "DROP TRIGGER IF EXISTS search_messages_ai ON messages",
    "DROP TABLE IF EXISTS search_documents",
    "DROP FUNCTION IF EXISTS parley_search_title()",
    "DROP FUNCTION IF EXISTS parley_search_message()",
    "DROP FUNCTION IF EXISTS parley_search_vector()",
    "DROP FUNCTION IF EXISTS parley_search_fold(text)",
]


def _unaccent_available() -> bool:
    """Create `unaccent` if the server has it and we may (it is a trusted extension)."""
    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'").scalar():
        return True
    if not bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'"
    ).scalar():
        return False
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except DBAPIError:  # no privilege: fold with translate() instead
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
        return
    if _unaccent_available():
        fold = "lower(unaccent('unaccent', value))"
    else:
        fold = f"translate(lower(value), '{FOLD_FROM}', '{FOLD_TO}')"
    for statement in _pg_up(fold):
        op.execute(statement)


def downgrade() -> None:
    statements = SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else PG_DOWN
    for statement in statements:
        op.execute(statement)
