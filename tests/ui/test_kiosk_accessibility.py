"""Accessibility of the kiosk (issue 15, item 16; Lei 13.146/2015 Art. 62, ABNT NBR 15250): a
high-contrast, large-text mode the subscriber switches on from every screen, and an accessible
name on every button, field and list, checked by walking every widget of every screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.db import Database
from desktop.ui.kiosk import KioskWindow
from tests.ui.test_kiosk import TODAY, clock, flush_deletes, login, sub_id  # noqa: F401

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit)


@pytest.fixture
def kiosk_window(qtbot, sqlite_db: Database, sub_id: int, clock) -> Iterator[KioskWindow]:  # noqa: F811
    win = KioskWindow(sqlite_db, "quiosque-loja-1", today=lambda: TODAY, clock=clock)
    win.start()
    win.show_kiosk(windowed=True)
    qtbot.waitExposed(win)
    yield win
    win.allow_close()
    win.close()
    win.deleteLater()
    flush_deletes()


def unnamed(root: QWidget) -> list[str]:
    """Visible controls whose accessible name (what a screen reader says) is empty."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parentWidget(), QAbstractSlider | QComboBox):
            continue  # parts of a composite control
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def screens(win: KioskWindow) -> Iterator[str]:
    yield "welcome"
    win.show_login()
    yield "login"
    login(win)
    yield "menu"
    assert win.menu_screen is not None
    for cls in list(win.menu_screen.buttons):
        win.menu_screen.buttons[cls].click()
        QApplication.processEvents()
        yield cls.__name__
        assert win.task_screen is not None
        win.task_screen.back_button.click()


def test_every_control_of_every_screen_has_an_accessible_name(kiosk_window: KioskWindow) -> None:
    problems = {}
    for screen in screens(kiosk_window):
        missing = unnamed(kiosk_window)
        if missing:
            problems[screen] = missing
    assert problems == {}


def test_high_contrast_and_large_text_from_every_screen(kiosk_window: KioskWindow) -> None:
    win = kiosk_window
    for _screen in screens(win):
        toggle = win.contrast_button
        assert toggle.isVisible() and toggle.isEnabled()
        assert toggle.mapTo(win, toggle.rect().topLeft()).y() >= 0
        base = win.font().pointSizeF()
        toggle.click()
        assert win.high_contrast and "#000000" in win.styleSheet()
        assert win.property("highContrast") is True
        toggle.click()
        assert not win.high_contrast
        assert win.font().pointSizeF() == base
