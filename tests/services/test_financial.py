"""Extrato Financeiro: fine and interest as of today, status and period filters, totals, scope."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ReceivableStatus
from desktop.domain.periods import Period
from desktop.errors import AccessDenied, InvalidInput
from desktop.services import financial, settings
from tests.conftest import kiosk
from tests.factories import CPFS, receivable, subscriber

TODAY = dt.date(2026, 11, 30)


def test_updated_amount_applies_two_percent_fine_and_one_percent_a_month_pro_rata() -> None:
    charges = financial.updated_amount(Decimal("100.00"), dt.date(2026, 10, 31), TODAY, Decimal(2), Decimal(1))
    assert charges.overdue_days == 30
    assert charges.fine == Decimal("2.00")
    assert charges.interest == Decimal("1.00")
    assert charges.total == Decimal("103.00")


def test_nothing_is_added_on_or_before_the_due_date() -> None:
    for due in (TODAY, TODAY + dt.timedelta(days=5)):
        charges = financial.updated_amount(Decimal("89.90"), due, TODAY, Decimal(2), Decimal(1))
        assert (charges.fine, charges.interest, charges.total) == (Decimal("0.00"), Decimal("0.00"), Decimal("89.90"))


def test_interest_rounds_half_up_to_the_cent() -> None:
    # 99.90 * 1% / 30 * 7 = 0.2331 -> 0.23 ; fine 1.998 -> 2.00
    charges = financial.updated_amount(Decimal("99.90"), TODAY - dt.timedelta(days=7), TODAY, Decimal(2), Decimal(1))
    assert charges.fine == Decimal("2.00")
    assert charges.interest == Decimal("0.23")
    assert charges.total == Decimal("102.13")


def _setup(db: Database) -> int:
    sub_id, contract_id = subscriber(db)
    receivable(db, sub_id, dt.date(2026, 8, 10), "99.90", status=ReceivableStatus.PAID, contract_id=contract_id)
    receivable(db, sub_id, dt.date(2026, 9, 10), "99.90", status=ReceivableStatus.PAID, contract_id=contract_id)
    receivable(db, sub_id, dt.date(2026, 10, 10), "99.90", contract_id=contract_id)  # 51 days overdue
    receivable(db, sub_id, dt.date(2026, 11, 10), "99.90", contract_id=contract_id)  # 20 days overdue
    receivable(db, sub_id, dt.date(2026, 12, 10), "99.90", contract_id=contract_id)  # not due
    receivable(db, sub_id, dt.date(2026, 7, 10), "50.00", status=ReceivableStatus.CANCELLED)
    return sub_id


def test_statement_lists_items_by_due_date_with_updated_amounts(db: Database, attendant: CounterActor) -> None:
    sub_id = _setup(db)
    items = financial.page(db, attendant, financial.FinancialFilter(sub_id), today=TODAY)
    assert [i.due_date.month for i in items] == [7, 8, 9, 10, 11, 12]
    october = items[3]
    assert october.status is ReceivableStatus.OPEN and october.overdue_days == 51
    assert october.fine == Decimal("2.00")
    assert october.interest == Decimal("1.70")  # 99.90 * 0.01 / 30 * 51 = 1.6983
    assert october.updated_amount == Decimal("103.60")
    assert items[5].updated_amount == Decimal("99.90") and items[5].overdue_days == 0
    assert items[1].paid_amount == Decimal("99.90") and items[1].paid_at is not None


def test_totals_per_status_equal_the_sum_of_the_items(db: Database, attendant: CounterActor) -> None:
    sub_id = _setup(db)
    flt = financial.FinancialFilter(sub_id)
    items = financial.page(db, attendant, flt, today=TODAY)
    totals = financial.totals(db, attendant, flt, today=TODAY)
    open_items = [i for i in items if i.status is ReceivableStatus.OPEN]
    open_total = totals.by_status[ReceivableStatus.OPEN]
    assert open_total.count == 3
    assert open_total.amount == Decimal("299.70")
    assert open_total.updated_amount == sum((i.updated_amount for i in open_items), Decimal(0))
    assert open_total.fine == Decimal("4.00")
    assert totals.by_status[ReceivableStatus.PAID].paid_amount == Decimal("199.80")
    assert totals.by_status[ReceivableStatus.CANCELLED].count == 1
    assert totals.overall.count == 6


def test_fine_and_interest_follow_the_settings(db: Database, attendant: CounterActor, admin: CounterActor) -> None:
    sub_id = _setup(db)
    settings.change(db, admin, "billing.fine_percent", "1,5")
    settings.change(db, admin, "billing.interest_month_percent", "3")
    items = financial.page(
        db, attendant, financial.FinancialFilter(sub_id, ReceivableStatus.OPEN), today=TODAY
    )
    assert items[0].fine == Decimal("1.50")  # 99.90 * 1.5% = 1.4985
    assert items[0].interest == Decimal("5.09")  # 99.90 * 3% / 30 * 51 = 5.0949


def test_status_and_period_filters(db: Database, attendant: CounterActor) -> None:
    sub_id = _setup(db)
    paid = financial.page(db, attendant, financial.FinancialFilter(sub_id, ReceivableStatus.PAID), today=TODAY)
    assert {i.status for i in paid} == {ReceivableStatus.PAID} and len(paid) == 2
    autumn = financial.page(
        db, attendant,
        financial.FinancialFilter(sub_id, None, Period(dt.date(2026, 9, 1), dt.date(2026, 10, 31))),
        today=TODAY,
    )
    assert [i.due_date for i in autumn] == [dt.date(2026, 9, 10), dt.date(2026, 10, 10)]


def test_keyset_pages_cover_everything_once(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = subscriber(db)
    for month in range(1, 13):
        for day in (5, 5, 20):  # equal due dates exercise the (due_date, id) tie-break
            receivable(db, sub_id, dt.date(2025, month, day))
    flt = financial.FinancialFilter(sub_id)
    seen: list[int] = []
    after = None
    while True:
        chunk = financial.page(db, attendant, flt, after=after, limit=7, today=TODAY)
        seen.extend(i.receivable_id for i in chunk)
        if len(chunk) < 7:
            break
        after = chunk[-1].sort_key
    assert len(seen) == 36 and len(set(seen)) == 36


def test_reversed_period_is_refused() -> None:
    with pytest.raises(InvalidInput, match="anterior"):
        Period(dt.date(2026, 11, 1), dt.date(2026, 10, 1))


def test_kiosk_subscriber_sees_only_their_own_statement(db: Database) -> None:
    mine, _ = subscriber(db, "Ana Souza", CPFS[1])
    other, _ = subscriber(db, "Bruno Lima", CPFS[2])
    receivable(db, other, dt.date(2026, 10, 10))
    assert financial.page(db, kiosk(mine), financial.FinancialFilter(mine), today=TODAY) == []
    with pytest.raises(AccessDenied):
        financial.page(db, kiosk(mine), financial.FinancialFilter(other), today=TODAY)
    with pytest.raises(AccessDenied):
        financial.totals(db, kiosk(mine), financial.FinancialFilter(other), today=TODAY)
