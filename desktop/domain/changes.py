"""What a write changed, so every open screen that shows it can refresh (Anki's ``OpChanges``).

A write in one tab (buying SMS credits creates a receivable) used to leave the other tabs of
the same subscriber stale until somebody pressed *Ver*.  Now each write states what it
changed and the screen that ran it broadcasts that (``desktop.ui.changes``); each tab that
shows one of its flags marks itself stale and reloads when it is shown.  Tabs never call
each other.

**The service that writes is the one that says what it changed** (Anki: the backend op
returns its ``OpChanges``), never the screen that called it:

* ``@writes(OpChanges(tickets=True))`` on a service function: when it returns, its unit of
  work changed tickets;
* ``note(OpChanges(...))`` inside one, for what only some runs change (a PIX check that
  found a payment, a boleto registered on first print).

The screen runs the service inside ``recording()`` (``TabContext.write``, in the worker) and
broadcasts what was noted: a service call whose changes nobody declared cannot be forgotten
by a screen, and one that changes nothing broadcasts nothing.  Outside ``recording()`` (the
command line, the jobs) noting does nothing.  The flags are coarse on purpose: a tab reloads
one list, and a spare reload costs one query; a missed one costs a wrong screen.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class OpChanges:
    """The kinds of records one write changed."""

    receivables: bool = False  # bills: new, paid, cancelled; their boletos
    payments: bool = False  # payments recorded or voided
    tickets: bool = False  # atendimentos and their history
    enablements: bool = False  # a contract's status (enabled in trust, suspended, active)
    sms: bool = False  # SMS purchases and accounts
    cards: bool = False  # card payments

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def touches(self, kinds: frozenset[str]) -> bool:
        """True when any of ``kinds`` (flag names) changed."""
        return any(getattr(self, kind) for kind in kinds)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


KINDS = frozenset(f.name for f in fields(OpChanges))
NOTHING = OpChanges()


class ChangeRecord:
    """What the service calls of one unit of work (one ``recording()``) said they changed."""

    def __init__(self) -> None:
        self.changes = NOTHING

    def add(self, changes: OpChanges) -> None:
        self.changes = self.changes | changes


# Per thread and per task: the worker that runs a screen's write records its own calls only.
_record: ContextVar[ChangeRecord | None] = ContextVar("op_changes_record", default=None)


@contextmanager
def recording() -> Iterator[ChangeRecord]:
    """Collect what the service calls inside say they changed (nested: the outer gets it too)."""
    outer = _record.get()
    record = ChangeRecord()
    token = _record.set(record)
    try:
        yield record
    finally:
        _record.reset(token)
        if outer is not None:
            outer.add(record.changes)


def note(changes: OpChanges) -> None:
    """A service says its unit of work changed ``changes`` (nothing when nobody records)."""
    record = _record.get()
    if record is not None:
        record.add(changes)


def writes(changes: OpChanges) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare, on a service function, what it changed once it returns (not when it raises).

    The declaration is also kept on the function (``fn.changes``) for tests and readers.
    """

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            result = fn(*args, **kwargs)
            note(changes)
            return result

        wrapper.changes = changes  # type: ignore[attr-defined]
        return wrapper

    return decorate
