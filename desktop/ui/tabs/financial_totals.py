"""The Extrato Financeiro's totals: a two-line summary beside a toggle that opens the grid.

Apart from the tab (desktop/ui/tabs/financial.py) because the summary, the grid and its
tooltip are a widget of their own, tested on their own.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import ReceivableStatus
from desktop.services.financial import FinancialTotals, StatusTotal
from desktop.ui import formatting as fmt


def _tr(text: str) -> str:
    return QCoreApplication.translate("FinancialTab", text)


def summary_line(totals: FinancialTotals, statuses: list[ReceivableStatus]) -> str:
    """The totals in brief, on two lines at most: per status its count and the figure that
    matters (what is owed today for the open ones, what was paid for the settled ones, the
    amount of the cancelled ones), then the overall count and amount.  The grid has the rest.
    """
    parts = []
    for status in statuses:
        value = totals.by_status.get(status, StatusTotal())
        figure = {
            ReceivableStatus.OPEN: value.updated_amount,
            ReceivableStatus.PAID: value.paid_amount,
        }.get(status, value.amount)
        name = fmt.receivable_status_plural(status)
        parts.append(f"{name} {fmt.number(value.count)}: {fmt.money(figure)}")
    if len(statuses) > 1:
        overall = totals.overall
        parts.append(f"{_tr('Total')} {fmt.number(overall.count)}: {fmt.money(overall.amount)}")
    half = (len(parts) + 1) // 2
    return "\n".join(" · ".join(line) for line in (parts[:half], parts[half:]) if line)


def grid_html(rows: list[list[str]]) -> str:
    """The totals grid as a rich-text table (the compact line's tooltip)."""
    cells = "".join(
        "<tr>"
        + "".join(
            f"<td align='{'left' if c == 0 else 'right'}'>"
            + (f"<b>{html.escape(text)}</b>" if r == 0 else html.escape(text))
            + "</td>"
            for c, text in enumerate(line)
        )
        + "</tr>"
        for r, line in enumerate(rows)
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


class TotalsPanel(QFrame):
    """Totals per status and overall: quantity, amount, paid, updated amount.

    One compact line (what is owed today, what was paid, how many) beside a toggle that
    opens the full grid under it: at 1024×768 the list keeps the height (issue 13), and no
    figure is lost — the grid is one click away and the line's tooltip holds it too.
    """

    HEADERS = ("Situação", "Quantidade", "Valor", "Valor pago", "Multa + juros", "Valor atualizado")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self.summary = QLabel(self)
        self.summary.setObjectName("totalsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("totalsToggle")
        self.toggle.setCheckable(True)
        # A glyph, like the date fields' calendar buttons: Qt's drawn arrows are a few pixels.
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(_tr("Totais por situação"))
        self.toggle.setToolTip(
            _tr("Mostrar ou esconder os totais por situação: quantidade, valor, valor pago, ")
            + _tr("multa e juros, valor atualizado")
        )
        self.toggle.toggled.connect(self.set_expanded)
        # The full grid: the tab lays it out under the line, the list's whole width.
        self.details = QFrame(parent)
        self.details.setObjectName("totalsPanel")
        self._grid = QGridLayout(self.details)
        self._grid.setContentsMargins(12, 6, 12, 6)
        self._grid.setHorizontalSpacing(28)
        self._grid.setVerticalSpacing(1)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(6)
        line.addWidget(self.summary, 1)
        line.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 1, 2, 1)
        layout.setSpacing(0)
        layout.addLayout(line)
        self._cells: dict[tuple[int, int], QLabel] = {}
        self.set_expanded(False)
        self.show_totals(None)

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        """The full grid under the line (the toggle), or the line alone."""
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # calls back here
            return
        self.details.setVisible(expanded)
        self.toggle.setText("▾" if expanded else "▸")

    def summary_text(self) -> str:
        return self.summary.text()

    def cell_text(self, row: int, column: int) -> str:
        label = self._cells.get((row, column))
        return label.text() if label is not None else ""

    def rows(self) -> list[list[str]]:
        """The panel as text, row by row (headers first)."""
        count = 1 + max((r for r, _c in self._cells), default=0)
        return [[self.cell_text(r, c) for c in range(len(self.HEADERS))] for r in range(count)]

    def show_totals(
        self, totals: FinancialTotals | None, statuses: list[ReceivableStatus] | None = None
    ) -> None:
        """One row per status asked for, and a Total row when there are several.

        Figures that do not apply show a dash: nothing is paid on an open item, and fine,
        interest and the updated amount exist only for open items (what is owed today).
        """
        for label in self._cells.values():
            self._grid.removeWidget(label)
            label.deleteLater()
        self._cells.clear()
        for column, header in enumerate(self.HEADERS):
            self._put(0, column, _tr(header), "totalsHeader", column)
        if totals is None:
            self.summary.setText(_tr("Totais: —"))
            self.summary.setToolTip("")
            return
        self.summary.setText(summary_line(totals, statuses or list(ReceivableStatus)))
        wanted = statuses or list(ReceivableStatus)
        row = 1
        for status in wanted:
            value = totals.by_status.get(status, StatusTotal())
            self._put_total(row, fmt.receivable_status_plural(status), value, status, "totalsCell")
            row += 1
        if len(wanted) > 1:
            overall = totals.overall
            open_total = totals.by_status.get(ReceivableStatus.OPEN, StatusTotal())
            name = "totalsOverall"
            self._put(row, 0, _tr("Total"), name, 0)
            self._put(row, 1, fmt.number(overall.count), name, 1)
            self._put(row, 2, fmt.money(overall.amount), name, 2)
            self._put(
                row,
                3,
                fmt.money(totals.by_status.get(ReceivableStatus.PAID, StatusTotal()).paid_amount),
                name,
                3,
            )
            self._put(row, 4, fmt.money(open_total.fine + open_total.interest), name, 4)
            self._put(row, 5, fmt.money(open_total.updated_amount), name, 5)
        self.summary.setToolTip(grid_html(self.rows()))

    def _put_total(
        self, row: int, title: str, value: StatusTotal, status: ReceivableStatus, name: str
    ) -> None:
        dash = "—"
        is_open = status is ReceivableStatus.OPEN
        self._put(row, 0, title, name, 0)
        self._put(row, 1, fmt.number(value.count), name, 1)
        self._put(row, 2, fmt.money(value.amount), name, 2)
        self._put(
            row,
            3,
            fmt.money(value.paid_amount) if status is ReceivableStatus.PAID else dash,
            name,
            3,
        )
        self._put(row, 4, fmt.money(value.fine + value.interest) if is_open else dash, name, 4)
        self._put(row, 5, fmt.money(value.updated_amount) if is_open else dash, name, 5)

    def _put(self, row: int, column: int, text: str, name: str, align_column: int) -> None:
        label = QLabel(text, self.details)
        label.setObjectName(name)
        align = Qt.AlignmentFlag.AlignLeft if align_column == 0 else Qt.AlignmentFlag.AlignRight
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self._grid.addWidget(label, row, column)
        self._cells[(row, column)] = label
