"""The data of the payment and enablement receipts, read from the database (both backends)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import PaymentMethod, ReceivableStatus
from desktop.errors import AccessDenied, Conflict, NotFound
from desktop.services import enablement, receipts
from desktop.services.protocols import display_protocol
from tests.conftest import kiosk
from tests.escpos_stream import parse
from tests.factories import CPFS, receivable, subscriber
from tests.services.radius_setup import suspended


def test_counter_payment_receipt_from_a_settled_bill(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = subscriber(db, "Inês Gonçalves")
    paid_at = dt.datetime(2026, 12, 7, 14, 3, tzinfo=dt.UTC)
    rid = receivable(
        db,
        sub_id,
        dt.date(2026, 11, 10),
        "104.90",
        status=ReceivableStatus.PAID,
        paid_at=paid_at,
        method=PaymentMethod.CASH,
    )
    data = receipts.payment_receipt(
        db, attendant, rid, protocol="202612070000000042", reference="CX-7"
    )
    assert (data.subscriber_name, data.subscriber_document) == ("Inês Gonçalves", "***.982.247-**")
    assert (data.amount, data.paid_at, data.method) == (
        Decimal("104.90"),
        paid_at,
        PaymentMethod.CASH,
    )
    assert data.protocol == "20261207 00000 00042"  # grouped for reading aloud
    assert (data.due_date, data.reference, data.operator) == (
        dt.date(2026, 11, 10),
        "CX-7",
        attendant.login,
    )
    assert data.company.name == "Provedor Exemplo Telecomunicações Ltda"
    pdf, escpos = receipts.payment_receipt_documents(data)
    assert pdf.startswith(b"%PDF-") and parse(escpos).qr_payloads == [b"CX-7"]


def test_an_open_bill_has_no_receipt_and_a_kiosk_only_its_own(
    db: Database, attendant: CounterActor
) -> None:
    mine, _ = subscriber(db, "Ana", CPFS[0])
    other, _ = subscriber(db, "Bia", CPFS[1])
    open_id = receivable(db, mine, dt.date(2026, 11, 10))
    with pytest.raises(Conflict, match="ainda não foi paga"):
        receipts.payment_receipt(db, attendant, open_id, protocol="1")
    # A PIX settlement passes what the PSP said: the receipt is made from it.
    e2e = "E18236120202612071403s0a1b2c3d4e"
    pix = receipts.payment_receipt(
        db,
        kiosk(mine),
        open_id,
        protocol="1",
        reference=e2e,
        amount=Decimal("101.90"),
        paid_at=dt.datetime(2026, 12, 7, 14, tzinfo=dt.UTC),
        method=PaymentMethod.PIX,
    )
    assert (pix.amount, pix.reference, pix.operator) == (Decimal("101.90"), e2e, "")
    theirs = receivable(db, other, dt.date(2026, 11, 10), status=ReceivableStatus.PAID)
    with pytest.raises(NotFound):  # as a missing id
        receipts.payment_receipt(db, kiosk(mine), theirs, protocol="1")


def test_enablement_receipt_is_the_enablement_just_made(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, contract_id, _ = suspended(db)
    result = enablement.enable(db, attendant, sub_id, contract_id)
    data = receipts.enablement_receipt(db, attendant, sub_id, contract_id)
    assert data.protocol == display_protocol(result.protocol)
    assert data.enabled_until == result.enabled_until
    assert data.subscriber_name == "Joana D'Arc Ferreira" and data.plan == "Internet 300 Mega"
    assert data.enabled_at < data.enabled_until
    _pdf, escpos = receipts.enablement_receipt_documents(db, attendant, sub_id, contract_id)
    assert parse(escpos).qr_payloads == [result.protocol.encode()]
    with pytest.raises(AccessDenied):
        receipts.enablement_receipt(db, kiosk(sub_id + 1), sub_id, contract_id)
