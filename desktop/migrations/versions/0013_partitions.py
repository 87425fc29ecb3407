"""month partitions on PostgreSQL: calls partitioned, radacct's closed sessions in a history

Revision ID: 0013_partitions
Revises: 0004_two_systems
Create Date: 2026-12-07 16:00:00

See ``desktop.models.partitioning`` for the layout and why ``radacct`` itself stays plain.
SQLite keeps plain tables; both backends get the unique key (source_key, started_at) of
``calls``, the one a partitioned table can have (``source_key`` contains the start anyway).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from desktop.models import partitioning as p

revision: str = "0013_partitions"
down_revision: str | None = "0004_two_systems"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _months() -> list[dt.date]:
    # Last month to three ahead; ``jobs run`` keeps the window moving.
    this = p.this_month()
    return [p.add_months(this, n) for n in range(-1, 4)]


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        with op.batch_alter_table("calls", schema=None) as batch_op:
            batch_op.drop_constraint("uq_calls_source_key", type_="unique")
            batch_op.create_unique_constraint(
                "uq_calls_source_key_started_at", ["source_key", "started_at"]
            )
        return
    p.create_calls_layout(conn, _months())
    p.create_radacct_history(conn)
    p.create_months(conn, p.RADACCT_HISTORY, _months())


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        with op.batch_alter_table("calls", schema=None) as batch_op:
            batch_op.drop_constraint("uq_calls_source_key_started_at", type_="unique")
            batch_op.create_unique_constraint("uq_calls_source_key", ["source_key"])
        return
    names = ", ".join(f'"{c}"' for c in p.history_columns(conn))
    conn.execute(
        text(f"INSERT INTO radacct ({names}) SELECT {names} FROM {p.RADACCT_HISTORY.parent}")
    )
    conn.execute(text(f"DROP VIEW {p.RADACCT_VIEW}"))
    conn.execute(text(f"DROP TABLE {p.RADACCT_HISTORY.parent}"))
    conn.execute(text("CREATE TABLE calls_plain (LIKE calls INCLUDING DEFAULTS)"))
    conn.execute(text("INSERT INTO calls_plain SELECT * FROM calls"))
    conn.execute(text("ALTER SEQUENCE calls_id_seq OWNED BY calls_plain.id"))
    conn.execute(text("DROP TABLE calls"))
    conn.execute(text(f"DROP SCHEMA {p.SCHEMA} CASCADE"))
    conn.execute(text("ALTER TABLE calls_plain RENAME TO calls"))
    conn.execute(text("ALTER TABLE calls ADD CONSTRAINT pk_calls PRIMARY KEY (id)"))
    conn.execute(text("ALTER TABLE calls ADD CONSTRAINT uq_calls_source_key UNIQUE (source_key)"))
    conn.execute(
        text(
            "ALTER TABLE calls ADD CONSTRAINT fk_calls_terminal_id_terminals FOREIGN KEY "
            "(terminal_id) REFERENCES terminals (id) ON DELETE CASCADE"
        )
    )
    conn.execute(
        text("CREATE INDEX ix_calls_terminal_started ON calls (terminal_id, started_at, id)")
    )
    conn.execute(
        text(
            "CREATE INDEX ix_calls_terminal_type_started ON calls "
            "(terminal_id, call_type, started_at)"
        )
    )
