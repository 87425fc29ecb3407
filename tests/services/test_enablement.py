"""Habilitação Provisória: refusals in words, effects on the contract and RADIUS, CoA, races."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest
from pyrad import packet
from sqlalchemy import create_engine, func, select

from desktop.adapters import radius_control
from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import utcnow
from desktop.domain.enums import ContractStatus, Role
from desktop.domain.vocabulary import words
from desktop.errors import AccessDenied, Conflict
from desktop.models import AuditEntry, ProvisionalEnablement, RadAcct, RadUserGroup, Ticket
from desktop.services import enablement, settings, ticket_search, tickets
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, subscriber
from tests.services.concurrency import enable_contract, run_processes
from tests.services.nas_stub import running_nas
from tests.services.radius_setup import (
    SUSPENDED_SINCE,
    configure_nas,
    contract_state,
    groups,
    open_session,
    suspended,
)


def test_enable_unblocks_radius_records_an_atendimento_and_audits(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, contract_id, _ = suspended(db)
    before = utcnow()
    result = enablement.enable(db, attendant, sub_id, contract_id)
    assert result.warnings == ()
    assert dt.timedelta(days=3) <= result.enabled_until - before < dt.timedelta(days=3, minutes=1)
    assert groups(db) == [("plano300", 1)]  # only the suspension group left
    status, changed = contract_state(db, contract_id)
    assert status is ContractStatus.PROVISIONAL and changed >= before
    with db.session() as session:
        row = session.scalars(select(ProvisionalEnablement)).one()
        assert (
            row.suspension_started_at == SUSPENDED_SINCE
            and row.previous_status is ContractStatus.SUSPENDED_DEBT
        )
        ticket = session.get(Ticket, row.ticket_id)
        assert (
            ticket is not None
            and ticket.protocol == result.protocol
            and ticket.type == words.TICKET_TYPE_ENABLEMENT
        )
        assert session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "habilitacao_provisoria")
        ).one()
    history = ticket_search.detail(db, attendant, row.ticket_id).history
    assert [e.action for e in history] == ["abertura", "habilitacao", "radius"]
    assert "retirado(s) do grupo 'bloqueado'" in history[-1].text


def test_refusals_are_given_in_words(db: Database, attendant: CounterActor) -> None:
    sub_id, contract_id, _ = suspended(db)
    active_sub, active_contract = subscriber(db, "Ana Lima", CPFS[1])
    other_sub, other_contract, _ = suspended(
        db, "carlos", document=CPFS[2], status=ContractStatus.SUSPENDED_OTHER
    )
    with pytest.raises(Conflict, match="não está suspenso por falta de pagamento"):
        enablement.enable(db, attendant, active_sub, active_contract)
    with pytest.raises(
        Conflict, match=r"^Plano suspenso por outro motivo: procure o setor responsável$"
    ):
        enablement.enable(db, attendant, other_sub, other_contract)
    enablement.enable(db, attendant, sub_id, contract_id)
    with pytest.raises(
        Conflict,
        match=r"já foi habilitado provisoriamente nesta suspensão \(até \d\d/\d\d/\d{4} às",
    ):
        enablement.enable(db, attendant, sub_id, contract_id)
    [option] = enablement.eligible_contracts(db, attendant, sub_id)
    assert (option.allowed, option.status) == (
        False,
        ContractStatus.PROVISIONAL,
    ) and option.enabled_until is not None
    [other] = enablement.eligible_contracts(db, attendant, other_sub)
    assert not other.allowed and other.reason.startswith("Plano suspenso por outro motivo")
    assert enablement.eligible_contracts(db, attendant, active_sub) == []


def test_once_every_min_interval_days_with_the_date(db: Database, attendant: CounterActor) -> None:
    # Enabled 10 days ago in an earlier suspension; suspended again since yesterday.
    sub_id, contract_id, _ = suspended(db, since=utcnow() - dt.timedelta(days=1))
    with db.session() as session:
        session.add(
            ProvisionalEnablement(
                contract_id=contract_id,
                suspension_started_at=utcnow() - dt.timedelta(days=40),
                previous_status=ContractStatus.SUSPENDED_DEBT,
                enabled_at=utcnow() - dt.timedelta(days=10),
                expires_at=utcnow() - dt.timedelta(days=7),
                ended_at=utcnow() - dt.timedelta(days=7),
                end_reason="expirada",
                created_by="atendente1",
            )
        )
    last = (utcnow() - dt.timedelta(days=10)).astimezone(dt.timezone(dt.timedelta(hours=-3)))
    [option] = enablement.eligible_contracts(db, attendant, sub_id)
    assert not option.allowed
    assert (
        f"foi em {last:%d/%m/%Y}" in option.reason
        and "intervalo mínimo é de 30 dias" in option.reason
    )
    with pytest.raises(Conflict, match="intervalo mínimo"):
        enablement.enable(db, attendant, sub_id, contract_id)
    with db.session() as session:
        settings.put(session, "enablement.min_interval_days", 7)
    assert enablement.enable(db, attendant, sub_id, contract_id).protocol


def test_kiosk_enables_its_own_plan_only(db: Database) -> None:
    sub_id, contract_id, _ = suspended(db)
    other_sub, other_contract, _ = suspended(db, "carlos", document=CPFS[2])
    with pytest.raises(AccessDenied):
        enablement.enable(db, kiosk(sub_id), other_sub, other_contract)
    result = enablement.enable(db, kiosk(sub_id), sub_id, contract_id)
    with db.session() as session:
        ticket = session.scalars(select(Ticket).where(Ticket.protocol == result.protocol)).one()
        assert ticket.opened_by == "assinante (quiosque)"


def test_enable_uses_the_session_atendimento_when_given(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, contract_id, _ = suspended(db)
    session_item = tickets.start_session_protocol(db, attendant, sub_id)
    result = enablement.enable(db, attendant, sub_id, contract_id, ticket_id=session_item.id)
    assert result.protocol == session_item.protocol
    assert [e.action for e in ticket_search.detail(db, attendant, session_item.id).history][
        -2:
    ] == [
        "habilitacao",
        "radius",
    ]


def test_every_counter_role_may_enable(db: Database) -> None:
    for n, role in enumerate((Role.FINANCE, Role.SUPPORT, Role.ADMIN)):
        actor = make_user(db, f"user{n}", role)
        sub_id, contract_id, _ = suspended(db, f"login{n}", document=CPFS[n + 1])
        assert enablement.enable(db, actor, sub_id, contract_id).contract_id == contract_id


def test_separate_freeradius_database_gets_the_change(
    db: Database, attendant: CounterActor, tmp_path: Path
) -> None:
    radius_url = f"sqlite:///{tmp_path / 'radius.sqlite3'}"
    engine = create_engine(radius_url)
    RadUserGroup.__table__.create(engine)
    RadAcct.__table__.create(engine)
    with engine.begin() as conn:
        conn.execute(
            RadUserGroup.__table__.insert(),
            [{"username": "joana", "groupname": "bloqueado", "priority": 0}],
        )
    sub_id, contract_id, _ = suspended(db)
    with db.session() as session:
        settings.put(session, "radius.database_url", radius_url)
    enablement.enable(db, attendant, sub_id, contract_id)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(RadUserGroup.__table__)).scalar() == 0
    engine.dispose()
    assert ("bloqueado", 0) in groups(
        db
    )  # the application's own copy is not the one FreeRADIUS reads


def test_two_processes_enabling_at_the_same_moment_make_exactly_one(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, contract_id, _ = suspended(db)
    results = run_processes(enable_contract, [(db.url, attendant.user_id, sub_id, contract_id)] * 2)
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes == ["conflict", "ok"], results
    message = next(text for kind, text in results if kind == "conflict")
    assert message.startswith("Este plano já foi habilitado provisoriamente nesta suspensão")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ProvisionalEnablement)) == 1
        assert (
            session.scalar(select(func.count()).select_from(Ticket)) == 1
        )  # the loser left nothing


def test_disconnect_request_reaches_the_nas_and_is_acked(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, contract_id, _ = suspended(db)
    open_session(db)
    with running_nas() as nas:
        configure_nas(db, nas.port)
        result = enablement.enable(db, attendant, sub_id, contract_id)
    assert result.warnings == ()
    [request] = nas.received
    assert request.code == packet.DisconnectRequest
    assert request.attributes["User-Name"] == ["joana"]
    assert request.attributes["Acct-Session-Id"] == ["81a00012"]
    assert request.attributes["Framed-IP-Address"] == ["100.64.0.10"]
    assert request.attributes["NAS-IP-Address"] == ["10.0.0.1"]
    history = ticket_search.detail(
        db, attendant, ticket_search.page(db, attendant, ticket_search.TicketFilter(sub_id))[0].id
    ).history
    assert "Disconnect-ACK" in history[-1].text


def test_a_nak_or_a_dead_nas_warns_but_keeps_the_enablement(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, contract_id, _ = suspended(db)
    open_session(db)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    configure_nas(db, dead_port)
    result = enablement.enable(db, attendant, sub_id, contract_id)
    assert len(result.warnings) == 1 and "Não foi possível falar com o NAS" in result.warnings[0]
    assert "próxima conexão" in result.warnings[0]
    assert contract_state(db, contract_id)[0] is ContractStatus.PROVISIONAL
    assert groups(db) == [("plano300", 1)]
    second_sub, second_contract, _ = suspended(db, "carlos", document=CPFS[2])
    open_session(db, "carlos")
    with running_nas(answer=packet.DisconnectNAK) as nas:
        configure_nas(db, nas.port)
        refused = enablement.enable(db, attendant, second_sub, second_contract)
    assert "recusou a desconexão (Disconnect-NAK)" in refused.warnings[0]


def test_a_silent_nas_times_out() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        config = radius_control.RadiusConfig(
            "", "bloqueado", "127.0.0.1", "s3cr3t", silent.getsockname()[1]
        )
        target = radius_control.OpenSession("joana", "81a00012", "10.0.0.1/32", None)
        outcome = radius_control.disconnect(config, target, timeout=0.2, attempts=2)
        assert not outcome.ok and "não respondeu" in outcome.message
        assert len(silent.recv(4096)) > 20  # the request did arrive


def test_the_unique_index_is_the_last_guard_and_leaves_nothing_behind(
    db: Database, attendant: CounterActor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race window made deterministic: the rule check passed, another station won."""
    sub_id, contract_id, _ = suspended(db)
    with db.session() as session:
        session.add(
            ProvisionalEnablement(
                contract_id=contract_id,
                suspension_started_at=SUSPENDED_SINCE,
                previous_status=ContractStatus.SUSPENDED_DEBT,
                enabled_at=utcnow(),
                expires_at=utcnow() + dt.timedelta(days=3),
                created_by="outra-estacao",
            )
        )
    monkeypatch.setattr(enablement, "_refusal", lambda *args: None)
    with pytest.raises(Conflict) as refused:
        enablement.enable(db, attendant, sub_id, contract_id)
    assert refused.value.code == enablement.ALREADY
    assert groups(db) == [("bloqueado", 0), ("plano300", 1)]  # RADIUS untouched
    assert contract_state(db, contract_id)[0] is ContractStatus.SUSPENDED_DEBT
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0
