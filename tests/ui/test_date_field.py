"""Typed dates are the dates typed (issue 15, item 2): with QDateEdit, Ctrl+A then 15/10/2026
gave 01/10/2026, 31122026 typed over 30/11/2026 gave 30/12/2026 and a garbled date silently
went back to the last one, and the statement then ran for a period nobody had asked for."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QDate, Qt

from desktop.errors import InvalidInput
from desktop.ui.date_field import DateField, parse_date
from desktop.ui.tabs import CallsTab
from desktop.ui.widgets import PeriodPicker
from tests.ui.test_tab_calls import setup, tab  # noqa: F401 (fixtures)


@pytest.fixture
def picker(qtbot) -> PeriodPicker:
    widget = PeriodPicker(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_over(qtbot, field: DateField, text: str, *, select_all: bool = True) -> None:
    field.setFocus()
    if select_all:
        qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.line, text)


def test_ctrl_a_then_a_date_gives_that_date(qtbot, picker: PeriodPicker) -> None:
    type_over(qtbot, picker.start_edit, "15/10/2026")
    qtbot.keyClick(picker.start_edit.line, Qt.Key.Key_Tab)
    assert picker.period().start == dt.date(2026, 10, 15)
    assert picker.start_edit.text() == "15/10/2026"
    assert picker.start_edit.date() == QDate(2026, 10, 15)


def test_digits_typed_over_a_date_give_those_digits(qtbot, picker: PeriodPicker) -> None:
    type_over(qtbot, picker.end_edit, "31122026")
    picker.end_edit.line.editingFinished.emit()
    assert picker.end_edit.text() == "31/12/2026"  # shown as it will be used
    assert picker.period().end == dt.date(2026, 12, 31)


@pytest.mark.parametrize("garbled", ["31/11/2026", "99/99/2026", "1510", "15/10/26", ""])
def test_a_garbled_date_stays_as_typed_in_red_and_is_refused(
    qtbot, picker: PeriodPicker, garbled: str
) -> None:
    type_over(qtbot, picker.end_edit, garbled)
    if not garbled:
        qtbot.keyClick(picker.end_edit.line, Qt.Key.Key_Backspace)
    picker.end_edit.line.editingFinished.emit()
    assert picker.end_edit.text() == garbled  # never silently back to 30/11/2026
    with pytest.raises(InvalidInput, match="Data final"):
        picker.period()
    assert picker.end_edit.line.property("invalid") is True


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # offscreen: popups
def test_one_tab_stop_per_date_and_the_calendar_from_the_keyboard(
    qtbot, picker: PeriodPicker
) -> None:
    picker.start_edit.setFocus()
    qtbot.waitUntil(picker.start_edit.line.hasFocus)
    qtbot.keyClick(picker.start_edit.line, Qt.Key.Key_Tab)
    assert picker.end_edit.line.hasFocus()  # one Tab, not one per day/month/year section
    qtbot.keyClick(picker.end_edit.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = picker.end_edit.popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(2026, 11, 30)
    popup.calendar.clicked.emit(QDate(2026, 11, 20))
    assert not popup.isVisible() and picker.end_edit.text() == "20/11/2026"
    qtbot.keyClick(picker.end_edit.line, Qt.Key.Key_Up)
    assert picker.end_edit.text() == "21/11/2026"


def test_parse_date_forms() -> None:
    assert parse_date("1/2/2026") == dt.date(2026, 2, 1)
    assert parse_date(" 15-10-2026 ") == dt.date(2026, 10, 15)
    assert parse_date("15.10.2026") == dt.date(2026, 10, 15)
    assert parse_date("29/02/2027") is None


def test_the_statement_does_not_run_on_a_date_nobody_typed(
    qtbot,
    tab: CallsTab,  # noqa: F811
    sync_pool,
) -> None:
    assert tab.model.rowCount() > 0
    queries = sync_pool.started
    type_over(qtbot, tab.period_picker.end_edit, "31/11/2026")
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    assert sync_pool.started == queries  # nothing went to the database
    assert tab.result.message.kind == "error"
    assert "“31/11/2026” não é uma data válida" in tab.result.message.text()
    assert tab.model.rowCount() == 0  # the old list does not stay under the error
    type_over(qtbot, tab.period_picker.end_edit, "30/11/2026")
    qtbot.keyClick(tab.period_picker.end_edit.line, Qt.Key.Key_Return)
    assert tab.model.rowCount() > 0
