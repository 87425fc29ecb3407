"""The dialogs of the Atendimentos tab: a new ticket, its protocol, and a ticket's history.

They are opened with ``open()`` (window-modal, no nested event loop), so the tab keeps
working with the worker pool and a test drives them like any widget.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import tickets
from desktop.services.protocols import display_protocol
from desktop.services.subscribers import ContactInfo
from desktop.services.tickets import EventItem, TicketDetail, TicketItem
from desktop.ui import formatting as fmt
from desktop.ui.query_model import Column
from desktop.ui.tabs._common import ResultBar
from desktop.ui.tabs._lists import TintedModel, whole_list
from desktop.ui.widgets import MessageLine, data_table, fit_columns
from desktop.ui.workers import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("TicketDialogs", text)


def status_words(item: TicketItem) -> str:
    return QCoreApplication.translate("TicketsTab", tickets.STATUS_WORDS[item.status])


def action_words(action: str) -> str:
    return QCoreApplication.translate("TicketsTab", tickets.ACTION_WORDS.get(action, action))


class NewTicketDialog(QDialog):
    """Type, description and contact; ``submitted`` carries them, the tab calls the service."""

    submitted = Signal(str, str, object)  # type, description, contact id or None

    def __init__(self, contacts: Sequence[ContactInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newTicketDialog")
        self.setWindowTitle(_tr("Novo atendimento"))
        self.type_combo = QComboBox(self)
        for kind in tickets.TICKET_TYPES:
            self.type_combo.addItem(QCoreApplication.translate("TicketTypes", kind), kind)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(_tr("O que o assinante pediu ou relatou"))
        self.description_edit.setTabChangesFocus(True)
        self.contact_combo = QComboBox(self)
        self.contact_combo.addItem(_tr("Nenhum (o próprio assinante)"), None)
        for contact in contacts:
            label = f"{contact.name} ({contact.relation})" if contact.relation else contact.name
            self.contact_combo.addItem(label, contact.id)
        if contacts:
            self.contact_combo.setCurrentIndex(1)
        self.message = MessageLine(self)
        form = QFormLayout()
        form.addRow(_tr("&Tipo:"), self.type_combo)
        form.addRow(_tr("&Descrição:"), self.description_edit)
        form.addRow(_tr("&Contato:"), self.contact_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_tr("Abrir atendimento"))
        ok.setObjectName("primary")
        ok.style().unpolish(ok)  # the box polished it before the name was set
        ok.style().polish(ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_tr("Cancelar"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)

    def submit(self) -> None:
        text = self.description_edit.toPlainText().strip()
        if not text:
            self.message.show_error(_tr("Descreva o atendimento: a descrição é obrigatória."))
            self.description_edit.setFocus()
            return
        self.message.clear_message()
        self.submitted.emit(self.type_combo.currentData(), text, self.contact_combo.currentData())


class ProtocolDialog(QDialog):
    """The new protocol number, big enough to read aloud or copy."""

    def __init__(self, item: TicketItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protocolDialog")
        self.setWindowTitle(_tr("Atendimento aberto"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        caption = QLabel(_tr("Número do protocolo"), self)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.protocol_label = QLabel(display_protocol(item.protocol), self)
        self.protocol_label.setObjectName("protocolNumber")
        self.protocol_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.protocol_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.protocol_label.font())
        font.setPointSize(26)
        font.setBold(True)
        self.protocol_label.setFont(font)
        self.protocol_label.setStyleSheet("color: #0b57d0; padding: 10px;")
        kind = QLabel(f"{item.type} — {fmt.local_datetime(item.opened_at)}", self)
        kind.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.protocol_label)
        layout.addWidget(kind)
        layout.addWidget(buttons)


def history_columns() -> list[Column]:
    return [
        Column(_tr("Data e hora"), lambda e: fmt.local_datetime(e.at)),
        Column(_tr("Por"), lambda e: e.actor),
        Column(_tr("Registro"), lambda e: action_words(e.action)),
        Column(_tr("Texto"), lambda e: e.text, tooltip=lambda e: e.text or None),
    ]


class TicketDetailDialog(QDialog):
    """A ticket's data and its history of interactions, oldest first."""

    print_requested = Signal()
    email_requested = Signal()

    def __init__(
        self,
        detail: TicketDetail,
        task_runner: TaskRunner,
        *,
        allow_save: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDetailDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        item = detail.item
        self.setWindowTitle(_tr("Atendimento %1").replace("%1", display_protocol(item.protocol)))
        facts = QFormLayout()
        facts.addRow(_tr("Protocolo:"), self._value(display_protocol(item.protocol)))
        facts.addRow(_tr("Abertura:"), self._value(fmt.local_datetime(item.opened_at)))
        facts.addRow(_tr("Tipo:"), self._value(item.type))
        closed = f" — {fmt.local_datetime(item.closed_at)}" if item.closed_at else ""
        facts.addRow(_tr("Situação:"), self._value(status_words(item) + closed))
        facts.addRow(
            _tr("Canal / estação:"),
            self._value(
                f"{QCoreApplication.translate('TicketsTab', tickets.CHANNEL_WORDS[detail.channel])}"
                f" — {detail.station} ({detail.opened_by})"
            ),
        )
        facts.addRow(_tr("Contatos:"), self._value(", ".join(item.contacts) or "—"))
        facts.addRow(_tr("Descrição:"), self._value(item.description))
        events: tuple[EventItem, ...] = detail.history
        self.model = TintedModel(
            history_columns(), key=lambda e: e.at, task_runner=task_runner, parent=self
        )
        self.table = data_table(self)
        self.table.setModel(self.model)
        fit_columns(
            self.table,
            {0: "00/00/0000 00:00", 1: "atendente.longo", 2: "Comprovante por e-mail"},
            stretch=3,
        )
        self.model.reset(whole_list(lambda: events))
        self.print_button = QPushButton(_tr("Imprimir comprovante"), self)
        self.email_button = QPushButton(_tr("Enviar por e-mail"), self)
        self.print_button.clicked.connect(self.print_requested)
        self.email_button.clicked.connect(self.email_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("Fechar"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.email_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.result_bar = ResultBar(task_runner, allow_save=allow_save, parent=self)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(QLabel(_tr("Histórico"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_bar)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
