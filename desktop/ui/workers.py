"""Slow work off the GUI thread: one small helper used by every screen.

``runner().submit(key, fn, on_success=..., on_error=...)`` runs ``fn()`` in a thread pool and
calls the callbacks **on the GUI thread** when it ends.  A second submit with a key that is
still running is refused (a double click never starts the same job twice).  Errors are
classified (qutebrowser's KnownError / BugError split): a :class:`UserError` reaches
``on_error`` with its Portuguese message; anything else is logged with its traceback as a bug
and ``on_error`` gets a generic message.

Workers never touch widgets: ``fn`` talks to services and returns plain data.  When the
widget that asked (``owner``) is gone by the time the result arrives, the result is dropped.

Tests swap in :class:`SynchronousPool` (Picard's ``FakeThreadPool``) with :func:`set_pool`,
so jobs run inline and results are there as soon as ``submit`` returns.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import shiboken6

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.errors import UserError

log = logging.getLogger(__name__)


def bug_message() -> str:
    return QCoreApplication.translate(
        "Workers",
        "Ocorreu um erro inesperado. A operação não foi concluída; tente de novo e, se "
        "persistir, avise o suporte técnico (o erro foi registrado no log).",
    )


class SynchronousPool:
    """A thread pool that runs each job at once, in the calling thread (for tests)."""

    def __init__(self) -> None:
        self.started = 0  # how many jobs ran (tests check that nothing was queried)

    def start(self, runnable: QRunnable) -> None:
        self.started += 1
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:
        return True


@dataclass
class _Pending:
    key: Hashable | None
    on_success: Callable[[Any], None] | None
    on_error: Callable[[str], None] | None
    on_finished: Callable[[], None] | None
    owner: QObject | None


class _Job(QRunnable):
    """Runs ``fn`` and reports through the runner's relay signal (queued to the GUI thread)."""

    def __init__(self, runner: TaskRunner, job_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._job_id = job_id
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn()
        except UserError as exc:
            self._runner._relay.emit(self._job_id, False, exc.message)
        except BaseException as exc:  # a bug: log it with its traceback, tell the person briefly
            log.error("unexpected error in background job", exc_info=exc)
            self._runner._relay.emit(self._job_id, False, bug_message())
        else:
            self._runner._relay.emit(self._job_id, True, result)


class TaskRunner(QObject):
    """Submits jobs to a pool; callbacks run on the thread this object lives in (the GUI)."""

    # (job id, succeeded, result or message).  Emitted from worker threads; the runner lives
    # in the GUI thread, so the connection is queued and _deliver runs there.
    _relay = Signal(int, bool, object)
    busy_changed = Signal(bool)

    def __init__(self, pool: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._running_keys: set[Hashable] = set()
        self._relay.connect(self._deliver)

    @property
    def pool(self) -> Any:
        return self._pool if self._pool is not None else _current_pool()

    def set_pool(self, pool: Any) -> None:
        self._pool = pool

    def is_running(self, key: Hashable) -> bool:
        return key in self._running_keys

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def submit(
        self,
        key: Hashable | None,
        fn: Callable[[], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """Run ``fn`` in the pool; False (and nothing started) when ``key`` is still running.

        ``on_finished`` runs after the success or error callback, in both cases.  With no
        ``on_error`` the message goes to the dialog service as an error box.
        """
        if key is not None and key in self._running_keys:
            return False
        job_id = next(self._ids)
        was_busy = self.busy
        self._pending[job_id] = _Pending(key, on_success, on_error, on_finished, owner)
        if key is not None:
            self._running_keys.add(key)
        if not was_busy:
            self.busy_changed.emit(True)
        self.pool.start(_Job(self, job_id, fn))
        return True

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, payload: object) -> None:
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        if pending.key is not None:
            self._running_keys.discard(pending.key)
        try:
            if pending.owner is not None and not shiboken6.isValid(pending.owner):
                return  # the widget that asked was closed meanwhile
            try:
                if ok:
                    if pending.on_success is not None:
                        pending.on_success(payload)
                elif pending.on_error is not None:
                    pending.on_error(str(payload))
                else:
                    from desktop.ui.dialogs import dialogs

                    dialogs().error(
                        None, QCoreApplication.translate("Workers", "Erro"), str(payload)
                    )
            finally:
                if pending.on_finished is not None:
                    pending.on_finished()
        finally:
            if not self.busy:
                self.busy_changed.emit(False)


# --------------------------------------------------------------------------- module seam
_pool_override: Any = None
_runner: TaskRunner | None = None


def _current_pool() -> Any:
    return _pool_override if _pool_override is not None else QThreadPool.globalInstance()


def set_pool(pool: Any) -> None:
    """Use ``pool`` (e.g. :class:`SynchronousPool`) for every runner without its own pool."""
    global _pool_override
    _pool_override = pool


def runner() -> TaskRunner:
    """The application's runner (created on first use, in the GUI thread)."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = TaskRunner()
    return _runner


def reset_runner() -> None:
    """Forget the shared runner (tests: a fresh one per test)."""
    global _runner
    _runner = None


def wait_for_workers(msecs: int = 10_000) -> bool:
    """At exit: let the jobs already started finish (closing atendimentos, audit writes)."""
    return bool(_current_pool().waitForDone(msecs))
