"""SMS credits under parallel stations (separate processes released by a barrier).

Before: the balance was read and added to in Python, so 20 transfers of 100 SMS on
different purchases raised it by 200, not 2,000; on SQLite one purchase could be
transferred by 7 stations at once; the same purchase key from two stations gave the loser
an error instead of the purchase.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.enums import Role, SmsPurchaseStatus
from desktop.models import CreditValue, Receivable, SmsAccount, SmsMovement, SmsPurchase
from desktop.services import sms_credits
from tests.conftest import make_user
from tests.factories import CPFS, subscriber
from tests.services import integrity_workers as workers
from tests.services.concurrency import run_processes


@pytest.fixture
def shop(db: Database) -> tuple[int, int, int]:
    sub_id, contract_id = subscriber(db, "Empresa SMS", CPFS[0], plan="Empresarial SMS", sms=True)
    with db.session() as session:
        value = CreditValue(quantity=100, price=Decimal("9.00"))
        session.add(value)
        session.flush()
        return sub_id, contract_id, value.id


def _paid_purchases(db: Database, shop: tuple[int, int, int], count: int) -> list[int]:
    sub_id, contract_id, value_id = shop
    attendant = make_user(db, "atendente1", Role.ATTENDANT)
    finance = make_user(db, "fin", Role.FINANCE)
    ids = []
    for n in range(count):
        item = sms_credits.buy(db, attendant, sub_id, contract_id, value_id, f"compra-{n:04d}")
        sms_credits.confirm_payment(db, finance, item.id)
        ids.append(item.id)
    return ids


def test_parallel_transfers_of_different_purchases_all_reach_the_balance(
    db: Database, shop: tuple[int, int, int]
) -> None:
    count = 20
    purchases = _paid_purchases(db, shop, count)
    support = make_user(db, "sup", Role.SUPPORT)
    results = run_processes(
        workers.transfer, [(db.url, support.user_id, pid, 100) for pid in purchases]
    )
    assert [r[0] for r in results] == ["ok"] * count
    assert sorted(r[1] for r in results) == list(range(100, 100 * count + 1, 100))
    contract_id = shop[1]
    with db.session() as session:
        account = session.scalar(select(SmsAccount).where(SmsAccount.contract_id == contract_id))
        assert account is not None and account.balance == 100 * count
        statuses = session.scalars(select(SmsPurchase.status)).all()
        assert statuses == [SmsPurchaseStatus.TRANSFERRED] * count
    # The ledger alone gives the same balance: one movement per purchase.
    assert sms_credits.ledger_balance(db, contract_id) == 100 * count


def test_one_purchase_transferred_by_eight_stations_is_credited_once(
    db: Database, shop: tuple[int, int, int]
) -> None:
    (purchase,) = _paid_purchases(db, shop, 1)
    support = make_user(db, "sup", Role.SUPPORT)
    results = run_processes(workers.transfer, [(db.url, support.user_id, purchase, 100)] * 8)
    assert sorted(r[0] for r in results) == ["ok"] + ["refused"] * 7
    assert {r[1] for r in results if r[0] == "refused"} == {
        "Conflict: Só compras com pagamento confirmado podem ser transferidas."
    }
    with db.session() as session:
        assert session.scalar(select(SmsAccount.balance)) == 100
        assert session.scalar(select(func.count()).select_from(SmsMovement)) == 1
    assert sms_credits.ledger_balance(db, shop[1]) == 100


def test_the_same_purchase_key_from_eight_stations_returns_the_one_purchase(
    db: Database, shop: tuple[int, int, int]
) -> None:
    sub_id, contract_id, value_id = shop
    attendant = make_user(db, "atendente1", Role.ATTENDANT)
    args = (db.url, attendant.user_id, sub_id, contract_id, value_id, "compra-dupla-01")
    results = run_processes(workers.buy, [args] * 8)
    assert [r[0] for r in results] == ["ok"] * 8, results
    assert len({(r[1], r[2]) for r in results}) == 1  # same purchase, same receivable
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(SmsPurchase)) == 1
        assert session.scalar(select(func.count()).select_from(Receivable)) == 1


def test_the_ledger_rebuilds_the_balance_after_transfers(
    db: Database, shop: tuple[int, int, int]
) -> None:
    purchases = _paid_purchases(db, shop, 3)
    support = make_user(db, "sup", Role.SUPPORT)
    for quantity, pid in zip((100, 250, 75), purchases, strict=True):
        sms_credits.record_transfer(db, support, pid, quantity, "REF-1")
    with db.session() as session:
        rows = session.execute(
            select(SmsMovement.quantity, SmsMovement.kind, SmsMovement.actor).order_by(
                SmsMovement.id
            )
        ).all()
        balance = session.scalar(select(SmsAccount.balance))
    assert [r.quantity for r in rows] == [100, 250, 75]
    assert {r.actor for r in rows} == {"suporte:sup"}
    assert balance == 425 == sms_credits.ledger_balance(db, shop[1])
