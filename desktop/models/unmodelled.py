"""Schema objects that are not mapped models: the triggers that keep the name word index.

Every writer of ``subscribers`` — the app, ``import customers``, the demo's bulk load —
keeps the word index (``desktop.models.search``) current through these triggers:

* PostgreSQL: an INSERT fills the words of all its rows in one set-based statement (a
  statement-level trigger over the transition table ``new_rows``; COPY fires it too), so a
  COPY of 2,000 customers costs one INSERT ... SELECT, not 2,000 plpgsql calls (measured
  at 200,000 imported customers: 32 s with the row trigger, 18 s without any).  A rename or
  a delete, one row at a time, keeps a row trigger.
* SQLite has only row triggers.  Bulk writers wrap their INSERT in
  :func:`bulk_subscriber_insert`, which takes the insert trigger out for the statement and
  fills the words of the new rows in one statement, in key order.  That is safe only
  because SQLite writes one transaction at a time and DDL is transactional: the writer holds
  the database's write lock, and no committed state ever lacks the trigger.

A later SQLite migration that rebuilds ``subscribers`` in batch mode drops its triggers: such
a migration must call ``create_name_word_triggers`` again (the search test of a new
subscriber fails otherwise).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

# SQLite has no split(): the folded name becomes a JSON array of its words for json_each.
_SQLITE_WORDS = (
    "json_each('[\"' || replace(replace(replace({n}, '\\', '\\\\'), '\"', '\\\"'), ' ', '\",\"')"
    " || '\"]')"
)


def _sqlite_fill(row: str) -> str:
    words = _SQLITE_WORDS.format(n=f"{row}.name_search")
    return (
        "INSERT OR IGNORE INTO subscriber_words (word, name_search, subscriber_id) "
        f"SELECT value, {row}.name_search, {row}.id FROM {words} WHERE value <> ''; "
        f"INSERT OR IGNORE INTO name_words (word) SELECT value FROM {words} WHERE value <> ''; "
    )


_SQLITE_INSERT_TRIGGER = "subscriber_words_ai"
_SQLITE_TRIGGERS = {
    _SQLITE_INSERT_TRIGGER: f"AFTER INSERT ON subscribers BEGIN {_sqlite_fill('new')}END",
    "subscriber_words_ad": "AFTER DELETE ON subscribers BEGIN "
    "DELETE FROM subscriber_words WHERE subscriber_id = old.id; END",
    "subscriber_words_au": "AFTER UPDATE OF name_search ON subscribers BEGIN "
    f"DELETE FROM subscriber_words WHERE subscriber_id = old.id; {_sqlite_fill('new')}END",
}


def _pg_fill(rows: str) -> str:
    """Words of every row of ``rows`` (a table or transition table with id, name_search),
    inserted in key order (a B-tree takes sorted keys with far fewer page visits)."""
    return f"""
        INSERT INTO subscriber_words (word, name_search, subscriber_id)
            SELECT DISTINCT w, r.name_search, r.id
            FROM {rows} AS r, unnest(string_to_array(r.name_search, ' ')) AS w WHERE w <> ''
            ORDER BY 1, 2, 3
            ON CONFLICT DO NOTHING;
        INSERT INTO name_words (word)
            SELECT DISTINCT w FROM {rows} AS r, unnest(string_to_array(r.name_search, ' ')) AS w
            WHERE w <> '' ORDER BY 1
            ON CONFLICT DO NOTHING;
    """


_PG_ROW_FUNCTION = """
CREATE OR REPLACE FUNCTION subscriber_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM subscriber_words WHERE subscriber_id = OLD.id;
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO subscriber_words (word, name_search, subscriber_id)
            SELECT DISTINCT w, NEW.name_search, NEW.id
            FROM unnest(string_to_array(NEW.name_search, ' ')) AS w WHERE w <> ''
            ON CONFLICT DO NOTHING;
        INSERT INTO name_words (word)
            SELECT DISTINCT w FROM unnest(string_to_array(NEW.name_search, ' ')) AS w
            WHERE w <> '' ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$
"""

_PG_STATEMENT_FUNCTION = f"""
CREATE OR REPLACE FUNCTION subscriber_words_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_pg_fill("new_rows")}
    RETURN NULL;
END $$
"""


def create_name_word_triggers(conn: Connection, *, fill: bool = True) -> None:
    """The triggers on ``subscribers``; with ``fill``, the index of the rows already there."""
    if conn.dialect.name == "postgresql":
        drop_name_word_triggers(conn)
        conn.execute(text(_PG_ROW_FUNCTION))
        conn.execute(text(_PG_STATEMENT_FUNCTION))
        conn.execute(
            text(
                "CREATE TRIGGER subscriber_words_sync AFTER DELETE OR UPDATE OF name_search "
                "ON subscribers FOR EACH ROW EXECUTE FUNCTION subscriber_words_sync()"
            )
        )
        conn.execute(
            text(
                "CREATE TRIGGER subscriber_words_insert AFTER INSERT ON subscribers "
                "REFERENCING NEW TABLE AS new_rows "
                "FOR EACH STATEMENT EXECUTE FUNCTION subscriber_words_insert()"
            )
        )
        if fill:
            conn.exec_driver_sql(_pg_fill("subscribers"))
        return
    for name, body in _SQLITE_TRIGGERS.items():
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        conn.execute(text(f"CREATE TRIGGER {name} {body}"))
    if fill:
        _sqlite_fill_range(conn, None)


def _sqlite_fill_range(conn: Connection, ids: tuple[int, int] | None) -> None:
    words = _SQLITE_WORDS.format(n="s.name_search")
    where = "value <> ''" + (" AND s.id BETWEEN :lo AND :hi" if ids else "")
    params = {"lo": ids[0], "hi": ids[1]} if ids else {}
    conn.execute(
        text(
            "INSERT OR IGNORE INTO subscriber_words (word, name_search, subscriber_id) "
            f"SELECT value, s.name_search, s.id FROM subscribers s, {words} WHERE {where} "
            "ORDER BY 1, 2, 3"
        ),
        params,
    )
    conn.execute(
        text(
            "INSERT OR IGNORE INTO name_words (word) "
            f"SELECT DISTINCT value FROM subscribers s, {words} WHERE {where} ORDER BY 1"
        ),
        params,
    )


@contextmanager
def bulk_subscriber_insert(conn: Connection, first_id: int, last_id: int) -> Iterator[None]:
    """Around a bulk INSERT of subscribers with ids in ``first_id..last_id``, inside the
    writer's transaction: on SQLite their words go in with one statement after the insert
    (see the module); on PostgreSQL the statement trigger already does that.

    The words and the trigger are put back even when the insert fails, so a caller that
    catches the error and commits what went in still leaves a complete index."""
    if conn.dialect.name != "sqlite":
        yield
        return
    conn.execute(text(f"DROP TRIGGER {_SQLITE_INSERT_TRIGGER}"))
    try:
        yield
    finally:
        _sqlite_fill_range(conn, (first_id, last_id))
        conn.execute(
            text(
                f"CREATE TRIGGER {_SQLITE_INSERT_TRIGGER} {_SQLITE_TRIGGERS[_SQLITE_INSERT_TRIGGER]}"
            )
        )


def drop_name_word_triggers(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("DROP TRIGGER IF EXISTS subscriber_words_sync ON subscribers"))
        conn.execute(text("DROP TRIGGER IF EXISTS subscriber_words_insert ON subscribers"))
        conn.execute(text("DROP FUNCTION IF EXISTS subscriber_words_sync()"))
        conn.execute(text("DROP FUNCTION IF EXISTS subscriber_words_insert()"))
        return
    for name in _SQLITE_TRIGGERS:
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
