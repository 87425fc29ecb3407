"""*Declaração de quitação* (Extrato Financeiro): the yearly declaration of Lei 12.007/2009.

A year selector (the closed years, the last one first) and three actions, each run in the
worker pool: *Visualizar* (the PDF on screen, as the invoices tab shows a DANFE), *Imprimir*
(the station's A4 printer; a printer problem keeps the PDF and, at the counter, offers
*Salvar PDF…*) and *Enviar por e-mail* (to the subscriber's registered address).  A year with
an open bill shows the service's refusal in words — which bill, due date, amount.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.quitacao import build_quitacao_pdf
from desktop.services import quitacao, tickets
from desktop.ui.pdf_view import show_pdf
from desktop.ui.print_job import Document, print_job
from desktop.ui.result_bar import ResultBar
from desktop.ui.tabs.base import TabContext, is_kiosk
from desktop.ui.widgets import BusyIndicator, close_buttons

YEARS_OFFERED = 10  # a subscriber rarely needs older ones; the command line takes any year


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuitacaoDialog", text)


class QuitacaoDialog(QDialog):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quitacaoDialog")
        self.setWindowTitle(_tr("Declaração anual de quitação de débitos"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.preview_dialog: QDialog | None = None
        self._running = 0
        intro = QLabel(
            _tr(
                "A declaração confirma que todas as contas com vencimento no ano escolhido "
                "foram pagas (Lei 12.007/2009). Ela substitui os comprovantes mensais desse "
                "ano e dos anteriores."
            ),
            self,
        )
        intro.setWordWrap(True)
        subscriber = QLabel(context.workspace.name, self)
        subscriber.setObjectName("quitacaoSubscriber")
        font = subscriber.font()
        font.setBold(True)
        subscriber.setFont(font)
        self.result_bar = ResultBar(
            context.task_runner, allow_save=not is_kiosk(context.actor), parent=self
        )
        self.year_combo = QComboBox(self)
        last = context.today().year - 1
        for year in range(last, last - YEARS_OFFERED, -1):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setAccessibleName(_tr("Ano"))
        self.year_combo.currentIndexChanged.connect(lambda _i: self.result_bar.clear())
        year_label = QLabel(_tr("Ano:"), self)
        year_label.setBuddy(self.year_combo)
        self.preview_button = QPushButton(_tr("Visualizar"), self)
        self.preview_button.setObjectName("primary")
        self.preview_button.clicked.connect(self.preview)
        self.print_button = QPushButton(_tr("Imprimir"), self)
        self.print_button.clicked.connect(self.print_declaration)
        self.email_button = QPushButton(_tr("Enviar por e-mail"), self)
        self.email_button.setToolTip(_tr("Enviar ao e-mail cadastrado do assinante"))
        self.email_button.clicked.connect(self.email)
        self.action_buttons = (self.preview_button, self.print_button, self.email_button)
        self.busy = BusyIndicator(self)

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(year_label)
        row.addWidget(self.year_combo)
        row.addSpacing(12)
        for button in self.action_buttons:
            row.addWidget(button)
        row.addWidget(self.busy)
        row.addStretch(1)
        close = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(subscriber)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result_bar, 1)
        layout.addWidget(close)
        self.resize(640, 260)

    # ------------------------------------------------------------------ actions
    def year(self) -> int:
        return int(self.year_combo.currentData())

    def _pdf(self, year: int) -> bytes:
        """Runs in the worker: the service decides (and refuses in words)."""
        ctx = self.context
        q = quitacao.declaration(ctx.db, ctx.actor, ctx.workspace.id, year, today=ctx.today())
        return build_quitacao_pdf(q)

    def _start(self) -> None:
        self._running += 1
        self._update()

    def _finished(self) -> None:
        self._running = max(0, self._running - 1)
        self._update()

    def _update(self) -> None:
        self.busy.set_busy(self._running > 0)
        for button in self.action_buttons:
            button.setEnabled(self._running == 0)

    def _title(self, year: int) -> str:
        return (
            _tr("Declaração de quitação %1 — %2")
            .replace("%1", str(year))
            .replace("%2", self.context.workspace.name)
        )

    def preview(self) -> None:
        year = self.year()
        self.result_bar.clear()
        self._start()
        submitted = self.context.task_runner.submit(
            ("quitacao-preview", self.context.workspace.id, year),
            lambda: self._pdf(year),
            on_success=lambda pdf: self._show(pdf, year),
            on_error=self.result_bar.show_error,
            on_finished=self._finished,
            owner=self,
        )
        if not submitted:
            self._finished()

    def _show(self, pdf: bytes, year: int) -> None:
        try:
            self.preview_dialog = show_pdf(pdf, self._title(year), self)
        except Exception as exc:  # no PDF viewer: say so where the person is looking
            self.result_bar.show_error(getattr(exc, "message", str(exc)))
            return
        self.context.record(tickets.ACTION_STATEMENT, f"Declaração de quitação de {year} exibida.")

    def print_declaration(self) -> None:
        year = self.year()
        ctx = self.context
        self.result_bar.clear()
        self._start()
        title = self._title(year)
        started = print_job(
            ctx.task_runner,
            ("quitacao-print", ctx.workspace.id, year),
            lambda: Document(self._pdf(year), title),
            self.result_bar,
            after_print=lambda _outcome: self._record_printed(year),
            done_text=_tr("Declaração enviada para a impressora %1."),
            on_finished=self._finished,
            broadcast=ctx.broadcast,  # the session's atendimento got its history line
        )
        if not started:
            self._finished()

    def _record_printed(self, year: int) -> None:
        """Runs in the worker, after the printer took the job: straight to the history."""
        ctx = self.context
        if ctx.session_ticket_id is not None:
            tickets.record_session_action(
                ctx.db,
                ctx.actor,
                ctx.session_ticket_id,
                tickets.ACTION_STATEMENT,
                f"Declaração de quitação de {year} impressa.",
            )

    def email(self) -> None:
        year = self.year()
        ctx = self.context
        self.result_bar.clear()
        self._start()

        def sent(address: Any) -> None:
            self.result_bar.show_info(
                _tr("Declaração de %1 enviada para %2.")
                .replace("%1", str(year))
                .replace("%2", str(address))
            )
            ctx.record(
                tickets.ACTION_EMAIL, f"Declaração de quitação de {year} enviada para {address}."
            )

        submitted = ctx.task_runner.submit(
            ("quitacao-email", ctx.workspace.id, year),
            lambda: quitacao.email_declaration(
                ctx.db, ctx.actor, ctx.workspace.id, year, today=ctx.today()
            ),
            on_success=sent,
            on_error=self.result_bar.show_error,
            on_finished=self._finished,
            owner=self,
        )
        if not submitted:
            self._finished()
