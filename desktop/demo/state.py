"""What every part of the demo shares: the seeded generators, the clock and the rows so far."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.demo.pools import City, PlanDef, Pools
from desktop.demo.writer import BulkWriter
from desktop.domain.clock import local_day_start
from desktop.domain.enums import CallType, ContractStatus


@dataclass
class Demo:
    rng: random.Random
    seed: int
    pools: Pools
    today: dt.date
    # The history stops at today's 00:00 in São Paulo, so the same seed and date give the
    # same rows whatever the hour of the run.
    end: dt.datetime
    out: BulkWriter
    plans: dict[str, tuple[int, PlanDef]]
    fine_percent: Decimal
    interest_percent: Decimal
    tariffs: dict[CallType, Decimal]
    # Connection sessions and calls: a year for the first ``full_history`` subscribers, the
    # last ``recent_days`` for the others (a year of them for 100 000 would be ~50 M rows).
    full_history: int
    recent_days: int
    # From this subscriber on (a 1-million demo): accounts, contracts and the last
    # ``light_bill_months`` of bills only, no sessions, calls or tickets (see ``create_demo``).
    light_from: int
    light_bill_months: int
    # A fresh argon2id hash (own salt, light parameters) of the demo password for each
    # kiosk and SMS account: one shared hash and salt told which accounts share a password.
    kiosk_hash: Callable[[], str]
    documents: set[str] = field(default_factory=set)
    usernames: dict[str, int] = field(default_factory=dict)
    terminals: set[str] = field(default_factory=set)
    call_seq: int = 0
    protocol_seq: int = 0  # last protocol sequence value used
    _midnights: dict[dt.date, dt.datetime] = field(default_factory=dict)
    rated: dict[tuple[int, CallType], tuple[int, Decimal]] = field(default_factory=dict)
    highlights: dict[int, str] = field(default_factory=dict)  # subscriber index -> document

    def usage_start(self, index: int) -> dt.datetime:
        days = 365 if index < self.full_history else self.recent_days
        return self.end - dt.timedelta(days=days)

    def light(self, index: int) -> bool:
        return index >= self.light_from

    def next_protocol(self) -> int:
        self.protocol_seq += 1
        return self.protocol_seq

    def uuid4(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def at(self, day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
        """``day`` at a São Paulo wall-clock time, as a UTC instant."""
        return self.midnight(day) + dt.timedelta(seconds=hour * 3600 + minute * 60 + second)

    def midnight(self, day: dt.date) -> dt.datetime:
        """00:00 of ``day`` in São Paulo as UTC, cached (the history needs it millions of times).

        Adding hours to it is exact except on the days daylight saving time began or ended,
        and São Paulo has had none since 2019.
        """
        moment = self._midnights.get(day)
        if moment is None:
            moment = self._midnights[day] = local_day_start(day)
        return moment

    def business_time(self, day: dt.date) -> dt.datetime:
        """A random moment of opening hours (08:00-19:59) on ``day``."""
        return self.midnight(day) + dt.timedelta(seconds=28800 + int(self.rng.random() * 43200))


@dataclass
class ContactInfo:
    id: int
    name: str


@dataclass
class SubscriberInfo:
    index: int
    id: int
    company: bool
    name: str
    first: str
    last: str
    slug: str
    document: str
    city: City
    address: str
    phone: str
    email: str | None
    created_on: dt.date
    contacts: list[ContactInfo] = field(default_factory=list)
    card: tuple[str, str] | None = None  # brand, last 4 digits of the card they pay with


@dataclass
class ContractInfo:
    id: int
    plan_key: str
    plan: PlanDef
    status: ContractStatus
    activated_on: dt.date
    billing_day: int
    status_changed_at: dt.datetime
    # The last day service was given (cancelled or suspended for another reason), else None.
    stopped_on: dt.date | None = None
    login: str | None = None
    terminals: list[tuple[int, str, str]] = field(default_factory=list)  # id, number, DDD
