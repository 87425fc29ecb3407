"""Contracts, their voice terminals and RADIUS logins (radcheck / radusergroup rows)."""

from __future__ import annotations

import datetime as dt
import itertools

from desktop.demo.pools import SUSPENSION_GROUP, slug
from desktop.demo.state import ContractInfo, Demo, SubscriberInfo
from desktop.domain.enums import ContractStatus

BILLING_DAYS = (5, 10, 10, 15, 20, 25)
FULL_EXCHANGE_TRIES = 50  # numbers drawn in the city's exchanges before widening them
_PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyz23456789"
OTHER_REASONS = (
    "Suspensão a pedido do assinante (viagem).",
    "Suspensão técnica: equipamento recolhido para manutenção.",
    "Suspensão por uso indevido da rede (análise em andamento).",
)


def plan_contract(
    demo: Demo, plan_key: str, status: ContractStatus, activated_on: dt.date
) -> ContractInfo:
    """Choose the contract's dates; a debt suspension is dated later, from its receivables."""
    rng = demo.rng
    _plan_id, plan = demo.plans[plan_key]
    info = ContractInfo(
        id=demo.out.next_id("contracts"),
        plan_key=plan_key,
        plan=plan,
        status=status,
        activated_on=activated_on,
        billing_day=rng.choice(BILLING_DAYS),
        status_changed_at=demo.business_time(activated_on),
    )
    age = (demo.today - activated_on).days
    if status is ContractStatus.CANCELLED:
        stopped = demo.today - dt.timedelta(days=rng.randint(10, min(330, max(11, age - 30))))
        info.stopped_on = max(stopped, activated_on + dt.timedelta(days=1))
    elif status is ContractStatus.SUSPENDED_OTHER:
        info.stopped_on = demo.today - dt.timedelta(days=rng.randint(5, min(60, max(6, age - 5))))
    if info.stopped_on is not None:
        info.status_changed_at = demo.business_time(info.stopped_on)
    return info


def contract_number(info: ContractInfo) -> str:
    """Readable and unique: the year of activation and the contract id."""
    return f"CT-{info.activated_on.year}-{info.id:06d}"


def write_contract(demo: Demo, sub: SubscriberInfo, info: ContractInfo) -> None:
    """The contract row, then its terminals and RADIUS login (after the status is final)."""
    rng, out = demo.rng, demo.out
    if info.status is ContractStatus.SUSPENDED_DEBT:
        reason = "Suspensão automática por débito (mensalidades vencidas)."
    elif info.status is ContractStatus.SUSPENDED_OTHER:
        reason = rng.choice(OTHER_REASONS)
    elif info.status is ContractStatus.CANCELLED:
        reason = rng.choice(
            ("Cancelado a pedido do assinante.", "Cancelado por mudança de cidade.")
        )
    else:
        reason = ""
    out.add(
        "contracts",
        {
            "id": info.id,
            "number": contract_number(info),
            "subscriber_id": sub.id,
            "plan_id": demo.plans[info.plan_key][0],
            "status": info.status,
            "status_changed_at": info.status_changed_at,
            "status_reason": reason,
            "activated_on": info.activated_on,
            "billing_day": info.billing_day,
            "installation_street": sub.address if rng.random() < 0.9 else demo.pools.street(rng),
        },
    )
    if info.plan.voice:
        count = rng.choices((1, 2, 3), (70, 20, 10))[0] if sub.company else 1
        for _ in range(count):
            _terminal(demo, sub, info)
    if info.plan.internet:
        _radius_login(demo, sub, info)


def _terminal(demo: Demo, sub: SubscriberInfo, info: ContractInfo) -> None:
    """DDD + an 8-digit fixed number (first digit 2-5) with a prefix of the subscriber's city."""
    rng, ddd = demo.rng, sub.city.ddd
    for attempt in itertools.count():
        prefix = rng.choice(sub.city.fixed_prefixes)
        if attempt >= FULL_EXCHANGE_TRIES:
            # The city's exchanges are full (a 4-digit prefix has 10 000 numbers; a demo of
            # a million subscribers has more lines than that in a town): any number
            # beginning with the prefix's first two digits, a hundred times the room.
            prefix = prefix[:2]
        rest = 8 - len(prefix)
        number = ddd + prefix + f"{rng.randrange(10**rest):0{rest}d}"
        if number not in demo.terminals:
            break
    demo.terminals.add(number)
    terminal_id = demo.out.next_id("terminals")
    demo.out.add(
        "terminals",
        {
            "id": terminal_id,
            "contract_id": info.id,
            "number": number,
            "area_code": ddd,
            "active": info.status is not ContractStatus.CANCELLED,
        },
    )
    info.terminals.append((terminal_id, number, ddd))


def _radius_login(demo: Demo, sub: SubscriberInfo, info: ContractInfo) -> None:
    rng, out = demo.rng, demo.out
    base = sub.slug[:24] if sub.company else f"{slug(sub.first)}.{slug(sub.last)}"
    seen = demo.usernames.get(base, 0)
    demo.usernames[base] = seen + 1
    username = base if seen == 0 else f"{base}{seen + 1}"
    info.login = username
    out.add(
        "radius_logins",
        {"id": out.next_id("radius_logins"), "contract_id": info.id, "username": username},
    )
    if info.status is ContractStatus.CANCELLED:
        return  # access removed; the login stays for the connection history
    password = "".join(rng.choice(_PASSWORD_CHARS) for _ in range(8))
    _check(demo, username, "Cleartext-Password", password)
    if info.status is ContractStatus.SUSPENDED_OTHER:
        _check(demo, username, "Auth-Type", "Reject")
    if info.status is ContractStatus.SUSPENDED_DEBT:
        _user_group(demo, username, SUSPENSION_GROUP, 0)  # priority 0 wins over the plan
    assert info.plan.group is not None
    _user_group(demo, username, info.plan.group, 1)


def _check(demo: Demo, username: str, attribute: str, value: str) -> None:
    demo.out.add(
        "radcheck",
        {
            "id": demo.out.next_id("radcheck"),
            "username": username,
            "attribute": attribute,
            "op": ":=",
            "value": value,
        },
    )


def _user_group(demo: Demo, username: str, group: str, priority: int) -> None:
    demo.out.add(
        "radusergroup",
        {
            "id": demo.out.next_id("radusergroup"),
            "username": username,
            "groupname": group,
            "priority": priority,
        },
    )
