"""The counter login dialog against real users in a real SQLite database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.ui.login import LoginDialog
from tests.conftest import make_user


def _dialog(qtbot, db: Database) -> LoginDialog:
    dialog = LoginDialog(db, "loja-centro-01")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_wrong_password_is_refused_inline_and_the_dialog_stays(qtbot, sqlite_db: Database) -> None:
    make_user(sqlite_db, "maria", Role.ATTENDANT, "senha-forte-1")
    dialog = _dialog(qtbot, sqlite_db)
    qtbot.keyClicks(dialog.login_edit, "maria")
    qtbot.keyClicks(dialog.password_edit, "senha-errada")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter submits

    assert dialog.message.isVisible()
    assert dialog.message.text() == "Usuário ou senha incorretos."
    assert dialog.message.kind == "error"
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.actor is None
    assert dialog.password_edit.text() == ""  # typed again from scratch
    assert dialog.enter_button.isEnabled()


def test_unknown_user_gets_the_same_message(qtbot, sqlite_db: Database) -> None:
    dialog = _dialog(qtbot, sqlite_db)
    qtbot.keyClicks(dialog.login_edit, "ninguem")
    qtbot.keyClicks(dialog.password_edit, "qualquer-coisa")
    qtbot.mouseClick(dialog.enter_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Usuário ou senha incorretos."


def test_right_password_logs_in(qtbot, sqlite_db: Database) -> None:
    make_user(sqlite_db, "maria", Role.FINANCE, "senha-forte-1")
    dialog = _dialog(qtbot, sqlite_db)
    qtbot.keyClicks(dialog.login_edit, "Maria ")
    qtbot.keyClicks(dialog.password_edit, "senha-forte-1")
    with qtbot.waitSignal(dialog.logged_in) as blocker:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    actor = blocker.args[0]
    assert isinstance(actor, CounterActor)
    assert (actor.login, actor.role, actor.station) == ("maria", Role.FINANCE, "loja-centro-01")
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_empty_fields_are_asked_for_without_querying(qtbot, sqlite_db: Database, sync_pool) -> None:
    dialog = _dialog(qtbot, sqlite_db)
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Return)
    assert dialog.message.text() == "Informe o usuário."
    qtbot.keyClicks(dialog.login_edit, "maria")
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Return)
    assert dialog.message.text() == "Informe a senha."
    assert sync_pool.started == 0
