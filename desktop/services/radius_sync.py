"""Suspension-group changes on FreeRADIUS through an outbox (DESIGN.md "Two systems, one outcome").

The FreeRADIUS tables may live on another server, so a change there can never be part of
our transaction.  The order that cannot lose the record:

1. the action (contract status, enablement, ticket, audit, event) and its intent — a
   :class:`~desktop.models.RadiusChange` row, ``pending`` — commit together (:func:`record`);
2. :func:`apply_contract` writes the latest intent of that contract on FreeRADIUS
   (idempotent: *block* inserts the row if absent, *unblock* deletes it) and commits there;
3. the intent is marked ``applied`` (earlier pending intents of the other direction that
   the latest overtook are marked ``undone``); then the NAS is asked to disconnect.

A crash between 1 and 2 or between 2 and 3 leaves the intent ``pending``;
:func:`apply_pending` (``jobs run``) finishes it.  Two appliers of one contract (the station
that acted and another station's ``jobs run``) are serialised by a lock taken on the
FreeRADIUS side *before* the intent is read, so the last writer always writes the latest
intent, whatever order they arrive in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from desktop.adapters import radius_control
from desktop.adapters.radius_control import OpenSession, RadiusConfig
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.errors import DatabaseUnavailable
from desktop.models import RadiusAction, RadiusChange, RadiusChangeState
from desktop.services import audit, settings
from desktop.services.tickets import ACTION_RADIUS, add_event

PENDING = RadiusChangeState.PENDING.value
RECOVERED = "Alteração no FreeRADIUS concluída pelas tarefas periódicas: "


def radius_config(session: Session) -> RadiusConfig:
    """The RADIUS settings (``radius.*``) as the adapter takes them."""
    values = settings.get_many(session, "radius.")
    return RadiusConfig(
        database_url=str(values["radius.database_url"]).strip(),
        suspension_group=str(values["radius.suspension_group"]),
        nas_ip=str(values["radius.nas_ip"]).strip(),
        nas_secret=str(values["radius.nas_secret"]),
        coa_port=int(values["radius.coa_port"]),
    )


@dataclass(frozen=True)
class Applied:
    contract_id: int
    action: RadiusAction
    logins: tuple[str, ...]
    rows: int  # radusergroup rows inserted or deleted now (0: it was already so)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Plan:
    latest_id: int
    action: RadiusAction
    logins: tuple[str, ...]
    group: str
    disconnect: bool
    ticket_id: int | None
    same: tuple[int, ...]  # pending intents this write fulfils
    overtaken: tuple[int, ...]  # pending intents of the other direction it reverts


def record(
    session: Session,
    contract_id: int,
    action: RadiusAction,
    logins: Sequence[str],
    group: str,
    *,
    reason: str,
    ticket_id: int | None = None,
    disconnect: bool = True,
) -> None:
    """Write the intent in the caller's transaction (it lands only if the action does)."""
    session.add(
        RadiusChange(
            contract_id=contract_id,
            action=action.value,
            logins=json.dumps(list(logins)),
            groupname=group,
            state=PENDING,
            reason=reason[:40],
            disconnect=disconnect,
            ticket_id=ticket_id,
            attempts=0,
            last_error="",
            created_at=utcnow(),
        )
    )


def _plan(session: Session, contract_id: int) -> _Plan | None:
    """The contract's latest intent and the pending ones it settles; None if nothing pends."""
    rows = list(
        session.scalars(
            select(RadiusChange)
            .where(RadiusChange.contract_id == contract_id)
            .order_by(RadiusChange.id.desc())
            .limit(1)
        )
    )
    if not rows:
        return None
    latest = rows[0]
    pending = list(
        session.execute(
            select(RadiusChange.id, RadiusChange.action).where(
                RadiusChange.contract_id == contract_id,
                RadiusChange.state == PENDING,
                RadiusChange.id <= latest.id,
            )
        )
    )
    if not pending:
        return None
    return _Plan(
        latest.id,
        RadiusAction(latest.action),
        tuple(json.loads(latest.logins)),
        latest.groupname,
        latest.disconnect,
        latest.ticket_id,
        tuple(i for i, a in pending if a == latest.action),
        tuple(i for i, a in pending if a != latest.action),
    )


def _write(rs: Session, plan: _Plan, config: RadiusConfig) -> tuple[int, list[OpenSession]]:
    if plan.action is RadiusAction.BLOCK:
        rows = radius_control.block(rs, plan.logins, plan.group)
    else:
        rows = radius_control.unblock(rs, plan.logins, plan.group)
    sessions: list[OpenSession] = []
    if plan.disconnect and config.nas_ip and plan.logins:
        sessions = radius_control.open_sessions(rs, plan.logins)
    return rows, sessions


def _mark(session: Session, actor: Actor, plan: _Plan, rows: int, recovery: bool) -> bool:
    """Mark the settled intents; False when another applier already did (it disconnects)."""
    now = utcnow()
    done = session.execute(
        update(RadiusChange)
        .where(RadiusChange.id == plan.latest_id, RadiusChange.state == PENDING)
        .values(
            state=RadiusChangeState.APPLIED.value,
            applied_at=now,
            attempts=RadiusChange.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    others = [i for i in plan.same if i != plan.latest_id]
    for ids, state in (
        (others, RadiusChangeState.APPLIED),
        (plan.overtaken, RadiusChangeState.UNDONE),
    ):
        if ids:
            session.execute(
                update(RadiusChange)
                .where(RadiusChange.id.in_(ids), RadiusChange.state == PENDING)
                .values(state=state.value, applied_at=now)
                .execution_options(synchronize_session=False)
            )
    won = int(getattr(done, "rowcount", 0) or 0) == 1
    if won and recovery and plan.ticket_id is not None:
        verb = "de volta ao" if plan.action is RadiusAction.BLOCK else "retirado(s) do"
        add_event(
            session,
            plan.ticket_id,
            actor,
            ACTION_RADIUS,
            f"{RECOVERED}login(s) {', '.join(plan.logins)} {verb} grupo {plan.group!r} "
            f"({rows} registro(s)).",
        )
    return won


def _failed(db: Database, actor: Actor, contract_id: int, message: str) -> None:
    """Count the failed attempt and, the first time, say so in the atendimento's history
    (it already tells the change as made).  Best effort: the intent stays pending anyway."""
    try:
        with db.session() as session:
            first = list(
                session.scalars(
                    select(RadiusChange.ticket_id).where(
                        RadiusChange.contract_id == contract_id,
                        RadiusChange.state == PENDING,
                        RadiusChange.attempts == 0,
                        RadiusChange.ticket_id.is_not(None),
                    )
                )
            )
            session.execute(
                update(RadiusChange)
                .where(RadiusChange.contract_id == contract_id, RadiusChange.state == PENDING)
                .values(attempts=RadiusChange.attempts + 1, last_error=message[:500])
                .execution_options(synchronize_session=False)
            )
            for ticket_id in first:
                if ticket_id is None:
                    continue
                add_event(
                    session,
                    ticket_id,
                    actor,
                    ACTION_RADIUS,
                    f"{message} A alteração no FreeRADIUS ficou pendente e será concluída "
                    "pelas tarefas periódicas.",
                )
    except DatabaseUnavailable:
        pass


def apply_contract(
    db: Database,
    actor: Actor,
    contract_id: int,
    *,
    recovery: bool = False,
    engine: Engine | None = None,
) -> Applied | None:
    """Write the contract's latest pending intent on FreeRADIUS; None if nothing pended (or
    another station's applier marked it first).

    Call it with no transaction of ours open.  Raises ``DatabaseUnavailable`` when
    FreeRADIUS cannot be reached; the intent then stays pending for ``jobs run``.
    """
    with db.session() as session:
        config = radius_config(session)
    if not config.database_url:
        # FreeRADIUS reads our own tables: write and mark in one transaction.
        with db.session() as session:
            radius_control.lock_logins_of(session, contract_id)
            plan = _plan(session, contract_id)
            if plan is None:
                return None
            rows, sessions = _write(session, plan, config)
            won = _mark(session, actor, plan, rows, recovery)
    else:
        try:
            with radius_control.separate_session(config, engine) as rs:
                radius_control.lock_logins_of(rs, contract_id)
                with db.session() as session:  # a short read; nothing of ours stays open
                    plan = _plan(session, contract_id)
                if plan is None:
                    return None
                rows, sessions = _write(rs, plan, config)
        except DatabaseUnavailable as exc:
            _failed(db, actor, contract_id, exc.message)
            raise
        with db.session() as session:
            won = _mark(session, actor, plan, rows, recovery)
    if not won:  # another station's applier got there first; it disconnects and reports
        return None
    warnings = send_coa(db, actor, config, sessions, plan.ticket_id)
    return Applied(contract_id, plan.action, plan.logins, rows, warnings)


def pending_contracts(db: Database, after: int = 0, limit: int = 500) -> list[int]:
    with db.session() as session:
        return list(
            session.scalars(
                select(RadiusChange.contract_id)
                .where(RadiusChange.state == PENDING, RadiusChange.contract_id > after)
                .group_by(RadiusChange.contract_id)
                .order_by(RadiusChange.contract_id)
                .limit(limit)
            )
        )


def _pending_count(db: Database) -> int:
    try:
        with db.session() as session:
            return int(
                session.scalar(
                    select(func.count(func.distinct(RadiusChange.contract_id))).where(
                        RadiusChange.state == PENDING
                    )
                )
                or 0
            )
    except DatabaseUnavailable:
        return 0


def apply_pending(db: Database, actor: Actor) -> tuple[list[Applied], list[str]]:
    """``jobs run``: finish every intent a crash or an unreachable FreeRADIUS left pending.

    One FreeRADIUS engine serves the whole batch (an ERP import may leave thousands); the
    first failure to reach it ends the batch with one warning instead of a timeout for each
    contract."""
    done: list[Applied] = []
    warnings: list[str] = []
    with db.session() as session:
        config = radius_config(session)
    engine = radius_control.separate_engine(config) if config.database_url else None
    after = 0
    try:
        while batch := pending_contracts(db, after):
            for contract_id in batch:
                after = contract_id
                try:
                    applied = apply_contract(db, actor, contract_id, recovery=True, engine=engine)
                except DatabaseUnavailable as exc:
                    left = _pending_count(db)
                    warnings.append(
                        f"{exc.message} {left} contrato(s) com alteração no FreeRADIUS pendente; "
                        "nova tentativa na próxima execução."
                    )
                    return done, warnings
                if applied is not None:
                    done.append(applied)
                    warnings.extend(f"Contrato {contract_id}: {w}" for w in applied.warnings)
    finally:
        if engine is not None:
            engine.dispose()
    return done, warnings


def send_coa(
    db: Database,
    actor: Actor,
    config: RadiusConfig,
    sessions: Sequence[OpenSession],
    ticket_id: int | None,
) -> tuple[str, ...]:
    """Disconnect the sessions (after the commit); record each outcome; return the warnings."""
    outcomes = radius_control.disconnect_logins(config, sessions)
    if not outcomes:
        return ()
    with db.session() as session:
        for outcome in outcomes:
            if ticket_id is not None:
                add_event(
                    session,
                    ticket_id,
                    actor,
                    ACTION_RADIUS,
                    f"{outcome.username}: {outcome.message}",
                )
            if not outcome.ok:
                audit.record(
                    session,
                    actor,
                    "radius.coa_falhou",
                    "radius_login",
                    outcome.username,
                    motivo=outcome.message,
                )
    return tuple(
        f"{o.username}: {o.message} O acesso volta na próxima conexão do cliente."
        for o in outcomes
        if not o.ok
    )


def pending_message(exc: DatabaseUnavailable) -> str:
    return (
        f"{exc.message} A alteração no FreeRADIUS ficou registrada e será concluída "
        "automaticamente pelas tarefas periódicas (jobs run)."
    )
