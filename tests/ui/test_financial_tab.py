"""Extrato Financeiro tab: filters, formatted rows, totals from the service, reversed dates."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QDate, Qt

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import PaymentMethod, ReceivableStatus, Role
from desktop.domain.periods import Period
from desktop.services import financial, subscribers
from desktop.services.financial import FinancialFilter
from desktop.ui import formatting as fmt
from desktop.ui.tabs import FinancialTab, TabContext
from desktop.ui.tabs.financial import default_period
from desktop.ui.workers import runner
from tests.conftest import kiosk, make_user
from tests.factories import receivable, subscriber
from tests.ui.conftest import texts

TODAY = dt.date(2026, 11, 30)


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


@pytest.fixture
def setup(sqlite_db: Database) -> tuple[Database, CounterActor, int]:
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    sub, contract = subscriber(sqlite_db, "Maria Aparecida da Silva")
    r = lambda *a, **k: receivable(sqlite_db, sub, *a, contract_id=contract, **k)  # noqa: E731
    r(dt.date(2025, 1, 10), status=ReceivableStatus.PAID)  # before the default period
    r(dt.date(2026, 7, 10), "50.00", status=ReceivableStatus.CANCELLED)
    # Paid at 01:30 UTC on 11/08 = 22:30 on 10/08 in São Paulo: the screen shows 10/08.
    r(
        dt.date(2026, 8, 10),
        status=ReceivableStatus.PAID,
        paid_at=dt.datetime(2026, 8, 11, 1, 30, tzinfo=dt.UTC),
    )
    r(dt.date(2026, 9, 10), "1234.56", status=ReceivableStatus.PAID, method=PaymentMethod.PIX)
    r(dt.date(2026, 10, 10))  # 51 days overdue
    r(dt.date(2026, 11, 29))  # 1 day overdue
    r(dt.date(2026, 12, 10))  # not due yet
    r(dt.date(2027, 3, 10))  # after the default period
    return sqlite_db, actor, sub


@pytest.fixture
def tab(qtbot, setup) -> FinancialTab:
    db, actor, sub = setup
    ws = subscribers.workspace(db, actor, sub)
    widget = FinancialTab(TabContext(db, actor, ws, runner(), lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.activated()  # the workspace calls this when the tab is shown
    return widget


def test_default_period_is_twelve_months_back_to_two_ahead() -> None:
    assert default_period(TODAY) == (dt.date(2025, 11, 30), dt.date(2027, 1, 30))
    assert default_period(dt.date(2026, 12, 31)) == (dt.date(2025, 12, 31), dt.date(2027, 2, 28))


def test_shows_the_statement_formatted_with_overdue_rows_in_red(
    tab: FinancialTab, qtmodeltester
) -> None:
    model = tab.model
    assert tab.period_picker.start_edit.date() == QDate(2025, 11, 30)
    assert tab.period_picker.end_edit.date() == QDate(2027, 1, 30)
    assert tab.period_picker.start_edit.displayFormat() == "dd/MM/yyyy"
    assert tab.period_picker.start_edit.calendarPopup()
    assert texts(model, 0) == [
        "10/07/2026",
        "10/08/2026",
        "10/09/2026",
        "10/10/2026",
        "29/11/2026",
        "10/12/2026",
    ]
    assert texts(model, 3) == [
        "Cancelado",
        "Baixado",
        "Baixado",
        "Vencido há 51 dias",
        "Vencido há 1 dia",
        "Em aberto",
    ]
    assert plain(texts(model, 2)[2]) == "R$ 1.234,56"
    assert texts(model, 4)[:3] == ["", "10/08/2026", "10/09/2026"]  # local date of payment
    assert texts(model, 6)[:3] == ["", "Boleto", "PIX"]
    # 99.90 overdue 51 days: fine 2.00, interest 1.70 -> 103.60
    assert [plain(t) for t in (texts(model, 7)[3], texts(model, 8)[3], texts(model, 9)[3])] == [
        "R$ 2,00",
        "R$ 1,70",
        "R$ 103,60",
    ]
    assert texts(model, 9)[:3] == ["", "", ""]  # nothing is owed on paid or cancelled items
    assert plain(texts(model, 9)[5]) == "R$ 99,90"  # not due yet: the amount itself
    money = model.index(0, 2)
    assert (
        Qt.AlignmentFlag(money.data(Qt.ItemDataRole.TextAlignmentRole))
        & Qt.AlignmentFlag.AlignRight
    )
    overdue = model.index(3, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert overdue.color().name() == fmt.RED
    assert model.index(5, 1).data(Qt.ItemDataRole.ForegroundRole) is None  # not due: default colour
    assert model.index(1, 3).data(Qt.ItemDataRole.ForegroundRole).color().name() == fmt.GREEN
    assert not tab.busy.isVisible()
    qtmodeltester.check(model)


def test_totals_per_status_come_from_the_service(tab: FinancialTab, setup) -> None:
    db, actor, sub = setup
    expected = financial.totals(
        db,
        actor,
        FinancialFilter(sub, None, Period(dt.date(2025, 11, 30), dt.date(2027, 1, 30))),
        today=TODAY,
    )
    rows = tab.totals.rows()
    assert rows[0] == [
        "Situação",
        "Quantidade",
        "Valor",
        "Valor pago",
        "Multa + juros",
        "Valor atualizado",
    ]
    assert [r[:2] for r in rows[1:]] == [
        ["Em aberto", "3"],
        ["Baixados", "2"],
        ["Cancelados", "1"],
        ["Total", "6"],
    ]
    open_total = expected.by_status[ReceivableStatus.OPEN]
    assert rows[1][2] == fmt.money(open_total.amount)
    assert rows[1][5] == fmt.money(open_total.updated_amount)
    assert plain(rows[2][3]) == "R$ 1.334,46"  # 99.90 + 1234.56 paid
    assert rows[4][2] == fmt.money(expected.overall.amount)
    # Paid, fine + interest and updated amount only where they apply; the total owed today
    # is the open items' updated amount.
    assert rows[1][3] == "—" and rows[2][4:] == ["—", "—"] and rows[3][3:] == ["—", "—", "—"]
    assert rows[4][5] == fmt.money(open_total.updated_amount)


def test_status_filter_and_enter_to_consult(qtbot, tab: FinancialTab) -> None:
    tab.status_combo.setCurrentIndex(tab.status_combo.findText("Baixados"))
    qtbot.keyClick(tab.period_picker.end_edit, Qt.Key.Key_Return)  # Enter works as Consultar
    assert texts(tab.model, 3) == ["Baixado", "Baixado"]
    rows = tab.totals.rows()
    assert [r[:2] for r in rows[1:]] == [["Baixados", "2"]]

    tab.status_combo.setCurrentIndex(tab.status_combo.findText("Em aberto"))
    qtbot.mouseClick(tab.consult_button, Qt.MouseButton.LeftButton)
    assert texts(tab.model, 0) == ["10/10/2026", "29/11/2026", "10/12/2026"]


def test_a_period_with_nothing_says_so(qtbot, tab: FinancialTab) -> None:
    tab.period_picker.set_period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    tab.consult()
    assert tab.model.rowCount() == 0
    assert tab.message.kind == "info"
    assert "Nenhum lançamento" in tab.message.text()
    assert [r[:2] for r in tab.totals.rows()[1:4]] == [
        ["Em aberto", "0"],
        ["Baixados", "0"],
        ["Cancelados", "0"],
    ]


def test_reversed_dates_are_refused_inline_and_nothing_is_queried(
    qtbot, tab: FinancialTab, sync_pool
) -> None:
    before_rows = texts(tab.model, 0)
    queries = sync_pool.started
    tab.period_picker.set_period(dt.date(2026, 12, 1), dt.date(2026, 11, 1))
    qtbot.keyClick(tab.period_picker.start_edit, Qt.Key.Key_Return)
    assert tab.message.isVisible() and tab.message.kind == "error"
    assert "Período inválido" in tab.message.text()
    assert "01/11/2026" in tab.message.text() and "01/12/2026" in tab.message.text()
    assert sync_pool.started == queries  # nothing went to the database
    assert before_rows and tab.model.rowCount() == 0  # no old results under the error

    tab.period_picker.set_period(dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    tab.consult()
    assert not tab.message.isVisible()
    assert texts(tab.model, 0) == ["29/11/2026"]


def test_a_kiosk_actor_of_another_subscriber_sees_the_refusal(qtbot, setup) -> None:
    db, actor, sub = setup
    other, _ = subscriber(db, "Outra Pessoa", "39053344705")
    ws = subscribers.workspace(db, actor, sub)
    widget = FinancialTab(TabContext(db, kiosk(other), ws, runner(), lambda: TODAY))
    qtbot.addWidget(widget)
    widget.consult()
    assert widget.model.rowCount() == 0
    assert widget.message.kind == "error"
    assert "outro assinante" in widget.message.text()


def test_enter_in_the_table_does_not_query_again(qtbot, tab: FinancialTab, sync_pool) -> None:
    queries = sync_pool.started
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert sync_pool.started == queries
    qtbot.keyClick(tab.status_combo, Qt.Key.Key_Return)  # a filter field: Consultar
    assert sync_pool.started == queries + 2  # the first page and the totals


@pytest.mark.cups
def test_imprimir_prints_the_statement_with_updated_amounts(qtbot, tab: FinancialTab) -> None:
    import subprocess

    from PySide6.QtCore import Qt

    from tests.ui.tab_helpers import sink_job_bytes, sink_printer

    queues = sink_printer()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Enviado para a impressora SINK.", tab.message.text()
    outcome = tab.result.last_outcome
    assert outcome is not None and outcome.job_id is not None
    pdf = sink_job_bytes(queues, outcome.job_id)
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Extrato Financeiro" in text or "EXTRATO FINANCEIRO" in text.upper()
    assert "Página 1 de" in text
