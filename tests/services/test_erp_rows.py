"""One ERP cell or row read into typed values (amounts, dates, documents, contacts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.services import erp_rows
from desktop.services.erp_rows import RowError


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("99,90", "99.90"),
        ("99.90", "99.90"),
        ("1.249,00", "1249.00"),
        ("1,249.00", "1249.00"),
        ("R$ 10", "10.00"),
        ("0", "0.00"),
    ],
)
def test_amounts_with_comma_or_point(cell: str, value: str) -> None:
    assert erp_rows.parse_amount(cell, "valor") == Decimal(value)


@pytest.mark.parametrize(
    ("cell", "words"),
    [("-1,00", "negativo"), ("1,234", "duas casas"), ("abc", "inválido"), ("NaN", "inválido")],
)
def test_bad_amounts(cell: str, words: str) -> None:
    with pytest.raises(RowError, match=words):
        erp_rows.parse_amount(cell, "valor")


def test_dates_and_moments() -> None:
    assert (
        erp_rows.parse_date("10/11/2026", "d")
        == erp_rows.parse_date("2026-11-10", "d")
        == dt.date(2026, 11, 10)
    )
    with pytest.raises(RowError, match="inválida"):
        erp_rows.parse_date("2026-13-01", "d")
    assert erp_rows.parse_moment("10/11/2026 14:30", "p") == dt.datetime(
        2026, 11, 10, 17, 30, tzinfo=dt.UTC
    )
    assert erp_rows.parse_moment("2026-11-10T14:30:00+00:00", "p").hour == 14


@pytest.mark.parametrize(
    ("cell", "document", "kind"),
    [
        ("529.982.247-25", "52998224725", "F"),
        ("11.222.333/0001-81", "11222333000181", "J"),
        ("12.abc.345/01de-35", "12ABC34501DE35", "J"),
        ("1234567032", "01234567032", "F"),
    ],
)
def test_documents_masked_bare_and_alphanumeric(cell: str, document: str, kind: str) -> None:
    # The last: a spreadsheet dropped the leading zero of 012.345.670-32.
    assert erp_rows.parse_document(cell) == (document, kind)


@pytest.mark.parametrize("cell", ["111.111.111-11", "529.982.247-26", "11.222.333/0001-82", "123"])
def test_invalid_documents(cell: str) -> None:
    with pytest.raises(RowError, match="inválido"):
        erp_rows.parse_document(cell)


def test_contacts_first_first() -> None:
    contacts = erp_rows.parse_contacts("Ana|mãe|(44) 99911-2233|ana@example.com; Beto||| ")
    assert [(c.name, c.relation, c.phone, c.email) for c in contacts] == [
        ("Ana", "mãe", "44999112233", "ana@example.com"),
        ("Beto", "contato", None, None),
    ]
    with pytest.raises(RowError, match="contato 1 sem nome"):
        erp_rows.parse_contacts("|mãe")


def test_an_open_bill_carries_no_payment() -> None:
    row = {
        "external_id": "R1",
        "contract_external_id": "K1",
        "due_date": "2026-12-10",
        "amount": "10",
        "status": "aberto",
        "paid_at": "2026-12-01",
        "paid_amount": "10",
    }
    data = erp_rows.parse_receivable(row)
    assert (data.paid_at, data.paid_amount, data.description) == (None, None, "Mensalidade 12/2026")
    with pytest.raises(RowError, match="juntos"):
        erp_rows.parse_receivable({**row, "bank": "756"})
