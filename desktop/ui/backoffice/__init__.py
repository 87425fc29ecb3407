"""The back office (SPEC §1.9, §1.10, §2): windows for finance, support and administrators.

:func:`backoffice_actions` gives the entries a counter user's role may use, each as
``(title, factory)``; ``factory(db, parent)`` builds a top-level window (not yet shown) that
the main window shows from its menu::

    for title, factory in backoffice_actions(actor):
        action = menu.addAction(title)
        action.triggered.connect(lambda _=False, f=factory: f(self.db, self).show())

The services check the role again on every call; these windows only avoid offering what
would be refused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.db import Database
from desktop.domain.actors import Actor, CounterActor
from desktop.domain.enums import Role, SmsPurchaseStatus

Factory = Callable[[Database, QWidget | None], QWidget]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Backoffice", text)


def _settings(actor: CounterActor) -> Factory:
    def build(db: Database, parent: QWidget | None) -> QWidget:
        from desktop.ui.backoffice.settings_panel import SettingsPanel

        return SettingsPanel(db, actor, parent=parent)

    return build


def _audit(actor: CounterActor) -> Factory:
    def build(db: Database, parent: QWidget | None) -> QWidget:
        from desktop.ui.backoffice.audit_log import AuditLogWindow

        return AuditLogWindow(db, actor, parent=parent)

    return build


def _queue(actor: CounterActor, status: SmsPurchaseStatus) -> Factory:
    def build(db: Database, parent: QWidget | None) -> QWidget:
        from desktop.ui.backoffice.queues import PaymentsQueue, TransfersQueue

        cls = PaymentsQueue if status is SmsPurchaseStatus.AWAITING_PAYMENT else TransfersQueue
        return cls(db, actor, parent=parent)

    return build


def _retorno(actor: CounterActor) -> Factory:
    def build(db: Database, parent: QWidget | None) -> QWidget:
        from desktop.ui.backoffice.retorno import RetornoWindow

        return RetornoWindow(db, actor, parent=parent)

    return build


def _imports(actor: CounterActor) -> Factory:
    def build(db: Database, parent: QWidget | None) -> QWidget:
        from desktop.ui.backoffice.imports import ImportsWindow

        return ImportsWindow(db, actor, parent=parent)

    return build


def backoffice_actions(actor: Actor) -> list[tuple[str, Factory]]:
    """The back-office windows for this actor's role (none for a kiosk or an attendant)."""
    if not isinstance(actor, CounterActor):
        return []
    if actor.role is Role.ADMIN:
        return [
            (_tr("Painel de Configurações"), _settings(actor)),
            (_tr("Auditoria"), _audit(actor)),
            (_tr("Importações"), _imports(actor)),
        ]
    if actor.role is Role.FINANCE:
        return [
            (_tr("Pagamentos a confirmar"), _queue(actor, SmsPurchaseStatus.AWAITING_PAYMENT)),
            (_tr("Arquivos de retorno"), _retorno(actor)),
            (_tr("Importações"), _imports(actor)),
        ]
    if actor.role is Role.SUPPORT:
        return [(_tr("Créditos a transferir"), _queue(actor, SmsPurchaseStatus.PAID))]
    return []
