"""files: uploads and sandbox outputs, their bytes in the blob store

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "files",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=150), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("processed", sa.Boolean(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("text_chars", sa.Integer(), nullable=True),
        sa.Column("text_truncated", sa.Boolean(), nullable=False),
        sa.Column("token_estimate", sa.Integer(), nullable=False),
        sa.Column("has_preview", sa.Boolean(), nullable=False),
        sa.Column("model_media_type", sa.String(length=50), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_files_user_created", "files", ["user_id", "created_at"])
    op.create_index("ix_files_conversation_id", "files", ["conversation_id"])
    op.create_index("ix_files_sha256", "files", ["sha256"])
    with op.batch_alter_table("execution_files") as batch:
        batch.add_column(sa.Column("file_id", sa.String(length=32), nullable=True))
        batch.create_foreign_key(
            "fk_execution_files_file_id", "files", ["file_id"], ["id"], ondelete="SET NULL"
        )
        batch.alter_column("data", existing_type=sa.LargeBinary(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("execution_files") as batch:
        batch.drop_constraint("fk_execution_files_file_id", type_="foreignkey")
        batch.drop_column("file_id")
    op.drop_index("ix_files_sha256", table_name="files")
    op.drop_index("ix_files_conversation_id", table_name="files")
    op.drop_index("ix_files_user_created", table_name="files")
    op.drop_table("files")
