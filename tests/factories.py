"""Small builders for test rows (real rows in the real database, no mocks)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from desktop.db import Database
from desktop.domain.enums import ContractStatus, PaymentMethod, ReceivableStatus
from desktop.domain.text import search_key
from desktop.models import Contact, Contract, Plan, RadiusLogin, Receivable, Subscriber, Terminal

_counter = itertools.count(1)

# Valid CPFs (check digits computed) for tests.
CPFS = ["52998224725", "11144477735", "39053344705", "15350946056", "86288366757", "45317828791"]
CNPJ = "11222333000181"
CNPJ_ALNUM = "12ABC34501DE35"


def subscriber(
    db: Database,
    name: str = "Maria da Silva",
    document: str = CPFS[0],
    *,
    plan: str = "Internet 300 Mega",
    voice: bool = False,
    internet: bool = True,
    sms: bool = False,
    status: ContractStatus = ContractStatus.ACTIVE,
    terminal: str | None = None,
    login: str | None = None,
    phone: str | None = None,
) -> tuple[int, int]:
    """A subscriber with one contract; returns (subscriber_id, contract_id)."""
    n = next(_counter)
    with db.session() as session:
        plan_row = session.query(Plan).filter_by(name=plan).one_or_none()
        if plan_row is None:
            plan_row = Plan(
                name=plan, price=Decimal("99.90"), has_internet=internet, has_voice=voice, has_sms=sms,
                download_mbps=300 if internet else 0, upload_mbps=150 if internet else 0,
                radius_group="plano300" if internet else None,
            )
            session.add(plan_row)
        sub = Subscriber(
            document=document, person_type="F" if len(document) == 11 else "J", name=name,
            name_search=search_key(name), email=f"cliente{n}@example.com.br", phone=phone,
            street="Rua das Flores", number=str(n), district="Centro", city="Paranavaí",
            state="PR", cep="87700000",
        )
        session.add(sub)
        session.flush()
        session.add(Contact(subscriber_id=sub.id, name=name, relation="titular"))
        contract = Contract(
            number=f"C{n:06d}", subscriber_id=sub.id, plan_id=plan_row.id, status=status,
            activated_on=dt.date(2025, 1, 10), billing_day=10,
        )
        session.add(contract)
        session.flush()
        if terminal:
            session.add(Terminal(contract_id=contract.id, number=terminal, area_code=terminal[:2]))
        if login:
            session.add(RadiusLogin(contract_id=contract.id, username=login))
        return sub.id, contract.id


def receivable(
    db: Database,
    subscriber_id: int,
    due: dt.date,
    amount: str = "99.90",
    *,
    status: ReceivableStatus = ReceivableStatus.OPEN,
    contract_id: int | None = None,
    paid_at: dt.datetime | None = None,
    method: PaymentMethod | None = None,
    description: str | None = None,
) -> int:
    value = Decimal(amount)
    with db.session() as session:
        row = Receivable(
            subscriber_id=subscriber_id, contract_id=contract_id,
            description=description or f"Mensalidade {due:%m/%Y}",
            competence=due.replace(day=1), issued_on=due - dt.timedelta(days=10), due_date=due,
            amount=value, status=status,
        )
        if status is ReceivableStatus.PAID:
            row.paid_at = paid_at or dt.datetime.combine(due, dt.time(15), tzinfo=dt.UTC)
            row.paid_amount = value
            row.payment_method = method or PaymentMethod.BOLETO
        session.add(row)
        session.flush()
        return row.id
