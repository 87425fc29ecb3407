"""The provider's side: plans and their RADIUS groups, SMS credit values, banks, staff."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, select

from desktop.demo.pools import CREDIT_VALUES, PLANS, SUSPENSION_GROUP, PlanDef
from desktop.demo.writer import BulkWriter
from desktop.domain.enums import Role
from desktop.domain.passwords import hash_password
from desktop.errors import Conflict
from desktop.models import CounterUser, Plan


@dataclass(frozen=True)
class DemoLogin:
    login: str
    role: Role
    password: str
    created: bool  # False: a user with that login already existed and was left alone


# Demo passwords, printed at the end of the command: these accounts are for trying the app.
STAFF = (
    ("atendente", "Ana Paula Ribeiro", Role.ATTENDANT, "atendente-demo"),
    ("financeiro", "Carlos Eduardo Mendes", Role.FINANCE, "financeiro-demo"),
    ("suporte", "Juliana Ferreira Lopes", Role.SUPPORT, "suporte-demo"),
    ("admin", "Roberto Almeida Castro", Role.ADMIN, "admin-demo"),
)


def create_plans(out: BulkWriter) -> dict[str, tuple[int, PlanDef]]:
    existing = set(
        out.conn.scalars(select(Plan.name).where(Plan.name.in_([p.name for p in PLANS])))
    )
    if existing:
        raise Conflict(
            "Já existem planos com os nomes usados pela demonstração "
            f"({', '.join(sorted(existing))}); use um banco de dados vazio."
        )
    plans: dict[str, tuple[int, PlanDef]] = {}
    for plan in PLANS:
        plan_id = out.next_id("plans")
        plans[plan.key] = (plan_id, plan)
        out.add(
            "plans",
            {
                "id": plan_id,
                "name": plan.name,
                "price": plan.price,
                "has_internet": plan.internet,
                "has_voice": plan.voice,
                "has_sms": plan.sms,
                "download_mbps": plan.down,
                "upload_mbps": plan.up,
                "radius_group": plan.group,
            },
        )
        if plan.group:
            # Mikrotik-Rate-Limit is "rx/tx" seen from the router: the client's upload first.
            _group_reply(out, plan.group, "Mikrotik-Rate-Limit", f"{plan.up}M/{plan.down}M")
            _group_reply(out, plan.group, "Framed-Pool", "cgnat-clientes")
            _group_reply(out, plan.group, "Acct-Interim-Interval", "300")
    _group_reply(out, SUSPENSION_GROUP, "Mikrotik-Address-List", "bloqueados")
    _group_reply(out, SUSPENSION_GROUP, "Mikrotik-Rate-Limit", "512k/512k")
    _group_reply(out, SUSPENSION_GROUP, "Framed-Pool", "pool-bloqueados")
    return plans


def _group_reply(out: BulkWriter, group: str, attribute: str, value: str) -> None:
    out.add(
        "radgroupreply",
        {
            "id": out.next_id("radgroupreply"),
            "groupname": group,
            "attribute": attribute,
            "op": ":=",
            "value": value,
        },
    )


def create_credit_values(out: BulkWriter) -> list[tuple[int, int, Decimal]]:
    """SMS *Valores de Crédito*; returns (id, quantity, price) of the active ones."""
    active = []
    for quantity, price, is_active in CREDIT_VALUES:
        value_id = out.next_id("sms_credit_values")
        out.add(
            "sms_credit_values",
            {"id": value_id, "quantity": quantity, "price": price, "active": is_active},
        )
        if is_active:
            active.append((value_id, quantity, price))
    return active


def create_bank_accounts(out: BulkWriter, beneficiary: str) -> None:
    accounts = (
        # Banco do Brasil, carteira 17, convênio of 7 digits; DVs by BB's mod-11 rule.
        ("001", "3064", _bb_dv("3064"), "123456", _bb_dv("123456"), "17", "1234567"),
        # Itaú, carteira 109: agency without DV, account DAC by Itaú's mod-10 rule.
        ("341", "0057", "", "12345", _itau_dac("0057", "12345"), "109", ""),
    )
    for bank, agency, agency_dv, account, account_dv, wallet, agreement in accounts:
        out.add(
            "bank_accounts",
            {
                "id": out.next_id("bank_accounts"),
                "bank_code": bank,
                "agency": agency,
                "agency_dv": agency_dv,
                "account": account,
                "account_dv": account_dv,
                "wallet": wallet,
                "agreement": agreement,
                "beneficiary_name": beneficiary,
                "active": True,
                "last_sequence": 0,
            },
        )


def _bb_dv(number: str) -> str:
    total = sum(int(d) * w for d, w in zip(reversed(number), range(2, 10), strict=False))
    dv = 11 - total % 11
    return "X" if dv == 10 else "0" if dv == 11 else str(dv)


def _itau_dac(agency: str, account: str) -> str:
    total = 0
    for i, digit in enumerate(reversed(agency + account)):
        product = int(digit) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def create_staff(conn: Connection, out: BulkWriter, created_at: dt.datetime) -> list[DemoLogin]:
    """One counter user per role; a login that already exists is left as it is."""
    taken = set(conn.scalars(select(CounterUser.login)))
    logins = []
    for login, name, role, password in STAFF:
        if login in taken:
            logins.append(DemoLogin(login, role, password, created=False))
            continue
        out.add(
            "counter_users",
            {
                "id": out.next_id("counter_users"),
                "login": login,
                "name": name,
                "role": role,
                "password_hash": hash_password(password),  # real argon2id parameters
                "active": True,
                "failed_logins": 0,
                "locked_until": None,
                "created_at": created_at,
            },
        )
        logins.append(DemoLogin(login, role, password, created=True))
    return logins
