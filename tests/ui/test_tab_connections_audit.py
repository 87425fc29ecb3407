"""The Extrato de Conexões screen writes one audit entry per *Ver*, however far the person
scrolls (issue 14 item 10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from PySide6.QtCore import Qt

from desktop.db import Database
from desktop.domain.enums import Role
from desktop.models import AuditEntry
from desktop.services import connections, subscribers
from desktop.ui.tabs import ConnectionsTab, TabContext
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.factories import subscriber
from tests.statement_factories import local, radacct, session_row

VIEWED = connections.ACTION_VIEWED


def _actions(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_the_screen_writes_one_entry_per_ver_however_far_it_scrolls(
    qtbot: Any, sqlite_db: Database, sync_pool: Any
) -> None:
    db = sqlite_db
    actor = make_user(db, "ana", Role.ATTENDANT)
    sub_id, _ = subscriber(db, login="maria")
    radacct(
        db,
        [
            session_row("maria", local(2026, 11, day, 8), local(2026, 11, day, 9))
            for day in range(1, 15)
        ],
    )
    ws = subscribers.workspace(db, actor, sub_id)
    tab = ConnectionsTab(TabContext(db, actor, ws, runner(), lambda: dt.date(2026, 11, 30)))
    qtbot.addWidget(tab)
    tab.show()
    tab.activated()
    tab.model._page_size = 5  # three pages for the fourteen sessions
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 5
    while tab.model.canFetchMore(tab.model.index(-1, -1)) and tab.model.rowCount() < 14:
        tab.model.fetchMore(tab.model.index(-1, -1))  # the person scrolling to the end
    assert tab.model.rowCount() == 14
    assert _actions(db) == [VIEWED]
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    assert _actions(db) == [VIEWED, VIEWED]
