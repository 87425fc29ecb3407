"""PostgreSQL month partitions of the big tables (SQLite keeps plain tables).

``calls`` (our own CDR table) is partitioned directly, by São Paulo month of ``started_at``:
its primary key is (id, started_at) and its unique key (source_key, started_at), because a
unique constraint on a partitioned table must contain the partition key.  ``source_key``
already contains the call's start (``CdrRecord.source_key``), so that key is as strict as the
old one and the import's ``ON CONFLICT`` still recognizes a call imported before.

``radacct`` is FreeRADIUS's: its stock 3.2 queries do ``INSERT … ON CONFLICT (AcctUniqueId)``
and ``UPDATE … WHERE AcctUniqueId = …``, which need a unique index on ``acctuniqueid`` alone,
impossible on a partitioned table.  So ``radacct`` stays a plain table that FreeRADIUS keeps
writing unchanged, holding open sessions and the last days' closed ones; ``jobs run`` moves
older closed sessions into ``particoes.radacct_historico``, partitioned by month of
``acctstarttime``; the view ``radacct_all`` (``radacct`` UNION ALL the history) is what the
connection statement reads.  Month bounds are São Paulo midnights, so a statement month is
exactly one partition.

Partitions live in the schema ``particoes`` (the app's tables are in the default schema, so
the schema comparison of the migrations test does not see them), named ``<prefix>_YYYY_MM``,
with a ``<prefix>_padrao`` DEFAULT partition catching a row no month partition covers yet (an
old CDR file, say): :func:`create_months` moves such rows into their month when it makes it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text

SAO_PAULO = ZoneInfo("America/Sao_Paulo")  # months are the provider's, like the statements'
SCHEMA = "particoes"
RADACCT_VIEW = "radacct_all"
# One maintenance at a time per database: DDL of two ``jobs run`` at once would collide.
LOCK_KEY = 0x43410013


@dataclass(frozen=True)
class Partitioned:
    parent: str  # qualified name of the partitioned table
    prefix: str  # partition names: prefix_YYYY_MM
    column: str  # the partition key (a timestamptz)


CALLS = Partitioned("calls", "calls", "started_at")
RADACCT_HISTORY = Partitioned(f"{SCHEMA}.radacct_historico", "radacct", "acctstarttime")


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def this_month() -> dt.date:
    return month_start(dt.datetime.now(SAO_PAULO).date())


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=SAO_PAULO).astimezone(dt.UTC)


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The São Paulo month as UTC instants [start, end)."""
    return _midnight(month), _midnight(add_months(month, 1))


def partition_name(spec: Partitioned, month: dt.date) -> str:
    return f"{spec.prefix}_{month:%Y_%m}"


def _literal(moment: dt.datetime) -> str:
    return f"'{moment.astimezone(dt.UTC).isoformat()}'"


_BOUND = re.compile(r"FROM \('([^']+)'\) TO \('([^']+)'\)")


def partitions(conn: Connection, spec: Partitioned) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    """The month partitions of ``spec`` and their bounds, read from the catalog (the bounds
    PostgreSQL enforces, not what the names say)."""
    rows = conn.execute(
        text(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
            "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = CAST(:parent AS regclass)"
        ),
        {"parent": spec.parent},
    )
    found: dict[str, tuple[dt.datetime, dt.datetime]] = {}
    for name, bound in rows:
        match = _BOUND.search(bound)
        if match:  # the DEFAULT partition has no bounds
            low, high = (dt.datetime.fromisoformat(v) for v in match.groups())
            found[name] = (low, high)
    return found


def _default(spec: Partitioned) -> str:
    return f"{SCHEMA}.{spec.prefix}_padrao"


def create_months(conn: Connection, spec: Partitioned, months: list[dt.date]) -> list[str]:
    """Create the month partitions of ``months`` that are missing; returns their names.

    A month some of whose rows sit in the DEFAULT partition is made as a plain table, gets
    those rows and is then attached (PostgreSQL refuses a partition whose rows are in the
    default one)."""
    existing = partitions(conn, spec)
    made = []
    for month in sorted(set(months)):
        name = partition_name(spec, month)
        if name in existing:
            continue
        low, high = month_bounds(month)
        bounds = f"FOR VALUES FROM ({_literal(low)}) TO ({_literal(high)})"
        qualified = f"{SCHEMA}.{name}"
        in_range = f"{spec.column} >= {_literal(low)} AND {spec.column} < {_literal(high)}"
        strays = conn.execute(text(f"SELECT 1 FROM {_default(spec)} WHERE {in_range} LIMIT 1"))
        if strays.first() is None:
            conn.execute(text(f"CREATE TABLE {qualified} PARTITION OF {spec.parent} {bounds}"))
        else:
            conn.execute(text(f"CREATE TABLE {qualified} (LIKE {spec.parent} INCLUDING DEFAULTS)"))
            conn.execute(
                text(
                    f"WITH moved AS (DELETE FROM {_default(spec)} WHERE {in_range} RETURNING *) "
                    f"INSERT INTO {qualified} SELECT * FROM moved"
                )
            )
            conn.execute(text(f"ALTER TABLE {spec.parent} ATTACH PARTITION {qualified} {bounds}"))
        made.append(name)
    return made


def stray_months(conn: Connection, spec: Partitioned) -> list[dt.date]:
    """São Paulo months of the rows waiting in the DEFAULT partition."""
    rows = conn.execute(
        text(
            f"SELECT DISTINCT CAST(date_trunc('month', {spec.column} AT TIME ZONE "
            f"'America/Sao_Paulo') AS date) FROM {_default(spec)} WHERE {spec.column} IS NOT NULL"
        )
    )
    return [row[0] for row in rows]


def drop_expired(conn: Connection, spec: Partitioned, keep_from: dt.datetime) -> list[str]:
    """Drop the partitions whose every possible row started before ``keep_from``.

    Decided by the partition's upper bound as PostgreSQL enforces it, so a partition that can
    hold a row younger than the retention is never dropped."""
    dropped = []
    for name, (_low, high) in sorted(partitions(conn, spec).items()):
        if high <= keep_from:
            conn.execute(text(f"DROP TABLE {SCHEMA}.{name}"))
            dropped.append(name)
    return dropped


def lock(conn: Connection) -> None:
    """Serialize maintenance in this database until the transaction ends."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})


# --------------------------------------------------------------------------- layout
def create_calls_layout(conn: Connection, months: list[dt.date]) -> None:
    """Turn the plain ``calls`` table into one partitioned by month (migration 0013)."""
    conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
    conn.execute(
        text(
            "CREATE TABLE calls_partitioned (LIKE calls INCLUDING DEFAULTS) "
            "PARTITION BY RANGE (started_at)"
        )
    )
    conn.execute(text(f"CREATE TABLE {_default(CALLS)} PARTITION OF calls_partitioned DEFAULT"))
    spans = conn.execute(
        text(
            "SELECT CAST(date_trunc('month', min(started_at) AT TIME ZONE 'America/Sao_Paulo') "
            "AS date), CAST(date_trunc('month', max(started_at) AT TIME ZONE "
            "'America/Sao_Paulo') AS date) FROM calls"
        )
    ).one()
    wanted = list(months)
    if spans[0] is not None:
        month = spans[0]
        while month <= spans[1]:
            wanted.append(month)
            month = add_months(month, 1)
    create_months(conn, Partitioned("calls_partitioned", "calls", "started_at"), wanted)
    conn.execute(text("INSERT INTO calls_partitioned SELECT * FROM calls"))
    conn.execute(text("ALTER SEQUENCE calls_id_seq OWNED BY calls_partitioned.id"))
    conn.execute(text("DROP TABLE calls"))
    conn.execute(text("ALTER TABLE calls_partitioned RENAME TO calls"))
    # Keys and indexes after the copy (faster), with the names the models give them.
    conn.execute(text("ALTER TABLE calls ADD CONSTRAINT pk_calls PRIMARY KEY (id, started_at)"))
    conn.execute(
        text(
            "ALTER TABLE calls ADD CONSTRAINT uq_calls_source_key_started_at "
            "UNIQUE (source_key, started_at)"
        )
    )
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


def create_radacct_history(conn: Connection) -> None:
    """The history table, its default partition and the ``radacct_all`` view, next to a
    ``radacct`` made by our migrations or by FreeRADIUS's own ``schema.sql``; idempotent.

    A column FreeRADIUS adds to ``radacct`` in a later version is added to the history too.
    """
    conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
    parent = RADACCT_HISTORY.parent
    conn.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {parent} (LIKE radacct, "
            "PRIMARY KEY (radacctid, acctstarttime)) PARTITION BY RANGE (acctstarttime)"
        )
    )
    conn.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS {_default(RADACCT_HISTORY)} PARTITION OF {parent} DEFAULT"
        )
    )
    # The statement's index (one login's period in start order), on every partition.
    conn.execute(
        text(
            "CREATE INDEX IF NOT EXISTS radacct_historico_user_start_idx "
            f"ON {parent} (username, acctstarttime, radacctid)"
        )
    )
    current = _columns(conn, "radacct")
    history = _columns(conn, parent)
    added = [name for name in current if name not in history]
    for name in added:
        conn.execute(
            text(f'ALTER TABLE {parent} ADD COLUMN "{name}" {_column_type(conn, "radacct", name)}')
        )
    if added or not has_history(conn):
        _create_view(conn, current)


def _create_view(conn: Connection, columns: list[str]) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    parent = RADACCT_HISTORY.parent
    conn.execute(text(f"DROP VIEW IF EXISTS {RADACCT_VIEW}"))
    conn.execute(
        text(
            f"CREATE VIEW {RADACCT_VIEW} AS SELECT {names} FROM radacct "
            f"UNION ALL SELECT {names} FROM {parent}"
        )
    )


def _columns(conn: Connection, table: str) -> list[str]:
    rows = conn.execute(
        text(
            "SELECT attname FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) "
            "AND attnum > 0 AND NOT attisdropped ORDER BY attnum"
        ),
        {"t": table},
    )
    return [row[0] for row in rows]


def _column_type(conn: Connection, table: str, column: str) -> str:
    return str(
        conn.execute(
            text(
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attrelid = CAST(:t AS regclass) AND attname = :c"
            ),
            {"t": table, "c": column},
        ).scalar_one()
    )


def history_columns(conn: Connection) -> list[str]:
    """The columns ``radacct`` and its history share (what a move copies)."""
    history = set(_columns(conn, RADACCT_HISTORY.parent))
    return [c for c in _columns(conn, "radacct") if c in history]


def has_history(conn: Connection) -> bool:
    return conn.execute(text(f"SELECT to_regclass('{RADACCT_VIEW}')")).scalar() is not None


def move_closed_sessions(conn: Connection, stopped_before: dt.datetime, batch: int) -> int:
    """Move up to ``batch`` sessions stopped before ``stopped_before`` from ``radacct`` into
    the history, in one statement: the DELETE … RETURNING feeds the INSERT, so a session is
    in exactly one of the two tables at every instant.  ``FOR UPDATE SKIP LOCKED``: two
    ``jobs run`` at once take different sessions (and a row FreeRADIUS is updating right now
    waits for the next run).  A session without a start time stays in ``radacct``."""
    names = ", ".join(f'"{c}"' for c in history_columns(conn))
    result = conn.execute(
        text(
            "WITH chosen AS (SELECT radacctid FROM radacct WHERE acctstoptime < :before "
            "AND acctstarttime IS NOT NULL ORDER BY radacctid LIMIT :batch "
            "FOR UPDATE SKIP LOCKED), "
            "moved AS (DELETE FROM radacct r USING chosen WHERE r.radacctid = chosen.radacctid "
            "RETURNING r.*) "
            f"INSERT INTO {RADACCT_HISTORY.parent} ({names}) SELECT {names} FROM moved"
        ),
        {"before": stopped_before, "batch": batch},
    )
    return int(result.rowcount)
