"""Screenshots of the counter tabs Cartão de Crédito, Habilitação Provisória, Atendimentos and
Compra de Crédito, and of the Painel de Configurações, on a demo database.

    Xvfb :98 -screen 0 1366x768x24 -nolisten tcp &
    DISPLAY=:98 CENTRAL_DATA_DIR=/tmp/shots-desk .venv/bin/python scripts/screenshots_desk.py

The demo's *financeiro* user is logged in through the service (the login screen is in
``scripts/screenshots.py``), so the card tab shows **Cancelar pagamento**; the settings
panel is opened as the demo's *admin* and shows a refused fine of 5 % with its inline
message.  Each subscriber is picked from the data: one with a duplicated card payment, one
with a plan suspended for debt that may be enabled, one with many tickets and contacts, one
with SMS purchases.  Uses ``Driver``, ``shoot`` and ``ensure_demo`` from ``screenshots.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import Driver, ensure_demo, shoot

from desktop.config.paths import default_database_url
from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import utcnow
from desktop.domain.enums import ContractStatus
from desktop.models import (
    CardPayment,
    Contact,
    Contract,
    SmsAccount,
    SmsPurchase,
    Subscriber,
    Ticket,
)
from desktop.services import auth, enablement

ROOT = Path(__file__).resolve().parent.parent
STATION = "loja-centro-balcao-02"


def with_duplicate(db: Database) -> int:
    """A subscriber with a bill paid twice by card (the duplicate still live, if any)."""
    with db.session() as session:
        pairs = (
            select(CardPayment.subscriber_id)
            .where(CardPayment.receivable_id.is_not(None))
            .group_by(CardPayment.subscriber_id, CardPayment.receivable_id)
            .having(func.count() >= 2)
        )
        return int(session.scalars(pairs.order_by(CardPayment.subscriber_id)).first())


def with_enablement(db: Database, actor: CounterActor) -> int:
    with db.session() as session:
        candidates = list(
            session.scalars(
                select(Contract.subscriber_id)
                .where(Contract.status == ContractStatus.SUSPENDED_DEBT)
                .order_by(Contract.id)
            )
        )
    for sub_id in candidates:
        if any(o.allowed for o in enablement.eligible_contracts(db, actor, sub_id)):
            return sub_id
    return candidates[0]


def with_tickets(db: Database) -> int:
    """The most tickets in the last year, with at least two contacts (names in the filter)."""
    since = utcnow() - dt.timedelta(days=365)
    with db.session() as session:
        contacts = (
            select(Contact.subscriber_id).group_by(Contact.subscriber_id).having(func.count() >= 2)
        )
        return int(
            session.scalars(
                select(Ticket.subscriber_id)
                .where(Ticket.subscriber_id.in_(contacts), Ticket.opened_at >= since)
                .group_by(Ticket.subscriber_id)
                .order_by(func.count().desc(), Ticket.subscriber_id)
            ).first()
        )


def with_sms(db: Database) -> int:
    """A client with an SMS account and the most purchases (every status on screen)."""
    with db.session() as session:
        with_account = select(Contract.subscriber_id).join(
            SmsAccount, SmsAccount.contract_id == Contract.id
        )
        return int(
            session.scalars(
                select(SmsPurchase.subscriber_id)
                .where(SmsPurchase.subscriber_id.in_(with_account))
                .group_by(SmsPurchase.subscriber_id)
                .order_by(func.count(func.distinct(SmsPurchase.status)).desc(), func.count().desc())
            ).first()
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument("--db", default=None, help="database URL (default: CENTRAL_DATA_DIR's)")
    args = parser.parse_args()

    from desktop.app import create_application
    from desktop.ui.backoffice.settings_panel import SettingsPanel
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tabs import CardsTab, EnablementTab, SmsCreditsTab, TicketsTab
    from desktop.ui.workspace import WorkspaceView

    db = Database(args.db or default_database_url())
    ensure_demo(db, args.subscribers)
    finance = auth.login_counter(db, "financeiro", "financeiro-demo", STATION)
    admin = auth.login_counter(db, "admin", "admin-demo", STATION)
    picks = {
        CardsTab: with_duplicate(db),
        EnablementTab: with_enablement(db, finance),
        TicketsTab: with_tickets(db),
        SmsCreditsTab: with_sms(db),
    }
    with db.session() as session:
        for cls, sub_id in picks.items():
            print(f"{cls.__name__}: subscriber {sub_id} {session.get(Subscriber, sub_id).name}")

    app = create_application([sys.argv[0]])
    window = MainWindow(db, finance)
    screen = QApplication.primaryScreen()
    window.setGeometry(screen.availableGeometry())
    window.showMaximized()
    panel: list[SettingsPanel] = []

    def open_tab(cls: type) -> Callable[[], None]:
        def action() -> None:
            view = window.open_subscriber(picks[cls])
            if view.workspace is not None:
                tab = view.tab(cls)
                if tab is not None:
                    view.tabs.setCurrentWidget(tab)

        return action

    def show_tab(cls: type) -> Callable[[], None]:
        def action() -> None:
            view = window.tabs.currentWidget()
            assert isinstance(view, WorkspaceView)
            tab = view.tab(cls)
            assert tab is not None, cls
            view.tabs.setCurrentWidget(tab)

        return action

    def workspace_ready() -> bool:
        view = window.tabs.currentWidget()
        return isinstance(view, WorkspaceView) and view.workspace is not None

    def tab_ready(cls: type) -> Callable[[], bool]:
        def ready() -> bool:
            view = window.tabs.currentWidget()
            if not isinstance(view, WorkspaceView) or view.workspace is None:
                return False
            tab = view.tab(cls)
            return tab is not None and tab.model.rowCount() > 0 and not tab.model.loading

        return ready

    def select_duplicate() -> None:
        view = window.tabs.currentWidget()
        assert isinstance(view, WorkspaceView)
        tab = view.tab(CardsTab)
        assert isinstance(tab, CardsTab)
        row = tab.model.find_row(lambda item: item.duplicate_of is not None)
        tab.table.selectRow(max(row, 0))

    def select_first(cls: type) -> Callable[[], None]:
        def action() -> None:
            view = window.tabs.currentWidget()
            assert isinstance(view, WorkspaceView)
            tab = view.tab(cls)
            assert tab is not None
            tab.table.selectRow(0)

        return action

    def open_panel() -> None:
        window_ = SettingsPanel(db, admin)
        window_.setGeometry(screen.availableGeometry())
        window_.show()
        panel.append(window_)

    def panel_ready() -> bool:
        return bool(panel) and bool(panel[0].fields)

    def refuse_fine() -> None:
        p = panel[0]
        p.field("billing.fine_percent").set_text("5")
        p.save()  # 5 % is refused inline, under the field

    steps: list[tuple[str, Callable[[], bool], Callable[[], None]]] = []
    for cls, name, prepare in (
        (CardsTab, "cards.png", select_duplicate),
        (EnablementTab, "enablement.png", select_first(EnablementTab)),
        (TicketsTab, "tickets.png", select_first(TicketsTab)),
        (SmsCreditsTab, "sms.png", select_first(SmsCreditsTab)),
    ):
        steps += [
            (f"open {cls.__name__}", lambda: True, open_tab(cls)),
            (f"show {cls.__name__}", workspace_ready, show_tab(cls)),
            (f"prepare {name}", tab_ready(cls), prepare),
            (name, tab_ready(cls), lambda n=name: shoot(args.out / n)),
        ]
    steps += [
        ("open settings panel", lambda: True, open_panel),
        ("refuse a 5 % fine", panel_ready, refuse_fine),
        ("settings_panel.png", lambda: True, lambda: shoot(args.out / "settings_panel.png")),
    ]
    driver = Driver(steps)
    driver.start()
    app.exec()
    db.dispose()
    if driver.failed:
        print(f"error: {driver.failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
