"""The word tables of desktop.domain.vocabulary.words cover every code they name."""

from __future__ import annotations

import enum
import pickle
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.domain.enums import (
    CallType,
    Channel,
    ContractStatus,
    PaymentMethod,
    ReceivableStatus,
    Role,
    SmsPurchaseStatus,
    TicketStatus,
)
from desktop.domain.vocabulary import words
from desktop.services import pix_charges, retorno, tickets
from desktop.services.settlement import SettleOutcome

ROOT = Path(__file__).resolve().parents[2]

TABLES: list[tuple[type[enum.StrEnum], dict[str, words.Word]]] = [
    (CallType, words.CALL_TYPES),
    (TicketStatus, words.TICKET_STATUSES),
    (Channel, words.CHANNELS),
    (ContractStatus, words.CONTRACT_STATUSES),
    (ContractStatus, words.CONTRACT_STATUSES_IN_TEXT),
    (ReceivableStatus, words.RECEIVABLE_STATUSES),
    (ReceivableStatus, words.RECEIVABLE_STATUSES_PLURAL),
    (ReceivableStatus, words.RECEIVABLE_STATES_IN_TEXT),
    (ReceivableStatus, words.RECEIVABLE_STATUSES_PRINTED),
    (ReceivableStatus, words.QUITACAO_STATUSES),
    (PaymentMethod, words.PAYMENT_METHODS),
    (Role, words.ROLES),
    (Role, words.ROLES_IN_TEXT),
    (SettleOutcome, words.SETTLE_OUTCOMES),
    (SmsPurchaseStatus, words.SMS_PURCHASE_STATUSES),
]


@pytest.mark.parametrize(("codes", "table"), TABLES, ids=lambda v: getattr(v, "__name__", ""))
def test_every_member_has_its_word(codes: type[enum.StrEnum], table: dict[str, words.Word]) -> None:
    assert set(table) == {member.value for member in codes}
    assert all(table[member] for member in codes)  # looked up by the enum itself


def test_every_ticket_action_has_its_word() -> None:
    actions = {v for k, v in vars(tickets).items() if k.startswith("ACTION_")}
    actions.add(pix_charges.ACTION_PIX)  # a PIX paid at the kiosk, in its atendimento
    assert actions == set(words.TICKET_ACTIONS)


def test_the_codes_without_an_enum_have_their_words() -> None:
    from desktop.services import erp_import

    assert set(words.ERP_IMPORT_KINDS) == set(erp_import.KINDS)
    results = {retorno.SETTLED, retorno.ALREADY_SETTLED, retorno.RECORDED}
    assert set(words.RETORNO_RESULTS) == results | {retorno.UNMATCHED, retorno.REJECTED}
    assert set(words.INVOICE_ACTIONS) == {"preview", "xml", "print"}  # the Nota Fiscal tab's


def test_the_other_modules_read_the_vocabulary() -> None:
    """One table per set of words: the services, reports and the command line use these."""
    from desktop.cli import retorno_cmd
    from desktop.reports import financial, quitacao, receipts_escpos
    from desktop.services import access, enablement_jobs, erp_import, payments

    assert payments.STATUS_WORDS is words.RECEIVABLE_STATES_IN_TEXT
    assert access.ROLE_WORDS is words.ROLES_IN_TEXT
    assert enablement_jobs._STATUS_WORDS is words.CONTRACT_STATUSES_IN_TEXT
    assert erp_import.KIND_WORDS is words.ERP_IMPORT_KINDS
    assert retorno_cmd.RESULT_WORDS is words.RETORNO_RESULTS
    assert financial.STATUS_WORDS is words.RECEIVABLE_STATUSES_PRINTED
    assert financial.METHOD_WORDS is words.PAYMENT_METHODS
    assert quitacao.STATUS_WORDS is words.QUITACAO_STATUSES
    assert receipts_escpos.METHOD_WORDS is words.PAYMENT_METHODS


def test_every_word_has_its_english_translation() -> None:
    """The English interface says every word: each is a finished entry of the .ts under its
    own context (scripts/update-translations.py adds it unfinished; translate it there)."""
    tree = ET.parse(ROOT / "resources" / "translations" / "central_en.ts")
    translated = {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }
    all_words = list(words.every_word())
    assert len(all_words) > 100
    missing = [
        (word.context, str(word))
        for word in all_words
        if (entry := translated.get((word.context, str(word)))) is None
        or entry.get("type") in ("unfinished", "vanished", "obsolete")
        or not (entry.text or "").strip()
    ]
    assert sorted(missing) == []


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
