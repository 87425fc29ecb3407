"""Every read of connection records is audited, once per view (issue 14 item 10; Marco Civil
Art. 13).  The rule is in ``desktop.services.connection_audit``; each entry point is tried:
later pages, totals, the chart, the statement (export and print), the command line and the
screen."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.domain.periods import Period
from desktop.errors import AccessDenied
from desktop.models import AuditEntry
from desktop.services import connection_audit, connection_statement, connection_totals, connections
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, subscriber
from tests.statement_factories import local, radacct, session_row

NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
VIEWED = connections.ACTION_VIEWED
PRINTED = connections.ACTION_PRINTED


def _setup(db: Database) -> tuple[int, int]:
    sub_id, _ = subscriber(db, login="maria")
    other_id, _ = subscriber(db, "Outro Assinante", CPFS[1], login="outro")
    radacct(
        db,
        [
            session_row("maria", local(2026, 11, day, 8), local(2026, 11, day, 9))
            for day in range(1, 15)
        ]
        + [session_row("outro", local(2026, 11, 5, 10), local(2026, 11, 5, 11))],
    )
    return sub_id, other_id


def _entries(db: Database) -> list[tuple[str, str, str, dict[str, Any]]]:
    with db.session() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [(r.action, r.actor, r.subject_id, json.loads(r.details)) for r in rows]


def _actions(db: Database) -> list[str]:
    return [action for action, *_ in _entries(db)]


@pytest.fixture
def flt(db: Database) -> connections.ConnectionFilter:
    sub_id, _ = _setup(db)
    return connections.ConnectionFilter(sub_id, NOVEMBER)


def test_a_later_page_without_a_first_page_is_audited(
    db: Database, attendant: CounterActor, flt: connections.ConnectionFilter
) -> None:
    """The hostile test read 14 sessions through ``page(after=<cursor>)`` with no entry."""
    items = connections.page(db, attendant, flt, after=(local(2026, 10, 1), 0), limit=100)
    assert len(items) == 14
    assert _entries(db) == [
        (VIEWED, attendant.label, str(flt.subscriber_id), {"de": "2026-11-01", "ate": "2026-11-30"})
    ]


@pytest.mark.parametrize("read", [connection_totals.totals, connection_totals.daily_traffic])
def test_totals_and_the_chart_are_audited_on_their_own(
    db: Database, attendant: CounterActor, flt: connections.ConnectionFilter, read: Any
) -> None:
    read(db, attendant, flt)
    assert _actions(db) == [VIEWED]
    read(db, attendant, flt)  # the same view: one entry
    assert _actions(db) == [VIEWED]


@pytest.mark.parametrize("summary_first", [False, True])
def test_one_view_of_the_screen_is_one_entry_in_either_order(
    db: Database, attendant: CounterActor, flt: connections.ConnectionFilter, summary_first: bool
) -> None:
    """*Ver*: the first page, totals and chart (asked for together, in any order), then
    scrolling; *Ver* again starts a new view."""
    if summary_first:
        connection_totals.totals(db, attendant, flt)
        connection_totals.daily_traffic(db, attendant, flt)
    first = connections.page(db, attendant, flt, limit=5)
    if not summary_first:
        connection_totals.totals(db, attendant, flt)
        connection_totals.daily_traffic(db, attendant, flt)
    second = connections.page(db, attendant, flt, after=first[-1].sort_key, limit=5)
    connections.page(db, attendant, flt, after=second[-1].sort_key, limit=5)
    assert _actions(db) == [VIEWED]
    connections.page(db, attendant, flt, limit=5)  # Ver once more
    connection_totals.totals(db, attendant, flt)
    assert _actions(db) == [VIEWED, VIEWED]


def test_another_period_another_actor_or_an_old_view_is_a_new_entry(
    db: Database,
    attendant: CounterActor,
    flt: connections.ConnectionFilter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = connections.page(db, attendant, flt, limit=5)
    week = connections.ConnectionFilter(
        flt.subscriber_id, Period(NOVEMBER.start, dt.date(2026, 11, 7))
    )
    connection_totals.totals(db, attendant, week)
    other = make_user(db, "atendente2", Role.ATTENDANT)
    connections.page(db, other, flt, after=first[-1].sort_key)
    assert [(a, who, d["ate"]) for a, who, _, d in _entries(db)] == [
        (VIEWED, "atendente:atendente1", "2026-11-30"),
        (VIEWED, "atendente:atendente1", "2026-11-07"),
        (VIEWED, "atendente:atendente2", "2026-11-30"),
    ]
    monkeypatch.setattr(connection_audit, "VIEW_WINDOW_S", -1.0)  # every view has aged
    connections.page(db, attendant, flt, after=first[-1].sort_key)
    assert len(_entries(db)) == 4


def test_refused_reads_leave_no_entry_and_the_kiosk_is_audited_too(db: Database) -> None:
    sub_id, other_id = _setup(db)
    me = kiosk(sub_id)
    for read in (connection_totals.totals, connection_totals.daily_traffic):
        with pytest.raises(AccessDenied):
            read(db, me, connections.ConnectionFilter(other_id, NOVEMBER))
    with pytest.raises(AccessDenied):
        connections.page(
            db, me, connections.ConnectionFilter(other_id, NOVEMBER), after=(local(2026, 1, 1), 0)
        )
    assert _entries(db) == []
    connection_totals.daily_traffic(db, me, connections.ConnectionFilter(sub_id, NOVEMBER))
    assert [(a, who) for a, who, *_ in _entries(db)] == [(VIEWED, f"assinante:{sub_id}")]


def test_every_statement_export_and_print_has_its_own_entry(
    db: Database, attendant: CounterActor, flt: connections.ConnectionFilter
) -> None:
    connections.page(db, attendant, flt)
    connection_statement.statement(db, attendant, flt)
    connection_statement.statement(db, attendant, flt)
    connection_statement.statement(db, attendant, flt, printed=True)
    assert _actions(db) == [VIEWED, VIEWED, VIEWED, PRINTED]


def test_every_command_line_read_is_audited(
    db: Database,
    flt: connections.ConnectionFilter,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_user(db, "operador", Role.ATTENDANT)
    base = ["--db", db.url, "--operator", "operador", "statement", "connections"]
    base += ["--subscriber", CPFS[0], "--from", "2026-11-01", "--to", "2026-11-30"]
    for extra in ([], ["--format", "csv"], ["--format", "json"]):
        assert main([*base, *extra]) == 0
    assert main([*base, "--format", "pdf", "-o", str(tmp_path / "c.pdf")]) == 0
    capsys.readouterr()
    assert [(a, who) for a, who, *_ in _entries(db)] == [
        (VIEWED, "atendente:operador"),
        (VIEWED, "atendente:operador"),
        (VIEWED, "atendente:operador"),
        (PRINTED, "atendente:operador"),
    ]
