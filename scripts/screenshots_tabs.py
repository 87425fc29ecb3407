"""Screenshots of the statement and document tabs (calls, connections, invoices, boletos).

    Xvfb :99 -screen 0 1366x768x24 -nolisten tcp &
    DISPLAY=:99 CENTRAL_DATA_DIR=/tmp/shots-tabs CENTRAL_CONFIG_DIR=/tmp/shots-tabs/config \\
        .venv/bin/python scripts/screenshots_tabs.py

Uses the demo database of ``scripts/screenshots.py`` (made when missing) and adds the demo
NFCom when the demo has none.  The subscriber has a voice terminal, a RADIUS login,
invoices and an overdue open bill.  Steps: log in, open the subscriber, Extrato de Ligação (calls.png), Extrato de
Conexões after *Ver* (connections.png), Nota Fiscal with a row selected (invoices.png),
Segunda via Boleto after *Imprimir* on this station's printer (``--printer``, default the
CUPS ``SINK`` queue) with the linha digitável shown (boletos.png).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import LOGIN, PASSWORD, ROOT, Driver, ensure_demo, shoot

from desktop.config.paths import default_database_url
from desktop.config.station import StationConfig, load_station_config, save_station_config
from desktop.db import Database
from desktop.domain.clock import today_local
from desktop.domain.enums import ReceivableStatus
from desktop.models import Contract, Invoice, RadiusLogin, Receivable, Subscriber, Terminal

Step = tuple[str, Callable[[], bool], Callable[[], None]]


def ensure_invoices(db: Database) -> None:
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Invoice)):
            return
    from desktop.demo.invoices import generate_demo_invoices

    print("generating demo NFCom…", flush=True)
    generate_demo_invoices(db, seed=42, months=6)


def pick_subscriber(db: Database) -> tuple[int, str]:
    """Someone with every menu these tabs cover: a voice terminal, a RADIUS login, invoices
    and an open bill in the reprint window, preferably an overdue one (the updated amount)."""
    today = today_local()
    with db.session() as session:
        voice = select(Contract.subscriber_id).join(Terminal, Terminal.contract_id == Contract.id)
        radius = select(Contract.subscriber_id).join(
            RadiusLogin, RadiusLogin.contract_id == Contract.id
        )
        open_bills = select(Receivable.subscriber_id).where(
            Receivable.status == ReceivableStatus.OPEN,
            Receivable.due_date >= today - dt.timedelta(days=59),
            Receivable.due_date <= today + dt.timedelta(days=45),
        )
        overdue = open_bills.where(Receivable.due_date < today)
        base = (
            select(Subscriber.id, Subscriber.name)
            .where(
                Subscriber.id.in_(voice),
                Subscriber.id.in_(radius),
                Subscriber.id.in_(select(Invoice.subscriber_id)),
                Subscriber.id.in_(open_bills),
                Subscriber.person_type == "F",
            )
            .order_by(Subscriber.id)
            .limit(1)
        )
        row = session.execute(base.where(Subscriber.id.in_(overdue))).first()
        row = row or session.execute(base).one()
        return int(row.id), str(row.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument("--db", default=None)
    parser.add_argument("--printer", default="SINK", help="this station's printer for the run")
    args = parser.parse_args()

    from desktop.app import create_application
    from desktop.ui.counter import CounterController
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tabs import BoletosTab, CallsTab, ConnectionsTab, InvoicesTab, SubscriberTab
    from desktop.ui.workspace import WorkspaceView

    db = Database(args.db or default_database_url())
    ensure_demo(db, args.subscribers)
    ensure_invoices(db)
    station = load_station_config()
    save_station_config(StationConfig(station.database_url, "loja-centro-balcao-02", args.printer))
    subscriber_id, name = pick_subscriber(db)
    print(f"subscriber: {subscriber_id} {name}", flush=True)

    app = create_application([sys.argv[0]])
    controller = CounterController(db, "loja-centro-balcao-02")

    def window() -> MainWindow:
        assert controller.window is not None
        return controller.window

    def view() -> WorkspaceView | None:
        widget = window().tabs.currentWidget()
        if isinstance(widget, WorkspaceView) and widget.workspace is not None:
            return widget
        return None

    def tab(cls: type[SubscriberTab]) -> SubscriberTab | None:
        current = view()
        return current.tab(cls) if current is not None else None

    def log_in() -> None:
        dialog = controller.login_dialog
        assert dialog is not None
        QTest.keyClicks(dialog.login_edit, LOGIN)
        QTest.keyClicks(dialog.password_edit, PASSWORD)
        dialog.submit()

    def show(cls: type[SubscriberTab]) -> Callable[[], None]:
        def action() -> None:
            current = view()
            widget = tab(cls)
            assert current is not None and widget is not None
            current.tabs.setCurrentWidget(widget)

        return action

    def idle(cls: type[SubscriberTab], rows: int = 1) -> Callable[[], bool]:
        def ready() -> bool:
            widget = tab(cls)
            model = getattr(widget, "model", None)
            busy = getattr(widget, "busy", None)
            return (
                model is not None
                and busy is not None
                and model.rowCount() >= rows
                and not model.loading
                and not busy.isVisible()
            )

        return ready

    def click(cls: type[SubscriberTab], button: str) -> Callable[[], None]:
        def action() -> None:
            widget = tab(cls)
            assert widget is not None
            getattr(widget, button).click()

        return action

    def last_month(cls: type[SubscriberTab]) -> Callable[[], None]:
        def action() -> None:
            widget = tab(cls)
            assert widget is not None
            end = today_local().replace(day=1) - dt.timedelta(days=1)
            widget.period_picker.set_period(end.replace(day=1), end)  # type: ignore[attr-defined]
            widget.view_button.click()  # type: ignore[attr-defined]

        return action

    def select_row(cls: type[SubscriberTab], row: int) -> Callable[[], None]:
        def action() -> None:
            widget = tab(cls)
            assert widget is not None
            table = widget.table  # type: ignore[attr-defined]
            table.setFocus()
            table.selectRow(row)

        return action

    def printed() -> bool:
        widget = tab(BoletosTab)
        return isinstance(widget, BoletosTab) and widget.confirmation.isVisible()

    out: Path = args.out
    steps: list[Step] = [
        ("log in", lambda: controller.login_dialog is not None, log_in),
        (
            "open subscriber",
            lambda: controller.window is not None and controller.window.isVisible(),
            lambda: window().open_subscriber(subscriber_id, name) and None,
        ),
        ("calls tab", lambda: tab(CallsTab) is not None, show(CallsTab)),
        # Early in a month the current one has few records: show the last full month.
        ("last month", lambda: True, last_month(CallsTab)),
        ("calls.png", idle(CallsTab), lambda: shoot(out / "calls.png")),
        ("connections tab", lambda: True, show(ConnectionsTab)),
        ("ver", lambda: True, last_month(ConnectionsTab)),
        ("connections.png", idle(ConnectionsTab), lambda: shoot(out / "connections.png")),
        ("invoices tab", lambda: True, show(InvoicesTab)),
        ("select invoice", idle(InvoicesTab), select_row(InvoicesTab, 0)),
        ("invoices.png", lambda: True, lambda: shoot(out / "invoices.png")),
        ("boletos tab", lambda: True, show(BoletosTab)),
        ("select bill", idle(BoletosTab), select_row(BoletosTab, 0)),
        ("print bill", lambda: True, click(BoletosTab, "print_button")),
        ("boletos.png", printed, lambda: shoot(out / "boletos.png")),
    ]

    def guarded(name: str, action: Callable[[], None]) -> Callable[[], None]:
        # An exception inside a step would end the Driver's timer chain and hang the run.
        def run() -> None:
            try:
                action()
            except Exception as exc:
                driver.failed = f"step {name!r} failed: {exc!r}"
                QApplication.quit()
                raise

        return run

    driver = Driver([(name, ready, guarded(name, action)) for name, ready, action in steps])
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
