"""A write in one tab reaches the other open tabs of the counter (issue 13, item 3).

What the attendant relies on: after buying SMS credits, the Segunda via and Extrato
Financeiro tabs, already loaded once, list the purchase's new bill the next time they are
shown, with nobody pressing *Ver*; after a PIX payment the open statement shows the bill
paid at once, and the Segunda via and Habilitação Provisória tabs no longer offer it when
shown again.  Real SQLite database, real tabs in the real counter window, real services.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from PySide6.QtCore import QCoreApplication

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.changes import OpChanges
from desktop.domain.enums import ReceivableStatus, Role
from desktop.models import CreditValue
from desktop.ui import workers
from desktop.ui.changes import change_bus
from desktop.ui.main_window import MainWindow
from desktop.ui.pix_button import payable
from desktop.ui.tabs import BoletosTab, EnablementTab, FinancialTab, SmsCreditsTab
from desktop.ui.workspace import WorkspaceView
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber
from tests.fakes.pix_psp_server import PspServer
from tests.services.test_boletos import bank_account
from tests.ui.test_pix_payment import (  # noqa: F401 - fixtures
    admin,
    debtor,
    pki,
    psp,
    threads,
)


def show(view: WorkspaceView, cls: type) -> Any:
    """The attendant clicks the tab (the workspace tells it it is shown)."""
    tab = view.tab(cls)
    assert tab is not None, cls
    view.tabs.setCurrentWidget(tab)
    return tab


def statuses(tab: Any) -> list[ReceivableStatus]:
    return [tab.model.row_at(r).status for r in range(tab.model.rowCount())]


@pytest.fixture
def counter(qtbot: Any, sqlite_db: Database) -> tuple[MainWindow, CounterActor]:
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    win = MainWindow(sqlite_db, actor)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win, actor


def test_buying_sms_credits_shows_the_new_bill_in_segunda_via_and_extrato(
    qtbot: Any, sqlite_db: Database, counter: tuple[MainWindow, CounterActor]
) -> None:
    win, _actor = counter
    sub_id, contract_id = subscriber(
        sqlite_db, "Empresa SMS Ltda", CPFS[0], plan="Internet + SMS", sms=True
    )
    receivable(sqlite_db, sub_id, dt.date.today() + dt.timedelta(days=5), contract_id=contract_id)
    bank_account(sqlite_db)
    with sqlite_db.session() as session:
        session.add(CreditValue(quantity=1000, price=Decimal("90.00")))
    view = win.open_subscriber(sub_id, "Empresa SMS Ltda")

    boletos = show(view, BoletosTab)  # each loaded once, then left
    assert boletos.model.rowCount() == 1
    financial = show(view, FinancialTab)
    assert financial.model.rowCount() == 1
    sms = show(view, SmsCreditsTab)
    assert sms.buy_button.isEnabled()
    sms.buy()
    assert sms.model.rowCount() == 1  # the purchase, in its own tab
    assert boletos.stale and financial.stale  # not reloaded behind the attendant's back yet

    shown = show(view, BoletosTab)
    assert shown is boletos and not boletos.stale
    descriptions = [boletos.model.row_at(r).description for r in range(boletos.model.rowCount())]
    assert len(descriptions) == 2 and any("SMS" in d for d in descriptions), descriptions
    show(view, FinancialTab)
    assert financial.model.rowCount() == 2
    assert any(
        "SMS" in financial.model.row_at(r).description for r in range(financial.model.rowCount())
    )


def test_a_write_elsewhere_reloads_the_tab_on_screen_at_once_and_spares_the_others(
    qtbot: Any, sqlite_db: Database, counter: tuple[MainWindow, CounterActor]
) -> None:
    win, _actor = counter
    sub_id, contract_id = subscriber(sqlite_db, "Maria da Silva", CPFS[1])
    receivable(sqlite_db, sub_id, dt.date.today() + dt.timedelta(days=5), contract_id=contract_id)
    view = win.open_subscriber(sub_id, "Maria da Silva")
    financial = show(view, FinancialTab)
    boletos = show(view, BoletosTab)
    show(view, FinancialTab)
    receivable(sqlite_db, sub_id, dt.date.today() + dt.timedelta(days=35), contract_id=contract_id)
    change_bus().broadcast(OpChanges(tickets=True))  # nothing these two show
    assert financial.model.rowCount() == 1 and not boletos.stale
    change_bus().broadcast(OpChanges(receivables=True))
    assert financial.model.rowCount() == 2  # on screen: reloaded now
    assert boletos.stale and boletos.model.rowCount() == 1  # hidden: when shown
    show(view, BoletosTab)
    assert boletos.model.rowCount() == 2


def test_a_pix_payment_updates_the_open_statement_and_the_other_tabs_when_shown(
    qtbot: Any,
    sqlite_db: Database,
    psp: PspServer,  # noqa: F811 - the fixtures of test_pix_payment
    debtor: tuple[int, int, int],  # noqa: F811
    threads: None,  # noqa: F811
) -> None:
    sub_id, _contract_id, _bill = debtor
    win = MainWindow(sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    view = win.open_subscriber(sub_id, "Joana")
    qtbot.waitUntil(lambda: view.tab(BoletosTab) is not None, timeout=10_000)

    boletos = show(view, BoletosTab)
    qtbot.waitUntil(lambda: boletos.model.rowCount() == 1, timeout=10_000)
    enablement = show(view, EnablementTab)
    qtbot.waitUntil(lambda: enablement.model.rowCount() == 1, timeout=10_000)
    financial = show(view, FinancialTab)
    qtbot.waitUntil(lambda: financial.pix.available is not None, timeout=10_000)
    qtbot.waitUntil(lambda: financial.model.rowCount() > 0, timeout=10_000)
    assert ReceivableStatus.OPEN in statuses(financial)
    financial.table.selectRow(
        next(r for r in range(financial.model.rowCount()) if payable(financial.model.row_at(r)))
    )
    financial.pix.button.click()
    pix = financial.pix.view
    assert pix is not None
    qtbot.waitUntil(lambda: pix.info is not None, timeout=10_000)
    psp.state.pay(pix.info.txid)
    qtbot.waitUntil(lambda: pix.result is not None, timeout=10_000)

    # The statement under the PIX dialog shows the bill paid, nobody pressed Ver.
    qtbot.waitUntil(lambda: ReceivableStatus.PAID in statuses(financial), timeout=10_000)
    assert ReceivableStatus.OPEN not in statuses(financial)
    # The header too: the plan is active again.
    assert view.header is not None
    assert "Suspenso por débito" not in [b.text() for b in view.header.badges]
    pix.window().close()
    workers.wait_for_workers()
    QCoreApplication.sendPostedEvents()

    assert boletos.stale and enablement.stale
    show(view, BoletosTab)
    qtbot.waitUntil(lambda: not boletos.model.loading, timeout=10_000)
    assert boletos.model.rowCount() == 0  # nothing left to reprint
    show(view, EnablementTab)
    qtbot.waitUntil(lambda: not enablement.model.loading, timeout=10_000)
    assert enablement.model.rowCount() == 0  # no suspended plan to enable any more
