"""Logins, lockout, argon2id, roles on settings, and the audit trail."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.errors import AccessDenied, InvalidInput
from desktop.models import AuditEntry, CounterUser, Subscriber
from desktop.services import audit, auth, settings
from tests.conftest import make_user
from tests.factories import CPFS, subscriber


def test_passwords_are_argon2id(db: Database, admin: CounterActor) -> None:
    auth.add_user(db, admin, "novo.atendente", "Novo", Role.ATTENDANT, "senha-segura-1")
    with db.session() as session:
        stored = session.scalar(
            select(CounterUser.password_hash).where(CounterUser.login == "novo.atendente")
        )
    assert stored is not None and stored.startswith("$argon2id$")
    assert (
        auth.login_counter(db, "novo.atendente", "senha-segura-1", "balcao-1").role
        is Role.ATTENDANT
    )


def test_counter_login_locks_after_repeated_failures(db: Database) -> None:
    make_user(db, "joana", Role.ATTENDANT, "senha-correta")
    for _ in range(4):
        with pytest.raises(AccessDenied, match="incorretos"):
            auth.login_counter(db, "joana", "errada", "balcao-1")
    with pytest.raises(AccessDenied, match="bloqueado"):
        auth.login_counter(db, "joana", "errada", "balcao-1")
    with pytest.raises(AccessDenied, match="bloqueado"):
        auth.login_counter(db, "joana", "senha-correta", "balcao-1")  # even the right password


def test_kiosk_login_with_cpf_and_password(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = subscriber(db, "Cliente Quiosque", CPFS[0])
    auth.set_subscriber_password(db, attendant, sub_id, "123456")
    actor = auth.login_kiosk(db, "529.982.247-25", "123456", "quiosque-1")
    assert actor.subscriber_id == sub_id
    with pytest.raises(InvalidInput, match="CPF inválido"):
        auth.login_kiosk(db, "529.982.247-00", "123456", "quiosque-1")
    with pytest.raises(AccessDenied, match="incorretos"):
        auth.login_kiosk(db, CPFS[1], "123456", "quiosque-1")  # valid CPF, not a subscriber
    for _ in range(5):
        with pytest.raises(AccessDenied):
            auth.login_kiosk(db, CPFS[0], "000000", "quiosque-1")
    with db.session() as session:
        sub = session.get(Subscriber, sub_id)
        assert sub is not None and sub.locked_until is not None


def test_only_admin_changes_settings_and_each_change_is_audited(
    db: Database, admin: CounterActor, attendant: CounterActor
) -> None:
    with pytest.raises(AccessDenied):
        settings.change(db, attendant, "billing.fine_percent", "1")
    assert settings.change(db, admin, "billing.fine_percent", "1,50") == Decimal("1.50")
    assert settings.read(db, "billing.fine_percent") == Decimal("1.50")
    with pytest.raises(InvalidInput, match="máximo"):
        settings.change(db, admin, "billing.fine_percent", "5")  # CDC caps the fine at 2 %
    with pytest.raises(InvalidInput):
        settings.change(db, admin, "cielo.environment", "teste")
    settings.change(db, admin, "cielo.merchant_key", "segredo-da-loja")
    rows = audit.page(db, admin)
    changed = [r for r in rows if r.action == "configuracao.alterada"]
    assert [r.subject_id for r in changed] == ["cielo.merchant_key", "billing.fine_percent"]
    assert "segredo-da-loja" not in changed[0].details and changed[0].station == "teste"
    with pytest.raises(AccessDenied):
        audit.page(db, attendant)


def test_audit_entry_lands_only_with_its_action(db: Database, admin: CounterActor) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        audit.record(session, admin, "teste.falhou")
        raise RuntimeError("the action failed")
    with db.session() as session:
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "teste.falhou")) is None


def test_panel_lists_every_setting_by_group_with_secrets_masked(
    db: Database, admin: CounterActor, attendant: CounterActor
) -> None:
    settings.change(db, admin, "smtp.password", "senha-do-smtp")
    views = {v.key: v for v in settings.panel(db, admin)}
    assert views["smtp.password"].text == "********" and views["smtp.password"].secret
    assert (
        views["billing.fine_percent"].kind == "decimal"
        and views["billing.fine_percent"].group == "Cobrança"
    )
    assert views["cielo.environment"].choices == ("sandbox", "production")
    with pytest.raises(AccessDenied):
        settings.panel(db, attendant)
