"""One station of the load benchmark: a person at a counter or a kiosk, in one thread.

Each station has its own ``Database`` (its own connection pools, as each real station has),
logs in as the screens do (``login_counter`` / ``login_kiosk``) and calls the same services
the tabs call, with a random think time between actions.  At the moments the plan names
(``Event``), several stations act on the SAME record at once, and a station may double-click
(two threads of the station released together), to catch duplicates.
"""

from __future__ import annotations

import random
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.db import Database
from desktop.domain.actors import Actor, CounterActor, KioskActor
from desktop.domain.enums import PaymentMethod, SmsPurchaseStatus
from desktop.errors import DatabaseUnavailable, UserError
from desktop.reports.boleto import document_from_info, render_boleto
from desktop.services import (
    auth,
    boletos,
    calls,
    cards,
    connection_totals,
    connections,
    enablement,
    enablement_jobs,
    financial,
    payments,
    pix_reconcile,
    sms_credits,
    subscriber_search,
    tickets,
)

# Each counter station logs in as its own user (made by load_plan.prepare); kiosks log in
# as subscribers given this kiosk password.
STATION_PASSWORD = "carga-estacao-1"
KIOSK_PASSWORD = "demo1234"


JOBS_FIRST_S, JOBS_EVERY_S = 30.0, 300.0  # desktop/ui/jobs_timer.py


def station_login(index: int) -> str:
    return f"carga{index:03d}"


@dataclass(frozen=True)
class Event:
    """Stations acting on one record at one moment (wall clock, shared by the processes)."""

    at: float
    kind: str  # pay | enable | void | sms | sms_confirm | sms_transfer | tickets
    target: tuple[Any, ...]
    stations: tuple[int, ...]
    double_click: bool = True


@dataclass
class Plan:
    db_url: str
    start_at: float
    end_at: float
    think_s: float
    names: list[str]
    documents: list[str]
    phones: list[str]
    contract_numbers: list[str]
    statement_subscribers: list[int]  # with a RADIUS login (connections, financial, tickets)
    voice_subscribers: list[int]  # with a voice terminal (call statements)
    reprint: list[tuple[int, int]]  # (subscriber, receivable)
    pay: list[tuple[int, int, str]]  # (subscriber, receivable, amount)
    suspended: list[tuple[int, int, str]]  # (subscriber, contract, document)
    card_dupes: list[tuple[int, int]]  # (subscriber, card payment)
    sms: list[tuple[int, int, str]]  # (subscriber, contract, document)
    credit_value: int
    kiosk_people: list[tuple[int, str]]  # (subscriber, document) with a kiosk password
    roles: list[str]  # per station
    events: list[Event] = field(default_factory=list)
    cielo_payments: dict[str, int] = field(default_factory=dict)  # PaymentId -> cents


@dataclass
class Result:
    kind: str
    started: float  # wall clock
    ms: float
    outcome: str  # ok | refused | unavailable | error
    detail: str = ""


class Station:
    def __init__(self, index: int, plan: Plan, out: list[Result]) -> None:
        self.index = index
        self.plan = plan
        self.role = plan.roles[index]
        self.name = f"load-{self.role}-{index:03d}"
        self.rng = random.Random(index)
        self.out = out
        self.db = Database(plan.db_url)
        self.actor: Actor | None = None
        self.kiosk_person: tuple[int, str] | None = None
        self.person_actions = 0
        # The kiosk shows a tab only when the subscriber has something for it (SPEC §1).
        self.voice = set(plan.voice_subscribers)
        self.radius = set(plan.statement_subscribers)

    # ------------------------------------------------------------------ measuring
    def timed(self, kind: str, fn: Callable[[], object]) -> object:
        started, t0 = time.time(), time.perf_counter()
        outcome, detail, value = "ok", "", None
        try:
            value = fn()
        except DatabaseUnavailable as exc:
            outcome, detail = "unavailable", exc.message
        except UserError as exc:
            outcome, detail = "refused", exc.message
        except Exception:  # a bug: the screen would show the crash dialog
            outcome, detail = "error", traceback.format_exc(limit=6)
        self.out.append(Result(kind, started, (time.perf_counter() - t0) * 1000, outcome, detail))
        return value

    def twice(self, kind: str, fn: Callable[[], object]) -> None:
        """A double click: the same action from two threads of this station at once."""
        gate = threading.Barrier(2)

        def click() -> None:
            gate.wait()
            self.timed(kind, fn)

        other = threading.Thread(target=click)
        other.start()
        click()
        other.join()

    # ------------------------------------------------------------------ the person
    def run(self) -> None:
        events = sorted(
            (e for e in self.plan.events if self.index in e.stations), key=lambda e: e.at
        )
        _sleep_until(self.plan.start_at + self.rng.random() * self.plan.think_s)
        # The app's JobsTimer: 30 s after start, then every 5 minutes, on every station.
        jobs_at = time.time() + JOBS_FIRST_S
        while time.time() < self.plan.end_at:
            if time.time() >= jobs_at:
                jobs_at += JOBS_EVERY_S
                self.timed("jobs (timer)", self.jobs)
            think = min(self.rng.expovariate(1 / self.plan.think_s), 4 * self.plan.think_s)
            wake = time.time() + max(0.5, think)
            if events and events[0].at <= wake:
                event = events.pop(0)
                _sleep_until(event.at)
                if time.time() < self.plan.end_at:
                    self.event(event)
                continue
            _sleep_until(min(wake, self.plan.end_at))
            if time.time() < self.plan.end_at:
                self.act()
        self.db.dispose()

    def jobs(self) -> object:
        """What JobsTimer.run_now submits: the jobs, then the PIX reconciliation."""
        report = enablement_jobs.run_jobs(self.db)
        pix_reconcile.reconcile_recent(self.db, enablement_jobs.system_actor())
        return report

    def counter_actor(self) -> CounterActor | None:
        if not isinstance(self.actor, CounterActor):
            login = station_login(self.index)
            actor = self.timed(
                "login", lambda: auth.login_counter(self.db, login, STATION_PASSWORD, self.name)
            )
            self.actor = actor if isinstance(actor, CounterActor) else None
        return self.actor if isinstance(self.actor, CounterActor) else None

    def kiosk_login(self, person: tuple[int, str]) -> KioskActor | None:
        """A subscriber logs in at the kiosk; the kiosk opens the session's protocol."""

        def login() -> KioskActor:
            actor = auth.login_kiosk(self.db, person[1], KIOSK_PASSWORD, self.name)
            tickets.start_session_protocol(self.db, actor, actor.subscriber_id)
            return actor

        actor = self.timed("kiosk_login", login)
        return actor if isinstance(actor, KioskActor) else None

    def act(self) -> None:
        if self.role == "kiosk":
            self.kiosk_act()
            return
        actor = self.counter_actor()
        if actor is None:
            return
        weights = ACTIONS[self.role]
        kind = self.rng.choices(list(weights), weights=list(weights.values()))[0]
        ACTION_FUNCS[kind](self, actor)

    def kiosk_act(self) -> None:
        if self.kiosk_person is None or self.person_actions <= 0 or self.actor is None:
            self.kiosk_person = self.rng.choice(self.plan.kiosk_people)
            self.actor = self.kiosk_login(self.kiosk_person)
            self.person_actions = self.rng.randint(3, 8)  # one visit: a few screens
            return
        self.person_actions -= 1
        kind = self.rng.choices(list(KIOSK_ACTIONS), weights=list(KIOSK_ACTIONS.values()))[0]
        ACTION_FUNCS[kind](self, self.actor)

    # ------------------------------------------------------------------ events
    def event(self, event: Event) -> None:
        if event.kind in ("enable", "sms") and self.role == "kiosk":
            sub_id, _contract, document = event.target
            actor: Actor | None = self.kiosk_login((sub_id, document))
            self.kiosk_person, self.person_actions = (sub_id, document), 1
            self.actor = actor
        else:
            actor = self.counter_actor()
        if actor is None:
            return
        run = self.twice if event.double_click else self.timed
        if event.kind == "pay":
            _sub, rec, amount = event.target
            run("pay", lambda: pay(self.db, actor, rec, amount))
        elif event.kind == "enable":
            sub_id, contract, _doc = event.target
            run("enable", lambda: enablement.enable(self.db, actor, sub_id, contract))
        elif event.kind == "void":
            _sub, card_id = event.target
            run("card_void", lambda: cards.void_payment(self.db, actor, card_id))
        elif event.kind == "sms":
            sub_id, contract, _doc = event.target
            key = f"load-{int(event.at)}-{contract}"  # one form on screen: one key
            run("sms_buy", lambda: buy_sms(self.db, actor, sub_id, contract, key, self.plan))
        elif event.kind == "sms_confirm":
            run("sms_confirm", lambda: sms_queue_step(self.db, actor, event.target[1], "confirm"))
        elif event.kind == "sms_transfer":
            run("sms_transfer", lambda: sms_queue_step(self.db, actor, event.target[1], "transfer"))
        elif event.kind == "tickets":
            sub_id = event.target[0]
            self.timed("ticket", lambda: open_ticket(self.db, actor, sub_id, self.name))


def _sleep_until(moment: float) -> None:
    delay = moment - time.time()
    if delay > 0:
        time.sleep(delay)


# ---------------------------------------------------------------------- the actions
def pay(db: Database, actor: Actor, receivable_id: int, amount: str) -> object:
    return payments.settle(db, actor, receivable_id, Decimal(amount), PaymentMethod.CASH)


def buy_sms(db: Database, actor: Actor, sub_id: int, contract: int, key: str, plan: Plan) -> object:
    return sms_credits.buy(db, actor, sub_id, contract, plan.credit_value, key)


def sms_queue_step(db: Database, actor: Actor, contract_id: int, step: str) -> object:
    """Finance confirms / support transfers the contract's purchase from its queue screen."""
    wanted = SmsPurchaseStatus.AWAITING_PAYMENT if step == "confirm" else SmsPurchaseStatus.PAID
    items = [i for i in sms_credits.queue(db, actor, wanted) if i.contract_id == contract_id]
    if not items:
        return None  # someone else took it (the screen's list would be refreshed)
    if step == "confirm":
        return sms_credits.confirm_payment(db, actor, items[0].id)
    return sms_credits.record_transfer(db, actor, items[0].id, items[0].quantity, "gw-load")


def open_ticket(db: Database, actor: Actor, sub_id: int, station: str) -> object:
    return tickets.open_ticket(
        db, actor, sub_id, "Suporte técnico", f"Teste de carga: lentidão relatada ({station})."
    )


def _search(st: Station, actor: Actor) -> None:
    p = st.plan
    how = st.rng.choice(("name", "name", "name", "cpf", "phone", "contract"))
    typed = {
        "name": lambda: st.rng.choice(p.names),
        "cpf": lambda: st.rng.choice(p.documents),
        "phone": lambda: st.rng.choice(p.phones),
        "contract": lambda: st.rng.choice(p.contract_numbers),
    }[how]()
    st.timed(f"search_{how}", lambda: subscriber_search.search(st.db, actor, typed))


def _own(st: Station, actor: Actor, pool: list[int]) -> int:
    return actor.subscriber_id if isinstance(actor, KioskActor) else st.rng.choice(pool)


def _calls(st: Station, actor: Actor) -> None:
    if isinstance(actor, KioskActor) and actor.subscriber_id not in st.voice:
        return _financial(st, actor)
    flt = calls.CallFilter(_own(st, actor, st.plan.voice_subscribers))
    st.timed("calls", lambda: (calls.page(st.db, actor, flt), calls.totals(st.db, actor, flt)))
    return None


def _connections(st: Station, actor: Actor) -> None:
    if isinstance(actor, KioskActor) and actor.subscriber_id not in st.radius:
        return _financial(st, actor)
    flt = connections.ConnectionFilter(_own(st, actor, st.plan.statement_subscribers))
    st.timed(
        "connections",
        lambda: (connections.page(st.db, actor, flt), connection_totals.totals(st.db, actor, flt)),
    )
    return None


def _financial(st: Station, actor: Actor) -> None:
    flt = financial.FinancialFilter(_own(st, actor, st.plan.statement_subscribers))
    st.timed(
        "financial",
        lambda: (financial.page(st.db, actor, flt), financial.totals(st.db, actor, flt)),
    )


def _reprint(st: Station, actor: Actor) -> None:
    if isinstance(actor, KioskActor):

        def kiosk_reprint() -> object:
            bills = [b for b in boletos.open_bills(st.db, actor, actor.subscriber_id)]
            if not bills:
                return None
            info = boletos.boleto_for_receivable(st.db, actor, bills[0].receivable_id)
            return render_boleto(document_from_info(info))

        st.timed("reprint", kiosk_reprint)
        return
    _sub, rec = st.rng.choice(st.plan.reprint)
    st.timed(
        "reprint",
        lambda: render_boleto(document_from_info(boletos.boleto_for_receivable(st.db, actor, rec))),
    )


def _ticket(st: Station, actor: Actor) -> None:
    sub_id = _own(st, actor, st.plan.statement_subscribers)
    st.timed("ticket", lambda: open_ticket(st.db, actor, sub_id, st.name))


def _enable(st: Station, actor: Actor) -> None:
    if isinstance(actor, KioskActor):
        sub_id = actor.subscriber_id
        found = [c for c in st.plan.suspended if c[0] == sub_id]
        if not found:
            return _calls(st, actor)
        contract = found[0][1]
    else:
        sub_id, contract, _doc = st.rng.choice(st.plan.suspended)
    st.timed("enable", lambda: enablement.enable(st.db, actor, sub_id, contract))
    return None


def _pay(st: Station, actor: Actor) -> None:
    _sub, rec, amount = st.rng.choice(st.plan.pay)
    st.timed("pay", lambda: pay(st.db, actor, rec, amount))


def _void(st: Station, actor: Actor) -> None:
    _sub, card_id = st.rng.choice(st.plan.card_dupes)
    st.timed("card_void", lambda: cards.void_payment(st.db, actor, card_id))


def _sms(st: Station, actor: Actor) -> None:
    if isinstance(actor, KioskActor):
        found = [c for c in st.plan.sms if c[0] == actor.subscriber_id]
        if not found:
            return _financial(st, actor)
        sub_id, contract, _doc = found[0]
    else:
        sub_id, contract, _doc = st.rng.choice(st.plan.sms)
    key = "compra-" + uuid.uuid4().hex
    st.timed("sms_buy", lambda: buy_sms(st.db, actor, sub_id, contract, key, st.plan))
    return None


def _sms_back_office(st: Station, actor: Actor) -> None:
    step = "confirm" if st.role == "finance" else "transfer"
    _sub, contract, _doc = st.rng.choice(st.plan.sms)
    st.timed(f"sms_{step}", lambda: sms_queue_step(st.db, actor, contract, step))


ACTION_FUNCS: dict[str, Callable[[Station, Any], None]] = {
    "search": _search,
    "calls": _calls,
    "connections": _connections,
    "financial": _financial,
    "reprint": _reprint,
    "ticket": _ticket,
    "enable": _enable,
    "pay": _pay,
    "void": _void,
    "sms": _sms,
    "sms_back_office": _sms_back_office,
}
# What each kind of station does, by weight (a counter searches most; finance pays).
ACTIONS: dict[str, dict[str, int]] = {
    "attendant": {
        "search": 36, "calls": 12, "connections": 12, "financial": 10, "reprint": 12,
        "ticket": 8, "enable": 6, "sms": 4,
    },
    "finance": {
        "search": 30, "financial": 16, "pay": 24, "void": 8, "reprint": 10,
        "sms_back_office": 8, "calls": 4,
    },
    "support": {
        "search": 30, "connections": 24, "calls": 14, "ticket": 16, "sms_back_office": 10,
        "financial": 6,
    },
}  # fmt: skip
KIOSK_ACTIONS = {
    "financial": 25, "reprint": 25, "calls": 15, "connections": 15, "ticket": 8, "enable": 8,
    "sms": 4,
}  # fmt: skip
