"""Passwords are argon2id; sensitive actions are audited with who, station and when (SPEC §2)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import utcnow
from desktop.domain.enums import Role, SmsPurchaseStatus
from desktop.domain.passwords import needs_rehash
from desktop.errors import AccessDenied
from desktop.models import CounterUser, SmsPurchase, Subscriber
from desktop.services import audit, auth, cards, enablement, settings, sms_credits
from tests.conftest import make_user
from tests.security.conftest import World

ARGON2ID = "$argon2id$"


def test_every_stored_password_is_argon2id(db: Database, world: World) -> None:
    admin = make_user(db, "chefe-seg", Role.ADMIN)
    created = auth.add_user(db, admin, "nova-atendente", "Nova", Role.ATTENDANT, "senha-forte-7")
    auth.set_subscriber_password(db, world.staff, world.victim, "quiosque-7")
    with db.session() as session:
        user_hash = session.get(CounterUser, created.id).password_hash  # type: ignore[union-attr]
        sub_hash = session.get(Subscriber, world.victim).password_hash  # type: ignore[union-attr]
        every_hash = list(session.scalars(select(CounterUser.password_hash)))
    assert user_hash.startswith(ARGON2ID) and not needs_rehash(user_hash)
    assert sub_hash is not None and sub_hash.startswith(ARGON2ID)
    assert "senha-forte-7" not in user_hash and "quiosque-7" not in sub_hash
    assert all(h.startswith(ARGON2ID) for h in every_hash)

    # A light demo hash is replaced by the full parameters at the first real login.
    actor = auth.login_kiosk(db, world.victim_document, "quiosque-7", "quiosque-seg")
    assert actor.subscriber_id == world.victim
    with db.session() as session:
        assert session.get(Subscriber, world.victim).password_hash.startswith(ARGON2ID)  # type: ignore[union-attr]


def _entries(db: Database, admin: CounterActor) -> list[audit.AuditRow]:
    rows: list[audit.AuditRow] = []
    after = None
    while True:
        page = audit.page(db, admin, after=after, limit=3)  # keyset pages, small on purpose
        rows.extend(page)
        if len(page) < 3:
            return rows
        after = (page[-1].at, page[-1].id)


def test_sensitive_actions_are_audited_and_only_an_admin_browses_them(
    db: Database, world: World
) -> None:
    admin = make_user(db, "chefe-seg", Role.ADMIN)
    finance = make_user(db, "fin-seg", Role.FINANCE)
    support = make_user(db, "sup-seg", Role.SUPPORT)
    started = utcnow() - dt.timedelta(seconds=1)

    enablement.enable(db, world.staff, world.victim, world.victim_contract)
    cards.void_payment(db, finance, world.card_payment)  # Cielo not configured: manual request
    sms_credits.confirm_payment(db, finance, world.purchase)
    sms_credits.record_transfer(db, support, world.purchase, 500, "SMSD-123")
    settings.change(db, admin, "kiosk.idle_timeout_s", "120")
    with db.session() as session:
        purchase = session.get(SmsPurchase, world.purchase)
        assert purchase is not None and purchase.status is SmsPurchaseStatus.TRANSFERRED

    rows = _entries(db, admin)
    by_action = {row.action: row for row in rows}
    expected = {
        "habilitacao_provisoria": world.staff,
        "cartao.cancelamento_solicitado": finance,
        "sms.pagamento_confirmado": finance,
        "sms.creditos_transferidos": support,
        "configuracao.alterada": admin,
    }
    for action, who in expected.items():
        assert action in by_action, f"{action} not audited; got {sorted(by_action)}"
        row = by_action[action]
        assert row.actor == who.label and row.role == who.role.value
        assert row.station == who.station
        at = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)
        assert started <= at <= utcnow()
    change = json.loads(by_action["configuracao.alterada"].details)
    assert (change["antes"], change["depois"]) == ("90", "120")
    assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)  # newest first

    for who in (world.staff, finance, support, world.attacker_kiosk):
        with pytest.raises(AccessDenied):
            audit.page(db, who)
