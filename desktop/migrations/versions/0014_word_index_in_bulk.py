"""the name word index filled per INSERT statement on PostgreSQL, not per row

Revision ID: 0014_word_index_in_bulk
Revises: 0011_integrity
Create Date: 2026-12-07 20:15:00

PostgreSQL: the row trigger on INSERT becomes a statement-level trigger over the transition
table (``desktop.models.unmodelled``): a COPY of thousands of customers fills their words in
one statement.  Rename and delete keep a row trigger.  The index itself is unchanged, so it
is not refilled.

SQLite: both tables become WITHOUT ROWID.  A rowid table with a composite primary key is
two B-trees (the rows, and the key's index holding every column again); the word index is
read and written only by its key, so one B-tree does: half the pages written per new
subscriber, and the search reads the same key order.  Triggers go first (they name the
tables) and come back as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from desktop.models.unmodelled import create_name_word_triggers, drop_name_word_triggers

revision: str = "0014_word_index_in_bulk"
down_revision: str | None = "0011_integrity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


TABLES = {
    "subscriber_words": (
        "word VARCHAR(120) NOT NULL, name_search VARCHAR(120) NOT NULL, "
        "subscriber_id INTEGER NOT NULL, "
        "CONSTRAINT pk_subscriber_words PRIMARY KEY (word, name_search, subscriber_id)",
        "word, name_search, subscriber_id",
    ),
    "name_words": (
        "word VARCHAR(120) NOT NULL, CONSTRAINT pk_name_words PRIMARY KEY (word)",
        "word",
    ),
}


def _rebuild_sqlite(with_rowid: bool) -> None:
    conn = op.get_bind()
    drop_name_word_triggers(conn)
    suffix = "" if with_rowid else " WITHOUT ROWID"
    for table, (columns, key) in TABLES.items():
        op.execute(f"CREATE TABLE {table}_rebuilt ({columns}){suffix}")
        op.execute(f"INSERT INTO {table}_rebuilt SELECT {key} FROM {table} ORDER BY {key}")
        op.execute(f"DROP TABLE {table}")
        op.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    create_name_word_triggers(conn, fill=False)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(with_rowid=False)
    else:
        create_name_word_triggers(op.get_bind(), fill=False)


def downgrade() -> None:
    # PostgreSQL: the statement trigger fills exactly what the row trigger did.
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(with_rowid=True)
