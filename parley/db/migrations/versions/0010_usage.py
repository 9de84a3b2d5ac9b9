"""usage: what the prompt cache served and stored for each answer, and the answer's cost

In place (ADD COLUMN), not a batch: rebuilding `messages` on SQLite would break the search
triggers that refer to it (0005).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 00:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("cache_read_tokens", sa.Integer()),
    ("cache_write_tokens", sa.Integer()),
    ("cost_usd", sa.Float()),
)


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("messages", sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    for name, _kind in reversed(COLUMNS):
        # SQLite drops a plain column in place (3.35+), leaving the triggers alone
        op.execute(f"ALTER TABLE messages DROP COLUMN {name}")
