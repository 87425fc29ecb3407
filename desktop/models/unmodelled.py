"""Schema objects that are not mapped models: the triggers that keep the name word index.

A later SQLite migration that rebuilds ``subscribers`` in batch mode drops its triggers: such
a migration must call ``create_name_word_triggers`` again (the search test of a new
subscriber fails otherwise).
"""

from __future__ import annotations

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


_SQLITE_TRIGGERS = {
    "subscriber_words_ai": f"AFTER INSERT ON subscribers BEGIN {_sqlite_fill('new')}END",
    "subscriber_words_ad": "AFTER DELETE ON subscribers BEGIN "
    "DELETE FROM subscriber_words WHERE subscriber_id = old.id; END",
    "subscriber_words_au": "AFTER UPDATE OF name_search ON subscribers BEGIN "
    f"DELETE FROM subscriber_words WHERE subscriber_id = old.id; {_sqlite_fill('new')}END",
}

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION subscriber_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM subscriber_words WHERE subscriber_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
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


def create_name_word_triggers(conn: Connection) -> None:
    """The triggers on ``subscribers``, and the index filled from the rows already there."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(_PG_FUNCTION))
        conn.execute(text("DROP TRIGGER IF EXISTS subscriber_words_sync ON subscribers"))
        conn.execute(
            text(
                "CREATE TRIGGER subscriber_words_sync AFTER INSERT OR DELETE OR UPDATE OF "
                "name_search ON subscribers FOR EACH ROW EXECUTE FUNCTION subscriber_words_sync()"
            )
        )
        conn.execute(
            text(
                "INSERT INTO subscriber_words (word, name_search, subscriber_id) "
                "SELECT DISTINCT w, s.name_search, s.id FROM subscribers s, "
                "unnest(string_to_array(s.name_search, ' ')) AS w WHERE w <> '' "
                "ON CONFLICT DO NOTHING"
            )
        )
        conn.execute(
            text(
                "INSERT INTO name_words (word) SELECT DISTINCT word FROM subscriber_words "
                "ON CONFLICT DO NOTHING"
            )
        )
        return
    for name, body in _SQLITE_TRIGGERS.items():
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        conn.execute(text(f"CREATE TRIGGER {name} {body}"))
    words = _SQLITE_WORDS.format(n="s.name_search")
    conn.execute(
        text(
            "INSERT OR IGNORE INTO subscriber_words (word, name_search, subscriber_id) "
            f"SELECT value, s.name_search, s.id FROM subscribers s, {words} WHERE value <> ''"
        )
    )
    conn.execute(
        text("INSERT OR IGNORE INTO name_words (word) SELECT DISTINCT word FROM subscriber_words")
    )


def drop_name_word_triggers(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("DROP TRIGGER IF EXISTS subscriber_words_sync ON subscribers"))
        conn.execute(text("DROP FUNCTION IF EXISTS subscriber_words_sync()"))
        return
    for name in _SQLITE_TRIGGERS:
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
