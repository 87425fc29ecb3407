"""Idle logout over a dialog (issue 15, item 13): with the DANFE preview open, the session
ended after 90 s with no warning.  The countdown shows over the dialog, with *Continuar*,
and a touch in the dialog counts as activity."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout

from desktop.domain.enums import Role
from desktop.services import settings
from desktop.ui.kiosk import KioskWindow
from desktop.ui.kiosk.idle import WARNING_S
from tests.conftest import make_user
from tests.ui.test_kiosk import clock, login, sub_id, window  # noqa: F401 (fixtures)


def open_dialog(qtbot, win: KioskWindow) -> QDialog:
    dialog = QDialog(win)  # as the DANFE preview: a window of its own over the kiosk
    QVBoxLayout(dialog).addWidget(QLabel("DANFE-COM", dialog))
    dialog.resize(700, 500)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_countdown_shows_over_an_open_dialog_and_continuar_keeps_the_session(
    qtbot,
    window: KioskWindow,  # noqa: F811
    sqlite_db,
    clock,  # noqa: F811
) -> None:
    admin = make_user(sqlite_db, "chefe", Role.ADMIN)
    settings.change(sqlite_db, admin, "kiosk.idle_timeout_s", "30")
    login(window)
    dialog = open_dialog(qtbot, window)
    clock.now += 30 - WARNING_S + 2
    window.idle.check()
    overlay = window.overlay
    assert overlay.isVisible() and overlay.parentWidget() is dialog  # seen over the dialog
    assert overlay.continue_button.isVisible() and overlay.continue_button.text() == "Continuar"
    qtbot.mouseClick(overlay.continue_button, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible() and overlay.parentWidget() is window
    assert window.idle.remaining() > 29

    # A touch inside the dialog's own window starts the time over too.
    clock.now += 20
    QTest.mouseClick(dialog.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    assert window.idle.remaining() > 29
    assert window.session is not None
    dialog.close()
