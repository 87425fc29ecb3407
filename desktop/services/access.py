"""Role checks and subscriber scoping, the only gate to data (never just the UI)."""

from __future__ import annotations

from desktop.domain.actors import Actor, CounterActor, KioskActor
from desktop.domain.enums import Role
from desktop.domain.vocabulary import words
from desktop.errors import AccessDenied, NotFound

#: A role inside the refusal (a Word: the English interface translates it).
ROLE_WORDS = words.ROLES_IN_TEXT

# Every counter role may serve a subscriber at the counter.
ANY_COUNTER_ROLE = (Role.ATTENDANT, Role.FINANCE, Role.SUPPORT, Role.ADMIN)


def require_role(actor: Actor, *roles: Role, kiosk_allowed: bool = False) -> None:
    """Refuse unless the actor is a counter user with one of ``roles`` (admin always passes)."""
    if isinstance(actor, KioskActor):
        if kiosk_allowed:
            return
        raise AccessDenied("access.operacao_pode_feita_balcao")
    if actor.role is Role.ADMIN or actor.role in roles:
        return
    allowed = ", ".join(ROLE_WORDS[r] for r in roles)
    raise AccessDenied("access.perfil_nao_permite_operacao", role=ROLE_WORDS[actor.role], allowed=allowed)


def require_subscriber(actor: Actor, subscriber_id: int) -> None:
    """A kiosk actor may only touch their own subscriber; counter users any."""
    if isinstance(actor, KioskActor) and actor.subscriber_id != subscriber_id:
        raise AccessDenied("access.acesso_negado_estes_dados")
    if isinstance(actor, CounterActor):
        require_role(actor, *ANY_COUNTER_ROLE)


def require_counter(actor: Actor) -> CounterActor:
    if not isinstance(actor, CounterActor):
        raise AccessDenied("access.operacao_pode_feita_balcao")
    return actor


def require_record_of(actor: Actor, owner_id: int | None, not_found: NotFound) -> None:
    """The gate for a record asked for by its id (a bill, an invoice, a ticket, a charge).

    At a kiosk, another subscriber's record answers exactly as a missing one: ``NotFound``
    with the same message (``not_found``, the error a missing id raises).  "Acesso negado" there would tell the kiosk that the id exists
    (and so that someone else has a bill, an invoice, a ticket with that number).
    """
    if owner_id is None or (isinstance(actor, KioskActor) and actor.subscriber_id != owner_id):
        raise not_found
    require_subscriber(actor, owner_id)
