"""The background-work helper: GUI-thread callbacks, error classes, in-flight guard."""

from __future__ import annotations

import logging

import shiboken6

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QLabel

from desktop.errors import InvalidInput
from desktop.ui.workers import SynchronousPool, TaskRunner, bug_message


class ManualPool:
    def __init__(self) -> None:
        self.queue: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.queue.append(runnable)

    def run_all(self) -> None:
        while self.queue:
            self.queue.pop(0).run()


def test_callbacks_run_on_the_gui_thread_with_a_real_pool(qtbot) -> None:
    pool = QThreadPool()
    runner = TaskRunner(pool)
    seen: dict[str, object] = {}

    def job() -> int:
        seen["job_thread"] = QThread.currentThread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback_thread"] = QThread.currentThread()

    with qtbot.waitSignal(
        runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=10_000
    ):
        assert runner.submit("answer", job, on_success=done)
    gui = QApplication.instance().thread()
    assert seen["value"] == 42
    assert seen["job_thread"] is not gui
    assert seen["callback_thread"] is gui
    pool.waitForDone()


def test_user_error_reaches_on_error_with_its_message() -> None:
    runner = TaskRunner(SynchronousPool())
    messages: list[str] = []
    finished: list[bool] = []

    def job() -> None:
        raise InvalidInput("CPF inválido: 123.")

    runner.submit("cpf", job, on_error=messages.append, on_finished=lambda: finished.append(True))
    assert messages == ["CPF inválido: 123."]
    assert finished == [True]
    assert not runner.busy


def test_a_bug_is_logged_and_the_person_gets_a_generic_message(caplog) -> None:
    runner = TaskRunner(SynchronousPool())
    messages: list[str] = []

    def job() -> None:
        raise ZeroDivisionError("division by zero")

    with caplog.at_level(logging.ERROR, logger="desktop.ui.workers"):
        runner.submit(None, job, on_error=messages.append)
    assert messages == [bug_message()]
    assert "ZeroDivisionError" in caplog.text  # the traceback is in the log


def test_without_on_error_the_message_goes_to_the_dialog_service(recorded_dialogs) -> None:
    runner = TaskRunner(SynchronousPool())

    def job() -> None:
        raise InvalidInput("Período inválido.")

    runner.submit(None, job)
    assert recorded_dialogs.shown == [("error", "Erro", "Período inválido.")]


def test_the_same_key_never_runs_twice_at_once() -> None:
    pool = ManualPool()
    runner = TaskRunner(pool)
    results: list[int] = []
    assert runner.submit("print", lambda: 1, on_success=results.append)
    assert not runner.submit("print", lambda: 2, on_success=results.append)  # double click
    assert runner.submit("other", lambda: 3, on_success=results.append)
    assert runner.is_running("print") and runner.busy
    pool.run_all()
    assert results == [1, 3]
    assert not runner.is_running("print") and not runner.busy
    assert runner.submit("print", lambda: 4, on_success=results.append)  # free again
    pool.run_all()
    assert results == [1, 3, 4]


def test_a_result_for_a_closed_widget_is_dropped(qtbot) -> None:
    pool = ManualPool()
    runner = TaskRunner(pool)
    label = QLabel()
    calls: list[str] = []
    runner.submit(
        "load",
        lambda: "texto",
        on_success=lambda text: (calls.append(text), label.setText(text)),
        owner=label,
    )
    shiboken6.delete(label)  # the tab was closed: its C++ object is gone
    pool.run_all()
    assert calls == []
    assert not runner.is_running("load")


def test_submit_with_an_owner_that_lives_delivers(qtbot) -> None:
    runner = TaskRunner(SynchronousPool())
    owner = QObject()
    got: list[str] = []
    runner.submit(None, lambda: "ok", on_success=got.append, owner=owner)
    assert got == ["ok"]
