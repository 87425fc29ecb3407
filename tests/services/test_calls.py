"""Extrato de Ligação: keyset pages over several terminals, hidden calls, period, totals, scope."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import today_local
from desktop.domain.enums import CallType, Role
from desktop.domain.periods import Period, current_month
from desktop.errors import AccessDenied, InvalidInput, NotFound
from desktop.models import Terminal
from desktop.services import calls
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, subscriber
from tests.statement_factories import call, local

NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def _setup(db: Database) -> tuple[int, int]:
    """Two terminals of one subscriber (one per contract), calls interleaved; a 181 call."""
    sub_id, contract_id = subscriber(db, voice=True, plan="Fone", terminal="4430451234")
    with db.session() as session:
        session.add(Terminal(contract_id=contract_id, number="4430455678", area_code="44"))
    call(db, "4430451234", local(2026, 11, 3, 9), "4430452000", CallType.LOCAL_FIXO, 65, 66, "0.11")
    call(
        db,
        "4430455678",
        local(2026, 11, 3, 10),
        "44999887766",
        CallType.LOCAL_MOVEL,
        30,
        30,
        "0.23",
    )
    call(
        db, "4430451234", local(2026, 11, 3, 10), "1133334444", CallType.LDN_FIXO, 125, 126, "0.63"
    )
    call(
        db,
        "4430451234",
        local(2026, 11, 5, 8),
        "181",
        CallType.GRATUITA,
        300,
        0,
        "0.00",
        hidden=True,
    )
    call(
        db,
        "4430455678",
        local(2026, 11, 30, 23, 59),
        "08007001234",
        CallType.GRATUITA,
        90,
        0,
        "0.00",
    )
    # Outside November in São Paulo (but 1 Nov / 30 Nov in UTC): never counted.
    call(
        db,
        "4430451234",
        local(2026, 10, 31, 23, 30),
        "4430452000",
        CallType.LOCAL_FIXO,
        60,
        60,
        "0.10",
    )
    call(
        db,
        "4430451234",
        local(2026, 12, 1, 0, 10),
        "4430452000",
        CallType.LOCAL_FIXO,
        60,
        60,
        "0.10",
    )
    other_id, _ = subscriber(
        db, "Outro Assinante", CPFS[1], voice=True, plan="Fone", terminal="4430459999"
    )
    call(db, "4430459999", local(2026, 11, 4, 9), "4430452000")
    return sub_id, other_id


def test_pages_are_chronological_across_terminals_and_never_show_hidden_calls(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = _setup(db)
    flt = calls.CallFilter(sub_id, NOVEMBER)
    first = calls.page(db, attendant, flt, limit=2)
    second = calls.page(db, attendant, flt, after=first[-1].sort_key, limit=2)
    third = calls.page(db, attendant, flt, after=second[-1].sort_key, limit=2)
    items = first + second + third
    assert [i.destination for i in items] == [
        "4430452000",
        "44999887766",
        "1133334444",
        "08007001234",
    ]
    assert [i.terminal for i in items] == ["4430451234", "4430455678", "4430451234", "4430455678"]
    assert third == []
    assert "181" not in {i.destination for i in items}
    assert all(i.started_at.tzinfo is not None for i in items)
    assert items[0].amount == Decimal("0.11") and items[0].call_type is CallType.LOCAL_FIXO
    # Two calls at the same instant are ordered by id and the cursor does not skip either.
    assert items[1].started_at == items[2].started_at


def test_period_bounds_are_sao_paulo_days(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = _setup(db)
    october = calls.page(
        db,
        attendant,
        calls.CallFilter(sub_id, Period(dt.date(2026, 10, 31), dt.date(2026, 10, 31))),
    )
    assert [i.started_at for i in october] == [local(2026, 10, 31, 23, 30)]
    december = calls.page(
        db, attendant, calls.CallFilter(sub_id, Period(dt.date(2026, 12, 1), dt.date(2026, 12, 1)))
    )
    assert len(december) == 1


def test_totals_per_type_are_exact_and_skip_hidden_calls(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = _setup(db)
    totals = calls.totals(db, attendant, calls.CallFilter(sub_id, NOVEMBER))
    assert totals.count == 4
    assert totals.duration_s == 65 + 30 + 125 + 90
    assert totals.billed_s == 66 + 30 + 126
    assert totals.amount == Decimal("0.97")
    assert list(totals.by_type) == [
        CallType.LOCAL_FIXO,
        CallType.LOCAL_MOVEL,
        CallType.LDN_FIXO,
        CallType.GRATUITA,
    ]
    assert totals.by_type[CallType.GRATUITA] == calls.TypeTotal(1, 90, 0, Decimal("0.00"))
    assert totals.by_type[CallType.LDN_FIXO].amount == Decimal("0.63")


def test_money_sums_have_no_float_drift(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = subscriber(db, voice=True, plan="Fone", terminal="4430451234")
    for minute in range(30):
        call(db, "4430451234", local(2026, 11, 2, 10, minute), amount="0.10")
    totals = calls.totals(db, attendant, calls.CallFilter(sub_id, NOVEMBER))
    assert totals.amount == Decimal("3.00")
    assert str(totals.amount) == "3.00"


def test_filters_by_terminal_and_call_type(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = _setup(db)
    by_terminal = calls.page(
        db, attendant, calls.CallFilter(sub_id, NOVEMBER, terminal="(44) 3045-5678")
    )
    assert [i.destination for i in by_terminal] == ["44999887766", "08007001234"]
    by_type = calls.page(
        db, attendant, calls.CallFilter(sub_id, NOVEMBER, call_type=CallType.LDN_FIXO)
    )
    assert [i.destination for i in by_type] == ["1133334444"]
    totals = calls.totals(
        db, attendant, calls.CallFilter(sub_id, NOVEMBER, "4430451234", CallType.LOCAL_FIXO)
    )
    assert (totals.count, totals.amount) == (1, Decimal("0.11"))


def test_another_subscribers_terminal_is_not_found(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = _setup(db)
    with pytest.raises(NotFound):
        calls.page(db, attendant, calls.CallFilter(sub_id, NOVEMBER, terminal="4430459999"))


def test_subscriber_without_voice_terminal_is_refused(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = subscriber(db, login="maria")
    with pytest.raises(InvalidInput, match="terminal de voz"):
        calls.page(db, attendant, calls.CallFilter(sub_id, NOVEMBER))
    with pytest.raises(NotFound):
        calls.totals(db, attendant, calls.CallFilter(999_999, NOVEMBER))


def test_kiosk_sees_only_its_own_calls(db: Database) -> None:
    sub_id, other_id = _setup(db)
    assert len(calls.page(db, kiosk(sub_id), calls.CallFilter(sub_id, NOVEMBER))) == 4
    with pytest.raises(AccessDenied):
        calls.page(db, kiosk(sub_id), calls.CallFilter(other_id, NOVEMBER))
    with pytest.raises(AccessDenied):
        calls.statement(db, kiosk(sub_id), calls.CallFilter(other_id, NOVEMBER))


def test_period_longer_than_366_days_is_refused(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = _setup(db)
    with pytest.raises(InvalidInput, match="366"):
        calls.page(
            db,
            attendant,
            calls.CallFilter(sub_id, Period(dt.date(2025, 1, 1), dt.date(2026, 1, 2))),
        )


def test_default_period_is_the_current_month(db: Database) -> None:
    assert calls.CallFilter(1).period == current_month(today_local())


def test_statement_has_header_every_item_and_totals(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = _setup(db)
    st = calls.statement(db, attendant, calls.CallFilter(sub_id, NOVEMBER))
    assert st.subscriber.name == "Maria da Silva" and st.subscriber.document == CPFS[0]
    assert st.terminals == ("4430451234", "4430455678")
    assert st.period == NOVEMBER
    assert len(st.items) == 4 and st.totals.count == 4
    assert st.company.cnpj == "06117473000150"


def test_totals_in_one_statement_keep_scope_and_errors(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, other_id = _setup(db)
    other = calls.totals(db, attendant, calls.CallFilter(other_id, NOVEMBER))
    assert other.count == 1  # its own call only
    with pytest.raises(NotFound):
        calls.totals(db, attendant, calls.CallFilter(sub_id, NOVEMBER, terminal="4430459999"))
    quiet_day = Period(dt.date(2026, 11, 2), dt.date(2026, 11, 2))
    empty = calls.totals(db, attendant, calls.CallFilter(sub_id, quiet_day, "4430451234"))
    assert (empty.count, empty.amount, empty.by_type) == (0, Decimal("0.00"), {})
    lone, _ = subscriber(db, "Sem Voz", CPFS[2], login="semvoz")
    with pytest.raises(InvalidInput, match="terminal de voz"):
        calls.totals(db, attendant, calls.CallFilter(lone, NOVEMBER))


@pytest.mark.parametrize(
    "stored",
    [
        "2026-11-05 13:00:00",  # written by another tool, without microseconds
        "2026-11-05T13:00:00+00:00",  # with an offset: the page falls back to the readers
    ],
)
def test_sqlite_timestamps_in_another_text_shape_read_the_same(
    sqlite_db: Database, stored: str
) -> None:
    """SQLite pages read SQLAlchemy's own timestamp text on a fast path; any other ISO shape
    someone wrote into the file still shows the same instant and exact amounts."""
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    sub_id, _ = subscriber(sqlite_db, voice=True, plan="Fone", terminal="4430451234")
    call(sqlite_db, "4430451234", local(2026, 11, 4, 9), amount="12.34")
    call(sqlite_db, "4430451234", local(2026, 11, 5, 9), amount="0.00")
    with sqlite_db.session() as session:
        session.execute(
            text("UPDATE calls SET started_at = :stored WHERE amount = 0"), {"stored": stored}
        )
    items = calls.page(sqlite_db, actor, calls.CallFilter(sub_id, NOVEMBER))
    assert [i.started_at for i in items] == [
        local(2026, 11, 4, 9),
        dt.datetime(2026, 11, 5, 13, tzinfo=dt.UTC),
    ]
    assert all(i.started_at.tzinfo is dt.UTC for i in items)
    assert [i.amount for i in items] == [Decimal("12.34"), Decimal("0.00")]
