"""``create_demo``: the whole demo in one transaction, subscriber by subscriber."""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass
from decimal import Decimal

from faker import Faker
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session
from tqdm import tqdm

from desktop.db import Database
from desktop.demo import billing, catalog, contracts, people, support, usage
from desktop.demo.catalog import DemoLogin
from desktop.demo.pools import COMPANY_PLANS, PERSON_PLANS, Pools, weighted
from desktop.demo.state import Demo
from desktop.demo.writer import BulkWriter
from desktop.domain.clock import local_day_start, today_local
from desktop.domain.enums import ContractStatus
from desktop.domain.passwords import hash_password_fast
from desktop.errors import Conflict, InvalidInput
from desktop.models import Subscriber, partitioning
from desktop.services import rating, settings

MIN_SUBSCRIBERS = 10
MAX_SUBSCRIBERS = 2_000_000
BATCH_SUBSCRIBERS = 1000  # rows of this many subscribers are written together
FULL_HISTORY = 500  # subscribers with a year of connection sessions and calls
RECENT_DAYS = 31  # the others: the last month (what the statements show by default)
# Beyond this many subscribers (the 1-million demo) the rest get their accounts, contracts,
# RADIUS logins, terminals and three months of bills, but no sessions, calls, tickets or SMS
# purchases: those rows are what costs (a month of them is ~60 rows a subscriber, 60 million
# at 1 million subscribers, over an hour to generate here), and the first 20 000 already show
# every statement.  Searching, bills and reprints work for everyone.
LIGHT_FROM = 20_000
LIGHT_BILL_MONTHS = 3
KIOSK_PASSWORD = "demo1234"  # kiosk password of some subscribers and of the SMS accounts

ACTIVE = ContractStatus.ACTIVE
# The first subscribers are made to show something a person will want to try.
HIGHLIGHTS: dict[int, tuple[str, bool, list[tuple[str, ContractStatus]]]] = {
    0: ("Internet + telefone (combo), com ligação ao 181 oculta", False, [("combo300", ACTIVE)]),
    1: (
        "Suspenso por débito (Habilitação Provisória)",
        False,
        [("net300", ContractStatus.SUSPENDED_DEBT)],
    ),
    2: ("Pagamento em cartão duplicado (cancelar)", False, [("net500", ACTIVE)]),
    3: ("Empresa com CNPJ alfanumérico e conta SMS", True, [("pj600", ACTIVE), ("sms", ACTIVE)]),
}


@dataclass(frozen=True)
class DemoResult:
    counts: dict[str, int]  # rows written per table
    logins: list[DemoLogin]
    highlights: list[tuple[str, str]]  # (what it shows, CPF/CNPJ)
    kiosk_password: str
    today: dt.date


def create_demo(
    db: Database,
    *,
    subscribers: int = 300,
    seed: int = 42,
    today: dt.date | None = None,
    full_history: int = FULL_HISTORY,
    recent_days: int = RECENT_DAYS,
    light_from: int = LIGHT_FROM,
    progress: bool = False,
) -> DemoResult:
    """Fill an empty database with ``subscribers`` subscribers and a year of history.

    Bills, payments and tickets cover the year for everyone; connection sessions and calls
    cover it for the first ``full_history`` subscribers and the last ``recent_days`` days for
    the others, which keeps 100 000 subscribers to minutes.  From subscriber ``light_from`` on
    (only in demos of more than 20 000) just accounts and three months of bills
    (``LIGHT_FROM``), which keeps 1 million to about twenty minutes.

    The same seed and the same ``today`` give the same rows (password hashes aside, argon2
    salts are random).  Refuses a database that already has subscribers.
    """
    if not MIN_SUBSCRIBERS <= subscribers <= MAX_SUBSCRIBERS:
        raise InvalidInput(
            f"Número de assinantes da demonstração deve ficar entre {MIN_SUBSCRIBERS} e {MAX_SUBSCRIBERS}."
        )
    if not 1 <= recent_days <= 365:
        raise InvalidInput("O histórico recente de conexões e ligações deve ter de 1 a 365 dias.")
    today = today or today_local()
    with db.engine.begin() as conn:
        if conn.scalar(select(Subscriber.id).limit(1)) is not None:
            raise Conflict(
                "O banco de dados já tem assinantes; a demonstração só é criada num banco vazio."
            )
        if conn.dialect.name == "postgresql":
            _month_partitions(conn, today)
        with Session(bind=conn) as session:
            billing_settings = settings.get_many(session, "billing.")
            tariffs = rating.tariffs(session)
            company_name = str(settings.get(session, "company.name"))
        faker = Faker("pt_BR")
        faker.seed_instance(seed)
        out = BulkWriter(conn)
        demo = Demo(
            rng=random.Random(seed),
            seed=seed,
            pools=Pools(faker),
            today=today,
            end=local_day_start(today),
            out=out,
            plans=catalog.create_plans(out),
            fine_percent=billing_settings["billing.fine_percent"],
            interest_percent=billing_settings["billing.interest_month_percent"],
            tariffs=tariffs,
            full_history=full_history,
            recent_days=recent_days,
            light_from=light_from,
            light_bill_months=LIGHT_BILL_MONTHS,
            kiosk_hash=lambda: hash_password_fast(KIOSK_PASSWORD),
        )
        demo.protocol_seq = first_protocol = support.last_protocol_value(conn)
        credit_values = catalog.create_credit_values(out)
        catalog.create_bank_accounts(out, company_name)
        logins = catalog.create_staff(conn, out, demo.at(today - dt.timedelta(days=400), 9))
        with tqdm(
            total=subscribers,
            desc="Demonstração",
            unit=" assinantes",
            disable=not progress,
            file=sys.stderr,
        ) as bar:
            for first in range(0, subscribers, BATCH_SUBSCRIBERS):
                batch = range(first, min(subscribers, first + BATCH_SUBSCRIBERS))
                for index in batch:
                    _subscriber(demo, index, credit_values)
                out.flush()
                bar.update(len(batch))
        out.flush()
        out.reset_sequences()
        if demo.protocol_seq > first_protocol:
            support.sync_protocol_sequence(conn, demo.protocol_seq)
        out.close()
    highlights = [(HIGHLIGHTS[i][0], document) for i, document in sorted(demo.highlights.items())]
    return DemoResult(dict(out.counts), logins, highlights, KIOSK_PASSWORD, today)


def _month_partitions(conn: Connection, today: dt.date) -> None:
    """The months of the demo's history (a year of calls; sessions that ``jobs run`` will
    move into the history), so no row waits in a DEFAULT partition."""
    month = partitioning.month_start(today - dt.timedelta(days=365))
    months = []
    while month <= today:
        months.append(month)
        month = partitioning.add_months(month, 1)
    partitioning.create_months(conn, partitioning.CALLS, months)
    partitioning.create_months(conn, partitioning.RADACCT_HISTORY, months)


def _subscriber(demo: Demo, index: int, credit_values: list[tuple[int, int, Decimal]]) -> None:
    rng, today = demo.rng, demo.today
    if index in HIGHLIGHTS:
        _label, company, wanted = HIGHLIGHTS[index]
        alphanumeric = company
        ages = [rng.randint(730, 1460)] * len(wanted)
    else:
        company = rng.random() < 0.15
        alphanumeric = company and rng.random() < 0.1
        count = rng.choices((1, 2, 3), (60, 30, 10) if company else (85, 13, 2))[0]
        plans = COMPANY_PLANS if company else PERSON_PLANS
        wanted = [(weighted(rng, plans), _status(rng)) for _ in range(count)]
        if company and rng.random() < 0.4:
            wanted.append(("sms", ACTIVE))
        first_age = rng.randint(30, 330) if rng.random() < 0.1 else rng.randint(331, 8 * 365)
        ages = [first_age] + [rng.randint(30, first_age) for _ in wanted[1:]]
    created_on = today - dt.timedelta(days=max(ages) + rng.randint(0, 7))
    sub = people.create_subscriber(demo, index, company, alphanumeric, created_on)
    if index in HIGHLIGHTS:
        demo.highlights[index] = sub.document
    infos = []
    for (plan_key, status), age in zip(wanted, ages, strict=True):
        if age < 60 and status in (ContractStatus.CANCELLED, ContractStatus.SUSPENDED_OTHER):
            status = ACTIVE  # too new to have been cancelled or suspended
        info = contracts.plan_contract(demo, plan_key, status, today - dt.timedelta(days=age))
        billing.monthly(demo, sub, info)
        contracts.write_contract(demo, sub, info)
        if demo.light(index):
            continue
        usage.connections(demo, sub, info)
        usage.calls(demo, sub, info)
        if info.plan.sms:
            billing.sms_purchases(demo, sub, info, credit_values)
        infos.append(info)
    if not demo.light(index):
        support.tickets(demo, sub, infos)


def _status(rng: random.Random) -> ContractStatus:
    """~8 % suspended for debt, ~2 % suspended for another reason, ~3 % cancelled."""
    pick = rng.random()
    if pick < 0.08:
        return ContractStatus.SUSPENDED_DEBT
    if pick < 0.10:
        return ContractStatus.SUSPENDED_OTHER
    if pick < 0.13:
        return ContractStatus.CANCELLED
    return ACTIVE
