"""UI tests: a synchronous worker pool, recorded dialogs and the house style applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import apply_style
from desktop.ui import dialogs as dialogs_module
from desktop.ui import workers
from desktop.ui.changes import reset_change_bus
from desktop.ui.dialogs import DialogService


class RecordingDialogs(DialogService):
    """Records every dialog instead of opening it; questions get ``answer``."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = True
        self.save_path: Path | None = None
        self.open_paths: list[Path] = []

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("information", title, text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("warning", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def question(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("question", title, text))
        return self.answer

    def save_file(
        self, parent: QWidget | None, caption: str, suggested: str, filters: str = ""
    ) -> Path | None:
        self.shown.append(("save_file", caption, suggested))
        return self.save_path

    def open_files(self, parent: QWidget | None, caption: str, filters: str = "") -> list[Path]:
        self.shown.append(("open_files", caption, filters))
        return list(self.open_paths)


@pytest.fixture(autouse=True)
def sync_pool(qapp: QApplication) -> Iterator[workers.SynchronousPool]:
    """Jobs run inline: results are on screen as soon as the action returns."""
    apply_style(qapp)
    pool = workers.SynchronousPool()
    workers.set_pool(pool)
    workers.reset_runner()
    reset_change_bus()  # no tab of an earlier test hears this test's writes
    yield pool
    workers.set_pool(None)
    workers.reset_runner()
    reset_change_bus()


@pytest.fixture(autouse=True)
def recorded_dialogs() -> Iterator[RecordingDialogs]:
    fake = RecordingDialogs()
    dialogs_module.set_dialogs(fake)
    yield fake
    dialogs_module.set_dialogs(None)


def texts(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]
