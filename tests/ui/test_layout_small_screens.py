"""Layout at 1024×768 and 1366×768 (issue 15, item 3): nothing wider than the screen, totals
wrap instead of scrolling, columns sized to what they hold, and rows left for the lists."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QApplication, QLabel

from desktop.ui.tabs import CallsTab, ConnectionsTab, FinancialTab, TicketsTab
from desktop.ui.totals_grid import TotalsGrid
from tests.ui import test_financial_tab as financial_tests
from tests.ui import test_tab_calls as calls_tests
from tests.ui import test_tab_connections as connections_tests
from tests.ui import test_tab_tickets as tickets_tests

# The tab's width inside a 1024-pixel window (the workspace and tab frames take a few pixels).
TAB_WIDTH_1024 = 1000


@pytest.fixture
def calls_tab(qtbot, sqlite_db):
    return calls_tests.tab.__wrapped__(qtbot, calls_tests.setup.__wrapped__(sqlite_db))


@pytest.fixture
def financial_tab(qtbot, sqlite_db):
    return financial_tests.tab.__wrapped__(qtbot, financial_tests.setup.__wrapped__(sqlite_db))


@pytest.fixture
def connections_tab(qtbot, sqlite_db):
    return connections_tests.tab.__wrapped__(qtbot, connections_tests.setup.__wrapped__(sqlite_db))


@pytest.fixture
def tickets_tab(qtbot, sqlite_db):
    return tickets_tests.tab.__wrapped__(
        qtbot, sqlite_db, tickets_tests.family.__wrapped__(sqlite_db)
    )


@pytest.mark.parametrize("which", ["calls_tab", "financial_tab", "connections_tab", "tickets_tab"])
def test_statement_tabs_fit_a_1024_pixel_counter(request, which: str) -> None:
    tab = request.getfixturevalue(which)
    assert tab.minimumSizeHint().width() <= TAB_WIDTH_1024
    tab.resize(TAB_WIDTH_1024, 640)
    QApplication.processEvents()
    for button in (tab.print_button, getattr(tab, "view_button", None)):
        if button is not None:  # wrapped onto a second line, still inside the tab
            assert button.isVisible()
            right = button.mapTo(tab, button.rect().bottomRight()).x()
            assert right <= TAB_WIDTH_1024


def test_totals_wrap_into_blocks_instead_of_scrolling(qtbot) -> None:
    headers = [
        "Totais",
        "Local fixo",
        "Local móvel",
        "LDN fixo",
        "LDN móvel",
        "LDI",
        "Gratuita",
        "Especial",
        "Total",
    ]
    grid = TotalsGrid(headers)
    qtbot.addWidget(grid)
    grid.set_rows([["Ligações"] + ["1.234"] * 8, ["Valor"] + ["R$ 1.234,56"] * 8], overall="column")
    grid.resize(480, 200)
    grid.show()
    qtbot.waitExposed(grid)
    QApplication.processEvents()
    assert grid.rows()[0] == headers  # the figures, as text, are unchanged
    assert not grid._scroll.horizontalScrollBar().isVisible()
    inner = grid._inner
    total = next(
        label
        for label in inner.findChildren(QLabel)
        if label.text() == "Total" and label.isVisible()
    )
    assert total.geometry().right() <= inner.width() <= grid.width()
    titles = [label.text() for label in inner.findChildren(QLabel) if label.isVisible()]
    assert titles.count("Valor") >= 2  # the row titles are repeated in front of each block
    grid.resize(1300, 200)
    QApplication.processEvents()
    assert [label.text() for label in inner.findChildren(QLabel) if label.isVisible()].count(
        "Valor"
    ) == 1


def test_financial_columns_fit_at_1024_and_give_the_description_room(
    qtbot, financial_tab: FinancialTab
) -> None:
    tab = financial_tab
    tab.resize(TAB_WIDTH_1024, 640)
    QApplication.processEvents()
    header = tab.table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= tab.table.viewport().width()
    assert header.sectionSize(1) >= 70  # Descrição: elided, with its tooltip, at 1024
    tab.resize(1340, 640)
    QApplication.processEvents()
    assert header.sectionSize(1) >= 300  # and given the room at 1366
    tab.resize(TAB_WIDTH_1024, 640)
    QApplication.processEvents()
    money = tab.table.fontMetrics().horizontalAdvance("R$ 1.234,56")
    assert header.sectionSize(2) > money  # the amount is never elided

    # Only paid items listed: the empty fine/interest/updated columns give their room away.
    tab.status_combo.setCurrentIndex(tab.status_combo.findText("Baixados"))
    tab.consult()
    QApplication.processEvents()
    assert all(header.isSectionHidden(c) for c in (7, 8, 9))
    assert not header.isSectionHidden(4)


def test_connections_list_gets_the_height_not_the_chart(
    qtbot, connections_tab: ConnectionsTab
) -> None:
    tab = connections_tab
    tab.resize(TAB_WIDTH_1024, 520)  # what is left of 768 px under the header and filters
    tab.view()
    QApplication.processEvents()
    rows = tab.table.viewport().height() // tab.table.verticalHeader().defaultSectionSize()
    assert rows >= 4
    assert tab.table.height() > tab.chart.height()


def test_calls_tab_keeps_buttons_on_the_fields_line_when_wide(qtbot, calls_tab: CallsTab) -> None:
    calls_tab.resize(1340, 640)
    QApplication.processEvents()
    field = calls_tab.type_combo.mapTo(calls_tab, calls_tab.type_combo.rect().bottomLeft())
    button = calls_tab.view_button.mapTo(calls_tab, calls_tab.view_button.rect().bottomLeft())
    assert abs(field.y() - button.y()) <= 4


def test_financial_fine_and_interest_give_way_before_the_description_at_1024(
    qtbot, financial_tab: FinancialTab
) -> None:
    """Ten columns do not fit at 1024: Multa and Juros (inside Valor atualizado and the
    totals) go, the description keeps its minimum and Forma is not cut."""
    tab = financial_tab
    header = tab.table.horizontalHeader()
    tab.resize(1340, 640)
    QApplication.processEvents()
    assert not header.isSectionHidden(7) and not header.isSectionHidden(8)
    tab.resize(TAB_WIDTH_1024, 640)
    QApplication.processEvents()
    assert header.isSectionHidden(7) and header.isSectionHidden(8)
    assert header.sectionSize(1) >= tab.column_fit.min_stretch
    method = tab.table.fontMetrics().horizontalAdvance("Dinheiro")
    assert header.sectionSize(6) > method
    assert not header.isSectionHidden(9)  # Valor atualizado stays


def test_tickets_columns_fit_at_1024_and_the_description_keeps_room(
    qtbot, tickets_tab: TicketsTab
) -> None:
    tab = tickets_tab
    tab.resize(TAB_WIDTH_1024, 600)
    QApplication.processEvents()
    header = tab.table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= tab.table.viewport().width()
    assert header.sectionSize(3) >= 150  # Descrição: elided with its tooltip, never gone
    for button in (tab.new_button, tab.detail_button, tab.receipt_button, tab.email_button):
        assert button.mapTo(tab, button.rect().bottomRight()).x() <= TAB_WIDTH_1024


def visible_rows(table) -> int:
    """Rows wholly inside the list's viewport (what a person sees without scrolling)."""
    viewport = table.viewport().rect()
    model = table.model()
    return sum(
        1
        for row in range(model.rowCount())
        if viewport.contains(table.visualRect(model.index(row, 0)))
    )


@pytest.fixture
def long_statement(sqlite_db):
    """Demo-like: two years of monthly bills, paid, cancelled, overdue and to come."""
    import datetime as dt

    from desktop.domain.enums import PaymentMethod, ReceivableStatus
    from tests.factories import receivable, subscriber

    db, actor, _sub = financial_tests.setup.__wrapped__(sqlite_db)
    sub, contract = subscriber(db, "João Lucas Henry Gabriel Novais Moraes", "26442377776")
    for month in range(24):
        due = dt.date(2025 + (month + 1) // 12, (month + 1) % 12 + 1, 25)
        if due > dt.date(2026, 9, 30):
            status, method = ReceivableStatus.OPEN, None
        elif month % 7 == 3:
            status, method = ReceivableStatus.CANCELLED, None
        else:
            status, method = ReceivableStatus.PAID, PaymentMethod.PIX
        extra = {"method": method} if method else {}
        receivable(db, sub, due, "179.90", status=status, contract_id=contract, **extra)
    return db, actor, sub


# What the counter window leaves the tab under its menu, search box, workspace header and
# tab bar (measured on the real app under Xvfb: 1020×458 at 1024×768, 1362×476 at 1366×768).
TAB_SIZES = {1024: (TAB_WIDTH_1024, 458), 1366: (1340, 476)}


@pytest.mark.parametrize("screen", [1024, 1366])
def test_financial_statement_shows_ten_rows_at_768_pixels_high(
    qtbot, long_statement, screen: int
) -> None:
    """Issue 13: filters on one line, totals in one line (the grid one click away) — the
    list keeps at least ten rows at 1024×768, and more at 1366×768."""
    tab = financial_tests.tab.__wrapped__(qtbot, long_statement)
    tab.resize(*TAB_SIZES[screen])
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 12 and not tab.busy.isVisible())
    QApplication.processEvents()
    assert tab.minimumSizeHint().width() <= TAB_SIZES[screen][0]
    assert visible_rows(tab.table) >= 10
    # One line of filters and buttons: Ver, Imprimir and the declaration at the fields' height.
    field = tab.status_combo.mapTo(tab, tab.status_combo.rect().center()).y()
    for button in (tab.view_button, tab.print_button, tab.quitacao_button):
        assert abs(button.mapTo(tab, button.rect().center()).y() - field) <= 4
        assert button.mapTo(tab, button.rect().bottomRight()).x() <= TAB_SIZES[screen][0]
    # The totals in brief, nothing cut; the whole grid opens under the line.
    summary = tab.totals.summary
    assert "Em aberto" in summary.text() and "Total" in summary.text()
    assert summary.width() >= summary.sizeHint().width()
    assert not tab.totals.details.isVisible()
    tab.totals.toggle.click()
    QApplication.processEvents()
    assert tab.totals.details.isVisible() and tab.totals.rows()[-1][0] == "Total"
