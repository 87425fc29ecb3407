"""Drive the real counter app on a demo database and save screenshots (docs/screenshots/).

    Xvfb :99 -screen 0 1366x768x24 -nolisten tcp &
    DISPLAY=:99 CENTRAL_DATA_DIR=/tmp/shots .venv/bin/python scripts/screenshots.py

Steps (QTimer, each waits for its condition): login typed (login.png), logged in and a name
typed in the search box (search.png), a subscriber suspended for debt opened on the Extrato
Financeiro tab (financial.png).  The database is the demo (``central-assinante demo`` when
the command exists, else ``desktop.demo.create_demo``) in CENTRAL_DATA_DIR; an existing
demo database is reused.  With ``import`` (ImageMagick) and DISPLAY the whole X screen is
captured (``import -window root``); otherwise Qt grabs the screen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.config.paths import default_database_url
from desktop.db import Database
from desktop.domain.clock import today_local
from desktop.domain.enums import ReceivableStatus
from desktop.domain.text import search_key
from desktop.models import Receivable, Subscriber

ROOT = Path(__file__).resolve().parent.parent
LOGIN, PASSWORD = "atendente", "atendente-demo"  # the demo's attendant
STEP_TIMEOUT_S = 30.0



def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, accents included (QTest.keyClicks asserts on non-ASCII
    characters in Qt 6.11: qasciikey.cpp)."""
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier)

def ensure_demo(db: Database, subscribers: int) -> None:
    db.upgrade()
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Subscriber)):
            return
    cli = ROOT / ".venv" / "bin" / "central-assinante"
    help_text = subprocess.run([str(cli), "--help"], capture_output=True, text=True).stdout
    if " demo " in help_text:
        subprocess.run(
            [str(cli), "--db", db.url, "demo", "--subscribers", str(subscribers)], check=True
        )
    else:
        from desktop.demo import create_demo

        create_demo(db, subscribers=subscribers, seed=7)


def search_term(db: Database, name: str) -> str:
    """A word of the name that several subscribers share (a list, not a single line)."""
    best, best_count = name.split()[0], 0
    with db.session() as session:
        for word in name.split():
            if len(word) < 3:
                continue
            key = search_key(word)
            count = session.scalar(
                select(func.count())
                .select_from(Subscriber)
                .where(
                    Subscriber.name_search.like(f"{key}%")
                    | Subscriber.name_search.like(f"% {key}%")
                )
            )
            if count and best_count < count <= 25:
                best, best_count = word, count
    return best


def pick_subscriber(db: Database) -> tuple[int, str]:
    """Someone with overdue bills and paid ones: the statement shows every colour."""
    today = today_local()
    with db.session() as session:
        overdue = (
            select(Receivable.subscriber_id)
            .where(Receivable.status == ReceivableStatus.OPEN, Receivable.due_date < today)
            .group_by(Receivable.subscriber_id)
            .having(func.count() >= 2)
        )
        row = session.execute(
            select(Subscriber.id, Subscriber.name)
            .where(Subscriber.id.in_(overdue), Subscriber.person_type == "F")
            .order_by(Subscriber.id)
            .limit(1)
        ).one()
        return int(row.id), str(row.name)


class Driver:
    """Runs (condition, action) steps one after another from the event loop."""

    def __init__(self, steps: list[tuple[str, Callable[[], bool], Callable[[], None]]]) -> None:
        self.steps = steps
        self.index = 0
        self.deadline = 0.0
        self.failed: str | None = None

    def start(self) -> None:
        self.deadline = time.monotonic() + STEP_TIMEOUT_S
        QTimer.singleShot(800, self.tick)

    def tick(self) -> None:
        if self.index >= len(self.steps):
            QApplication.exit(0)  # exit(), not quit(): quit() would ask to close the window
            return
        name, ready, action = self.steps[self.index]
        if ready():
            print(f"step: {name}", flush=True)
            action()
            self.index += 1
            self.deadline = time.monotonic() + STEP_TIMEOUT_S
            QTimer.singleShot(700, self.tick)  # let the screen settle (animations, layout)
        elif time.monotonic() > self.deadline:
            self.failed = f"step {name!r} timed out"
            QApplication.exit(1)
        else:
            QTimer.singleShot(100, self.tick)


def shoot(path: Path) -> None:
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    if os.environ.get("DISPLAY") and shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(path)], check=True)
    else:
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).save(str(path))
    print(f"saved {path}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument(
        "--db", default=None, help="database URL (default: CENTRAL_DATA_DIR's SQLite)"
    )
    args = parser.parse_args()

    from desktop.app import create_application
    from desktop.ui.counter import CounterController
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tabs import FinancialTab
    from desktop.ui.workspace import WorkspaceView

    db = Database(args.db or default_database_url())
    ensure_demo(db, args.subscribers)
    subscriber_id, name = pick_subscriber(db)
    term = search_term(db, name)
    print(f"subscriber: {subscriber_id} {name}", flush=True)

    app = create_application([sys.argv[0]])
    controller = CounterController(db, "loja-centro-balcao-02")

    def window() -> MainWindow:
        assert controller.window is not None
        return controller.window

    def type_login() -> None:
        dialog = controller.login_dialog
        assert dialog is not None
        QTest.keyClicks(dialog.login_edit, LOGIN)
        QTest.keyClicks(dialog.password_edit, PASSWORD)

    def submit_login() -> None:
        assert controller.login_dialog is not None
        controller.login_dialog.submit()

    def type_search() -> None:
        type_text(window().search_edit, term)

    def search_done() -> bool:
        panel = window().search_panel
        return panel.model.rowCount() > 0 and not panel.model.loading

    def open_subscriber() -> None:
        panel = window().search_panel
        model = panel.model
        for row in range(model.rowCount()):
            hit = model.row_at(row)
            if hit is not None and hit.id == subscriber_id:
                panel.table.setFocus()
                panel.table.selectRow(row)
                QTest.keyClick(panel.table, Qt.Key.Key_Return)
                return
        window().open_subscriber(subscriber_id, name)  # beyond the first page: open directly

    def workspace_ready() -> bool:
        view = window().tabs.currentWidget()
        return isinstance(view, WorkspaceView) and view.workspace is not None

    def show_financial() -> None:
        view = window().tabs.currentWidget()
        assert isinstance(view, WorkspaceView)
        tab = view.tab(FinancialTab)
        assert tab is not None
        view.tabs.setCurrentWidget(tab)  # the tab loads when it is shown

    def financial_ready() -> bool:
        view = window().tabs.currentWidget()
        if not isinstance(view, WorkspaceView) or view.workspace is None:
            return False
        tab = view.tab(FinancialTab)
        return (
            isinstance(tab, FinancialTab) and tab.model.rowCount() > 0 and not tab.busy.isVisible()
        )

    def scroll_statement() -> None:
        view = window().tabs.currentWidget()
        assert isinstance(view, WorkspaceView)
        tab = view.tab(FinancialTab)
        assert isinstance(tab, FinancialTab)
        tab.table.scrollToBottom()  # the open and overdue items are the most recent

    steps: list[tuple[str, Callable[[], bool], Callable[[], None]]] = [
        ("login dialog", lambda: controller.login_dialog is not None, type_login),
        ("login.png", lambda: True, lambda: shoot(args.out / "login.png")),
        ("log in", lambda: True, submit_login),
        (
            "search",
            lambda: controller.window is not None and controller.window.isVisible(),
            type_search,
        ),
        ("search.png", search_done, lambda: shoot(args.out / "search.png")),
        ("open subscriber", lambda: True, open_subscriber),
        ("Extrato Financeiro", workspace_ready, show_financial),
        ("scroll to the latest items", financial_ready, scroll_statement),
        ("financial.png", financial_ready, lambda: shoot(args.out / "financial.png")),
    ]
    driver = Driver(steps)
    controller.start()
    driver.start()
    app.exec()
    db.dispose()
    if driver.failed:
        print(f"error: {driver.failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
