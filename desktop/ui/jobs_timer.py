"""The app's timer for background jobs (SPEC §1.7: expiry of provisional enablements).

Every station runs it; ``run_jobs`` claims each due enablement with a conditional UPDATE,
so several stations at once do the work once.  ``central-assinante jobs run`` (cron) does the
same for a store where the app may be closed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.db import Database
from desktop.domain.changes import OpChanges
from desktop.services import enablement_jobs, pix_reconcile
from desktop.services.enablement_jobs import JobsReport
from desktop.ui.changes import change_bus, recorded
from desktop.ui.workers import TaskRunner, runner

log = logging.getLogger(__name__)

FIRST_RUN_MS = 30_000  # let the station start first
INTERVAL_MS = 5 * 60_000


class JobsTimer(QObject):
    """Runs the jobs off the GUI thread every few minutes; never twice at the same time."""

    ran = Signal(object)  # JobsReport

    def __init__(
        self, db: Database, task_runner: TaskRunner | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.task_runner = task_runner or runner()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run_now)

    def start(self) -> None:
        QTimer.singleShot(FIRST_RUN_MS, self.run_now)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        db = self.db
        # Expiry re-suspends or re-enables contracts for good: what it wrote goes to the open
        # subscriber tabs (status, Habilitação Provisória, Atendimentos) like any write.
        self.task_runner.submit(
            ("jobs", id(self)),
            recorded(lambda: enablement_jobs.run_jobs(db)),
            on_success=self._done,
            on_error=lambda message: log.warning("background jobs: %s", message),
            owner=self,
        )
        # PIX paid while no screen watched (SPEC §7): a job of its own, so a slow PSP never
        # holds up the enablements; settling is exactly once whichever station finds it.
        self.task_runner.submit(
            ("pix-jobs", id(self)),
            recorded(lambda: pix_reconcile.reconcile_recent(db, enablement_jobs.system_actor())),
            on_success=lambda done: change_bus().broadcast(done[1]),  # the open lists: paid
            on_error=lambda message: log.warning("PIX reconciliation: %s", message),
            owner=self,
        )

    def _done(self, outcome: tuple[JobsReport, OpChanges]) -> None:
        report, changes = outcome
        change_bus().broadcast(changes)
        if report.expired:
            log.info(
                "jobs: %d reactivated, %d suspended again, %d ended",
                len(report.reactivated),
                len(report.resuspended),
                len(report.ended),
            )
        self.ran.emit(report)
