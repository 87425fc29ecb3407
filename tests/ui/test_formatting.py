"""Money, dates, documents and status words as the screens show them (pt-BR)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.domain.enums import ContractStatus, PaymentMethod, ReceivableStatus, Role
from desktop.ui import formatting as fmt


def test_money_is_brazilian_reais() -> None:
    assert fmt.money(Decimal("1234.56")).replace("\xa0", " ") == "R$ 1.234,56"
    assert fmt.money(Decimal("0.5")).replace("\xa0", " ") == "R$ 0,50"
    assert fmt.money(Decimal("-10")).replace("\xa0", " ") == "-R$ 10,00"
    assert fmt.money(None) == ""
    assert fmt.number(12345) == "12.345"


def test_dates_are_local_day_month_year() -> None:
    assert fmt.date_br(dt.date(2026, 3, 5)) == "05/03/2026"
    late_evening = dt.datetime(2026, 3, 6, 2, 30, tzinfo=dt.UTC)  # 23:30 on the 5th in São Paulo
    assert fmt.local_date(late_evening) == "05/03/2026"
    assert fmt.local_datetime(late_evening) == "05/03/2026 23:30"
    assert fmt.local_date(dt.datetime(2026, 3, 6, 2, 30)) == "05/03/2026"  # naive = UTC (SQLite)
    assert fmt.local_date(None) == ""


def test_documents_and_phones() -> None:
    assert fmt.document("52998224725") == "529.982.247-25"
    assert fmt.document("11222333000181") == "11.222.333/0001-81"
    assert fmt.document("12ABC34501DE35") == "12.ABC.345/01DE-35"
    assert fmt.phone("44998761234") == "(44) 99876-1234"
    assert fmt.phone("4430451234") == "(44) 3045-1234"
    assert fmt.phone(None) == ""


def test_status_words() -> None:
    assert fmt.receivable_status(ReceivableStatus.OPEN) == "Em aberto"
    assert fmt.receivable_status(ReceivableStatus.OPEN, 1) == "Vencido há 1 dia"
    assert fmt.receivable_status(ReceivableStatus.OPEN, 12) == "Vencido há 12 dias"
    assert fmt.receivable_status(ReceivableStatus.PAID) == "Baixado"
    assert fmt.receivable_status(ReceivableStatus.CANCELLED) == "Cancelado"
    assert fmt.receivable_color(ReceivableStatus.OPEN, 3) == fmt.RED
    assert fmt.receivable_color(ReceivableStatus.OPEN, 0) is None
    assert [fmt.payment_method(m) for m in PaymentMethod] == ["Boleto", "PIX", "Cartão", "Dinheiro"]
    assert fmt.contract_status(ContractStatus.SUSPENDED_DEBT) == "Suspenso por débito"
    assert fmt.contract_tone(ContractStatus.SUSPENDED_DEBT) == "warning"
    assert fmt.contract_tone(ContractStatus.ACTIVE) == "ok"
    assert fmt.role(Role.FINANCE) == "Financeiro"


def test_money_follows_the_interface_language(qapp, monkeypatch) -> None:
    from decimal import Decimal

    from desktop.ui import formatting, i18n

    monkeypatch.setattr(i18n, "_current", "en")
    assert formatting.money(Decimal("1234.50")) == "R$1,234.50"
    monkeypatch.setattr(i18n, "_current", "pt_BR")
    assert formatting.money(Decimal("1234.50")).replace("\xa0", " ") == "R$ 1.234,50"
