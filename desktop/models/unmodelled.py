"""Schema objects that are not mapped models: the name search indexes.

``include_name`` keeps Alembic's model comparison (``env.py`` and the migration test) away
from them.  A later SQLite migration that rebuilds ``subscribers`` in batch mode drops its
triggers: such a migration must call ``create_sqlite_name_index`` again.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from sqlalchemy import Connection, text

SQLITE_NAME_INDEX = "subscriber_names"
UNMODELLED_INDEXES = frozenset({"ix_subscribers_name_trgm"})

_TRIGGERS = {
    "subscriber_names_ai": "AFTER INSERT ON subscribers BEGIN "
    "INSERT INTO subscriber_names(rowid, name_search) VALUES (new.id, new.name_search); END",
    "subscriber_names_ad": "AFTER DELETE ON subscribers BEGIN "
    "INSERT INTO subscriber_names(subscriber_names, rowid, name_search) "
    "VALUES ('delete', old.id, old.name_search); END",
    "subscriber_names_au": "AFTER UPDATE OF name_search ON subscribers BEGIN "
    "INSERT INTO subscriber_names(subscriber_names, rowid, name_search) "
    "VALUES ('delete', old.id, old.name_search); "
    "INSERT INTO subscriber_names(rowid, name_search) VALUES (new.id, new.name_search); END",
}


def include_name(name: str | None, type_: str, _parent_names: MutableMapping[Any, Any]) -> bool:
    if name is None:
        return True
    if type_ == "table" and name.startswith(SQLITE_NAME_INDEX):
        return False  # the FTS5 table and its shadow tables
    return not (type_ == "index" and name in UNMODELLED_INDEXES)


def create_sqlite_name_index(conn: Connection) -> None:
    """The FTS5 trigram index of the folded names, filled, and the triggers that keep it."""
    conn.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_NAME_INDEX} USING fts5("
            "name_search, content='subscribers', content_rowid='id', tokenize='trigram')"
        )
    )
    conn.execute(text(f"INSERT INTO {SQLITE_NAME_INDEX}({SQLITE_NAME_INDEX}) VALUES ('rebuild')"))
    for name, body in _TRIGGERS.items():
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        conn.execute(text(f"CREATE TRIGGER {name} {body}"))


def drop_sqlite_name_index(conn: Connection) -> None:
    for name in _TRIGGERS:
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    conn.execute(text(f"DROP TABLE IF EXISTS {SQLITE_NAME_INDEX}"))
