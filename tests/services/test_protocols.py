"""ANATEL protocol numbers: format, the backend's sequence, uniqueness across processes."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import text

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.services import protocols
from tests.factories import subscriber
from tests.services.concurrency import open_tickets, run_processes


def test_format_is_sao_paulo_date_and_ten_digit_sequence() -> None:
    assert protocols.format_protocol(dt.date(2026, 11, 30), 42) == "202611300000000042"
    assert (
        len(protocols.format_protocol(dt.date(2026, 1, 1), 10**10 - 1))
        == protocols.PROTOCOL_LENGTH
        == 18
    )
    assert protocols.display_protocol("202611300000000042") == "20261130 00000 00042"


def test_next_protocol_uses_sao_paulo_day_and_increments(db: Database) -> None:
    # 02:30 UTC on 1 Dec is still 30 Nov in São Paulo (UTC-3).
    moment = dt.datetime(2026, 12, 1, 2, 30, tzinfo=dt.UTC)
    with db.session() as session:
        first = protocols.next_protocol(session, moment)
        second = protocols.next_protocol(session, moment)
    assert first.startswith("20261130") and second.startswith("20261130")
    assert re.fullmatch(r"\d{18}", first)
    assert int(second[8:]) == int(first[8:]) + 1


def test_postgresql_uses_a_real_sequence_and_sqlite_the_counter_row(db: Database) -> None:
    with db.session() as session:
        protocols.next_protocol(session)
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            assert (
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_class WHERE relkind = 'S' AND relname = 'protocol_seq'"
                    )
                ).scalar()
                == 1
            )
        else:
            assert (
                conn.execute(text("SELECT value FROM protocol_counter WHERE id = 1")).scalar() >= 1
            )


def test_a_rolled_back_sqlite_transaction_does_not_burn_or_duplicate(db: Database) -> None:
    with db.session() as session:
        before = protocols.next_sequence_value(session)
    try:
        with db.session() as session:
            protocols.next_sequence_value(session)
            raise RuntimeError("abort")
    except RuntimeError:
        pass
    with db.session() as session:
        after = protocols.next_sequence_value(session)
    # PostgreSQL leaves a gap (allowed); SQLite gives the rolled-back value again.
    assert after == before + (2 if db.dialect == "postgresql" else 1)


def test_four_processes_opening_fifty_tickets_each_get_200_distinct_protocols(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = subscriber(db)
    results = run_processes(
        open_tickets, [(db.url, attendant.user_id, sub_id, 50) for _ in range(4)]
    )
    every = [p for chunk in results for p in chunk]
    assert len(every) == 200
    assert len(set(every)) == 200
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(DISTINCT protocol) FROM tickets")).scalar() == 200
