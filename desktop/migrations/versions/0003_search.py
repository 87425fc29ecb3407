"""name search indexes: pg_trgm GIN on PostgreSQL, FTS5 trigram on SQLite

Revision ID: 0003_search
Revises: 0002_outbox
Create Date: 2026-12-07 12:30:00

Neither is a mapped model (``desktop.models.unmodelled`` tells Alembic's comparison to
leave them alone).  On SQLite the FTS5 table is an external-content index of
``subscribers.name_search`` kept in step by triggers, so every writer — the app, ``import
customers``, the demo — keeps it current without knowing it exists.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from desktop.models.unmodelled import create_sqlite_name_index, drop_sqlite_name_index

revision: str = "0003_search"
down_revision: str | None = "0002_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX IF NOT EXISTS ix_subscribers_name_trgm "
            "ON subscribers USING gin (name_search gin_trgm_ops)"
        )
    else:
        create_sqlite_name_index(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_subscribers_name_trgm")
    else:
        drop_sqlite_name_index(op.get_bind())
