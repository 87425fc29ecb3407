"""The name word index under bulk writes: one statement of many subscribers (COPY on
PostgreSQL, the import's ``bulk_subscriber_insert`` on SQLite) indexes every one of them, and
a failed bulk insert never leaves SQLite without its insert trigger."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, text
from sqlalchemy.exc import IntegrityError

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.text import search_key
from desktop.models import Base, Subscriber
from desktop.models.unmodelled import bulk_subscriber_insert
from desktop.services import bulk_rows, subscribers
from tests.factories import CPFS, subscriber

SUBSCRIBERS = Base.metadata.tables["subscribers"]
COLUMNS = ("id", "document", "person_type", "name", "name_search", "failed_logins", "created_at")


def _records(ids: list[int], names: list[str], documents: list[str]) -> list[tuple[object, ...]]:
    now = dt.datetime.now(dt.UTC)
    return [
        (i, doc, "F", name, search_key(name), 0, now)
        for i, name, doc in zip(ids, names, documents, strict=True)
    ]


def _bulk(db: Database, names: list[str], documents: list[str]) -> list[int]:
    with db.session() as session:
        ids = bulk_rows.allocate_ids(session, SUBSCRIBERS, len(names))
        with bulk_subscriber_insert(session.connection(), ids[0], ids[-1]):
            bulk_rows.insert_rows(session, SUBSCRIBERS, COLUMNS, _records(ids, names, documents))
        return ids


def _found(db: Database, actor: CounterActor, query: str) -> list[int]:
    return [h.id for h in subscribers.search(db, actor, query)]


def test_one_bulk_statement_indexes_every_subscriber(db: Database, attendant: CounterActor) -> None:
    names = ["Íris Valadão Prates", "Otávio Prates", "Valéria Nunes Ígor"]
    ids = _bulk(db, names, CPFS[:3])
    assert sorted(_found(db, attendant, "prates")) == sorted(ids[:2])
    assert _found(db, attendant, "valeria ig") == [ids[2]]
    assert _found(db, attendant, "iris") == [ids[0]]
    # The app's own one-row insert is still indexed after the bulk statement (trigger back).
    later, _ = subscriber(db, "Prudêncio Prates", CPFS[3])
    assert later in _found(db, attendant, "prudencio")
    with db.session() as session:
        session.execute(delete(Subscriber).where(Subscriber.id == ids[1]))
    assert sorted(_found(db, attendant, "prates")) == sorted([ids[0], later])


def test_a_failed_bulk_insert_keeps_the_index_whole(db: Database, attendant: CounterActor) -> None:
    taken, _ = subscriber(db, "Dona Primeira", CPFS[0])
    with pytest.raises(IntegrityError), db.session() as session:
        ids = bulk_rows.allocate_ids(session, SUBSCRIBERS, 2)
        with bulk_subscriber_insert(session.connection(), ids[0], ids[-1]):
            records = _records(ids, ["Zélia Repetida", "Xisto Repetido"], [CPFS[1], CPFS[0]])
            bulk_rows.insert_rows(session, SUBSCRIBERS, COLUMNS, records)
    assert _found(db, attendant, "zelia") == []  # the batch rolled back as a whole
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as conn:
            triggers = conn.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'subscribers'"
                )
            ).scalars()
            assert "subscriber_words_ai" in set(triggers)
    new, _ = subscriber(db, "Quitéria Depois", CPFS[2])
    assert _found(db, attendant, "quiteria") == [new]
    assert _found(db, attendant, "primeira") == [taken]
