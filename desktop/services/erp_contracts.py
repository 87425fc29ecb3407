"""``import contracts``: one batch of contract rows into ``contracts``, ``radius_logins``,
``terminals`` (and ``plans`` when a plan name is new).

A status change is the app's own: a conditional UPDATE from the status read
(``enablement.claim_status``), the suspension-group intent written in the same transaction
(``enablement_jobs.record_contract_status``), audited as ``plano.situacao_alterada``; after
the commit the import applies it on FreeRADIUS (``finish_contract_status``), and ``jobs run``
finishes what a crash left.  A contract the store enabled provisionally that the ERP still
sends as *suspenso_debito* keeps its enablement and is reported as a conflict (the ERP learns
of the enablement through ``export events``); any other status from the ERP wins.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.clock import today_local, utcnow
from desktop.domain.enums import ContractStatus
from desktop.models import Base, Contract, Plan, RadiusLogin, Subscriber, Terminal
from desktop.services import audit, bulk_rows
from desktop.services.enablement import claim_status
from desktop.services.enablement_jobs import record_contract_status
from desktop.services.erp_batch import (
    CONFLICT,
    CREATED,
    REJECTED,
    UNCHANGED,
    UPDATED,
    BatchContext,
    Outcome,
)
from desktop.services.erp_rows import ContractData

CONTRACTS = Base.metadata.tables["contracts"]
LOGINS = Base.metadata.tables["radius_logins"]
TERMINALS = Base.metadata.tables["terminals"]


def _plans(
    session: Session, ctx: BatchContext, rows: list[tuple[int, ContractData]]
) -> dict[str, int]:
    plans: dict[str, int] = ctx.cache.setdefault("plans", {})
    if not plans:
        plans.update((name, pid) for pid, name in session.execute(select(Plan.id, Plan.name)))
    for _, data in rows:
        if data.plan not in plans:
            plan = Plan(
                name=data.plan,
                price=Decimal("0.00"),
                has_internet=bool(data.plan_internet),
                has_voice=bool(data.plan_voice),
            )
            session.add(plan)
            session.flush()
            plans[data.plan] = plan.id
    return plans


def write(
    session: Session, ctx: BatchContext, rows: list[tuple[int, ContractData]]
) -> list[Outcome]:
    customers = dict(
        bulk_rows.rows_by_keys(
            session,
            select(Subscriber.external_id, Subscriber.id),
            Subscriber.external_id,
            [d.customer_external_id for _, d in rows],
        )
    )
    cols = select(
        Contract.id,
        Contract.external_id,
        Contract.number,
        Contract.subscriber_id,
        Contract.plan_id,
        Contract.status,
        Contract.billing_day,
    )
    by_ext = {
        r.external_id: r
        for r in bulk_rows.rows_by_keys(
            session, cols, Contract.external_id, [d.external_id for _, d in rows]
        )
    }
    by_number = {
        r.number: r
        for r in bulk_rows.rows_by_keys(session, cols, Contract.number, [d.number for _, d in rows])
    }
    login_owner = dict(
        bulk_rows.rows_by_keys(
            session,
            select(RadiusLogin.username, RadiusLogin.contract_id),
            RadiusLogin.username,
            [d.radius_login for _, d in rows if d.radius_login],
        )
    )
    terminal_owner = dict(
        bulk_rows.rows_by_keys(
            session,
            select(Terminal.number, Terminal.contract_id),
            Terminal.number,
            [t for _, d in rows for t in d.terminals or ()],
        )
    )
    outcomes: list[Outcome] = []
    accepted: list[tuple[int, ContractData, Any, int]] = []  # line, data, stored, subscriber
    taken_numbers: dict[str, str] = {}
    for line, data in rows:
        subscriber_id = customers.get(data.customer_external_id)
        if subscriber_id is None:
            outcomes.append(
                Outcome(
                    line,
                    REJECTED,
                    f"cliente {data.customer_external_id} não encontrado (importe os clientes antes)",
                )
            )
            continue
        stored = by_ext.get(data.external_id)
        same_number = by_number.get(data.number)
        if same_number is not None and (stored is None or same_number.id != stored.id):
            if same_number.external_id is not None or stored is not None:
                outcomes.append(
                    Outcome(
                        line,
                        REJECTED,
                        f"número de contrato {data.number} já é do contrato {same_number.external_id or same_number.id}",
                    )
                )
                continue
            stored = same_number  # made here before going live: it takes the ERP's id
        if taken_numbers.get(data.number, data.external_id) != data.external_id:
            outcomes.append(
                Outcome(line, REJECTED, f"número de contrato {data.number} repetido no arquivo")
            )
            continue
        own_id = stored.id if stored is not None else None
        if data.radius_login and login_owner.get(data.radius_login, own_id) != own_id:
            outcomes.append(
                Outcome(line, REJECTED, f"login RADIUS {data.radius_login} já é de outro contrato")
            )
            continue
        clash = [t for t in data.terminals or () if terminal_owner.get(t, own_id) != own_id]
        if clash:
            outcomes.append(Outcome(line, REJECTED, f"terminal {clash[0]} já é de outro contrato"))
            continue
        taken_numbers[data.number] = data.external_id
        if data.radius_login:
            login_owner[data.radius_login] = own_id if own_id is not None else -line
        for t in data.terminals or ():
            terminal_owner[t] = own_id if own_id is not None else -line
        accepted.append((line, data, stored, subscriber_id))
    if not accepted:
        return outcomes
    plans = _plans(session, ctx, [(line, d) for line, d, _, _ in accepted])
    new = [(line, d, s) for line, d, stored, s in accepted if stored is None]
    known = [(line, d, stored, s) for line, d, stored, s in accepted if stored is not None]
    outcomes.extend(_create(session, ctx, new, plans))
    outcomes.extend(_update(session, ctx, known, plans))
    return outcomes


def _create(
    session: Session,
    ctx: BatchContext,
    new: list[tuple[int, ContractData, int]],
    plans: dict[str, int],
) -> list[Outcome]:
    if not new:
        return []
    ids = bulk_rows.allocate_ids(session, CONTRACTS, len(new))
    now, today = utcnow(), today_local()
    records = [
        (
            cid,
            d.external_id,
            d.number,
            sub,
            plans[d.plan],
            d.status,
            now,
            "Importado do ERP.",
            today,
            d.due_day or 10,
            "",
        )
        for cid, (_, d, sub) in zip(ids, new, strict=True)
    ]
    bulk_rows.insert_rows(
        session,
        CONTRACTS,
        (
            "id",
            "external_id",
            "number",
            "subscriber_id",
            "plan_id",
            "status",
            "status_changed_at",
            "status_reason",
            "activated_on",
            "billing_day",
            "installation_street",
        ),
        records,
    )
    logins = [
        (cid, d.radius_login) for cid, (_, d, _) in zip(ids, new, strict=True) if d.radius_login
    ]
    bulk_rows.insert_rows(session, LOGINS, ("contract_id", "username"), logins)
    terminals = [
        (cid, t, t[:2], True)
        for cid, (_, d, _) in zip(ids, new, strict=True)
        for t in d.terminals or ()
    ]
    bulk_rows.insert_rows(
        session, TERMINALS, ("contract_id", "number", "area_code", "active"), terminals
    )
    for cid, (_, d, _) in zip(ids, new, strict=True):
        # Suspended from its first day here: its login goes into the suspension group.
        suspended = d.status is ContractStatus.SUSPENDED_DEBT and d.radius_login
        if suspended and record_contract_status(
            session, ctx.actor, cid, ContractStatus.ACTIVE, d.status
        ):
            ctx.after_commit.append(cid)
    return [Outcome(line, CREATED) for line, _, _ in new]


def _update(
    session: Session,
    ctx: BatchContext,
    known: list[tuple[int, ContractData, Any, int]],
    plans: dict[str, int],
) -> list[Outcome]:
    if not known:
        return []
    ids = [stored.id for _, _, stored, _ in known]
    logins: dict[int, list[tuple[int, str]]] = {}
    for lid, cid, name in bulk_rows.rows_by_keys(
        session,
        select(RadiusLogin.id, RadiusLogin.contract_id, RadiusLogin.username),
        RadiusLogin.contract_id,
        ids,
    ):
        logins.setdefault(cid, []).append((lid, name))
    terminals: dict[int, set[str]] = {}
    for cid, number in bulk_rows.rows_by_keys(
        session, select(Terminal.contract_id, Terminal.number), Terminal.contract_id, ids
    ):
        terminals.setdefault(cid, set()).add(number)
    now = utcnow()
    plain: list[tuple[Any, ...]] = []
    new_logins: list[tuple[Any, ...]] = []
    new_terminals: list[tuple[Any, ...]] = []
    outcomes = []
    for line, d, stored, sub in known:
        changed = False
        billing_day = d.due_day or stored.billing_day
        fields = (d.external_id, d.number, sub, plans[d.plan], billing_day)
        if fields != (
            stored.external_id,
            stored.number,
            stored.subscriber_id,
            stored.plan_id,
            stored.billing_day,
        ):
            plain.append((*fields, stored.id))
            changed = True
        have = [name for _, name in logins.get(stored.id, [])]
        if d.radius_login and d.radius_login not in have:
            if have:  # the ERP renamed the login: the first one takes the new name
                session.execute(
                    LOGINS.update()
                    .where(LOGINS.c.id == logins[stored.id][0][0])
                    .values(username=d.radius_login)
                )
            else:
                new_logins.append((stored.id, d.radius_login))
            changed = True
        missing = [t for t in d.terminals or () if t not in terminals.get(stored.id, set())]
        new_terminals.extend((stored.id, t, t[:2], True) for t in missing)
        changed = changed or bool(missing)
        status_outcome = _status(session, ctx, line, d, stored, now)
        if status_outcome is not None and status_outcome.result == CONFLICT:
            outcomes.append(status_outcome)
            continue
        outcomes.append(Outcome(line, UPDATED if changed or status_outcome else UNCHANGED))
    bulk_rows.update_rows(
        session,
        CONTRACTS,
        ("external_id", "number", "subscriber_id", "plan_id", "billing_day"),
        plain,
    )
    bulk_rows.insert_rows(session, LOGINS, ("contract_id", "username"), new_logins)
    bulk_rows.insert_rows(
        session, TERMINALS, ("contract_id", "number", "area_code", "active"), new_terminals
    )
    # The status intents read the logins: written after them.
    for cid in ctx.cache.pop("status_pending", []):
        before, after = cid[1], cid[2]
        if record_contract_status(session, ctx.actor, cid[0], before, after):
            ctx.after_commit.append(cid[0])
    return outcomes


def _status(
    session: Session, ctx: BatchContext, line: int, d: ContractData, stored: Any, now: dt.datetime
) -> Outcome | None:
    before: ContractStatus = stored.status
    if before is d.status:
        return None
    if before is ContractStatus.PROVISIONAL and d.status is ContractStatus.SUSPENDED_DEBT:
        return Outcome(
            line,
            CONFLICT,
            f"contrato {d.number} habilitado provisoriamente na loja; mantido assim "
            "(o ERP ainda o manda como suspenso_debito)",
        )
    if not claim_status(session, stored.id, before, d.status, now, "Situação informada pelo ERP."):
        return Outcome(
            line,
            CONFLICT,
            f"contrato {d.number} mudou na loja durante a importação; importe de novo",
        )
    ctx.cache.setdefault("status_pending", []).append((stored.id, before, d.status))
    audit.record(
        session,
        ctx.actor,
        "plano.situacao_alterada",
        "contract",
        stored.id,
        antes=before.value,
        depois=d.status.value,
        origem="erp",
    )
    return Outcome(line, UPDATED)
