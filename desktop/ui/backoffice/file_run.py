"""What the back office's file screens share: *Importações do ERP* and *Arquivos de retorno*.

Both pick files through the dialog seam, first run a **simulation** (``dry_run``) whose
report fills read-only tables, then *Aplicar* runs it for real, off the GUI thread, with the
busy indicator on and the buttons off meanwhile.  :class:`FileRunWindow` holds that: the
buttons, the message line, the title line, :meth:`~FileRunWindow.run_file` (the worker run,
whose writes are broadcast to the open subscriber tabs like every other write — a return
file settles bills and may re-enable a contract) and the helpers for the report tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QWidget

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.changes import OpChanges
from desktop.ui.backoffice.style import BackofficeWindow
from desktop.ui.changes import change_bus, recorded
from desktop.ui.dialogs import dialogs
from desktop.ui.widgets import BusyIndicator, MessageLine, data_table, fit_columns
from desktop.ui.workers import TaskRunner

SIMULATED = "Simulação (nada gravado)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileRun", text)


def simulated_word() -> str:
    return _tr(SIMULATED)


def row_items(cells: Sequence[str], right: Sequence[int] = ()) -> list[QStandardItem]:
    """One read-only row; the ``right`` columns (counts, money) aligned to the right."""
    items = [QStandardItem(text) for text in cells]
    for i, item in enumerate(items):
        item.setEditable(False)
        if i in right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return items


def report_table(
    parent: QWidget,
    headers: Sequence[str],
    samples: dict[int, str],
    *,
    stretch: int | None = None,
) -> tuple[QStandardItemModel, QTableView]:
    """A read-only report table: its model with the (translated) headers, columns sized to
    ``samples``; ``stretch`` is the column that takes the room left."""
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(list(headers))
    table = data_table(parent)
    table.setModel(model)
    if stretch is None:
        fit_columns(table, samples)
    else:
        fit_columns(table, samples, stretch=stretch)
    return model, table


def clear_rows(model: QStandardItemModel) -> None:
    model.removeRows(0, model.rowCount())


class FileRunWindow(BackofficeWindow):
    """A back-office window that picks files, simulates, then applies (see the module)."""

    object_name: ClassVar[str]

    def __init__(
        self,
        db: Database,
        actor: CounterActor,
        *,
        task_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            db, actor, self.title(), self.object_name, task_runner=task_runner, parent=parent
        )
        self.busy = BusyIndicator(self)
        self.pick_button = QPushButton(self.pick_text(), self)
        self.pick_button.clicked.connect(lambda _checked=False: self.pick())
        self.apply_button = QPushButton(_tr("Aplicar"), self)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(lambda _checked=False: self.apply())
        self.message = MessageLine(self)
        self._locked: tuple[QWidget, ...] = ()
        self.build()

    # ------------------------------------------------------------------ what a window gives
    def title(self) -> str:
        """The window's title (translated)."""
        raise NotImplementedError

    def pick_text(self) -> str:
        """The pick button's text (translated)."""
        raise NotImplementedError

    def build(self) -> None:
        """The window's own widgets and layout (``head()`` gives the title line)."""
        raise NotImplementedError

    def pick(self) -> None:
        """The pick button: choose the files, then simulate."""
        raise NotImplementedError

    def apply(self) -> None:
        """*Aplicar*: run the simulated files for real."""
        raise NotImplementedError

    # ------------------------------------------------------------------ shared
    def head(self, *before_buttons: QWidget) -> QHBoxLayout:
        """The title line: title, busy indicator, then ``before_buttons``, pick, *Aplicar*."""
        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addSpacing(16)
        head.addWidget(self.busy)
        head.addStretch(1)
        for widget in (*before_buttons, self.pick_button, self.apply_button):
            head.addWidget(widget)
        return head

    def choose_files(self, caption: str, filters: str) -> list[Path]:
        return list(dialogs().open_files(self, caption, filters) or [])

    def run_file(
        self,
        key: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        *,
        lock: tuple[QWidget, ...] = (),
    ) -> None:
        """``work`` in the worker, once: busy on, *Aplicar*, the pick button and ``lock`` off
        until it ends; what its service calls wrote is broadcast to the open tabs."""
        self.busy.set_busy(True)
        self._locked = lock
        for widget in (self.apply_button, self.pick_button, *lock):
            widget.setEnabled(False)
        self.message.clear_message()
        self.task_runner.submit(
            (key, id(self)),
            recorded(work),
            on_success=self._done(on_success),
            on_error=self.message.show_error,
            on_finished=self._finished,
            owner=self,
        )

    def _done(self, shown: Callable[[Any], None]) -> Callable[[tuple[Any, OpChanges]], None]:
        def done(outcome: tuple[Any, OpChanges]) -> None:
            result, changes = outcome
            shown(result)
            change_bus().broadcast(changes, self)  # bills settled, contracts re-enabled

        return done

    def _finished(self) -> None:
        self.busy.set_busy(False)
        for widget in (self.pick_button, *self._locked):
            widget.setEnabled(True)
