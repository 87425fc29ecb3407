"""Compra de Crédito tab: the form, one purchase per form fill, the history, the boleto."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.models import CreditValue, SmsPurchase
from desktop.services import sms_credits, subscribers
from desktop.ui.tabs import SmsCreditsTab, TabContext
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.conftest_printing import ensure_cups_queues
from tests.factories import CPFS, subscriber
from tests.services.test_boletos import bank_account
from tests.ui.conftest import RecordingDialogs, texts


@pytest.fixture
def shop(sqlite_db: Database) -> tuple[int, int, CounterActor]:
    sub_id, contract_id = subscriber(
        sqlite_db, "Empresa SMS Ltda", CPFS[0], plan="Empresarial SMS", sms=True
    )
    with sqlite_db.session() as session:
        session.add_all(
            [
                CreditValue(quantity=1000, price=Decimal("90.00")),
                CreditValue(quantity=5000, price=Decimal("400.00")),
                CreditValue(quantity=200, price=Decimal("25.00"), active=False),
            ]
        )
    return sub_id, contract_id, make_user(sqlite_db, "ana", Role.ATTENDANT)


@pytest.fixture
def tab(qtbot, sqlite_db: Database, shop) -> SmsCreditsTab:
    sub_id, _contract, actor = shop
    ws = subscribers.workspace(sqlite_db, actor, sub_id)
    widget = SmsCreditsTab(TabContext(sqlite_db, actor, ws, runner()))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.activated()
    return widget


def purchases(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(SmsPurchase)) or 0)


def test_form_offers_the_plans_and_the_credit_values_on_sale(
    qtmodeltester, tab: SmsCreditsTab, shop
) -> None:
    qtmodeltester.check(tab.model)
    _sub, contract_id, _actor = shop
    assert tab.plan_combo.count() == 1 and tab.plan_combo.currentData() == contract_id
    assert tab.plan_combo.currentText().startswith("Empresarial SMS — contrato C")
    values = [
        tab.value_combo.itemText(i).replace("\xa0", " ") for i in range(tab.value_combo.count())
    ]
    assert values == ["1.000 SMS — R$ 90,00", "5.000 SMS — R$ 400,00"]
    assert tab.buy_button.isEnabled()
    assert tab.model.rowCount() == 0
    assert "ainda não criada" in tab.account_label.text()
    assert not tab.boleto_button.isEnabled()


def test_buying_twice_with_the_same_form_records_one_purchase(
    qtbot, sqlite_db: Database, tab: SmsCreditsTab, recorded_dialogs: RecordingDialogs
) -> None:
    key = tab.purchase_key
    qtbot.mouseClick(tab.buy_button, Qt.MouseButton.LeftButton)
    tab.buy()  # a double click or a retry that arrives with the same form
    assert purchases(sqlite_db) == 1
    assert tab.purchase_key == key
    questions = [text for kind, _title, text in recorded_dialogs.shown if kind == "question"]
    assert questions[0].replace("\xa0", " ").startswith("Comprar 1.000 SMS por R$ 90,00 para ")
    assert "vencimento em 3 dias" in questions[0]
    infos = [text for kind, _title, text in recorded_dialogs.shown if kind == "information"]
    assert len(infos) == 2
    assert infos[0].replace("\xa0", " ").startswith("Compra registrada: 1.000 SMS por R$ 90,00")
    assert infos[1].startswith("Esta compra já está registrada (nada foi comprado de novo)")
    assert not tab.buy_button.isVisible()  # only "Nova compra" beside the form now
    assert tab.model.rowCount() == 1
    assert texts(tab.model, 4) == ["Aguardando pagamento"]
    assert texts(tab.model, 0)[0].endswith("(ana)")
    assert tab.selected() is not None and tab.boleto_button.isEnabled()
    assert tab.new_button.isVisible()

    tab.value_combo.setCurrentIndex(1)  # another value: another purchase
    assert tab.purchase_key != key
    assert tab.buy_button.isVisible() and not tab.new_button.isVisible()
    tab.buy()
    assert purchases(sqlite_db) == 2
    key2 = tab.purchase_key
    tab.new_form()  # Nova compra: the same value again, deliberately
    assert tab.purchase_key != key2
    tab.buy()
    assert purchases(sqlite_db) == 3
    assert texts(tab.model, 2) == ["5.000 SMS", "5.000 SMS", "1.000 SMS"]


def test_history_follows_the_back_office_and_shows_the_account(
    qtbot, sqlite_db: Database, tab: SmsCreditsTab, shop
) -> None:
    _sub_id, _contract_id, _actor = shop
    tab.buy()
    purchase = tab.model.row_at(0)
    finance = make_user(sqlite_db, "carlos", Role.FINANCE)
    support = make_user(sqlite_db, "juliana", Role.SUPPORT)
    sms_credits.confirm_payment(sqlite_db, finance, purchase.id)
    sms_credits.record_transfer(sqlite_db, support, purchase.id, 1000, "SMSD-0001")
    tab.reload()
    assert texts(tab.model, 4) == ["Créditos transferidos"]
    assert texts(tab.model, 5)[0].endswith("(carlos)")
    assert texts(tab.model, 6)[0].endswith("(juliana)")
    assert tab.model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == "Referência: SMSD-0001"
    assert "saldo 1.000 SMS" in tab.account_label.text()
    assert "login smsc" in tab.account_label.text()
    tab.table.selectRow(0)
    assert not tab.boleto_button.isEnabled()  # paid: no boleto to print


@pytest.mark.cups
def test_print_the_boleto_of_the_purchase(sqlite_db: Database, tab: SmsCreditsTab) -> None:
    ensure_cups_queues()
    bank_account(sqlite_db)
    tab.buy()
    tab.print_boleto()
    line = tab.message.message
    assert line.kind == "info", line.text()
    assert line.text().startswith("Enviado para a impressora ")


def test_boleto_without_a_bank_account_says_so(sqlite_db: Database, tab: SmsCreditsTab) -> None:
    tab.buy()
    tab.print_boleto()
    assert tab.message.message.kind == "error"
    assert "conta bancária" in tab.message.message.text()


def test_subscriber_without_sms_plan(qtbot, sqlite_db: Database) -> None:
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    sub_id, _ = subscriber(sqlite_db, "Sem SMS", CPFS[1])
    ws = subscribers.workspace(sqlite_db, actor, sub_id)
    widget = SmsCreditsTab(TabContext(sqlite_db, actor, ws, runner()))
    qtbot.addWidget(widget)
    widget.activated()
    assert not widget.buy_button.isEnabled()
    assert "não tem plano que envie SMS" in widget.message.message.text()
    assert widget.model.rows() == ()


def test_nothing_is_bought_without_the_confirmation(
    qtbot, sqlite_db: Database, tab: SmsCreditsTab, recorded_dialogs: RecordingDialogs
) -> None:
    recorded_dialogs.answer = False
    qtbot.mouseClick(tab.buy_button, Qt.MouseButton.LeftButton)
    assert purchases(sqlite_db) == 0
    assert recorded_dialogs.shown[-1][0] == "question"
    assert tab.buy_button.isVisible() and tab.buy_button.isEnabled()


def test_the_plan_box_keeps_its_width_while_busy(qtbot, tab: SmsCreditsTab) -> None:
    tab.resize(1000, 600)
    QApplication.processEvents()
    width = tab.plan_combo.width()
    tab.busy.set_busy(True)
    QApplication.processEvents()
    assert tab.plan_combo.width() == width >= tab.plan_combo.sizeHint().width()
