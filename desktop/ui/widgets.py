"""Small widgets shared by the screens: period picker, busy indicator, inline message, badge."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)

from desktop.domain.periods import Period
from desktop.ui.date_field import DateField
from desktop.ui.flow_layout import FlowLayout


def _tr(text: str) -> str:
    return QCoreApplication.translate("Widgets", text)


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(value: dt.date, parent: QWidget | None = None) -> DateField:
    """A date field, dd/mm/aaaa typed as is, with a calendar (see desktop.ui.date_field)."""
    return DateField(value, parent)


class PeriodPicker(QWidget):
    """Two dates, "de ... a ...".

    ``period()`` reads what is on screen: InvalidInput when a date cannot be read (the field
    turns red) or the dates are reversed, so nothing runs on a period the person did not see.
    """

    changed = Signal()

    def __init__(self, start: dt.date, end: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_edit = date_edit(start, self)
        self.end_edit = date_edit(end, self)
        self.start_edit.setAccessibleName(_tr("Data inicial"))
        self.end_edit.setAccessibleName(_tr("Data final"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel(_tr("a"), self))
        layout.addWidget(self.end_edit)
        self.start_edit.dateChanged.connect(self.changed)
        self.end_edit.dateChanged.connect(self.changed)

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))

    def dates(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())

    def period(self) -> Period:
        start = self.start_edit.typed_date()
        end = self.end_edit.typed_date()
        return Period(start, end)


class FilterBar(QWidget):
    """A row of filters; Enter in any of its fields emits ``submitted`` (the Consultar key).

    Fields such as QDateEdit and QComboBox handle Enter and pass it on to their parent; a
    table elsewhere on the tab is not inside this bar, so Enter there does not re-query.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Wraps onto a second line on a narrow (1024-px) counter instead of widening the tab.
        self.row = FlowLayout(self, spacing=10)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class BusyIndicator(QWidget):
    """An indeterminate bar and "Carregando…", shown while a person waits for data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(110)
        self.bar.setFixedHeight(10)
        self.label = QLabel(_tr("Carregando…"), self)
        self.label.setObjectName("busyLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.setVisible(False)

    def set_busy(self, busy: bool) -> None:
        self.setVisible(busy)


class MessageLine(QLabel):
    """An inline message under a form: red for an error, grey for information."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageLine")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_error(self, text: str) -> None:
        self._show(text, "error")

    def show_info(self, text: str) -> None:
        self._show(text, "info")

    def clear_message(self) -> None:
        self.setText("")
        self.setVisible(False)

    @property
    def kind(self) -> str:
        return str(self.property("kind") or "")

    def _show(self, text: str, kind: str) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setVisible(True)


class Badge(QLabel):
    """A coloured status label; ``tone`` is ok, warning, danger, info or muted (style.qss)."""

    def __init__(self, text: str, tone: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("badge")
        self.setProperty("tone", tone)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @property
    def tone(self) -> str:
        return str(self.property("tone"))


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A dialog's *Fechar* button box (rejects the dialog).

    Qt's standard Close button takes its text from the platform theme, which the shipped
    ``qtbase_pt_BR`` leaves as "Close"; the text is set here, in the interface language.
    """
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    button = box.button(QDialogButtonBox.StandardButton.Close)
    if button is not None:
        button.setText(_tr("Fechar"))
    box.rejected.connect(dialog.reject)
    return box


def no_tab_stops(tabs: QTabWidget) -> None:
    """A tab bar (and its scroll arrows) showed no focus yet took Tab stops: keep them out of
    the Tab order (shortcuts and the mouse still switch tabs)."""
    tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    bar = tabs.tabBar()
    bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for button in bar.findChildren(QToolButton):
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def data_table(parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table view as every list in the app uses."""
    return configure_table(QTableView(parent))


def configure_table(view: QTableView) -> QTableView:
    """Read-only, one row selected at a time, keyset order (no sorting), even row heights."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSortingEnabled(False)  # the order is the keyset order of the query
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # A little less padding than before: more rows on a 768-pixel-high counter screen.
    view.verticalHeader().setDefaultSectionSize(QFontMetrics(view.font()).height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    # A screen reader names every control (issue 15, item 16): the header too.
    view.horizontalHeader().setAccessibleName(_tr("Títulos das colunas"))
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def fit_columns(view: QTableView, samples: Mapping[int, str], stretch: int | None = None) -> None:
    """Size columns from sample text (fast: no scan of the rows); one column may stretch.

    ResizeToContents would measure every loaded row on each page; a sample of the widest
    value ("R$ 99.999,99", "00/00/0000") gives the same widths at no cost.
    """
    header = view.horizontalHeader()
    metrics = QFontMetrics(view.font())
    bold = QFont(header.font())
    bold.setBold(True)  # style.qss sets the header sections in bold
    header_metrics = QFontMetrics(bold)
    model = view.model()
    for column in range(model.columnCount() if model is not None else 0):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header_metrics.horizontalAdvance(title) + 24
        if column in samples:
            width = max(width, metrics.horizontalAdvance(samples[column]) + 20)
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
    if stretch is None:
        header.setStretchLastSection(True)


def select_the_only_row(view: QTableView, model: QAbstractItemModel, *, kiosk: bool) -> None:
    """A kiosk list with one line has it chosen already: a button that looks active and does
    nothing on tap waited for a selection nobody knew to make (issue 15, item 10)."""
    if kiosk and model.rowCount() == 1 and not view.selectionModel().hasSelection():
        view.selectRow(0)


def checked_period(picker: PeriodPicker) -> Period:
    """The picker's period; InvalidInput when reversed or longer than 366 days."""
    return picker.period().limited()


def monospace_label(parent: QWidget | None = None) -> QLabel:
    """Selectable text in a fixed-width font (the linha digitável is read aloud from it)."""
    label = QLabel(parent)
    label.setObjectName("digitableLine")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setPointSize(label.font().pointSize() + 2)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label
