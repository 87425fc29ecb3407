"""Statement PDFs: the text a reader sees (pdftotext), page numbering, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.enums import CallType, PaymentMethod, ReceivableStatus
from desktop.domain.periods import Period
from desktop.reports import common
from desktop.reports.calls import build_calls_pdf
from desktop.reports.connections import build_connections_pdf
from desktop.reports.financial import build_financial_pdf
from desktop.services.calls import CallItem, CallStatement, CallTotals, TypeTotal
from desktop.services.company import CompanyInfo
from desktop.services.connection_statement import ConnectionStatement
from desktop.services.connection_totals import ConnectionTotals, DayTraffic
from desktop.services.connections import ConnectionItem
from desktop.services.financial import FinancialFilter, FinancialItem, FinancialTotals, StatusTotal
from desktop.services.statement_common import SubscriberHeader

UTC = dt.UTC
NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
COMPANY = CompanyInfo(
    "Provedor Exemplo Telecomunicações Ltda",
    "Exemplo Net",
    "06117473000150",
    "Avenida Paraná, 1200 - Centro - Paranavaí/PR - CEP 87701-000",
    "(44) 3045-1000",
    "atendimento@exemplo.net.br",
)
SUBSCRIBER = SubscriberHeader(7, "Maria da Silva", "52998224725", "Rua das Flores, 10 - Centro")
GENERATED = dt.datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
GIB = 2**30


def pdf_text(pdf: bytes, tmp_path: Path, first: int | None = None, last: int | None = None) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    pages = []
    if first is not None:
        pages += ["-f", str(first)]
    if last is not None:
        pages += ["-l", str(last)]
    done = subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def page_count(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)$", info, re.M)
    assert match
    return int(match.group(1))


def call_statement(n: int) -> CallStatement:
    start = dt.datetime(2026, 11, 1, 3, 0, tzinfo=UTC)  # 00:00 in São Paulo
    kinds = [CallType.LOCAL_FIXO, CallType.LOCAL_MOVEL, CallType.LDN_FIXO]
    prices = [Decimal("0.11"), Decimal("0.50"), Decimal("1.05")]
    items = tuple(
        CallItem(
            i + 1,
            start + dt.timedelta(seconds=240 * i),
            "4430451234",
            ["4430452000", "44999887766", "1133334444"][i % 3],
            kinds[i % 3],
            65,
            66,
            prices[i % 3],
        )
        for i in range(n)
    )
    by_type: dict[CallType, TypeTotal] = {}
    for item in items:
        t = by_type.get(item.call_type, TypeTotal())
        by_type[item.call_type] = TypeTotal(
            t.count + 1, t.duration_s + 65, t.billed_s + 66, t.amount + item.amount
        )
    totals = CallTotals(n, 65 * n, 66 * n, sum((i.amount for i in items), Decimal("0.00")), by_type)
    return CallStatement(
        COMPANY, SUBSCRIBER, NOVEMBER, ("4430451234",), None, items, totals, GENERATED
    )


def connection_statement() -> ConnectionStatement:
    items = (
        ConnectionItem(
            1,
            "maria",
            dt.datetime(2026, 11, 3, 13, tzinfo=UTC),
            dt.datetime(2026, 11, 3, 15, tzinfo=UTC),
            7200,
            "100.64.0.10",
            "2804:14c:1000:100::/56",
            "AA:BB:CC:00:11:22",
            "10.0.0.1",
            5 * GIB,
            300 * 2**20,
            "Lost-Carrier",
        ),
        ConnectionItem(
            2,
            "maria",
            dt.datetime(2026, 11, 20, 11, tzinfo=UTC),
            None,
            86400,
            "100.64.0.11",
            None,
            "AA:BB:CC:00:11:22",
            "10.0.0.1",
            GIB,
            3,
            None,
        ),
    )
    daily = tuple(
        DayTraffic(
            NOVEMBER.start + dt.timedelta(days=d),
            5 * GIB if d == 2 else GIB if d == 19 else 0,
            300 * 2**20 if d == 2 else 3 if d == 19 else 0,
        )
        for d in range(30)
    )
    totals = ConnectionTotals(2, 7200 + 86400, 6 * GIB, 300 * 2**20 + 3)
    return ConnectionStatement(
        COMPANY, SUBSCRIBER, NOVEMBER, ("maria",), items, totals, daily, GENERATED
    )


# --------------------------------------------------------------------------- formatting
def test_pt_br_formatting_helpers() -> None:
    assert common.money(Decimal("1234.5")) == "R$ 1.234,50"
    assert common.money(Decimal("-1")) == "-R$ 1,00"
    assert common.number(1234567) == "1.234.567"
    assert common.number(Decimal("0.005"), 2) == "0,01"
    assert common.data_size(5 * GIB) == "5,37 GB"
    assert common.data_size(999) == "999 B"
    assert common.duration(3725) == "1:02:05" and common.duration(90000) == "25:00:00"
    assert common.datetime_br(dt.datetime(2026, 12, 1, 2, 30, tzinfo=UTC)) == "30/11/2026 23:30:00"
    assert (
        common.phone("4430451234") == "(44) 3045-1234"
        and common.phone("08007001234") == "0800 700 1234"
    )


# --------------------------------------------------------------------------- calls
def test_call_statement_text(tmp_path: Path) -> None:
    pdf = build_calls_pdf(call_statement(3))
    text = pdf_text(pdf, tmp_path)
    assert "Exemplo Net" in text and "CNPJ 06.117.473/0001-50" in text
    assert "Extrato de Ligações" in text
    assert "Maria da Silva" in text and "529.982.247-25" in text
    assert "Período: 01/11/2026 a 30/11/2026" in text
    assert re.search(
        r"01/11/2026 00:04:00\s+\(44\) 3045-1234\s+\(44\) 99988-7766\s+Local móvel \(VC1\)\s+"
        r"0:01:05\s+0:01:06\s+0,50",
        text,
    )
    assert re.search(r"Total\s+3\s+0:03:15\s+0:03:18\s+3,3\s+R\$ 1,66", text)
    assert "Página 1 de 1" in text


def test_call_statement_is_reproducible() -> None:
    assert build_calls_pdf(call_statement(50)) == build_calls_pdf(call_statement(50))


def test_empty_call_statement(tmp_path: Path) -> None:
    st = call_statement(0)
    text = pdf_text(build_calls_pdf(st), tmp_path)
    assert "Nenhuma ligação no período." in text and "Página 1 de 1" in text


@pytest.mark.slow
def test_ten_thousand_calls_paginate_with_the_header_on_every_page(tmp_path: Path) -> None:
    st = call_statement(10_000)
    pdf = build_calls_pdf(st)
    pages = page_count(pdf, tmp_path)
    assert pages > 100
    first = pdf_text(pdf, tmp_path, 1, 1)
    assert f"Página 1 de {pages}" in first
    rows_seen = 0
    for page in (2, pages // 2, pages):
        text = pdf_text(pdf, tmp_path, page, page)
        assert "Data/hora" in text and "Valor (R$)" in text  # the header row on every page
        assert f"Página {page} de {pages}" in text
    for page in range(1, pages + 1):
        rows_seen += len(
            re.findall(
                r"^\s*\d\d/\d\d/2026 \d\d:\d\d:\d\d ", pdf_text(pdf, tmp_path, page, page), re.M
            )
        )
    assert rows_seen == 10_000
    assert re.search(r"Total\s+10\.000\s+", pdf_text(pdf, tmp_path, pages, pages))


# --------------------------------------------------------------------------- connections
def test_connection_statement_text(tmp_path: Path) -> None:
    pdf = build_connections_pdf(connection_statement())
    text = pdf_text(pdf, tmp_path)
    assert "Extrato de Conexões" in text and "Maria da Silva" in text
    assert "Tráfego por dia (GB)" in text and "Download" in text and "Upload" in text
    assert re.search(
        r"03/11/2026 10:00:00\s+03/11/2026 12:00:00\s+2:00:00\s+100\.64\.0\.10\s+"
        r"2804:14c:1000:100::/56\s+AA:BB:CC:00:11:22\s+10\.0\.0\.1\s+5,37 GB\s+314,57 MB\s+"
        r"Perda de portadora",
        text,
    )
    assert "em andamento" in text
    assert re.search(r"2\s+26:00:00\s+6,44 GB\s+314,57 MB", text)
    assert "6.442.450.944 bytes" in text
    assert "Página 1 de 1" in text


def test_connection_statement_is_reproducible() -> None:
    assert build_connections_pdf(connection_statement()) == build_connections_pdf(
        connection_statement()
    )


def test_connection_chart_without_traffic(tmp_path: Path) -> None:
    st = connection_statement()
    quiet = ConnectionStatement(
        st.company,
        st.subscriber,
        st.period,
        st.logins,
        (),
        ConnectionTotals(0, 0, 0, 0),
        tuple(DayTraffic(d.day, 0, 0) for d in st.daily),
        GENERATED,
    )
    text = pdf_text(build_connections_pdf(quiet), tmp_path)
    assert "Tráfego por dia (kB)" in text and "Nenhuma conexão no período." in text


# --------------------------------------------------------------------------- financial
def test_financial_statement_from_the_service_shapes(tmp_path: Path) -> None:
    items = [
        FinancialItem(
            101,
            "Mensalidade 09/2026",
            dt.date(2026, 9, 10),
            Decimal("99.90"),
            ReceivableStatus.PAID,
            dt.datetime(2026, 9, 9, 18, tzinfo=UTC),
            Decimal("99.90"),
            PaymentMethod.PIX,
            Decimal("0.00"),
            Decimal("0.00"),
            Decimal("99.90"),
            0,
        ),
        FinancialItem(
            102,
            "Mensalidade 10/2026",
            dt.date(2026, 10, 10),
            Decimal("99.90"),
            ReceivableStatus.OPEN,
            None,
            None,
            None,
            Decimal("2.00"),
            Decimal("1.70"),
            Decimal("103.60"),
            51,
        ),
    ]
    totals = FinancialTotals(
        {
            ReceivableStatus.OPEN: StatusTotal(
                1,
                Decimal("99.90"),
                Decimal("0.00"),
                Decimal("2.00"),
                Decimal("1.70"),
                Decimal("103.60"),
            ),
            ReceivableStatus.PAID: StatusTotal(
                1,
                Decimal("99.90"),
                Decimal("99.90"),
                Decimal("0.00"),
                Decimal("0.00"),
                Decimal("99.90"),
            ),
        }
    )
    flt = FinancialFilter(SUBSCRIBER.id)
    pdf = build_financial_pdf(
        SUBSCRIBER,
        flt,
        items,
        totals,
        company=COMPANY,
        generated_at=GENERATED,
        as_of=dt.date(2026, 11, 30),
    )
    text = pdf_text(pdf, tmp_path)
    assert (
        "Extrato Financeiro" in text and "Maria da Silva" in text and "Vencimentos: todos" in text
    )
    assert re.search(
        r"10/10/2026\s+Mensalidade 10/2026\s+99,90\s+Vencido \(51 dias\)\s+2,00\s+1,70\s+103,60",
        text,
    )
    assert re.search(
        r"10/09/2026\s+Mensalidade 09/2026\s+99,90\s+Pago\s+09/09/2026\s+99,90\s+PIX", text
    )
    assert re.search(r"Total\s+2\s+R\$ 199,80\s+R\$ 2,00\s+R\$ 1,70\s+R\$ 203,50\s+R\$ 99,90", text)
    assert "Página 1 de 1" in text
    again = build_financial_pdf(
        SUBSCRIBER,
        flt,
        items,
        totals,
        company=COMPANY,
        generated_at=GENERATED,
        as_of=dt.date(2026, 11, 30),
    )
    assert pdf == again
    # The lead's call shape (no company, no emission time) works too.
    assert build_financial_pdf(SUBSCRIBER, flt, items, totals).startswith(b"%PDF-")
