"""A date typed as the person types it: dd/mm/aaaa in one text field, plus a calendar.

``QDateEdit`` edits a date section by section and "fixes" what it cannot read: in the trial
Ctrl+A then ``15/10/2026`` gave 01/10/2026, ``31122026`` typed over 30/11/2026 gave
30/12/2026, and a garbled date silently went back to the last one — then the statement ran
for a period nobody had asked for.  Here the text is the truth: it is read when the person
asks for something, a date that cannot be read stays on screen as typed, in red, and
:meth:`DateField.typed_date` raises :class:`InvalidInput` so nothing runs on it.

One tab stop per field (the calendar button takes no focus; Alt+Down or F4 opens it; Up and
Down move one day), Enter goes on to the form (Consultar).
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import InvalidInput

DISPLAY_FORMAT = "dd/MM/yyyy"
_SEPARATED = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_RUN = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DateField", text)


def parse_date(text: str) -> dt.date | None:
    """``15/10/2026``, ``15-10-2026``, ``15.10.2026``, ``1/2/2026`` or ``15102026``; else None.

    A two-digit year is refused rather than guessed: the period must be the one on screen.
    """
    text = text.strip()
    match = _SEPARATED.match(text) or _RUN.match(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31/11, 29/02 of a common year, month 13...
        return None


def show_date(value: dt.date) -> str:
    return f"{value:%d/%m/%Y}"


class CalendarPopup(QFrame):
    """The calendar under the field; a click picks the day and closes it."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendarPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setHorizontalHeaderFormat(
            QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
        )
        self.calendar.setAccessibleName(_tr("Calendário"))
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)

    def _picked(self, value: QDate) -> None:
        self.hide()
        self.picked.emit(value)

    def fitting_size(self) -> tuple[int, int]:
        """Wide enough for every weekday header, tall enough for six weeks, big arrows.

        Measured from the calendar's font, so the kiosk's larger type gets a larger
        calendar (the trial saw "d… s… q…" headers, tiny month arrows and a clipped week).
        """
        metrics = QFontMetrics(self.calendar.font())
        locale = self.calendar.locale()
        names = [locale.dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)]
        widest = max(metrics.horizontalAdvance(name) for name in names)
        cell_w = max(widest + 22, metrics.horizontalAdvance("00") + 26)
        cell_h = metrics.height() + 16
        arrow = max(24, metrics.height() + 4)
        for name in ("qt_calendar_prevmonth", "qt_calendar_nextmonth"):
            button = self.calendar.findChild(QToolButton, name)
            if button is not None:
                button.setIconSize(QSize(arrow, arrow))
                button.setMinimumSize(arrow + 12, arrow + 8)
        navigation = arrow + 16
        width = cell_w * 7 + 12
        height = navigation + cell_h * 7 + 12  # the weekday row and six weeks
        return width, height


class DateField(QWidget):
    """The date field; ``date()``/``setDate()``/``dateChanged`` as ``QDateEdit`` has them."""

    dateChanged = Signal(QDate)

    def __init__(self, value: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateField")
        self._date = value
        self._label = _tr("Data")
        self.line = QLineEdit(self)
        self.line.setObjectName("dateText")
        self.line.setValidator(QRegularExpressionValidator(r"[0-9/.\-]{0,10}", self.line))
        self.line.setPlaceholderText(_tr("dd/mm/aaaa"))
        self.line.setToolTip(_tr("Digite a data (dd/mm/aaaa) ou escolha no calendário (Alt+↓)"))
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self._finished)
        self.button = QToolButton(self)
        self.button.setObjectName("calendarButton")
        self.button.setText("▾")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one tab stop per date
        self.button.setAccessibleName(_tr("Abrir calendário"))
        self.button.setToolTip(_tr("Abrir calendário (Alt+↓)"))
        self.button.clicked.connect(self.open_calendar)
        self.popup: CalendarPopup | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.line.setMinimumWidth(
            QFontMetrics(self.line.font()).horizontalAdvance("00/00/00000") + 24
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._set_text(value)

    # ------------------------------------------------------------------ QDateEdit's API
    def date(self) -> QDate:
        """The last date read from the field (what :meth:`typed_date` gives when it is valid)."""
        return QDate(self._date.year, self._date.month, self._date.day)

    def setDate(self, value: QDate) -> None:
        self._accept(dt.date(value.year(), value.month(), value.day()))
        self._set_text(self._date)

    def displayFormat(self) -> str:
        return DISPLAY_FORMAT

    def calendarPopup(self) -> bool:
        return True

    def setAccessibleName(self, name: str) -> None:
        self._label = name
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    # ------------------------------------------------------------------ reading
    def text(self) -> str:
        return self.line.text()

    def is_valid(self) -> bool:
        return parse_date(self.line.text()) is not None

    def typed_date(self) -> dt.date:
        """The date on screen; InvalidInput (and the field in red) when it is not one."""
        value = parse_date(self.line.text())
        if value is None:
            self._mark(True)
            typed = self.line.text().strip()
            if not typed:
                raise InvalidInput(f"{self._label}: informe a data (dd/mm/aaaa).")
            raise InvalidInput(
                f"{self._label}: “{typed}” não é uma data válida. Digite dd/mm/aaaa, "
                "por exemplo 15/10/2026."
            )
        self._accept(value)
        return value

    # ------------------------------------------------------------------ behaviour
    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        value = parse_date(self.line.text()) or self._date
        self.popup.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        width, height = self.popup.fitting_size()
        self.popup.resize(width, height)
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        x = min(max(screen.left(), below.x()), screen.right() - width)
        y = (
            below.y()
            if below.y() + height <= screen.bottom()
            else below.y() - self.height() - height
        )
        self.popup.move(x, max(screen.top(), y))
        self.popup.show()
        self.popup.calendar.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            event.accept()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            base = parse_date(self.line.text()) or self._date
            step = 1 if key == Qt.Key.Key_Up else -1
            self.setDate(self._qdate(base + dt.timedelta(days=step)))
            event.accept()
            return
        event.ignore()  # Enter and the rest go on to the form

    def _picked(self, value: QDate) -> None:
        self.setDate(value)
        self.line.setFocus()

    def _edited(self, text: str) -> None:
        value = parse_date(text)
        if value is not None:
            self._accept(value)
            self._mark(False)
        elif not text.strip():
            self._mark(False)

    def _finished(self) -> None:
        value = parse_date(self.line.text())
        if value is None:  # kept as typed, in red: never silently another date
            self._mark(True)
            return
        self._accept(value)
        self._set_text(value)  # 15102026 -> 15/10/2026, as it will be used

    def _accept(self, value: dt.date) -> None:
        changed = value != self._date
        self._date = value
        self._mark(False)
        if changed:
            self.dateChanged.emit(self._qdate(value))

    def _set_text(self, value: dt.date) -> None:
        if self.line.text() != show_date(value):
            self.line.setText(show_date(value))

    def _mark(self, invalid: bool) -> None:
        if bool(self.line.property("invalid")) == invalid:
            return
        self.line.setProperty("invalid", invalid)
        self.line.style().unpolish(self.line)
        self.line.style().polish(self.line)

    @staticmethod
    def _qdate(value: dt.date) -> QDate:
        return QDate(value.year, value.month, value.day)
