"""The kiosk steps of ``pix_kiosk_demo.py``: each waits for its condition, acts, and shoots.

Touches are real mouse presses on the widgets (``QTest.mouseClick``, through the kiosk's
window, so the idle watcher sees them as it sees a finger); the CPF and the password are
typed on the kiosk's own on-screen keys.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from pix_kiosk_demo import KIOSK_PASSWORD, STATION, decode, login_groups
from screenshots import Driver, shoot

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def touch(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def drive(
    db: Any, psp: Any, document: str, login: str, out: Path, printer: str, receipt_printer: str
) -> int:
    from desktop.adapters import printing
    from desktop.app import create_application
    from desktop.ui.kiosk.window import KioskWindow, apply_kiosk_font
    from desktop.ui.tabs import FinancialTab

    app = create_application([sys.argv[0]])
    apply_kiosk_font(app)
    screen = QApplication.primaryScreen()
    width, height = (
        (screen.geometry().width(), screen.geometry().height()) if screen else (1366, 768)
    )
    tag = f"{width}x{height}"
    window = KioskWindow(db, STATION)
    window.start()
    window.show_kiosk(windowed=True, size=(width, height))
    window.move(0, 0)
    facts: dict[str, Any] = {}
    problems: list[str] = []

    def shot(n: int, name: str) -> Callable[[], None]:
        def take() -> None:
            path = out / f"pix_{n}_{name}_{tag}.png"
            shoot(path)
            facts[name] = path

        return take

    def tab() -> Any:
        screen_ = window.task_screen
        return screen_.tab if screen_ is not None else None

    def view() -> Any:
        """The PIX screen on display (None once it was left)."""
        t = tab()
        v = t.pix.view if t is not None else None
        return v if v is not None and shiboken6.isValid(v) and v.isVisible() else None

    def type_credentials() -> None:
        keypad = window.login.keypad
        for char in document:
            keypad.press(char)
        window.login.password_edit.setFocus()
        keypad.attach(window.login.password_edit)
        for char in KIOSK_PASSWORD:
            keypad.press(char)

    def statement_ready() -> bool:
        t = tab()
        return (
            isinstance(t, FinancialTab)
            and t.model.rowCount() > 0
            and not t.busy.isVisible()
            and t.pix.available is not None
        )

    def show_selected() -> None:
        t = tab()  # the bar scrolls the table to the bill it picked
        # The PIX row sits under the table: let the kiosk frame show it.
        window.task_screen.findChild(QWidget, "kioskTaskScroll").ensureWidgetVisible(t.pix)

    def qr_shown() -> bool:
        v = view()
        return v is not None and v.info is not None and v.pages.currentWidget() is v.wait_page

    def check_qr() -> None:
        payload = view().info.payload
        read = decode(facts["qr"])
        facts["qr_decoded"] = payload in read
        if payload not in read:
            problems.append(f"the QR on screen decoded to {read!r}, not the PSP's payload")
        print(f"QR decoded off the screenshot equals pixCopiaECola: {payload in read}", flush=True)

    def pay() -> None:
        txid = view().info.txid
        facts["e2e"] = psp.state.pay(txid)
        facts["paid_at"] = time.monotonic()
        view().confirmed.connect(lambda _r: facts.setdefault("confirmed_at", time.monotonic()))
        print(f"PSP: {txid} paid ({facts['e2e']})", flush=True)

    def confirmed() -> bool:
        v = view()
        if v is None or v.result is None:
            return False
        facts.setdefault("seconds", facts["confirmed_at"] - facts["paid_at"])
        return hasattr(v, "receipt_outcome")

    def check_confirmation() -> None:
        v = view()
        seconds = facts["seconds"]
        print(f"confirmation on screen {seconds:.2f} s after the payment: {v.done_label.text()!r}")
        print(f"  {v.protocol_label.text()}; receipt: {v.receipt_line.text()}", flush=True)
        if seconds > 5:
            problems.append(f"confirmation took {seconds:.1f} s")
        groups = login_groups(db, login)
        print(f"RADIUS groups of {login} now: {groups}", flush=True)
        if "bloqueado" in groups:
            problems.append("the login is still in the suspension group")
        outcome = v.receipt_outcome
        if not outcome.printed:
            problems.append(f"receipt not printed: {outcome.error}")
            return
        printing.wait_for_job(outcome.job_id)
        number = outcome.job_id.rsplit("-", 1)[1]
        data = Path(f"/var/spool/central-sink/job-{number}.bin").read_bytes()
        if receipt_printer:
            check_escpos(data, outcome.job_id)
            return
        pdf = out.parent / f".receipt-{tag}.pdf"
        pdf.write_bytes(data)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        pdf.unlink()
        ok = data.startswith(b"%PDF-") and facts["e2e"] in text and "COMPROVANTE" in text
        print(f"receipt {outcome.job_id} on {printer}: {len(data)} bytes, E2E in it: {ok}")
        if not ok:
            problems.append("the printed receipt is not the payment's")

    def check_escpos(data: bytes, job_id: str) -> None:
        from tests.escpos_stream import parse

        stream = parse(data)
        text = "\n".join(line.text for line in stream.lines)
        ok = (
            stream.qr_payloads == [facts["e2e"].encode()]
            and "COMPROVANTE DE PAGAMENTO" in text
            and view().info.txid in text
            and stream.commands[-1] == ("cut", b"\x00")
        )
        print(f"ESC/POS receipt {job_id}: {len(data)} bytes; QR = E2E id, text, cut: {ok}")
        print("\n".join(f"  | {line.text}" for line in stream.lines), flush=True)
        if not ok:
            problems.append("the thermal receipt is not the payment's")

    def back_to_statement() -> None:
        touch(view().close_button)

    def refreshed() -> bool:
        return view() is None and statement_ready() and not tab().model.loading

    def psp_down() -> None:
        psp.httpd.shutdown()
        psp.httpd.server_close()
        print("PSP stopped", flush=True)
        t = tab()
        rows = [r for r in range(t.model.rowCount()) if t.model.row_at(r).status.value == "aberto"]
        t.table.selectRow(rows[0])
        t.table.scrollTo(t.model.index(rows[0], 0))
        show_selected()

    def problem_shown() -> bool:
        v = view()
        return v is not None and v.pages.currentWidget() is v.problem_page

    def boleto_printed() -> bool:
        v = view()
        return v is not None and bool(v.boleto_line.text())

    steps: list[tuple[str, Callable[[], bool], Callable[[], None]]] = [
        ("welcome", window.isVisible, shot(1, "welcome")),
        ("touch", lambda: True, lambda: touch(window.welcome.start_button)),
        ("type", lambda: window.current() is window.login, type_credentials),
        ("login shot", lambda: True, shot(2, "login")),
        ("enter", lambda: True, lambda: touch(window.login.enter_button)),
        ("menu", lambda: window.current() is window.menu_screen, shot(3, "menu")),
        ("open", lambda: True, lambda: touch(window.menu_screen.buttons[FinancialTab])),
        ("statement", statement_ready, show_selected),
        ("statement shot", lambda: tab().pix.button.isEnabled(), shot(4, "statement")),
        ("pagar com pix", lambda: True, lambda: touch(tab().pix.button)),
        ("qr shot", qr_shown, shot(5, "qr")),
        ("qr decoded", lambda: True, check_qr),
        ("pay", lambda: view().checks >= 1, pay),
        ("confirmed shot", confirmed, shot(6, "confirmed")),
        ("checks", lambda: True, check_confirmation),
        ("back", lambda: True, back_to_statement),
        ("paid shot", refreshed, lambda: (show_selected(), shot(7, "paid")())),
        ("psp down", lambda: True, psp_down),
        (
            "pagar com pix again",
            lambda: tab().pix.button.isEnabled(),
            lambda: touch(tab().pix.button),
        ),
        ("psp down shot", problem_shown, shot(8, "psp_down")),
        ("boleto", lambda: True, lambda: touch(view().boleto_button)),
        ("boleto shot", boleto_printed, shot(9, "boleto")),
        ("leave", lambda: True, lambda: (window.logout(), window.allow_close())),
    ]
    driver = Driver(steps)
    driver.start()
    app.exec()
    db.dispose()
    if driver.failed:
        problems.append(driver.failed)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0
