"""Writes made outside a subscriber's tabs reach them (issue 13, item 2): the app's timer that
expires provisional enablements and the back office's return files (which settle bills and
re-enable contracts) broadcast what their services declared, like every write of a tab.
Real SQLite database, real services, real windows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.changes import OpChanges, recording
from desktop.domain.clock import utcnow
from desktop.domain.enums import Role
from desktop.models import ProvisionalEnablement, Receivable
from desktop.services import enablement, enablement_jobs, subscribers
from desktop.ui.backoffice.retorno import RetornoWindow
from desktop.ui.changes import change_bus
from desktop.ui.jobs_timer import JobsTimer
from desktop.ui.tabs import EnablementTab, FinancialTab, TabContext
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.services.radius_setup import suspended
from tests.ui.conftest import RecordingDialogs
from tests.ui.test_retorno_window import files, finance  # noqa: F401


@pytest.fixture
def broadcasts() -> list[OpChanges]:
    heard: list[OpChanges] = []
    change_bus().changed.connect(lambda changes, _origin: heard.append(changes))
    return heard


def hidden_tab(qtbot: Any, cls: type, db: Database, actor: CounterActor, sub_id: int) -> Any:
    """A subscriber's tab loaded once, then left behind another (what a counter has open)."""
    tab = cls(TabContext(db, actor, subscribers.workspace(db, actor, sub_id), runner()))
    qtbot.addWidget(tab)
    tab.show()
    tab.activated()
    tab.hide()
    assert not tab.stale
    return tab


def expire_enablement(db: Database) -> tuple[int, int]:
    attendant = make_user(db, "balcao", Role.ATTENDANT)
    sub_id, contract_id, _ = suspended(db)
    enablement.enable(db, attendant, sub_id, contract_id)
    with db.session() as session:  # the enablement's days are over
        session.execute(
            update(ProvisionalEnablement).values(expires_at=utcnow() - dt.timedelta(minutes=1))
        )
    return sub_id, contract_id


def test_run_jobs_declares_what_an_expiry_changed(sqlite_db: Database) -> None:
    expire_enablement(sqlite_db)
    with recording() as record:
        report = enablement_jobs.run_jobs(sqlite_db)
    assert report.expired == 1
    assert record.changes.enablements and record.changes.tickets
    with recording() as record:  # nothing left to expire: nothing to say
        enablement_jobs.run_jobs(sqlite_db)
    assert record.changes.empty


def test_the_jobs_timer_broadcasts_an_expired_enablement_to_the_open_tabs(
    qtbot: Any, sqlite_db: Database, broadcasts: list[OpChanges]
) -> None:
    sub_id, _contract = expire_enablement(sqlite_db)
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    tab = hidden_tab(qtbot, EnablementTab, sqlite_db, actor, sub_id)
    timer = JobsTimer(sqlite_db)
    with qtbot.waitSignal(timer.ran):
        timer.run_now()
    assert any(c.enablements and c.tickets for c in broadcasts)
    assert tab.stale  # the contract's status on that screen reloads when it is shown


def test_an_applied_return_file_reaches_the_subscribers_statement(
    qtbot: Any,
    sqlite_db: Database,
    finance: CounterActor,  # noqa: F811
    files: tuple[int, int, Path],  # noqa: F811
    recorded_dialogs: RecordingDialogs,
    broadcasts: list[OpChanges],
) -> None:
    first, _second, path = files
    with sqlite_db.session() as session:
        sub_id = session.get(Receivable, first).subscriber_id
    tab = hidden_tab(qtbot, FinancialTab, sqlite_db, finance, sub_id)
    window = RetornoWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    recorded_dialogs.open_paths = [path]
    window.pick_files()
    assert broadcasts == []  # a simulation writes nothing, and says so
    window.apply()
    assert any(c.receivables and c.payments for c in broadcasts)
    assert tab.stale


def test_an_applied_erp_import_of_bills_is_broadcast_and_its_simulation_is_not(
    qtbot: Any,
    sqlite_db: Database,
    finance: CounterActor,  # noqa: F811
    recorded_dialogs: RecordingDialogs,
    broadcasts: list[OpChanges],
) -> None:
    from desktop.ui.backoffice.imports import ImportsWindow
    from tests.services.erp_setup import EXAMPLES, run

    run(sqlite_db, finance, "customers", EXAMPLES / "customers.csv")
    run(sqlite_db, finance, "contracts", EXAMPLES / "contracts.csv")
    window = ImportsWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    window.kind_box.setCurrentIndex(window.kind_box.findData("receivables"))
    recorded_dialogs.open_paths = [EXAMPLES / "receivables.csv"]
    window.pick_file()
    assert window.apply_button.isEnabled() and broadcasts == []
    window.apply()
    assert broadcasts == [OpChanges(receivables=True, payments=True)]
