"""projects: instructions, knowledge files, their chunks and embeddings; a conversation's project

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 06:00:00
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_projects_user_updated", "projects", ["user_id", "updated_at"])
    op.create_table(
        "project_files",
        sa.Column("project_id", sa.String(length=32), nullable=False),
        sa.Column("file_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("embedded", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["file_id"], ["files.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("project_id", "file_id"),
    )
    op.create_index("ix_project_files_file_id", "project_files", ["file_id"])
    op.create_table(
        "knowledge_chunks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_id", sa.String(length=32), nullable=False),
        sa.Column("file_id", sa.String(length=32), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("section", sa.String(length=300), nullable=True),
        sa.Column("embedding", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["file_id"], ["files.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_knowledge_chunks_project_file",
        "knowledge_chunks",
        ["project_id", "file_id", "ordinal"],
    )
    # in place, not a batch: rebuilding `conversations` on SQLite would break the search
    # triggers that refer to it (0005); SQLite adds a column with an inline reference
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE conversations ADD COLUMN project_id VARCHAR(32) "
            "REFERENCES projects (id) ON DELETE SET NULL"
        )
    else:
        op.add_column("conversations", sa.Column("project_id", sa.String(32), nullable=True))
        op.create_foreign_key(
            "fk_conversations_project_id",
            "conversations",
            "projects",
            ["project_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_index("ix_conversations_project_id", "conversations", ["project_id"])


def _search_migration() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "parley_migration_0005", Path(__file__).with_name("0005_search.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    op.drop_index("ix_conversations_project_id", table_name="conversations")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite drops no column that a reference uses: rebuild the table, without the search
        # triggers that refer to it for the while
        search = _search_migration()
        for statement in search.SQLITE_TRIGGERS_DOWN:
            op.execute(statement)
        with op.batch_alter_table("conversations") as batch:
            batch.drop_column("project_id")
        for statement in search.SQLITE_TRIGGERS_UP:
            op.execute(statement)
    else:
        op.drop_constraint("fk_conversations_project_id", "conversations", type_="foreignkey")
        op.drop_column("conversations", "project_id")
    op.drop_table("knowledge_chunks")
    op.drop_table("project_files")
    op.drop_table("projects")
