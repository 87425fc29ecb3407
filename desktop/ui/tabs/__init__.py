"""The subscriber workspace tabs, one module per SPEC §1 menu, in SPEC order."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.services.subscribers import Menu
from desktop.ui.tabs.base import PendingTab, SubscriberTab, TabContext
from desktop.ui.tabs.boletos import BoletosTab
from desktop.ui.tabs.calls import CallsTab
from desktop.ui.tabs.cards import CardsTab
from desktop.ui.tabs.connections import ConnectionsTab
from desktop.ui.tabs.enablement import EnablementTab
from desktop.ui.tabs.financial import FinancialTab
from desktop.ui.tabs.invoices import InvoicesTab
from desktop.ui.tabs.sms_credits import SmsCreditsTab
from desktop.ui.tabs.tickets import TicketsTab

TAB_CLASSES: tuple[type[SubscriberTab], ...] = (
    CallsTab,
    ConnectionsTab,
    FinancialTab,
    InvoicesTab,
    BoletosTab,
    CardsTab,
    EnablementTab,
    TicketsTab,
    SmsCreditsTab,
)


def tab_classes_for(menus: Iterable[Menu]) -> list[type[SubscriberTab]]:
    """The tabs a subscriber gets, in SPEC order (only the menus they have something for)."""
    wanted = set(menus)
    return [cls for cls in TAB_CLASSES if cls.menu in wanted]


__all__ = [
    "TAB_CLASSES",
    "BoletosTab",
    "CallsTab",
    "CardsTab",
    "ConnectionsTab",
    "EnablementTab",
    "FinancialTab",
    "InvoicesTab",
    "PendingTab",
    "SmsCreditsTab",
    "SubscriberTab",
    "TabContext",
    "TicketsTab",
    "tab_classes_for",
]
