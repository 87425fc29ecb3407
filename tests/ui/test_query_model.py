"""The shared lazy model over a real SQLite database: keyset pages, never the whole table."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert

from PySide6.QtCore import QModelIndex, QRunnable, Qt, QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QTableView

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import PaymentMethod, ReceivableStatus, Role
from desktop.errors import DatabaseUnavailable
from desktop.models import Receivable
from desktop.services import financial
from desktop.services.financial import FinancialFilter, FinancialItem
from desktop.ui.query_model import RIGHT, Column, QueryModel
from desktop.ui.tabs.financial import financial_columns
from desktop.ui.workers import TaskRunner
from tests.conftest import make_user
from tests.factories import subscriber

TODAY = dt.date(2026, 11, 30)
TOTAL = 1050


class ManualPool:
    """Holds jobs until the test runs them: a page can be 'in flight' deterministically."""

    def __init__(self) -> None:
        self.queue: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.queue.append(runnable)

    def run_all(self) -> None:
        while self.queue:
            self.queue.pop(0).run()


class CountingFetch:
    """Wraps the real service call and records each page asked for."""

    def __init__(self, fn: Callable[[Any, int], list[Any]]) -> None:
        self.fn = fn
        self.calls: list[tuple[Any, int]] = []

    def __call__(self, after: Any, limit: int) -> list[Any]:
        self.calls.append((after, limit))
        return self.fn(after, limit)


@pytest.fixture
def big_subscriber(sqlite_db: Database) -> tuple[Database, CounterActor, int]:
    """A subscriber with 1050 receivables (some paid), inserted in one executemany."""
    actor = make_user(sqlite_db, "atendente1", Role.ATTENDANT)
    sub_id, contract_id = subscriber(sqlite_db)
    start = dt.date(2000, 1, 10)
    rows = []
    for n in range(TOTAL):
        due = start + dt.timedelta(days=7 * (n // 3))  # three items share each due date
        paid = n % 4 == 0
        rows.append(
            {
                "subscriber_id": sub_id,
                "contract_id": contract_id,
                "description": f"Mensalidade {n:04d}",
                "competence": due.replace(day=1),
                "issued_on": due - dt.timedelta(days=10),
                "due_date": due,
                "amount": Decimal("99.90") + n,
                "status": ReceivableStatus.PAID if paid else ReceivableStatus.OPEN,
                "paid_at": dt.datetime.combine(due, dt.time(15), tzinfo=dt.UTC) if paid else None,
                "paid_amount": Decimal("99.90") + n if paid else None,
                "payment_method": PaymentMethod.PIX if paid else None,
            }
        )
    with sqlite_db.session() as session:
        session.execute(insert(Receivable), rows)
    return sqlite_db, actor, sub_id


def _fetch(db: Database, actor: CounterActor, sub_id: int) -> CountingFetch:
    flt = FinancialFilter(sub_id)
    return CountingFetch(
        lambda after, limit: financial.page(db, actor, flt, after=after, limit=limit, today=TODAY)
    )


def _model(fetch: CountingFetch | None = None, **kwargs: Any) -> QueryModel:
    return QueryModel(financial_columns(), key=lambda item: item.sort_key, fetch=fetch, **kwargs)


def test_pages_load_lazily_first_page_only_after_construction(
    big_subscriber, qtmodeltester
) -> None:
    db, actor, sub_id = big_subscriber
    fetch = _fetch(db, actor, sub_id)
    model = _model(fetch)

    assert model.rowCount() == 200
    assert fetch.calls == [(None, 200)]
    assert model.canFetchMore() and not model.exhausted
    qtmodeltester.check(model)  # the Qt C++ tester calls fetchMore a couple of times itself
    assert model.rowCount() == 200 * len(fetch.calls) < TOTAL

    before = model.rowCount()
    model.fetchMore(QModelIndex())
    assert model.rowCount() == before + 200
    last_of_previous = model.row_at(before - 1)
    assert fetch.calls[-1] == (last_of_previous.sort_key, 200)  # keyset cursor, not OFFSET

    # Scrolling to the end, one page per call, until the short page says it is the end.
    while model.canFetchMore():
        model.fetchMore(QModelIndex())
    assert model.rowCount() == TOTAL
    assert model.exhausted
    assert len(fetch.calls) == 6  # 5 full pages + one of 50
    keys = [model.row_at(r).sort_key for r in range(model.rowCount())]
    assert keys == sorted(keys) and len(set(keys)) == TOTAL
    qtmodeltester.check(model)


def test_a_view_loads_only_what_it_shows(big_subscriber, qtbot) -> None:
    db, actor, sub_id = big_subscriber
    fetch = _fetch(db, actor, sub_id)
    model = _model(fetch)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    assert model.rowCount() == 200  # a screenful needs one page
    assert len(fetch.calls) == 1

    view.scrollToBottom()  # the view asks for more as it reaches the end
    qtbot.waitUntil(lambda: model.rowCount() > 200)
    assert model.rowCount() < TOTAL


def test_data_formats_and_never_raises(big_subscriber, caplog) -> None:
    db, actor, sub_id = big_subscriber
    fetch = _fetch(db, actor, sub_id)

    def broken(_row: Any) -> str:
        raise ValueError("formatting bug")

    model = QueryModel(
        [Column("Valor", lambda i: f"{i.amount}", RIGHT), Column("Quebrada", broken)],
        key=lambda i: i.sort_key,
        fetch=fetch,
    )
    index = model.index(0, 0)
    assert index.data() == "99.90"
    assert int(index.data(Qt.ItemDataRole.TextAlignmentRole)) == int(RIGHT)
    assert isinstance(index.data(Qt.ItemDataRole.UserRole), FinancialItem)
    with caplog.at_level(logging.ERROR):
        assert model.index(0, 1).data() is None
        assert model.index(1, 1).data() is None
    assert sum("Quebrada" in r.getMessage() for r in caplog.records) == 1  # logged once
    assert model.data(model.index(5000, 0)) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Valor"
    assert model.headerData(9, Qt.Orientation.Horizontal) is None


def test_a_second_fetch_while_a_page_is_loading_is_ignored(big_subscriber) -> None:
    db, actor, sub_id = big_subscriber
    pool = ManualPool()
    fetch = _fetch(db, actor, sub_id)
    model = _model(fetch, task_runner=TaskRunner(pool))
    assert model.loading and model.rowCount() == 0
    assert len(pool.queue) == 1
    pool.run_all()
    assert model.rowCount() == 200 and not model.loading

    for _ in range(5):  # a view calls fetchMore repeatedly while it scrolls
        model.fetchMore(QModelIndex())
    assert len(pool.queue) == 1
    pool.run_all()
    assert model.rowCount() == 400
    assert len(fetch.calls) == 2


def test_reset_discards_a_page_of_the_old_filters(big_subscriber) -> None:
    db, actor, sub_id = big_subscriber
    pool = ManualPool()
    old = _fetch(db, actor, sub_id)
    model = _model(old, task_runner=TaskRunner(pool))
    paid_only = FinancialFilter(sub_id, ReceivableStatus.PAID)
    new = CountingFetch(
        lambda after, limit: financial.page(
            db, actor, paid_only, after=after, limit=limit, today=TODAY
        )
    )
    model.reset(new)
    pool.run_all()  # the old page arrives after the reset, then the new one
    assert model.rowCount() == 200
    assert {model.row_at(r).status for r in range(200)} == {ReceivableStatus.PAID}


def test_a_failed_page_is_reported_and_not_retried_in_a_loop(qtbot) -> None:
    attempts = []

    def fetch(after: Any, limit: int) -> list[int]:
        attempts.append(after)
        raise DatabaseUnavailable("Não foi possível acessar o banco de dados.")

    model = QueryModel([Column("N", str)], key=lambda n: n)
    with qtbot.waitSignal(model.failed) as blocker:
        model.reset(fetch)
    assert blocker.args == ["Não foi possível acessar o banco de dados."]
    assert model.error and not model.canFetchMore()
    model.fetchMore(QModelIndex())
    assert len(attempts) == 1
    model.retry()
    assert len(attempts) == 2


def test_pages_arrive_from_a_real_thread_pool(big_subscriber, qtbot) -> None:
    """The same model with real threads: fetch runs off the GUI thread, rows land on it."""
    db, actor, sub_id = big_subscriber
    threads: list[QThread] = []
    inner = _fetch(db, actor, sub_id)

    def fetch(after: Any, limit: int) -> list[FinancialItem]:
        threads.append(QThread.currentThread())
        return inner(after, limit)

    pool = QThreadPool()
    model = QueryModel(financial_columns(), key=lambda i: i.sort_key, task_runner=TaskRunner(pool))
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.reset(fetch)
    assert model.rowCount() == 200
    assert threads and threads[0] is not QApplication.instance().thread()
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    pool.waitForDone()


def test_an_empty_model_is_valid(qtmodeltester) -> None:
    model = QueryModel([Column("N", str)], key=lambda n: n)
    assert not model.canFetchMore()
    qtmodeltester.check(model)
    model.reset(lambda after, limit: [1, 2, 3] if after is None else [])
    assert model.rowCount() == 3 and model.exhausted
    qtmodeltester.check(model)
