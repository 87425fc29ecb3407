"""Auditoria (SPEC §2): the audit log, newest first, loaded lazily page by page.

Every sensitive action (enablement, card cancellation, payment confirmation, credit
transfer, settings) is there with who, when (São Paulo time), station and what.  The list
is the shared keyset model over ``audit.page``: a table of millions of rows opens at once.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import to_local
from desktop.domain.enums import Role
from desktop.services import audit
from desktop.services.audit import AuditRow
from desktop.ui import formatting as fmt
from desktop.ui.backoffice.style import BackofficeWindow
from desktop.ui.query_model import Column, QueryModel
from desktop.ui.widgets import BusyIndicator, MessageLine, data_table, fit_columns
from desktop.ui.workers import TaskRunner

DETAILS_CHARS = 400


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditLog", text)


def when(row: AuditRow) -> str:
    moment = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)  # naive = UTC
    return f"{to_local(moment):%d/%m/%Y %H:%M:%S}"


def user(row: AuditRow) -> str:
    _role, _, name = row.actor.partition(":")
    return name or row.actor


def role(row: AuditRow) -> str:
    try:
        return fmt.role(Role(row.role))
    except ValueError:
        return _tr("Assinante (quiosque)") if row.role == "assinante" else row.role


def subject(row: AuditRow) -> str:
    if not row.subject_type:
        return row.subject_id
    return f"{row.subject_type} {row.subject_id}".strip()


def details(row: AuditRow) -> str:
    """``{"antes": "2.00", "depois": "1.5"}`` -> ``antes: 2.00 · depois: 1.5``."""
    try:
        data = json.loads(row.details) if row.details else {}
    except ValueError:
        return row.details[:DETAILS_CHARS]
    if not isinstance(data, dict):
        return str(data)[:DETAILS_CHARS]
    text = " · ".join(f"{key}: {_value(value)}" for key, value in data.items())
    return text[:DETAILS_CHARS]


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return _tr("sim") if value else _tr("não")
    return str(value)


def audit_columns() -> list[Column]:
    return [
        Column(_tr("Data/hora"), when),
        Column(_tr("Usuário"), user),
        Column(_tr("Perfil"), role),
        Column(_tr("Estação"), lambda r: r.station),
        Column(_tr("Ação"), lambda r: r.action),
        Column(_tr("Objeto"), subject),
        Column(_tr("Detalhes"), details, tooltip=details),
    ]


class AuditLogWindow(BackofficeWindow):
    def __init__(
        self,
        db: Database,
        actor: CounterActor,
        *,
        task_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            db, actor, _tr("Auditoria"), "auditLog", task_runner=task_runner, parent=parent
        )
        title = self.title_label
        hint = QLabel(_tr("Mais recentes primeiro; role a lista para ver as anteriores."), self)
        hint.setStyleSheet("color: #5f6368;")
        self.busy = BusyIndicator(self)
        self.message = MessageLine(self)
        self.refresh_button = QPushButton(_tr("Atualizar"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.model = QueryModel(
            audit_columns(),
            key=lambda r: (r.at, r.id),
            task_runner=self.task_runner,
            parent=self,
        )
        self.model.loading_changed.connect(self.busy.set_busy)
        self.model.failed.connect(self.message.show_error)
        self.table = data_table(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Registro de auditoria"))
        fit_columns(
            self.table,
            {
                0: "00/00/0000 00:00:00",
                1: "atendente01",
                2: "Administrador",
                3: "loja-centro-balcao-02",
                4: "cartao.cancelamento_solicitado",
                5: "sms_purchase 000000",
            },
            stretch=6,
        )
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(hint)
        head.addSpacing(16)
        head.addWidget(self.busy)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.resize(1280, 700)
        self.reload()

    def reload(self) -> None:
        db, actor = self.db, self.actor
        self.message.clear_message()

        def fetch(after: Any, limit: int) -> list[AuditRow]:
            return audit.page(db, actor, after=after, limit=limit)

        self.model.reset(fetch)
