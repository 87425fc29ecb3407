"""Every counter action checks the role in the service, not only in the UI (SPEC §2).

``RULES`` is the table of action → roles allowed (an administrator always passes).  Each
action is tried by every role and by a kiosk session (on its own subscriber, so that only
the role decides): the ones not in the table get AccessDenied with nothing written; the
ones in it get past the gate (they may still refuse for another reason, such as a purchase
whose payment is not confirmed yet, but never with AccessDenied).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from desktop.db import Database
from desktop.domain.actors import Actor, KioskActor
from desktop.domain.enums import Role, SmsPurchaseStatus
from desktop.errors import AccessDenied, UserError
from desktop.services import (
    audit,
    auth,
    cards,
    cdr_import,
    enablement,
    enablement_jobs,
    invoices,
    settings,
    sms_credits,
    subscribers,
)
from tests.conftest import make_user
from tests.security.conftest import World, row_counts

A, F, S, ADM = Role.ATTENDANT, Role.FINANCE, Role.SUPPORT, Role.ADMIN
KIOSK = "kiosk"
EVERYONE_AT_THE_COUNTER = frozenset({A, F, S, ADM})

Action = Callable[[Database, Actor, World], Any]

# action: (call, who may)
RULES: dict[str, tuple[Action, frozenset[Role | str]]] = {
    "cards.void_payment (cancelar pagamento)": (
        lambda db, who, w: cards.void_payment(db, who, w.card_payment),
        frozenset({F, ADM}),
    ),
    "settings.change (Painel de Configurações)": (
        lambda db, who, w: settings.change(db, who, "kiosk.idle_timeout_s", "120"),
        frozenset({ADM}),
    ),
    "settings.panel": (lambda db, who, w: settings.panel(db, who), frozenset({ADM})),
    "sms_credits.save_credit_value (Valores de Crédito)": (
        lambda db, who, w: sms_credits.save_credit_value(db, who, 2000, Decimal("150")),
        frozenset({ADM}),
    ),
    "sms_credits.confirm_payment": (
        lambda db, who, w: sms_credits.confirm_payment(db, who, w.purchase),
        frozenset({F, ADM}),
    ),
    "sms_credits.record_transfer": (
        lambda db, who, w: sms_credits.record_transfer(db, who, w.purchase, 500, "REF-1"),
        frozenset({S, ADM}),
    ),
    "sms_credits.queue": (
        lambda db, who, w: sms_credits.queue(db, who, SmsPurchaseStatus.PAID),
        frozenset({F, S, ADM}),
    ),
    "audit.page (log de auditoria)": (lambda db, who, w: audit.page(db, who), frozenset({ADM})),
    "auth.add_user": (
        lambda db, who, w: auth.add_user(db, who, "novo-user", "Novo", A, "senha-forte-9"),
        frozenset({ADM}),
    ),
    "auth.set_subscriber_password": (
        lambda db, who, w: auth.set_subscriber_password(db, who, w.victim, "nova-senha-1"),
        frozenset({A, S, ADM}),
    ),
    "invoices.import_nfcom": (
        lambda db, who, w: invoices.import_nfcom(db, who, []),
        frozenset({F, ADM}),
    ),
    "cdr_import.import_cdr": (
        lambda db, who, w: cdr_import.import_cdr(db, who, "/nao/existe/Master.csv"),
        frozenset({F, S, ADM}),
    ),
    "enablement_jobs.run_jobs": (
        lambda db, who, w: enablement_jobs.run_jobs(db, actor=who),
        EVERYONE_AT_THE_COUNTER,
    ),
    "subscribers.search": (
        lambda db, who, w: subscribers.search(db, who, "Vítima"),
        EVERYONE_AT_THE_COUNTER,
    ),
    "cards.resolve_payment": (
        lambda db, who, w: cards.resolve_payment(db, who, str(w.card_payment)),
        EVERYONE_AT_THE_COUNTER,
    ),
    "enablement.enable (also at the kiosk)": (
        lambda db, who, w: enablement.enable(db, who, w.victim, w.victim_contract),
        EVERYONE_AT_THE_COUNTER | {KIOSK},
    ),
}
WHO: tuple[Role | str, ...] = (A, F, S, ADM, KIOSK)


def _actor(db: Database, who: Role | str, world: World) -> Actor:
    if who == KIOSK:
        return KioskActor(world.victim, "quiosque-seg")  # its own subscriber: only the role counts
    assert isinstance(who, Role)
    return make_user(db, f"user-{who.value}", who)


@pytest.mark.parametrize("who", WHO, ids=lambda w: str(getattr(w, "value", w)))
@pytest.mark.parametrize("action", sorted(RULES))
def test_each_action_checks_the_role(
    db: Database, world: World, action: str, who: Role | str
) -> None:
    call, allowed = RULES[action]
    actor = _actor(db, who, world)
    if who in allowed:
        try:
            call(db, actor, world)
        except AccessDenied as exc:  # pragma: no cover - the failure message
            pytest.fail(f"{who} should be allowed {action}: {exc.message}")
        except UserError:
            pass  # past the gate; refused for a business reason
        return
    before = row_counts(db)
    with pytest.raises(AccessDenied) as refused:
        call(db, actor, world)
    assert refused.value.message  # a sentence for the person, in Portuguese
    assert row_counts(db) == before, f"{who} was refused {action} but something was written"


def test_the_table_covers_every_role() -> None:
    """Finance alone may cancel a card payment; admin alone may change settings; etc."""
    assert RULES["cards.void_payment (cancelar pagamento)"][1] == {F, ADM}
    assert RULES["settings.change (Painel de Configurações)"][1] == {ADM}
    assert RULES["sms_credits.confirm_payment"][1] == {F, ADM}
    assert RULES["sms_credits.record_transfer"][1] == {S, ADM}
    assert RULES["audit.page (log de auditoria)"][1] == {ADM}
