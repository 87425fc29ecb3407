"""How values look on screen: money, dates, documents, phones and status words (pt-BR).

The one place that turns service codes into words on screen (services return enums, DESIGN
§1), so a tab, a tooltip and a totals panel always say the same thing.  The Portuguese words
come from the vocabulary (``desktop.domain.vocabulary.words``, shared with the PDF reports and
the command line); here they go through ``QCoreApplication.translate`` under their explicit
context "Formatting" (the English translation).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency, format_decimal

from PySide6.QtCore import QCoreApplication

from desktop.domain.clock import to_local
from desktop.domain.documents import format_document
from desktop.domain.enums import (
    ContractStatus,
    PaymentMethod,
    ReceivableStatus,
    Role,
    SmsPurchaseStatus,
)
from desktop.domain.vocabulary import words
from desktop.ui.i18n import babel_locale

# Status colours, shared by the style sheet (badges) and the table models (row text).
# Dark enough for WCAG AA contrast on white.
GREEN = "#1b7a3a"
RED = "#b3261e"
AMBER = "#8a5a00"
AMBER_BG = "#fff3d6"
GREEN_BG = "#e3f4e8"
RED_BG = "#fde7e5"
GREY = "#5f6368"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def money(value: Decimal | None) -> str:
    """R$ 1.234,56 (empty for no value)."""
    if value is None:
        return ""
    return format_currency(value, "BRL", locale=babel_locale())


def number(value: int | Decimal, places: int = 0) -> str:
    """1.234 (pt-BR thousands separator); with ``places``, always that many decimals, rounded
    half up as the printed reports round (Decimal("65.25"), 1 -> "65,3"; "65.3" in English)."""
    if not places:
        return format_decimal(value, locale=babel_locale())
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return format_decimal(rounded, format="#,##0." + "0" * places, locale=babel_locale())


def date_br(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def local_date(moment: dt.datetime | None) -> str:
    """The São Paulo calendar day of a UTC instant, dd/mm/aaaa."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite hands back naive values; they are UTC by convention
        moment = moment.replace(tzinfo=dt.UTC)
    return to_local(moment).strftime("%d/%m/%Y")


def local_datetime(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return to_local(moment).strftime("%d/%m/%Y %H:%M")


def document(value: str) -> str:
    """123.456.789-09 or 12.345.678/0001-95."""
    return format_document(value)


def phone(value: str | None) -> str:
    """(11) 98765-4321, (11) 3456-7890; anything else as it is."""
    if not value:
        return ""
    if len(value) == 11 and value.isdigit():
        return f"({value[:2]}) {value[2:7]}-{value[7:]}"
    if len(value) == 10 and value.isdigit():
        return f"({value[:2]}) {value[2:6]}-{value[6:]}"
    return value


def contract_status(status: ContractStatus) -> str:
    return _tr(words.CONTRACT_STATUSES.get(status, str(status)))


def contract_tone(status: ContractStatus) -> str:
    """The badge colour class: ok (green), warning (amber), danger (red), muted (grey)."""
    if status is ContractStatus.ACTIVE:
        return "ok"
    if status in (ContractStatus.SUSPENDED_DEBT, ContractStatus.SUSPENDED_OTHER):
        return "warning"
    if status is ContractStatus.PROVISIONAL:
        return "info"
    return "muted"


def receivable_status(status: ReceivableStatus, overdue_days: int = 0) -> str:
    """Em aberto / Vencido há N dias / Baixado / Cancelado."""
    if status is ReceivableStatus.OPEN:
        if overdue_days == 1:
            return _tr("Vencido há 1 dia")
        if overdue_days > 1:
            return _tr("Vencido há %n dias").replace("%n", str(overdue_days))
    return _tr(words.RECEIVABLE_STATUSES[status])


def receivable_status_plural(status: ReceivableStatus) -> str:
    """The word for a group of items, in the totals panel."""
    return _tr(words.RECEIVABLE_STATUSES_PLURAL[status])


def receivable_color(status: ReceivableStatus, overdue_days: int = 0) -> str | None:
    """Row text colour: red when overdue, grey when cancelled, the default otherwise."""
    if status is ReceivableStatus.OPEN and overdue_days > 0:
        return RED
    if status is ReceivableStatus.CANCELLED:
        return GREY
    return None


def payment_method(method: PaymentMethod | None) -> str:
    if method is None:
        return ""
    return _tr(words.PAYMENT_METHODS.get(method, str(method)))


def role(value: Role) -> str:
    return _tr(words.ROLES.get(value, str(value)))


def word(value: words.Word) -> str:
    """A vocabulary word in the interface language, under its own table's context."""
    return QCoreApplication.translate(value.context, str.__str__(value))


def sms_purchase_status(status: SmsPurchaseStatus) -> str:
    found = words.SMS_PURCHASE_STATUSES.get(status)
    return word(found) if found else str(status)


def actor_name(label: str | None) -> str:
    """``financeiro:carlos`` -> ``carlos``; a subscriber at a kiosk -> ``quiosque``."""
    if not label:
        return ""
    role_code, _, name = label.partition(":")
    if role_code == "assinante":
        return word(words.KIOSK_ACTOR)
    return name or label


def when_by(moment: dt.datetime | None, label: str | None) -> str:
    """``07/12/2026 14:03 (carlos)``: when something was done, and by whom."""
    if moment is None:
        return ""
    return f"{local_datetime(moment)} ({actor_name(label)})"


def minutes_seconds(seconds: int) -> str:
    """A call's length as mm:ss (minutes may pass 59: 4530 -> '75:30')."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes:02d}:{secs:02d}"
