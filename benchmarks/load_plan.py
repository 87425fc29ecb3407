"""What the load benchmark's stations work on: users, kiosk passwords, targets, collisions.

Read from the demo database once, before the run, and handed to every station process.
Records used by a collision (``Event``) are kept out of the random pools, so each of them is
hit deliberately by several stations at the same moment.
"""

from __future__ import annotations

import random
import time

import psycopg

from benchmarks.load_station import KIOSK_PASSWORD, STATION_PASSWORD, Event, Plan, station_login
from desktop.domain.passwords import hash_password_fast


def roles_for(stations: int) -> list[str]:
    """Per 4 stations of a store: 2 attendants, 1 kiosk, and finance or support in turn."""
    roles = []
    for i in range(stations):
        slot = i % 4
        roles.append(
            "attendant"
            if slot < 2
            else "kiosk"
            if slot == 2
            else ("finance", "support")[i // 4 % 2]
        )
    return roles


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def prepare(url: str, roles: list[str]) -> None:
    """One counter user per station (as a store gives each attendant a login)."""
    fast = hash_password_fast(STATION_PASSWORD)
    role_value = {"attendant": "atendente", "finance": "financeiro", "support": "suporte"}
    with psycopg.connect(_dsn(url), autocommit=True) as conn:
        for i, role in enumerate(roles):
            if role == "kiosk":
                continue
            conn.execute(
                "INSERT INTO counter_users (login, name, role, password_hash, active, "
                "failed_logins, created_at) VALUES (%s, %s, %s, %s, true, 0, now()) "
                "ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role, locked_until = NULL",
                (station_login(i), f"Estação de carga {i}", role_value[role], fast),
            )


def _rows(conn: psycopg.Connection, sql: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
    return conn.execute(sql, params).fetchall()


def _masked(doc: str) -> str:
    if len(doc) == 11 and doc.isdigit():
        return f"{doc[:3]}.{doc[3:6]}.{doc[6:9]}-{doc[9:]}"
    return doc


def build(
    url: str, roles: list[str], start_at: float, seconds: float, think_s: float, seed: int = 7
) -> Plan:
    rng = random.Random(seed)
    with psycopg.connect(_dsn(url), autocommit=True) as conn:
        names = [
            r[0] for r in _rows(conn, "SELECT name FROM subscribers ORDER BY random() LIMIT 400")
        ]
        docs = [
            r[0]
            for r in _rows(conn, "SELECT document FROM subscribers ORDER BY random() LIMIT 400")
        ]
        terminals = _rows(
            conn, "SELECT area_code, number FROM terminals ORDER BY random() LIMIT 300"
        )
        numbers = [
            r[0] for r in _rows(conn, "SELECT number FROM contracts ORDER BY random() LIMIT 300")
        ]
        voice_subs = [
            r[0]
            for r in _rows(
                conn,
                "SELECT DISTINCT c.subscriber_id FROM contracts c JOIN terminals t ON "
                "t.contract_id = c.id WHERE c.status <> 'cancelado' LIMIT 50000",
            )
        ]
        radius_subs = [
            r[0]
            for r in _rows(
                conn,
                "SELECT DISTINCT c.subscriber_id FROM contracts c JOIN radius_logins l ON "
                "l.contract_id = c.id WHERE c.status <> 'cancelado' LIMIT 50000",
            )
        ]
        open_bills = _rows(
            conn,
            "SELECT subscriber_id, id, amount::text FROM receivables WHERE status = 'aberto' "
            "AND due_date BETWEEN current_date - 25 AND current_date + 30 ORDER BY random() "
            "LIMIT 6000",
        )
        suspended = _rows(
            conn,
            "SELECT s.id, c.id, s.document FROM contracts c JOIN subscribers s ON "
            "s.id = c.subscriber_id WHERE c.status = 'suspenso_debito' ORDER BY random()",
        )
        dupes = _rows(
            conn,
            "SELECT cp.subscriber_id, cp.id, cp.payment_id, (cp.amount * 100)::int FROM "
            "card_payments cp WHERE cp.status = 'capturado' AND EXISTS (SELECT 1 FROM "
            "card_payments o WHERE o.receivable_id = cp.receivable_id AND o.id < cp.id) "
            "ORDER BY random()",
        )
        sms = _rows(
            conn,
            "SELECT s.id, c.id, s.document FROM contracts c JOIN plans p ON p.id = c.plan_id "
            "JOIN subscribers s ON s.id = c.subscriber_id WHERE p.has_sms AND c.status <> "
            "'cancelado' ORDER BY random() LIMIT 200",
        )
        credit = _rows(conn, "SELECT id FROM sms_credit_values WHERE active ORDER BY id LIMIT 1")
        others = _rows(conn, "SELECT id, document FROM subscribers ORDER BY random() LIMIT 300")
        kiosk_people = {(s, d) for s, _c, d in [*suspended, *sms]} | set(others)
        fast = hash_password_fast(KIOSK_PASSWORD)
        conn.execute(
            "UPDATE subscribers SET password_hash = %s, failed_logins = 0, locked_until = NULL "
            "WHERE id = ANY(%s)",
            (fast, [s for s, _d in kiosk_people]),
        )
    plan = Plan(
        db_url=url,
        start_at=start_at,
        end_at=start_at + seconds,
        think_s=think_s,
        names=_name_queries(names, rng),
        documents=[_masked(d) for d in docs],
        phones=_phone_queries(terminals, rng),
        contract_numbers=numbers,
        statement_subscribers=radius_subs,
        voice_subscribers=voice_subs,
        reprint=[(s, r) for s, r, _a in open_bills[:3000]],
        pay=[],
        suspended=[],
        card_dupes=[],
        sms=[],
        credit_value=credit[0][0] if credit else 0,
        kiosk_people=sorted(kiosk_people),
        roles=roles,
    )
    _collisions(plan, rng, open_bills[3000:], suspended, [(s, c) for s, c, _p, _a in dupes], sms)
    plan.cielo_payments.update({p: cents for _s, _c, p, cents in dupes})
    return plan


def _name_queries(names: list[str], rng: random.Random) -> list[str]:
    """What a person types: a first name's prefix, a surname, two words, a prefix of each."""
    out = []
    for name in names:
        words = name.split()
        kind = rng.randrange(4)
        if kind == 0:
            out.append(words[0][: rng.randint(3, max(3, len(words[0])))])
        elif kind == 1:
            out.append(words[-1])
        elif kind == 2 and len(words) > 1:
            out.append(f"{words[0]} {words[1][:3]}")
        else:
            out.append(" ".join(w[:4] for w in words[:3]))
    return out


def _phone_queries(terminals: list[tuple], rng: random.Random) -> list[str]:  # type: ignore[type-arg]
    out = []
    for area, number in terminals:
        local = number[len(area) :] if number.startswith(area) else number
        out.append(
            rng.choice(
                [
                    f"{area}{local}",
                    local,
                    f"0{area}{local}",
                    f"+55 {area} {local}",
                    f"({area}) {local}",
                ]
            )
        )
    return out


def _collisions(
    plan: Plan,
    rng: random.Random,
    bills: list[tuple],  # type: ignore[type-arg]
    suspended: list[tuple],  # type: ignore[type-arg]
    dupes: list[tuple[int, int]],
    sms: list[tuple],  # type: ignore[type-arg]
) -> None:
    """Every 6 s one record hit by several stations at once (kinds in turn); the rest of each
    kind stays in the random pool, where stations also meet by chance."""
    by_role: dict[str, list[int]] = {}
    for i, role in enumerate(plan.roles):
        by_role.setdefault(role, []).append(i)
    finance, kiosks = by_role.get("finance", []), by_role.get("kiosk", [])
    support, attendants = by_role.get("support", []), by_role.get("attendant", [])
    kinds = ["pay", "enable", "void", "sms", "tickets"]
    t, n = plan.start_at + 5.0, 0
    hot_bills, hot_susp, hot_dupes, hot_sms = iter(bills), iter(suspended), iter(dupes), iter(sms)
    used: dict[str, int] = {"bills": 0, "susp": 0, "dupes": 0, "sms": 0}
    while t < plan.end_at - 10:
        kind = kinds[n % len(kinds)]
        n += 1
        try:
            if kind == "pay" and len(finance) >= 2:
                target = next(hot_bills)
                used["bills"] += 1
                plan.events.append(
                    Event(t, "pay", target, tuple(rng.sample(finance, min(3, len(finance)))))
                )
            elif kind == "enable" and len(kiosks) >= 2 and attendants:
                target = next(hot_susp)
                used["susp"] += 1
                who = (*rng.sample(kiosks, 2), rng.choice(attendants))
                plan.events.append(Event(t, "enable", target, who))
            elif kind == "void" and len(finance) >= 2:
                target = next(hot_dupes)
                used["dupes"] += 1
                plan.events.append(Event(t, "void", target, tuple(rng.sample(finance, 2))))
            elif kind == "sms" and kiosks and len(finance) >= 2 and len(support) >= 2:
                target = next(hot_sms)
                used["sms"] += 1
                plan.events.append(Event(t, "sms", target, (rng.choice(kiosks),)))
                plan.events.append(
                    Event(t + 3, "sms_confirm", target, tuple(rng.sample(finance, 2)))
                )
                plan.events.append(
                    Event(t + 6, "sms_transfer", target, tuple(rng.sample(support, 2)))
                )
            elif kind == "tickets" and len(attendants) >= 8:
                sub = rng.choice(plan.statement_subscribers)
                who = tuple(rng.sample(attendants, 8))
                plan.events.append(Event(t, "tickets", (sub,), who, double_click=False))
        except StopIteration:
            pass  # that kind ran out of records: the others go on
        t += 6.0
    plan.pay.extend(bills[used["bills"] :])
    plan.suspended.extend(suspended[used["susp"] :])
    plan.card_dupes.extend(dupes[used["dupes"] :])
    plan.sms.extend(sms[used["sms"] :])


def wait_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.time()))
