"""A payment settles the bill and, when no overdue debt is left, lifts the suspension for good."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ContractStatus, PaymentMethod, Role
from desktop.errors import AccessDenied, Conflict, InvalidInput
from desktop.models import Receivable
from desktop.services import enablement, payments
from tests.conftest import make_user
from tests.services.radius_setup import contract_state, groups, suspended


def overdue_ids(db: Database, contract_id: int) -> list[int]:
    with db.session() as session:
        return list(
            session.scalars(select(Receivable.id).where(Receivable.contract_id == contract_id))
        )


def test_paying_the_debt_ends_the_suspension_and_the_radius_block(
    db: Database, attendant: CounterActor
) -> None:
    finance = make_user(db, "caixa", Role.FINANCE)
    sub_id, contract_id, _ = suspended(db)
    enablement.enable(db, attendant, sub_id, contract_id)  # provisionally enabled meanwhile
    bills = overdue_ids(db, contract_id)
    assert bills
    for bill in bills[:-1]:
        result = payments.settle(db, finance, bill, Decimal("99.90"), PaymentMethod.CASH)
        assert not result.suspension_lifted  # still a bill overdue
    with db.session() as session:
        last = session.get(Receivable, bills[-1])
        assert last is not None
        amount = last.amount
    result = payments.settle(db, finance, bills[-1], amount, PaymentMethod.PIX, reference="E2E123")
    assert result.suspension_lifted and result.contract_status is ContractStatus.ACTIVE
    assert contract_state(db, contract_id)[0] is ContractStatus.ACTIVE
    assert all(group != "bloqueado" for group, _ in groups(db))
    with pytest.raises(Conflict):
        payments.settle(db, finance, bills[-1], amount, PaymentMethod.PIX)


def test_only_finance_settles_and_the_amount_must_cover_the_bill(
    db: Database, attendant: CounterActor
) -> None:
    finance = make_user(db, "caixa", Role.FINANCE)
    _, contract_id, _ = suspended(db)
    bill = overdue_ids(db, contract_id)[0]
    with pytest.raises(AccessDenied):
        payments.settle(db, attendant, bill, Decimal("500"), PaymentMethod.CASH)
    with pytest.raises(InvalidInput, match="menor"):
        payments.settle(db, finance, bill, Decimal("1.00"), PaymentMethod.CASH)
    with pytest.raises(InvalidInput):
        payments.settle(db, finance, bill, Decimal("99.999"), PaymentMethod.CASH)
    assert contract_state(db, contract_id)[0] is ContractStatus.SUSPENDED_DEBT
