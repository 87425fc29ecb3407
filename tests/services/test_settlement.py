"""Money settles a receivable exactly once, whatever the number of stations or re-imports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import today_local
from desktop.domain.enums import PaymentMethod, ReceivableStatus, Role
from desktop.errors import InvalidInput
from desktop.models import OutboxEvent, Payment, Receivable
from desktop.services import payments, settlement
from desktop.services.settlement import SettleOutcome
from tests import factories
from tests.conftest import make_user
from tests.services.concurrency import run_processes
from tests.services.settle_workers import counter_settle, same_event_settle

PAID_AT = dt.datetime(2026, 11, 3, 15, tzinfo=dt.UTC)


@pytest.fixture
def finance(db: Database) -> CounterActor:
    return make_user(db, "caixa", Role.FINANCE)


def _bill(db: Database, amount: str = "99.90", **kw: object) -> int:
    sub_id, contract_id = factories.subscriber(db)
    return factories.receivable(
        db, sub_id, dt.date.today() + dt.timedelta(days=5), amount, contract_id=contract_id, **kw
    )


def _apply(db: Database, actor: CounterActor, receivable_id: int, key: str) -> settlement.Settlement:
    with db.session() as session:
        return settlement.settle_in_session(
            session,
            actor,
            receivable_id=receivable_id,
            amount=Decimal("99.90"),
            method=PaymentMethod.BOLETO,
            paid_at=PAID_AT,
            source_key=key,
            fee=Decimal("2.50"),
            credited_on=dt.date(2026, 11, 4),
        )


def _payments(db: Database, receivable_id: int) -> list[Payment]:
    with db.session() as session:
        return list(session.scalars(select(Payment).where(Payment.receivable_id == receivable_id)))


def _events(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEvent)) or 0)


def test_the_same_money_event_twice_records_one_payment(db: Database, finance: CounterActor) -> None:
    bill = _bill(db)
    first = _apply(db, finance, bill, "cnab:756:123:06:20261103:9990")
    again = _apply(db, finance, bill, "cnab:756:123:06:20261103:9990")
    assert (first.outcome, again.outcome) == (SettleOutcome.SETTLED, SettleOutcome.ALREADY_SETTLED)
    (payment,) = _payments(db, bill)
    assert (payment.amount, payment.fee, payment.credited_on) == (
        Decimal("99.90"),
        Decimal("2.50"),
        dt.date(2026, 11, 4),
    )
    with db.session() as session:
        row = session.get(Receivable, bill)
        assert row is not None and row.status is ReceivableStatus.PAID
        assert row.paid_amount == Decimal("99.90") and row.payment_method is PaymentMethod.BOLETO
    assert _events(db) == 1  # the ERP hears of it once


def test_money_for_a_bill_already_settled_is_kept_and_flagged(
    db: Database, finance: CounterActor
) -> None:
    bill = _bill(db)
    assert _apply(db, finance, bill, "pix:E1").outcome is SettleOutcome.SETTLED
    second = _apply(db, finance, bill, "cnab:001:77:06")
    assert second.outcome is SettleOutcome.DUPLICATE
    flags = sorted(p.duplicate for p in _payments(db, bill))
    assert flags == [False, True]


def test_money_for_a_cancelled_bill_is_kept_not_applied(db: Database, finance: CounterActor) -> None:
    bill = _bill(db, status=ReceivableStatus.CANCELLED)
    assert _apply(db, finance, bill, "pix:E2").outcome is SettleOutcome.NOT_OPEN
    with db.session() as session:
        row = session.get(Receivable, bill)
        assert row is not None and row.status is ReceivableStatus.CANCELLED
    assert [p.duplicate for p in _payments(db, bill)] == [True]


def test_a_rolled_back_action_leaves_no_event(db: Database, finance: CounterActor) -> None:
    bill = _bill(db)
    with pytest.raises(RuntimeError), db.session() as session:
        settlement.settle_in_session(
            session,
            finance,
            receivable_id=bill,
            amount=Decimal("99.90"),
            method=PaymentMethod.PIX,
            paid_at=PAID_AT,
            source_key="pix:E3",
        )
        raise RuntimeError("a later step of the same unit of work failed")
    assert _payments(db, bill) == [] and _events(db) == 0


@pytest.mark.parametrize(
    "amount", ["9999999999.99", "12345678901.00", "NaN", "Infinity", "1e400", "-5", "0", "99.999"]
)
def test_counter_payment_amount_is_bounded(db: Database, finance: CounterActor, amount: str) -> None:
    bill = _bill(db)
    with pytest.raises(InvalidInput):
        payments.settle(db, finance, bill, Decimal(amount), PaymentMethod.CASH)
    assert _payments(db, bill) == []


def test_counter_payment_may_include_fine_and_interest_but_no_more(
    db: Database, finance: CounterActor
) -> None:
    sub_id, contract_id = factories.subscriber(db)
    due = today_local() - dt.timedelta(days=30)
    bill = factories.receivable(db, sub_id, due, "100.00", contract_id=contract_id)
    # 2 % fine + 1 % a month for 30 days = R$ 103,00 (the Painel's defaults)
    with pytest.raises(InvalidInput, match="maior que o valor atualizado"):
        payments.settle(db, finance, bill, Decimal("103.01"), PaymentMethod.CASH)
    result = payments.settle(db, finance, bill, Decimal("103.00"), PaymentMethod.CASH)
    assert result.paid_amount == Decimal("103.00")
    (payment,) = _payments(db, bill)
    assert payment.interest == Decimal("3.00")


def test_eight_counters_paying_one_bill_record_one_payment(db: Database, finance: CounterActor) -> None:
    bill = _bill(db, "29.90")
    results = run_processes(
        counter_settle, [(db.url, finance.user_id, bill, "29.90") for _ in range(8)]
    )
    assert results.count("ok") == 1, results
    assert all("Conflict" in r for r in results if r != "ok"), results
    assert len(_payments(db, bill)) == 1
    assert _events(db) == 1


def test_eight_stations_applying_one_return_entry_settle_once(
    db: Database, finance: CounterActor
) -> None:
    bill = _bill(db)
    key = "cnab:756:0000123:06:20261103:9990"
    results = run_processes(same_event_settle, [(db.url, finance.user_id, bill, key) for _ in range(8)])
    assert sorted(results) == ["already_settled"] * 7 + ["settled"]
    assert len(_payments(db, bill)) == 1 and _events(db) == 1


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "1e400", "12345678901.00", "9999999999.99", "abc"])
def test_payment_record_refuses_bad_amounts_in_one_line(
    db: Database, finance: CounterActor, typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main

    bill = _bill(db)
    code = main(["--db", db.url, "--operator", "caixa", "payment", "record", str(bill),
                 "--amount", typed, "--method", "pix"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("erro: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert _payments(db, bill) == []
