"""What a write changed comes from the service that wrote, and reaches the other tabs.

The screens no longer name the changes of their writes: each service function declares them
(``desktop.domain.changes.writes`` / ``note``) and ``TabContext.write`` broadcasts what the
calls it ran declared.  These tests fail when a write's changes are not broadcast: a
declaration removed from a service, or a screen that runs a write outside ``write``.
Real SQLite database, real services, real tabs.
"""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import Qt

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.changes import OpChanges, writes
from desktop.domain.enums import Role
from desktop.services import subscribers, ticket_search, tickets
from desktop.ui.changes import change_bus
from desktop.ui.main_window import MainWindow
from desktop.ui.tabs import CardsTab, EnablementTab, TabContext, TicketsTab
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.factories import subscriber
from tests.services.radius_setup import suspended
from tests.ui.conftest import RecordingDialogs


@pytest.fixture
def broadcasts() -> list[OpChanges]:
    heard: list[OpChanges] = []
    change_bus().changed.connect(lambda changes, _origin: heard.append(changes))
    return heard


def tickets_tab(qtbot: Any, db: Database, actor: CounterActor, sub_id: int) -> TicketsTab:
    ws = subscribers.workspace(db, actor, sub_id)
    tab = TicketsTab(TabContext(db, actor, ws, runner()))
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    tab.show()
    tab.activated()
    return tab


def test_a_ticket_opened_in_atendimentos_marks_the_other_ticket_screens_stale(
    qtbot: Any, sqlite_db: Database, broadcasts: list[OpChanges]
) -> None:
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    sub_id, _ = subscriber(sqlite_db, "Maria Souza")
    # The same subscriber on a second screen (another workspace), loaded once, then hidden.
    other = tickets_tab(qtbot, sqlite_db, actor, sub_id)
    assert other.model.rowCount() == 0
    other.hide()
    tab = tickets_tab(qtbot, sqlite_db, actor, sub_id)

    dialog = tab.new_ticket()
    dialog.description_edit.setPlainText("Quer mudar o vencimento")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert tab.model.rowCount() == 1  # its own list: reloaded by the tab itself
    assert broadcasts == [OpChanges(tickets=True)]  # what tickets.open_ticket declares
    assert other.stale and not tab.stale
    other.show()
    other.activated()
    assert other.model.rowCount() == 1 and not other.stale


def test_an_enablement_marks_the_atendimentos_tab_stale(
    qtbot: Any, sqlite_db: Database, recorded_dialogs: RecordingDialogs
) -> None:
    """The enablement tab names no changes: enablement.enable says it wrote an atendimento
    (the session's, at the counter)."""
    sub_id, _contract_id, _bill = suspended(sqlite_db)
    win = MainWindow(sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    view = win.open_subscriber(sub_id, "Joana D'Arc Ferreira")
    atendimentos = view.tab(TicketsTab)
    assert atendimentos is not None
    view.tabs.setCurrentWidget(atendimentos)
    assert atendimentos.model.rowCount() == 1  # the session's atendimento
    session_ticket = atendimentos.model.row_at(0).id
    enablement = view.tab(EnablementTab)
    assert enablement is not None
    view.tabs.setCurrentWidget(enablement)
    assert enablement.enable_button.isEnabled()

    qtbot.mouseClick(enablement.enable_button, Qt.MouseButton.LeftButton)

    assert atendimentos.stale
    view.tabs.setCurrentWidget(atendimentos)
    assert not atendimentos.stale and atendimentos.model.rowCount() == 1
    history = ticket_search.detail(sqlite_db, win.actor, session_ticket).history
    assert tickets.ACTION_ENABLEMENT in [event.action for event in history]


def test_write_broadcasts_what_the_services_declared_and_a_read_nothing(
    qtbot: Any, sqlite_db: Database, broadcasts: list[OpChanges]
) -> None:
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    sub_id, _ = subscriber(sqlite_db, "Maria Souza")
    ws = subscribers.workspace(sqlite_db, actor, sub_id)
    ctx = TabContext(sqlite_db, actor, ws, runner())
    cards_tab = CardsTab(ctx)  # watches card payments; loaded once and hidden
    qtbot.addWidget(cards_tab)
    cards_tab.mark_loaded()

    @writes(OpChanges(cards=True))
    def void_something() -> str:
        return "feito"

    @writes(OpChanges(tickets=True))
    def refused() -> None:
        raise RuntimeError("nada feito")

    results: list[Any] = []
    ctx.write("read", lambda: 42, on_success=results.append)
    assert results == [42] and broadcasts == []  # nothing declared, nothing broadcast
    ctx.write("write", lambda: void_something(), on_success=results.append)
    assert results == [42, "feito"]
    assert broadcasts == [OpChanges(cards=True)] and cards_tab.stale
    ctx.write("refused", refused, on_error=lambda _message: None)
    assert broadcasts == [OpChanges(cards=True)]  # a write that raised changed nothing


@pytest.mark.parametrize(
    ("function", "flags"),
    [
        ("desktop.services.tickets:open_ticket", {"tickets"}),
        ("desktop.services.tickets:add_note", {"tickets"}),
        ("desktop.services.tickets:close_ticket", {"tickets"}),
        ("desktop.services.tickets:add_contact", {"tickets"}),
        ("desktop.services.tickets:record_session_action", {"tickets"}),
        ("desktop.services.ticket_receipts:record_printed", {"tickets"}),
        ("desktop.services.ticket_receipts:email_receipt", {"tickets"}),
        ("desktop.services.sms_credits:buy", {"sms", "receivables"}),
        ("desktop.services.sms_credits:confirm_payment", {"sms", "receivables"}),
        ("desktop.services.sms_credits:record_transfer", {"sms"}),
        ("desktop.services.enablement:enable", {"enablements", "tickets"}),
        ("desktop.services.cards:void_payment", {"cards", "payments", "receivables"}),
    ],
)
def test_the_main_writes_declare_what_they_change(function: str, flags: set[str]) -> None:
    """The tabs watch these flags: a write that stops declaring one leaves a tab stale."""
    import importlib

    module, name = function.split(":")
    declared = getattr(getattr(importlib.import_module(module), name), "changes", None)
    assert isinstance(declared, OpChanges), function
    assert {kind for kind in flags if getattr(declared, kind)} == flags
