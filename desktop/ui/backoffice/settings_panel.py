"""Painel de Configurações (SPEC §1.10): every shared setting, one section per group.

The form is generated from ``settings.panel`` (the typed registry in ``desktop.config``):
numbers are line edits with a validator, yes/no a check box, a closed list a combo box and a
secret a password field that shows *(inalterado)* and is sent only when something is typed.
**Salvar alterações** sends only the fields that changed, each through ``settings.change``
(validated and audited by the service); a refused value gets its message in red under its
own field and keeps what was typed.  The *Valores de Crédito* section edits the SMS credit
price list (:mod:`desktop.ui.backoffice.credit_values`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QCloseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.config.registry import SETTINGS
from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.errors import UserError
from desktop.services import settings
from desktop.services.settings import SettingView
from desktop.ui.backoffice.credit_values import CreditValuesEditor
from desktop.ui.backoffice.style import BackofficeWindow
from desktop.ui.dialogs import dialogs
from desktop.ui.widgets import BusyIndicator, MessageLine
from desktop.ui.workers import TaskRunner

DECIMAL_PATTERN = r"-?\d{0,9}([.,]\d{0,6})?"
INT_PATTERN = r"-?\d{0,9}"
ERROR_STYLE = "color: #b3261e; font-weight: 600;"
HELP_STYLE = "color: #5f6368; font-size: 9pt;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsPanel", text)


def shown_text(view: SettingView) -> str:
    """Decimals with a comma (pt-BR); everything else as stored."""
    return view.text.replace(".", ",") if view.kind == "decimal" else view.text


class SettingField:
    """One setting's editor, its help and its inline error."""

    def __init__(self, view: SettingView, parent: QWidget) -> None:
        self.view = view
        self.key = view.key
        self.widget: QWidget
        self._get: Callable[[], str]
        self._set: Callable[[str], None]
        if view.kind == "bool":
            box = QCheckBox(parent)
            self._get = lambda: "true" if box.isChecked() else "false"
            self._set = lambda text: box.setChecked(text == "true")
            self.widget = box
        elif view.choices:
            combo = QComboBox(parent)
            for choice in view.choices:
                combo.addItem(choice, choice)
            self._get = lambda: str(combo.currentData())
            self._set = lambda text: combo.setCurrentIndex(max(0, combo.findData(text)))
            self.widget = combo
        else:
            edit = QLineEdit(parent)
            if view.kind in ("decimal", "int"):
                pattern = DECIMAL_PATTERN if view.kind == "decimal" else INT_PATTERN
                edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
                edit.setMaximumWidth(180)
            if view.kind == "date":
                edit.setPlaceholderText("AAAA-MM-DD")
            if view.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setPlaceholderText(_tr("(inalterado)") if view.text else _tr("(vazio)"))
            self._get = edit.text
            self._set = edit.setText
            self.widget = edit
        self.widget.setObjectName(f"setting_{view.key.replace('.', '_')}")
        self.widget.setAccessibleName(view.label)
        if view.help:
            self.widget.setToolTip(view.help)
        self.error_label = QLabel(parent)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.help_label: QLabel | None = None
        if view.help:
            self.help_label = QLabel(view.help, parent)
            self.help_label.setStyleSheet(HELP_STYLE)
            self.help_label.setWordWrap(True)
        self._baseline = "" if view.secret else shown_text(view)
        self._set(self._baseline)

    def text(self) -> str:
        return self._get().strip() if not self.view.secret else self._get()

    def set_text(self, text: str) -> None:
        self._set(text)

    @property
    def changed(self) -> bool:
        return self.text() != self._baseline if not self.view.secret else bool(self._get())

    @property
    def error(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.setVisible(False)

    def saved(self, stored: str) -> None:
        """The service accepted the value: it is the new baseline."""
        self.clear_error()
        if self.view.secret:
            self._set("")
            edit = self.widget
            if isinstance(edit, QLineEdit):
                edit.setPlaceholderText(_tr("(inalterado)"))
            return
        self._baseline = stored.replace(".", ",") if self.view.kind == "decimal" else stored
        self._set(self._baseline)

    def cell(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(self.widget)
        line.addStretch(1)
        layout.addLayout(line)
        if self.help_label is not None:
            layout.addWidget(self.help_label)
        layout.addWidget(self.error_label)
        return box


def _store(
    db: Database, actor: CounterActor, changes: list[tuple[str, str]]
) -> dict[str, tuple[bool, str]]:
    """Runs in the worker: each change on its own; key -> (saved, stored text or message)."""
    outcome: dict[str, tuple[bool, str]] = {}
    for key, text in changes:
        try:
            value = settings.change(db, actor, key, text)
        except UserError as exc:
            outcome[key] = (False, exc.message)
        else:
            outcome[key] = (True, SETTINGS[key].dump(value))
    return outcome


class SettingsPanel(BackofficeWindow):
    """The administrators' window over the shared settings."""

    def __init__(
        self,
        db: Database,
        actor: CounterActor,
        *,
        task_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            db,
            actor,
            _tr("Painel de Configurações"),
            "settingsPanel",
            task_runner=task_runner,
            parent=parent,
        )
        self.fields: dict[str, SettingField] = {}
        title = self.title_label
        self.busy = BusyIndicator(self)
        self.message = MessageLine(self)
        # A list of sections beside the page: eleven groups do not fit in a row of tabs.
        self.sections = QListWidget(self)
        self.sections.setObjectName("settingsSections")
        self.sections.setAccessibleName(_tr("Seções"))
        self.pages = QStackedWidget(self)
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.credit_values = CreditValuesEditor(db, actor, self.task_runner, self)
        self.save_button = QPushButton(_tr("Salvar alterações"), self)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.discard_button = QPushButton(_tr("Descartar alterações"), self)
        self.discard_button.clicked.connect(self.load)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.busy)
        head.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.message)
        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.resize(1000, 700)
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        self.busy.set_busy(True)
        self.message.clear_message()
        db, actor = self.db, self.actor
        self.task_runner.submit(
            ("settings-panel", id(self)),
            lambda: settings.panel(db, actor),
            on_success=self._build,
            on_error=self.message.show_error,
            on_finished=lambda: self.busy.set_busy(False),
            owner=self,
        )

    def _build(self, views: list[SettingView]) -> None:
        current = self.sections.currentRow()
        self.sections.clear()
        while self.pages.count():
            page = self.pages.widget(0)
            if page is None:
                break
            self.pages.removeWidget(page)
            if page is not self.credit_values:
                page.deleteLater()
        self.fields = {}
        groups: dict[str, list[SettingView]] = {}
        for view in views:
            groups.setdefault(view.group, []).append(view)
        for group, members in groups.items():
            scroll = QScrollArea(self.pages)
            scroll.setObjectName("settingsPage")
            scroll.setWidgetResizable(True)
            page = QWidget(scroll)
            page.setObjectName("settingsForm")
            form = QFormLayout(page)
            form.setContentsMargins(16, 14, 16, 14)
            form.setVerticalSpacing(6)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for view in members:
                field = SettingField(view, page)
                self.fields[view.key] = field
                label = QLabel(view.label + ":", page)
                label.setBuddy(field.widget)
                form.addRow(label, field.cell(page))
            scroll.setWidget(page)
            self._add_section(scroll, QCoreApplication.translate("SettingGroups", group))
        self._add_section(self.credit_values, _tr("Valores de Crédito"))
        self.sections.setCurrentRow(current if 0 <= current < self.pages.count() else 0)
        metrics = self.sections.fontMetrics()
        widest = max(metrics.horizontalAdvance(t) for t in self.section_titles())
        self.sections.setFixedWidth(widest + 48)
        self.save_button.setEnabled(True)

    def _add_section(self, page: QWidget, title: str) -> None:
        self.pages.addWidget(page)
        self.sections.addItem(QListWidgetItem(title))

    def section_titles(self) -> list[str]:
        return [self.sections.item(i).text() for i in range(self.sections.count())]

    def current_section(self) -> str:
        item = self.sections.currentItem()
        return item.text() if item is not None else ""

    def show_section(self, title: str) -> None:
        self.sections.setCurrentRow(self.section_titles().index(title))

    # ------------------------------------------------------------------ saving
    def field(self, key: str) -> SettingField:
        return self.fields[key]

    def changes(self) -> list[tuple[str, str]]:
        return [(key, field.text()) for key, field in self.fields.items() if field.changed]

    def save(self) -> None:
        changes = self.changes()
        for field in self.fields.values():
            field.clear_error()
        if not changes:
            self.message.show_info(_tr("Nenhuma alteração para salvar."))
            return
        db, actor = self.db, self.actor
        self.save_button.setEnabled(False)  # before submit: a synchronous pool ends inside it
        self.task_runner.submit(
            ("settings-save", id(self)),
            lambda: _store(db, actor, changes),
            on_success=self._saved,
            on_error=self.message.show_error,
            on_finished=lambda: self.save_button.setEnabled(True),
            owner=self,
        )

    def _saved(self, outcome: dict[str, tuple[bool, str]]) -> None:
        failed = 0
        for key, (ok, text) in outcome.items():
            field = self.fields.get(key)
            if field is None:
                continue
            if ok:
                field.saved(text)
            else:
                failed += 1
                field.show_error(text)
        saved = len(outcome) - failed
        if failed:
            self._show_first_error()
            text = (
                _tr("%1 alteração(ões) salva(s); %2 recusada(s): corrija o que está em vermelho.")
                if saved
                else _tr("Nada foi salvo: corrija o que está em vermelho.")
            )
            self.message.show_error(text.replace("%1", str(saved)).replace("%2", str(failed)))
        else:
            self.message.show_info(_tr("%1 alteração(ões) salva(s).").replace("%1", str(saved)))

    def _show_first_error(self) -> None:
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            for field in self.fields.values():
                if field.error and page is not None and page.isAncestorOf(field.widget):
                    self.sections.setCurrentRow(index)
                    field.widget.setFocus()
                    return

    def closeEvent(self, event: QCloseEvent) -> None:
        pending = [f.view.label for f in self.fields.values() if f.changed]
        if pending and not dialogs().question(
            self,
            _tr("Painel de Configurações"),
            _tr("Há alterações não salvas (%1). Fechar assim mesmo?").replace(
                "%1", ", ".join(pending[:5])
            ),
        ):
            event.ignore()
            return
        super().closeEvent(event)
