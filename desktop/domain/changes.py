"""What a write changed, so every open screen that shows it can refresh (Anki's ``OpChanges``).

A write in one tab (buying SMS credits creates a receivable) used to leave the other tabs of
the same subscriber stale until somebody pressed *Ver*.  Now the screen that made the write
broadcasts an :class:`OpChanges`; each tab that shows one of its flags marks itself stale
and reloads when it is shown (``desktop.ui.changes``).  Tabs never call each other.

The flags are coarse on purpose: a tab reloads one list, and a spare reload costs one query;
a missed one costs a wrong screen.  The constants below say, in one place, what each write of
the interface touches; a service result may also carry its own ``changes`` attribute, which
then wins (``changes_of``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


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

# What each write made from the interface changes.
SMS_PURCHASE = OpChanges(receivables=True, sms=True)  # a purchase and the bill of its boleto
# A settled bill; a contract suspended for non-payment may become active again.
PAYMENT = OpChanges(receivables=True, payments=True, enablements=True)
ENABLEMENT = OpChanges(enablements=True, tickets=True)  # its atendimento too
TICKET = OpChanges(tickets=True)  # opened, noted, closed, an action in a session's history
CARD_VOID = OpChanges(cards=True, payments=True, receivables=True)


def changes_of(result: Any, default: OpChanges) -> OpChanges:
    """What a service result says it changed (its ``changes``), else ``default``."""
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, OpChanges) else default
