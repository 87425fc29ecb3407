"""Compra de Crédito through the back office, to a working SMS account."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ReceivableStatus, Role, SmsPurchaseStatus
from desktop.domain.passwords import verify_password
from desktop.errors import AccessDenied, Conflict, InvalidInput
from desktop.models import CreditValue, Receivable, SmsAccount
from desktop.services import sms_credits
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, subscriber


@pytest.fixture
def shop(db: Database) -> tuple[int, int, int]:
    sub_id, contract_id = subscriber(db, "Empresa SMS", CPFS[0], plan="Empresarial SMS", sms=True)
    with db.session() as session:
        value = CreditValue(quantity=1000, price=Decimal("90.00"))
        session.add(value)
        session.flush()
        return sub_id, contract_id, value.id


def test_purchase_goes_through_finance_and_support_to_an_account(
    db: Database, attendant: CounterActor, shop: tuple[int, int, int]
) -> None:
    sub_id, contract_id, value_id = shop
    finance = make_user(db, "fin", Role.FINANCE)
    support = make_user(db, "sup", Role.SUPPORT)
    purchase = sms_credits.buy(db, attendant, sub_id, contract_id, value_id, "compra-0001")
    again = sms_credits.buy(
        db, attendant, sub_id, contract_id, value_id, "compra-0001"
    )  # double click
    assert again.id == purchase.id and purchase.status is SmsPurchaseStatus.AWAITING_PAYMENT
    with db.session() as session:
        rec = session.get(Receivable, purchase.receivable_id)
        assert (
            rec is not None
            and rec.amount == Decimal("90.00")
            and rec.status is ReceivableStatus.OPEN
        )
    assert [p.id for p in sms_credits.queue(db, finance, SmsPurchaseStatus.AWAITING_PAYMENT)] == [
        purchase.id
    ]
    with pytest.raises(AccessDenied):
        sms_credits.confirm_payment(db, support, purchase.id)
    sms_credits.confirm_payment(db, finance, purchase.id)
    assert [p.id for p in sms_credits.queue(db, support, SmsPurchaseStatus.PAID)] == [purchase.id]
    with pytest.raises(Conflict):
        sms_credits.confirm_payment(db, finance, purchase.id)
    result = sms_credits.record_transfer(db, support, purchase.id, 1000, "SMSDIGITAL-778899")
    assert result.balance == 1000 and result.new_password is not None
    with db.session() as session:
        account = session.scalar(select(SmsAccount).where(SmsAccount.contract_id == contract_id))
        assert account is not None and account.password_hash.startswith("$argon2id$")
        assert verify_password(account.password_hash, result.new_password)
    second = sms_credits.buy(db, kiosk(sub_id), sub_id, contract_id, value_id, "compra-0002")
    sms_credits.confirm_payment(db, finance, second.id)
    more = sms_credits.record_transfer(db, support, second.id, 1000, "SMSDIGITAL-778900")
    assert more.balance == 2000 and more.new_password is None  # the password is shown only once
    steps = sms_credits.history(db, attendant, sub_id)
    assert [p.status for p in steps] == [
        SmsPurchaseStatus.TRANSFERRED,
        SmsPurchaseStatus.TRANSFERRED,
    ]
    assert (
        steps[1].paid_confirmed_by == "financeiro:fin"
        and steps[1].transfer_reference == "SMSDIGITAL-778899"
    )


def test_a_value_removed_from_settings_cannot_be_bought_but_a_waiting_purchase_keeps_its_price(
    db: Database, attendant: CounterActor, shop: tuple[int, int, int]
) -> None:
    sub_id, contract_id, value_id = shop
    purchase = sms_credits.buy(db, attendant, sub_id, contract_id, value_id, "compra-0003")
    with db.session() as session:
        value = session.get(CreditValue, value_id)
        assert value is not None
        value.active = False
    with pytest.raises(InvalidInput, match="não está mais à venda"):
        sms_credits.buy(db, attendant, sub_id, contract_id, value_id, "compra-0004")
    finance = make_user(db, "fin", Role.FINANCE)
    confirmed = sms_credits.confirm_payment(db, finance, purchase.id)
    assert confirmed.price == Decimal("90.00") and confirmed.quantity == 1000


def test_plan_without_sms_and_other_subscriber_are_refused(
    db: Database, attendant: CounterActor, shop: tuple[int, int, int]
) -> None:
    sub_id, contract_id, value_id = shop
    other, other_contract = subscriber(db, "Sem SMS", CPFS[1])
    with pytest.raises(InvalidInput, match="não permite"):
        sms_credits.buy(db, attendant, other, other_contract, value_id, "compra-0005")
    with pytest.raises(AccessDenied):
        sms_credits.buy(db, kiosk(other), sub_id, contract_id, value_id, "compra-0006")


def test_credit_values_are_edited_by_admin_only(
    db: Database, attendant: CounterActor, admin: CounterActor
) -> None:
    option = sms_credits.save_credit_value(db, admin, 5000, Decimal("400"))
    assert [o.quantity for o in sms_credits.credit_options(db)] == [5000]
    sms_credits.save_credit_value(db, admin, 5000, Decimal("380.00"), option.id, active=False)
    assert sms_credits.credit_options(db) == []
    with pytest.raises(AccessDenied):
        sms_credits.save_credit_value(db, attendant, 100, Decimal("10"))
    with pytest.raises(InvalidInput):
        sms_credits.save_credit_value(db, admin, 0, Decimal("10"))
