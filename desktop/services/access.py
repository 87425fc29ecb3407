"""Role checks and subscriber scoping, the only gate to data (never just the UI)."""

from __future__ import annotations

from desktop.domain.actors import Actor, CounterActor, KioskActor
from desktop.domain.enums import Role
from desktop.errors import AccessDenied

ROLE_WORDS = {
    Role.ATTENDANT: "atendente",
    Role.FINANCE: "financeiro",
    Role.SUPPORT: "suporte",
    Role.ADMIN: "administrador",
}

# Every counter role may serve a subscriber at the counter.
ANY_COUNTER_ROLE = (Role.ATTENDANT, Role.FINANCE, Role.SUPPORT, Role.ADMIN)


def require_role(actor: Actor, *roles: Role, kiosk_allowed: bool = False) -> None:
    """Refuse unless the actor is a counter user with one of ``roles`` (admin always passes)."""
    if isinstance(actor, KioskActor):
        if kiosk_allowed:
            return
        raise AccessDenied("Esta operação só pode ser feita no balcão de atendimento.")
    if actor.role is Role.ADMIN or actor.role in roles:
        return
    allowed = ", ".join(ROLE_WORDS[r] for r in roles)
    raise AccessDenied(
        f"Seu perfil ({ROLE_WORDS[actor.role]}) não permite esta operação. Perfis permitidos: {allowed}."
    )


def require_subscriber(actor: Actor, subscriber_id: int) -> None:
    """A kiosk actor may only touch their own subscriber; counter users any."""
    if isinstance(actor, KioskActor) and actor.subscriber_id != subscriber_id:
        raise AccessDenied("Acesso negado: estes dados pertencem a outro assinante.")
    if isinstance(actor, CounterActor):
        require_role(actor, *ANY_COUNTER_ROLE)


def require_counter(actor: Actor) -> CounterActor:
    if not isinstance(actor, CounterActor):
        raise AccessDenied("Esta operação só pode ser feita no balcão de atendimento.")
    return actor
