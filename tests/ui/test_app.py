"""Start-up: a database the program cannot use ends with a clear message and exit code 1."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.app import run_counter
from desktop.db import Database
from desktop.domain.enums import Role
from desktop.ui.counter import CounterController
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import make_user


@pytest.fixture(autouse=True)
def _keep_root_logging() -> Iterator[None]:
    """run_counter adds a file handler to the root logger; take it away afterwards."""
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers[:]:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _args(url: str) -> argparse.Namespace:
    return argparse.Namespace(command=None, db=url, operator=None, station="balcao-1")


def test_a_database_newer_than_the_program_is_refused(tmp_path: Path, recorded_dialogs) -> None:
    url = f"sqlite:///{tmp_path / 'nova.sqlite3'}"
    db = Database(url)
    db.upgrade()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    db.dispose()

    assert run_counter(_args(url)) == 1
    [(kind, _title, message)] = recorded_dialogs.shown
    assert kind == "error"
    assert "versão mais nova" in message


def test_an_unreachable_database_is_refused(recorded_dialogs) -> None:
    url = "postgresql+psycopg://ninguem@127.0.0.1:9/inexistente"
    assert run_counter(_args(url)) == 1
    [(kind, _title, message)] = recorded_dialogs.shown
    assert kind == "error"
    assert "Não foi possível acessar o banco de dados" in message


def test_login_then_main_window_then_logout_back_to_login(qtbot, sqlite_db: Database) -> None:
    make_user(sqlite_db, "joao", Role.ATTENDANT, "senha-forte-1")
    controller = CounterController(sqlite_db, "balcao-1")
    controller.start()
    dialog = controller.login_dialog
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    dialog.login_edit.setText("joao")
    dialog.password_edit.setText("senha-forte-1")
    dialog.submit()
    window = controller.window
    assert isinstance(window, MainWindow) and window.isVisible()
    qtbot.addWidget(window)
    assert "joao" in window.session_label.text()

    window.logout_action.trigger()  # no subscriber open: no question asked
    assert controller.window is None
    assert controller.login_dialog is not None and controller.login_dialog.isVisible()
    qtbot.addWidget(controller.login_dialog)
