"""Drive the real kiosk on a demo database and save screenshots (docs/screenshots/kiosk_*.png).

    Xvfb :99 -screen 0 1366x768x24 -nolisten tcp &
    DISPLAY=:99 CENTRAL_DATA_DIR=/tmp/shots .venv/bin/python scripts/screenshots_kiosk.py

Steps (QTimer, each waits for its condition): the welcome screen (kiosk_welcome.png); a
touch, the CPF and password typed on the on-screen keys (kiosk_login.png); logged in, the
menu grid with the session's protocol (kiosk_menu.png); the Extrato Financeiro opened
(kiosk_financial.png).  The subscriber is a demo subscriber with a kiosk password (the demo
prints it: demo1234) and the most menus.  The window fills the screen (``--windowed`` at
the screen's size: no window manager under Xvfb).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from PySide6.QtWidgets import QApplication

from desktop.config.paths import default_database_url
from desktop.db import Database
from desktop.domain.actors import KioskActor
from desktop.models import Subscriber
from desktop.services import subscribers
from desktop.services.subscribers import Menu

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import Driver, ensure_demo, shoot  # the counter script's helpers

ROOT = Path(__file__).resolve().parent.parent
KIOSK_PASSWORD = "demo1234"  # desktop/demo/run.py


def pick_subscriber(db: Database) -> str:
    """The document of a person with a kiosk password, the financial menu and most menus."""
    with db.session() as session:
        rows = session.execute(
            select(Subscriber.id, Subscriber.document)
            .where(Subscriber.password_hash.is_not(None), Subscriber.person_type == "F")
            .order_by(Subscriber.id)
        ).all()
    best, best_count = "", -1
    for sub_id, document in rows:
        menus = subscribers.workspace(db, KioskActor(sub_id, "captura"), sub_id).menus
        if Menu.FINANCIAL in menus and len(menus) > best_count:
            best, best_count = document, len(menus)
    if not best:
        raise SystemExit("no demo subscriber with a kiosk password")
    return str(best)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument(
        "--db", default=None, help="database URL (default: CENTRAL_DATA_DIR's SQLite)"
    )
    parser.add_argument("--language", default=None, help="pt_BR or en (default: the setting)")
    args = parser.parse_args()

    from desktop.app import create_application
    from desktop.ui.i18n import install_translator, interface_language
    from desktop.ui.kiosk.window import KioskWindow, apply_kiosk_font
    from desktop.ui.tabs import FinancialTab

    db = Database(args.db or default_database_url())
    ensure_demo(db, args.subscribers)
    document = pick_subscriber(db)
    print(f"subscriber: {document}", flush=True)

    app = create_application([sys.argv[0]])
    apply_kiosk_font(app)
    install_translator(app, args.language or interface_language(db))
    window = KioskWindow(db, "loja-centro-quiosque-01")
    screen = QApplication.primaryScreen()
    size = screen.geometry().size() if screen is not None else None
    window.start()
    window.show_kiosk(windowed=True, size=(size.width(), size.height()) if size else (1366, 768))
    window.move(0, 0)

    def type_credentials() -> None:
        keypad = window.login.keypad
        for char in document:
            keypad.press(char)
        window.login.password_edit.setFocus()
        keypad.attach(window.login.password_edit)
        for char in KIOSK_PASSWORD:
            keypad.press(char)

    def logged_in() -> bool:
        return window.menu_screen is not None and window.current() is window.menu_screen

    def leave() -> None:
        window.logout()
        window.allow_close()  # QApplication.quit() closes the windows first

    def open_financial() -> None:
        assert window.menu_screen is not None
        window.menu_screen.buttons[FinancialTab].click()

    def financial_ready() -> bool:
        screen = window.task_screen
        if screen is None or not isinstance(screen.tab, FinancialTab):
            return False
        tab = screen.tab
        return tab.model.rowCount() > 0 and not tab.busy.isVisible()

    def scroll_statement() -> None:
        assert window.task_screen is not None
        tab = window.task_screen.tab
        assert isinstance(tab, FinancialTab)
        tab.table.scrollToBottom()  # the open and overdue items are the most recent

    out: Path = args.out
    steps: list[tuple[str, Callable[[], bool], Callable[[], None]]] = [
        ("welcome", lambda: window.isVisible(), lambda: None),
        ("kiosk_welcome.png", lambda: True, lambda: shoot(out / "kiosk_welcome.png")),
        ("touch", lambda: True, window.show_login),
        ("type", lambda: window.current() is window.login, type_credentials),
        ("kiosk_login.png", lambda: True, lambda: shoot(out / "kiosk_login.png")),
        ("log in", lambda: True, window.login.submit),
        ("kiosk_menu.png", logged_in, lambda: shoot(out / "kiosk_menu.png")),
        ("open the financial statement", lambda: True, open_financial),
        ("scroll", financial_ready, scroll_statement),
        ("kiosk_financial.png", financial_ready, lambda: shoot(out / "kiosk_financial.png")),
        ("leave", lambda: True, leave),
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
