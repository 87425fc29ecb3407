"""The inline message under a form, with *Salvar PDF…* after a document failed to print.

The button appears only when a document could not be printed, and never on a kiosk (no file
dialogs there; the kiosk's bar speaks to the subscriber, not with queue names).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton, QWidget

from desktop.ui.files import PDF_FILTER, safe_file_name, save_as
from desktop.ui.print_job import PrintOutcome
from desktop.ui.widgets import MessageLine
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 15_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("TabsCommon", text)


def show_status(widget: QWidget, text: str) -> None:
    """Also say it in the window's status bar (the counter window has one)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MESSAGE_MS)


class ResultBar(QWidget):
    """An inline message and, after a failed print, *Salvar PDF…* (counter only)."""

    def __init__(
        self, task_runner: TaskRunner, *, allow_save: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = task_runner
        self._allow_save = allow_save
        self._unprinted: PrintOutcome | None = None
        self.last_outcome: PrintOutcome | None = None  # the job id, for whoever follows it
        self.message = MessageLine(self)
        self.save_button = QPushButton(_tr("Salvar PDF…"), self)
        self.save_button.setToolTip(_tr("Guardar o documento que não foi impresso"))
        self.save_button.clicked.connect(self.save_unprinted)
        self.save_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_error(self, text: str) -> None:
        self._forget_unprinted()
        self.message.show_error(text)

    def show_info(self, text: str) -> None:
        self._forget_unprinted()
        self.message.show_info(text)

    def clear(self) -> None:
        self._forget_unprinted()
        self.message.clear_message()

    def show_print_outcome(self, outcome: PrintOutcome, done_text: str | None = None) -> None:
        """Success: "Enviado para a impressora X." (also in the status bar); failure: the
        printer's message (where the PDF was kept) and *Salvar PDF…*."""
        self.last_outcome = outcome
        if not self._allow_save:  # the kiosk's bar: it speaks to the subscriber, no queue names
            self._subscriber_print_outcome(outcome)
            return
        if outcome.printed:
            text = done_text or _tr("Enviado para a impressora %1.")
            text = text.replace("%1", outcome.printer or "")
            self.show_info(text)
            show_status(self, text)
            return
        self.message.show_error(outcome.error or _tr("O documento não foi impresso."))
        self._unprinted = outcome
        self.save_button.setVisible(self._allow_save)

    def _subscriber_print_outcome(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self.show_info(
                _tr(
                    "Pronto! Seu documento está sendo impresso: retire-o na impressora do quiosque."
                )
            )
            return
        log.warning("kiosk print failed: %s", outcome.error)  # the details are for the staff
        self.message.show_error(
            _tr(
                "Não foi possível imprimir agora. Procure um atendente no balcão: "
                "ele imprime o seu documento."
            )
        )
        self._unprinted = outcome

    @property
    def unprinted(self) -> PrintOutcome | None:
        return self._unprinted

    def save_unprinted(self) -> None:
        outcome = self._unprinted
        if outcome is None or not self._allow_save:
            return
        save_as(
            self,
            self._runner,
            outcome.pdf,
            caption=_tr("Salvar PDF"),
            suggested=safe_file_name(outcome.title) + ".pdf",
            file_filter=_tr(PDF_FILTER),
            on_saved=self._saved,
            on_error=self.message.show_error,
        )

    def _saved(self, path: Path) -> None:
        self.show_info(_tr("PDF salvo em %1.").replace("%1", str(path)))

    def _forget_unprinted(self) -> None:
        self._unprinted = None
        self.save_button.setVisible(False)
