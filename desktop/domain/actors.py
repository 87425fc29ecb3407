"""Who is asking: a counter user with a role, or a subscriber at a kiosk.

Every service receives an actor and decides from it what may be done and seen.  Actors are
frozen: a role cannot be changed by a widget holding a reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.enums import Channel, Role


@dataclass(frozen=True)
class CounterActor:
    """A logged-in member of staff (atendente, financeiro, suporte, admin)."""

    user_id: int
    login: str
    role: Role
    station: str
    channel: Channel = Channel.COUNTER

    @property
    def label(self) -> str:
        return f"{self.role.value}:{self.login}"


@dataclass(frozen=True)
class KioskActor:
    """A subscriber logged in at a kiosk: sees only their own data."""

    subscriber_id: int
    station: str
    channel: Channel = Channel.KIOSK

    @property
    def label(self) -> str:
        return f"assinante:{self.subscriber_id}"

    @property
    def role(self) -> str:
        return "assinante"


Actor = CounterActor | KioskActor
