"""The word tables of desktop.domain.vocabulary.words cover every code they name."""

from __future__ import annotations

import enum
import pickle

import pytest

from desktop.domain.enums import (
    CallType,
    Channel,
    ContractStatus,
    PaymentMethod,
    ReceivableStatus,
    Role,
    TicketStatus,
)
from desktop.domain.vocabulary import words
from desktop.services import tickets

TABLES: list[tuple[type[enum.StrEnum], dict[str, words.Word]]] = [
    (CallType, words.CALL_TYPES),
    (TicketStatus, words.TICKET_STATUSES),
    (Channel, words.CHANNELS),
    (ContractStatus, words.CONTRACT_STATUSES),
    (ReceivableStatus, words.RECEIVABLE_STATUSES),
    (ReceivableStatus, words.RECEIVABLE_STATUSES_PLURAL),
    (PaymentMethod, words.PAYMENT_METHODS),
    (Role, words.ROLES),
]


@pytest.mark.parametrize(("codes", "table"), TABLES, ids=lambda v: getattr(v, "__name__", ""))
def test_every_member_has_its_word(codes: type[enum.StrEnum], table: dict[str, words.Word]) -> None:
    assert set(table) == {member.value for member in codes}
    assert all(table[member] for member in codes)  # looked up by the enum itself


def test_every_ticket_action_has_its_word() -> None:
    actions = {v for k, v in vars(tickets).items() if k.startswith("ACTION_")}
    assert actions == set(words.TICKET_ACTIONS)


def test_the_ticket_types_the_application_opens_are_offered_too() -> None:
    for kind in (
        words.TICKET_TYPE_ENABLEMENT,
        words.TICKET_TYPE_COUNTER_SESSION,
        words.TICKET_TYPE_KIOSK_SESSION,
    ):
        assert kind in words.TICKET_TYPES


def test_a_word_is_its_portuguese_and_keeps_its_context() -> None:
    word = words.CALL_TYPES[CallType.LDI]
    assert word == "Internacional" and word.context == "CallsTab"
    again = pickle.loads(pickle.dumps(word))
    assert again == word and again.context == "CallsTab"
