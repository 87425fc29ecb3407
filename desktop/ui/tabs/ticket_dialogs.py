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
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import TicketStatus
from desktop.domain.vocabulary import words
from desktop.services.protocols import display_protocol
from desktop.services.subscribers import ContactInfo
from desktop.services.ticket_search import EventItem, TicketDetail
from desktop.services.tickets import TicketItem
from desktop.ui import formatting as fmt
from desktop.ui.list_models import TintedModel, whole_list
from desktop.ui.query_model import Column
from desktop.ui.result_bar import ResultBar
from desktop.ui.widgets import MessageLine, close_buttons, data_table, fit_columns
from desktop.ui.workers import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("TicketDialogs", text)


def status_words(item: TicketItem) -> str:
    return QCoreApplication.translate("TicketsTab", words.TICKET_STATUSES[item.status])


def action_words(action: str) -> str:
    return QCoreApplication.translate("TicketsTab", words.TICKET_ACTIONS.get(action, action))


class NewTicketDialog(QDialog):
    """Type, description and contact; ``submitted`` carries them, the tab calls the service."""

    submitted = Signal(str, str, object)  # type, description, contact id or None

    def __init__(self, contacts: Sequence[ContactInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newTicketDialog")
        self.setWindowTitle(_tr("Novo atendimento"))
        self.type_combo = QComboBox(self)
        for kind in words.TICKET_TYPES:
            self.type_combo.addItem(QCoreApplication.translate("TicketTypes", kind), kind)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(_tr("O que o assinante pediu ou relatou"))
        self.description_edit.setTabChangesFocus(True)
        # "A descrição é obrigatória" goes as soon as something is typed.
        self.description_edit.textChanged.connect(self._description_changed)
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

    def _description_changed(self) -> None:
        if self.message.kind == "error" and self.description_edit.toPlainText().strip():
            self.message.clear_message()

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
    """A ticket's data and its history of interactions, oldest first.

    The description is a read-only text box (it scrolls, with the wheel too: a pasted
    description of thousands of characters used to be cut mid-line).  At the counter the
    attendant adds a note to the history or closes the ticket from here; the tab runs the
    service and calls :meth:`show_detail` with what it returns.
    """

    print_requested = Signal()
    email_requested = Signal()
    note_requested = Signal(str)
    close_requested = Signal()

    def __init__(
        self,
        detail: TicketDetail,
        task_runner: TaskRunner,
        *,
        allow_save: bool,
        allow_edit: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDetailDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.allow_edit = allow_edit
        facts = QFormLayout()
        self.protocol_value = self._value()
        self.opened_value = self._value()
        self.type_value = self._value()
        self.status_value = self._value()
        self.channel_value = self._value()
        self.contacts_value = self._value()
        self.description_view = QPlainTextEdit(self)
        self.description_view.setObjectName("ticketDescription")
        self.description_view.setReadOnly(True)
        self.description_view.setTabChangesFocus(True)
        self.description_view.setAccessibleName(_tr("Descrição"))
        lines = self.description_view.fontMetrics().lineSpacing()
        self.description_view.setMaximumHeight(lines * 5 + 12)
        facts.addRow(_tr("Protocolo:"), self.protocol_value)
        facts.addRow(_tr("Abertura:"), self.opened_value)
        facts.addRow(_tr("Tipo:"), self.type_value)
        facts.addRow(_tr("Situação:"), self.status_value)
        facts.addRow(_tr("Canal / estação:"), self.channel_value)
        facts.addRow(_tr("Contatos:"), self.contacts_value)
        facts.addRow(_tr("Descrição:"), self.description_view)
        self.model = TintedModel(
            history_columns(), key=lambda e: e.at, task_runner=task_runner, parent=self
        )
        self.table = data_table(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Histórico"))
        fit_columns(
            self.table,
            {0: "00/00/0000 00:00", 1: "atendente.longo", 2: "Comprovante por e-mail"},
            stretch=3,
        )
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("ticketNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(_tr("Observação para o histórico"))
        self.note_edit.setAccessibleName(_tr("Observação"))
        self.note_edit.setMaximumHeight(lines * 3 + 12)
        self.note_button = QPushButton(_tr("Registrar observação"), self)
        self.note_button.clicked.connect(self._note)
        self.close_ticket_button = QPushButton(_tr("Encerrar atendimento"), self)
        self.close_ticket_button.clicked.connect(self.close_requested)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_column = QVBoxLayout()
        note_column.addWidget(self.note_button)
        note_column.addWidget(self.close_ticket_button)
        note_column.addStretch(1)
        note_row.addLayout(note_column)
        self.note_box = QWidget(self)
        self.note_box.setLayout(note_row)
        note_row.setContentsMargins(0, 0, 0, 0)
        self.note_box.setVisible(allow_edit)
        self.print_button = QPushButton(_tr("Imprimir comprovante"), self)
        self.email_button = QPushButton(_tr("Enviar por e-mail"), self)
        self.print_button.clicked.connect(self.print_requested)
        self.email_button.clicked.connect(self.email_requested)
        buttons = close_buttons(self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.email_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.result_bar = ResultBar(task_runner, allow_save=allow_save, parent=self)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(QLabel(_tr("Histórico"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note_box)
        layout.addWidget(self.result_bar)
        layout.addWidget(buttons)
        self.detail = detail
        self.show_detail(detail)
        # Tall enough for several history rows, but inside a 768-pixel-high counter screen.
        screen = self.screen().availableGeometry() if self.screen() else None
        height = min(700, screen.height() - 40) if screen else 640
        width = min(900, screen.width() - 40) if screen else 900
        self.resize(width, height)

    def show_detail(self, detail: TicketDetail) -> None:
        """Fill the dialog from ``detail`` (again after a note or the closing)."""
        self.detail = detail
        item = detail.item
        self.setWindowTitle(_tr("Atendimento %1").replace("%1", display_protocol(item.protocol)))
        self.protocol_value.setText(display_protocol(item.protocol))
        self.opened_value.setText(fmt.local_datetime(item.opened_at))
        self.type_value.setText(item.type)
        closed = f" — {fmt.local_datetime(item.closed_at)}" if item.closed_at else ""
        self.status_value.setText(status_words(item) + closed)
        channel = QCoreApplication.translate("TicketsTab", words.CHANNELS[detail.channel])
        self.channel_value.setText(f"{channel} — {detail.station} ({detail.opened_by})")
        self.contacts_value.setText(", ".join(item.contacts) or "—")
        self.description_view.setPlainText(item.description)
        events: tuple[EventItem, ...] = detail.history
        self.model.reset(whole_list(lambda: events))
        is_open = item.status is not TicketStatus.CLOSED
        for widget in (self.note_edit, self.note_button, self.close_ticket_button):
            widget.setEnabled(is_open)
        if not is_open:
            self.note_edit.setPlaceholderText(_tr("Atendimento encerrado."))

    def set_busy(self, busy: bool) -> None:
        is_open = self.detail.item.status is not TicketStatus.CLOSED
        for button in (self.note_button, self.close_ticket_button):
            button.setEnabled(is_open and not busy)

    def note_added(self, detail: TicketDetail) -> None:
        self.note_edit.clear()
        self.show_detail(detail)
        self.result_bar.show_info(_tr("Observação registrada no histórico."))

    def _note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if not text:
            self.result_bar.show_error(_tr("Escreva a observação antes de registrar."))
            self.note_edit.setFocus()
            return
        self.note_requested.emit(text)

    def _value(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
