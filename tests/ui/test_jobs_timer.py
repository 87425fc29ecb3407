"""The app's own timer expires provisional enablements, off the GUI thread."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from desktop.db import Database
from desktop.domain.clock import utcnow
from desktop.domain.enums import ContractStatus, Role
from desktop.models import ProvisionalEnablement
from desktop.services import enablement
from desktop.ui.jobs_timer import INTERVAL_MS, JobsTimer
from tests.conftest import make_user
from tests.services.radius_setup import contract_state, groups, suspended


def test_timer_runs_the_jobs_and_resuspends_an_expired_enablement(
    qtbot, sqlite_db: Database, sync_pool
) -> None:
    attendant = make_user(sqlite_db, "balcao", Role.ATTENDANT)
    sub_id, contract_id, _ = suspended(sqlite_db)
    enablement.enable(sqlite_db, attendant, sub_id, contract_id)
    assert contract_state(sqlite_db, contract_id)[0] is ContractStatus.PROVISIONAL
    with sqlite_db.session() as session:  # the enablement's days are over
        session.execute(
            update(ProvisionalEnablement).values(expires_at=utcnow() - dt.timedelta(minutes=1))
        )
    timer = JobsTimer(sqlite_db)
    assert timer.timer.interval() == INTERVAL_MS
    with qtbot.waitSignal(timer.ran) as report:
        timer.timer.timeout.emit()  # what QTimer does every few minutes
    assert report.args[0].expired == 1
    assert contract_state(sqlite_db, contract_id)[0] is ContractStatus.SUSPENDED_DEBT
    assert ("bloqueado", 0) in groups(sqlite_db)
