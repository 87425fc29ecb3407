"""Expiry of enablements (jobs run) and the end of a suspension when the debt is paid."""

from __future__ import annotations

import datetime as dt

import pytest
from pyrad import packet
from sqlalchemy import select, update

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import utcnow
from desktop.domain.enums import ContractStatus, ReceivableStatus, TicketStatus
from desktop.errors import Conflict
from desktop.models import AuditEntry, ProvisionalEnablement, Receivable, Ticket
from desktop.services import enablement, enablement_jobs, reactivation, ticket_search
from tests.conftest import kiosk
from tests.factories import CPFS
from tests.services.nas_stub import running_nas
from tests.services.radius_setup import (
    SUSPENDED_SINCE,
    configure_nas,
    contract_state,
    groups,
    open_session,
    suspended,
)


def pay(db: Database, receivable_id: int) -> None:
    with db.session() as session:
        session.execute(
            update(Receivable)
            .where(Receivable.id == receivable_id)
            .values(status=ReceivableStatus.PAID, paid_at=utcnow(), paid_amount=Receivable.amount)
        )


def enablement_row(db: Database) -> ProvisionalEnablement:
    with db.session() as session:
        return session.scalars(select(ProvisionalEnablement)).one()


def test_unpaid_expiry_suspends_again_as_the_same_suspension(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, contract_id, _ = suspended(db)
    result = enablement.enable(db, attendant, sub_id, contract_id)
    assert enablement_jobs.run_jobs(db, utcnow() + dt.timedelta(days=2)).expired == 0  # not due yet
    open_session(db)
    with running_nas() as nas:
        configure_nas(db, nas.port)
        report = enablement_jobs.run_jobs(db, result.enabled_until + dt.timedelta(minutes=1))
    contract_number = report.resuspended[0]
    assert report.expired == 1 and report.reactivated == () and report.warnings == ()
    assert [r.attributes["User-Name"] for r in nas.received] == [["joana"]]  # disconnected again
    assert groups(db) == [("bloqueado", 0), ("plano300", 1)]  # the block is back, priority 0
    assert contract_state(db, contract_id) == (ContractStatus.SUSPENDED_DEBT, SUSPENDED_SINCE)
    row = enablement_row(db)
    assert row.end_reason == "expirada" and row.ended_at is not None
    with db.session() as session:
        ticket = session.get(Ticket, row.ticket_id)
        assert ticket is not None and ticket.status is TicketStatus.CLOSED
        assert session.scalars(
            select(AuditEntry).where(AuditEntry.action == "habilitacao_provisoria.expirada")
        ).one()
    actions = [e.action for e in ticket_search.detail(db, attendant, row.ticket_id).history]
    assert actions == [
        "abertura",
        "habilitacao",
        "radius",
        "fim_habilitacao",
        "encerramento",
        "radius",
    ]
    # Still the same suspension: once per suspension holds.
    with pytest.raises(Conflict, match="já foi habilitado provisoriamente nesta suspensão"):
        enablement.enable(db, attendant, sub_id, contract_id)
    assert contract_number.startswith("C")
    assert (
        enablement_jobs.run_jobs(db, result.enabled_until + dt.timedelta(days=1)).expired == 0
    )  # idempotent


def test_expiry_with_the_debt_paid_lifts_the_suspension_for_good(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, contract_id, receivable_id = suspended(db)
    result = enablement.enable(db, attendant, sub_id, contract_id)
    assert receivable_id is not None
    pay(db, receivable_id)
    report = enablement_jobs.run_jobs(db, result.enabled_until + dt.timedelta(seconds=1))
    assert len(report.reactivated) == 1 and report.resuspended == ()
    status, _ = contract_state(db, contract_id)
    assert status is ContractStatus.ACTIVE
    assert groups(db) == [("plano300", 1)]
    assert enablement_row(db).end_reason == "pago"


def test_on_debt_paid_ends_the_enablement_for_good(db: Database, attendant: CounterActor) -> None:
    sub_id, contract_id, receivable_id = suspended(db)
    enablement.enable(db, attendant, sub_id, contract_id)
    assert receivable_id is not None
    unchanged = reactivation.on_debt_paid(db, attendant, contract_id)
    assert (unchanged.changed, unchanged.status) == (
        False,
        ContractStatus.PROVISIONAL,
    )  # still owes
    pay(db, receivable_id)
    done = reactivation.on_debt_paid(
        db, kiosk(sub_id), contract_id
    )  # e.g. paid by card at the kiosk
    assert (done.changed, done.status) == (True, ContractStatus.ACTIVE)
    row = enablement_row(db)
    assert row.end_reason == "pago" and row.ended_at is not None
    assert (
        enablement_jobs.run_jobs(db, utcnow() + dt.timedelta(days=10)).expired == 0
    )  # nothing left to expire
    assert contract_state(db, contract_id)[0] is ContractStatus.ACTIVE
    assert ticket_search.detail(db, attendant, row.ticket_id).item.status is TicketStatus.CLOSED


def test_on_debt_paid_lifts_a_plain_suspension_and_disconnects(
    db: Database, attendant: CounterActor
) -> None:
    _, contract_id, receivable_id = suspended(db)
    assert receivable_id is not None
    pay(db, receivable_id)
    open_session(db)
    with running_nas() as nas:
        configure_nas(db, nas.port)
        done = reactivation.on_debt_paid(db, attendant, contract_id)
    assert done.changed and done.warnings == ()
    assert groups(db) == [("plano300", 1)]
    assert [r.code for r in nas.received] == [packet.DisconnectRequest]
    with db.session() as session:
        assert session.scalars(
            select(AuditEntry).where(AuditEntry.action == "plano.reativado_pagamento")
        ).one()


def test_jobs_end_an_enablement_whose_contract_changed_otherwise(
    db: Database, attendant: CounterActor
) -> None:
    from desktop.models import Contract

    sub_id, contract_id, _ = suspended(db)
    other_sub, other_contract, _ = suspended(db, "carlos", document=CPFS[2])
    first = enablement.enable(db, attendant, sub_id, contract_id)
    enablement.enable(db, attendant, other_sub, other_contract)
    with db.session() as session:
        session.execute(
            update(Contract)
            .where(Contract.id == contract_id)
            .values(status=ContractStatus.CANCELLED)
        )
    report = enablement_jobs.run_jobs(db, first.enabled_until + dt.timedelta(minutes=5), batch=1)
    assert len(report.ended) == 1 and len(report.resuspended) == 1  # batches of one still cover all
    assert contract_state(db, contract_id)[0] is ContractStatus.CANCELLED
    with db.session() as session:  # the atendimento's history says it in words
        from desktop.models import TicketEvent

        ticket_id = session.scalar(select(Ticket.id).where(Ticket.protocol == first.protocol))
        texts = session.scalars(
            select(TicketEvent.text).where(TicketEvent.ticket_id == ticket_id)
        ).all()
    assert any("o plano está cancelado" in text for text in texts), texts
    # Every status has its words (the trial read "o plano está suspenso_debito").
    words = enablement_jobs._STATUS_WORDS
    assert set(words) == set(ContractStatus) and not any("_" in w for w in words.values())
