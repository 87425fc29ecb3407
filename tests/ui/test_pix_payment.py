"""*Pagar com PIX* at the kiosk and the counter, against the local HTTPS PSP (mutual TLS).

What the subscriber relies on: the QR on screen is the PSP's charge (a camera decodes it), a
payment shows the confirmation within seconds and gives the access back, the bill settles
once, the receipt reaches the printer; a PSP that fails says so and offers the boleto;
leaving the screen stops watching and the job still settles a later payment.

The watching runs in the real thread pool here (not the synchronous one of conftest), so the
tests also show that the screen keeps answering while the PSP is slow.
"""

from __future__ import annotations

import itertools
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from desktop.adapters import pix_psp
from desktop.db import Database
from desktop.domain.actors import Actor, CounterActor
from desktop.domain.clock import today_local
from desktop.domain.enums import ContractStatus, Role
from desktop.domain.passwords import hash_password_fast
from desktop.models import BankAccount, Payment, Subscriber, TicketEvent
from desktop.services import pix_charges, pix_reconcile, settings, subscribers, tickets
from desktop.services.enablement_jobs import system_actor
from desktop.services.settlement import SettleOutcome
from desktop.ui import workers
from desktop.ui.kiosk import KioskWindow
from desktop.ui.kiosk.window import END_BY_IDLE
from desktop.ui.pix_button import PixPayBar, PixPaymentDialog, payable
from desktop.ui.pix_payment import PixPaymentView
from desktop.ui.tabs import BoletosTab, FinancialTab, TabContext
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.factories import CPFS
from tests.fakes.pix_pki import Pki, make_pki
from tests.fakes.pix_psp_server import CLIENT_ID, CLIENT_SECRET, PspServer
from tests.services.radius_setup import contract_state, groups, suspended
from tests.ui.tab_helpers import sink_job_bytes, sink_printer

PASSWORD = "segredo-1"


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def configure(db: Database, admin: CounterActor, server: PspServer, pki: Pki, **extra: str) -> None:
    values = {
        "pix.api_url": server.url,
        "pix.token_url": server.token_url,
        "pix.client_id": CLIENT_ID,
        "pix.client_secret": CLIENT_SECRET,
        "pix.client_cert": str(pki.client_cert),
        "pix.client_key": str(pki.client_key),
        "pix.ca_file": str(pki.ca_cert),
        "pix.timeout_s": "1",
        **extra,
    }
    for key, value in values.items():
        settings.change(db, admin, key, value)


@pytest.fixture
def admin(sqlite_db: Database) -> CounterActor:
    return make_user(sqlite_db, "chefe", Role.ADMIN)


@pytest.fixture
def psp(sqlite_db: Database, admin: CounterActor, pki: Pki) -> Iterator[PspServer]:
    pix_psp.forget_tokens()
    with PspServer(pki.ca_cert, pki.server_cert, pki.server_key) as server:
        configure(sqlite_db, admin, server, pki)
        yield server


@pytest.fixture
def threads() -> Iterator[None]:
    """The real thread pool: checks run off the GUI thread, results come back queued."""
    workers.set_pool(None)
    workers.reset_runner()
    yield
    workers.wait_for_workers()
    QCoreApplication.sendPostedEvents()


@pytest.fixture
def debtor(sqlite_db: Database) -> tuple[int, int, int]:
    """Joana, suspended for an overdue bill, with a kiosk password and a bank for boletos."""
    sub_id, contract_id, bill = suspended(sqlite_db)
    assert bill is not None
    with sqlite_db.session() as session:
        row = session.get(Subscriber, sub_id)
        assert row is not None
        row.password_hash = hash_password_fast(PASSWORD)
        session.add(
            BankAccount(
                bank_code="237",
                agency="1172",
                account="403005",
                account_dv="2",
                wallet="09",
                agreement="",
                beneficiary_name="Provedor Exemplo Ltda",
            )
        )
    return sub_id, contract_id, bill


def payments_of(db: Database, receivable_id: int) -> list[Payment]:
    with db.session() as session:
        return list(session.scalars(select(Payment).where(Payment.receivable_id == receivable_id)))


def decode_qr(view: PixPaymentView, tmp_path: Path) -> str:
    """What a camera reads off the screen: the QR widget grabbed, decoded by zbarimg."""
    path = tmp_path / "qr.png"
    assert view.qr.grab().save(str(path))
    done = subprocess.run(
        ["zbarimg", "--nodbus", "-q", "--raw", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "printed.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def cob_gets(psp: PspServer) -> int:
    return psp.state.count("GET", "/api/v2/cob/")


# --------------------------------------------------------------------------- kiosk
@pytest.fixture
def kiosk_window(qtbot: Any, sqlite_db: Database, threads: None) -> Iterator[KioskWindow]:
    win = KioskWindow(sqlite_db, "quiosque-loja-1")
    win.start()
    win.show_kiosk(windowed=True, size=(1024, 768))
    qtbot.waitExposed(win)
    yield win
    win.allow_close()
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def kiosk_pix_screen(qtbot: Any, win: KioskWindow, cls: type = FinancialTab) -> PixPaymentView:
    """Log in as Joana, open the menu, touch *Pagar com PIX* (her one open bill is picked)."""
    win.welcome.start_button.click()
    keypad = win.login.keypad
    for char in CPFS[0]:
        keypad.press(char)
    win.login.password_edit.setFocus()
    keypad.attach(win.login.password_edit)
    for char in PASSWORD:
        keypad.press(char)
    win.login.enter_button.click()
    qtbot.waitUntil(lambda: win.menu_screen is not None, timeout=10_000)
    assert win.menu_screen is not None
    win.menu_screen.buttons[cls].click()
    assert win.task_screen is not None
    bar: PixPayBar = win.task_screen.tab.pix  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bar.button.isEnabled(), timeout=10_000)
    assert bar.selected() is not None  # the only open bill, selected for her
    bar.button.click()
    view = bar.view
    assert view is not None
    qtbot.waitUntil(lambda: view.info is not None, timeout=10_000)
    return view


def test_a_suspended_subscriber_pays_at_the_kiosk_and_is_back_online(
    qtbot: Any,
    kiosk_window: KioskWindow,
    sqlite_db: Database,
    psp: PspServer,
    debtor: tuple[int, int, int],
    tmp_path: Path,
) -> None:
    queues = sink_printer()
    _sub_id, contract_id, bill = debtor
    view = kiosk_pix_screen(qtbot, kiosk_window)
    info = view.info
    assert info is not None and view.isVisible()
    assert decode_qr(view, tmp_path) == info.payload == psp.state.cobs[info.txid]["pixCopiaECola"]
    assert "99,90" in view.breakdown_label.text() and "2,00" in view.breakdown_label.text()
    assert view.amount_label.text().replace("\xa0", " ") == "R$ 102,73"
    assert (
        view.expiry_label.text().startswith("Expira em 59:") or "60:00" in view.expiry_label.text()
    )
    assert view.waiting_label.text() == "Aguardando pagamento…"
    shown = view.copy_paste.text()
    assert shown.replace("\u200b", "") == info.payload and view.copy_button.isHidden()
    # It fits the task frame of a 1024x768 kiosk (the frame leaves about 976x580).
    need = view.minimumSizeHint()
    assert need.width() <= 976 and need.height() <= 580, need
    qtbot.waitUntil(lambda: view.checks >= 2, timeout=10_000)  # watching, nothing paid
    assert payments_of(sqlite_db, bill) == []

    e2eid = psp.state.pay(info.txid)  # the subscriber's bank pays
    paid_at = time.monotonic()
    qtbot.waitUntil(lambda: view.result is not None, timeout=5_000)
    assert time.monotonic() - paid_at < 5
    assert view.done_label.text() == "Pagamento confirmado — seu acesso foi liberado"
    session = kiosk_window.session
    assert session is not None
    assert session.ticket.protocol.replace(" ", "") in view.protocol_label.text().replace(" ", "")
    assert contract_state(sqlite_db, contract_id)[0] is ContractStatus.ACTIVE
    assert all(group != "bloqueado" for group, _ in groups(sqlite_db))
    [payment] = payments_of(sqlite_db, bill)
    assert payment.source_key == f"pix:{e2eid}"
    with sqlite_db.session() as s:
        history = s.scalars(
            select(TicketEvent.action).where(TicketEvent.ticket_id == session.ticket.id)
        ).all()
    assert "pagamento_pix" in history  # in this session's atendimento

    qtbot.waitUntil(lambda: hasattr(view, "receipt_outcome"), timeout=10_000)
    outcome = view.receipt_outcome
    assert outcome.printed and outcome.printer == queues.sink_queue, outcome.error
    # The kiosk speaks to the subscriber: where to pick it up, never a queue name.
    assert "impressora do quiosque" in view.receipt_line.text()
    assert queues.sink_queue not in view.receipt_line.text()
    printed = pdf_text(sink_job_bytes(queues, outcome.job_id), tmp_path)
    assert "COMPROVANTE DE PAGAMENTO" in printed and e2eid in printed and "PIX" in printed
    assert "R$ 102,73" in printed and info.txid in printed
    assert "***." in printed and CPFS[0] not in printed  # the document masked

    again = pix_charges.check(sqlite_db, system_actor(), info.txid)  # the job, later
    assert [s.outcome for s in again.settled] == [SettleOutcome.ALREADY_SETTLED]
    assert len(payments_of(sqlite_db, bill)) == 1
    view.close_button.click()  # back to the statement, the bill now paid
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    tab = kiosk_window.task_screen.tab  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: tab.pix.selected() is None and not tab.pix.button.isEnabled())


def test_idle_logout_mid_wait_stops_watching_and_the_job_settles_later(
    qtbot: Any,
    kiosk_window: KioskWindow,
    sqlite_db: Database,
    psp: PspServer,
    debtor: tuple[int, int, int],
) -> None:
    _sub_id, contract_id, bill = debtor
    view = kiosk_pix_screen(qtbot, kiosk_window, BoletosTab)
    info = view.info
    assert info is not None
    qtbot.waitUntil(lambda: view.checks >= 1, timeout=10_000)
    kiosk_window.logout(END_BY_IDLE)  # what the idle timer does
    workers.wait_for_workers()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    seen = cob_gets(psp)
    qtbot.wait(2_600)  # more than a polling interval
    assert cob_gets(psp) == seen  # nobody watches any more
    e2eid = psp.state.pay(info.txid)  # paid on the way home
    report = pix_reconcile.reconcile_recent(sqlite_db, system_actor())
    assert report is not None and report.newly_settled == 1
    [payment] = payments_of(sqlite_db, bill)
    assert payment.source_key == f"pix:{e2eid}"
    assert contract_state(sqlite_db, contract_id)[0] is ContractStatus.ACTIVE


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def held_kiosk(
    qtbot: Any, sqlite_db: Database, threads: None
) -> Iterator[tuple[KioskWindow, _Clock]]:
    """The kiosk with a clock the test moves (the idle logout reads it)."""
    clock = _Clock()
    win = KioskWindow(sqlite_db, "quiosque-loja-1", clock=clock)
    win.start()
    win.show_kiosk(windowed=True, size=(1024, 768))
    qtbot.waitExposed(win)
    yield win, clock
    win.allow_close()
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def idle_past_the_timeout(win: KioskWindow, clock: _Clock) -> None:
    clock.now += win.idle.timeout_s + 60  # a minute past the logout, nobody touching
    win.idle.check()


def test_the_idle_logout_waits_while_a_pix_charge_waits_and_resumes_after_payment(
    qtbot: Any,
    held_kiosk: tuple[KioskWindow, _Clock],
    sqlite_db: Database,
    psp: PspServer,
    debtor: tuple[int, int, int],
) -> None:
    win, clock = held_kiosk
    view = kiosk_pix_screen(qtbot, win)
    assert view.waiting and win.idle.held
    idle_past_the_timeout(win, clock)  # reading the QR with the bank's app takes a while
    assert win.session is not None and view.isVisible() and view.polling
    assert not win.overlay.isVisible()  # no countdown over the QR either

    psp.state.pay(view.info.txid)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.result is not None, timeout=10_000)
    assert not view.waiting and not win.idle.held
    assert win.session is not None  # paid: the confirmation is on screen
    idle_past_the_timeout(win, clock)  # then the subscriber walks away
    assert win.session is None  # logged out as usual


def test_closing_the_pix_screen_or_its_expiry_gives_the_idle_logout_back(
    qtbot: Any,
    held_kiosk: tuple[KioskWindow, _Clock],
    sqlite_db: Database,
    psp: PspServer,
    debtor: tuple[int, int, int],
) -> None:
    import dataclasses
    import datetime as dt

    from desktop.domain.clock import utcnow

    win, clock = held_kiosk
    view = kiosk_pix_screen(qtbot, win)
    assert win.idle.held
    info = view.info
    assert info is not None
    view.info = dataclasses.replace(info, expires_at=utcnow() - dt.timedelta(seconds=1))
    view._tick()  # the countdown on screen reaches the charge's expiry
    assert not win.idle.held  # nothing left to wait for
    view.close_button.click()  # Voltar: the screen closes
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not win.idle.held
    idle_past_the_timeout(win, clock)
    assert win.session is None


# --------------------------------------------------------------------------- counter
def counter_tab(
    qtbot: Any, db: Database, actor: Actor, sub_id: int, cls: type = FinancialTab
) -> Any:
    ws = subscribers.workspace(db, actor, sub_id)
    ticket = tickets.start_session_protocol(db, actor, sub_id)
    tab = cls(TabContext(db, actor, ws, runner(), today_local, ticket.id))
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    tab.activated()
    return tab


def open_dialog(qtbot: Any, tab: Any) -> tuple[PixPaymentDialog, PixPaymentView]:
    bar: PixPayBar = tab.pix
    qtbot.waitUntil(lambda: bar.available is not None)
    tab.table.selectRow(
        next(r for r in range(tab.model.rowCount()) if payable(tab.model.row_at(r)))
    )
    assert bar.button.isEnabled(), bar.hint.text()
    bar.button.click()
    view = bar.view
    assert view is not None
    dialog = view.window()
    assert isinstance(dialog, PixPaymentDialog)
    return dialog, view


FAILURES = {
    "down": "não foi possível falar com o PSP",
    "500": "HTTP 500",
    "html": "não é JSON",
    "late": "não respondeu a tempo",
    "certificate": "recusou o certificado da empresa",
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failing_psp_is_said_in_words_and_the_boleto_offered(
    qtbot: Any,
    sqlite_db: Database,
    admin: CounterActor,
    psp: PspServer,
    pki: Pki,
    debtor: tuple[int, int, int],
    failure: str,
) -> None:
    queues = sink_printer()
    sub_id, _contract_id, bill = debtor
    if failure == "down":
        psp.httpd.shutdown()
        psp.httpd.server_close()
    elif failure == "certificate":  # a client certificate the PSP does not trust
        configure(
            sqlite_db,
            admin,
            psp,
            pki,
            **{"pix.client_cert": str(pki.stranger_cert), "pix.client_key": str(pki.stranger_key)},
        )
    elif failure == "late":
        psp.state.delay_s = 2.5
        psp.state.fail("PUT", "/api/v2/cob/", "late")
    else:
        psp.state.fail("PUT", "/api/v2/cob/", failure)
    tab = counter_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    dialog, view = open_dialog(qtbot, tab)
    assert view.pages.currentWidget() is view.problem_page
    message = view.problem_label.text()
    assert message.startswith("PIX indisponível") and "boleto" in message, message
    assert FAILURES[failure] in message, message
    assert "Traceback" not in message
    assert not view.polling and payments_of(sqlite_db, bill) == []
    assert view.boleto_button.isVisible()
    view.boleto_button.click()
    assert "Linha digitável" in view.boleto_line.text(), view.boleto_line.text()
    job = view.boleto_line.text()
    assert queues.sink_queue in job
    dialog.reject()


def test_closing_the_dialog_mid_wait_stops_the_poll_and_a_later_reconcile_settles(
    qtbot: Any,
    sqlite_db: Database,
    psp: PspServer,
    debtor: tuple[int, int, int],
    threads: None,
) -> None:
    sub_id, _contract_id, bill = debtor
    tab = counter_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and tab.pix.available is not None)
    dialog, view = open_dialog(qtbot, tab)
    qtbot.waitUntil(lambda: view.checks >= 1, timeout=10_000)
    dialog.reject()  # the attendant closes it (Esc)
    workers.wait_for_workers()
    QCoreApplication.sendPostedEvents()
    seen = cob_gets(psp)
    qtbot.wait(2_600)
    assert cob_gets(psp) == seen
    info = pix_charges.open_charges(sqlite_db, make_user(sqlite_db, "bia", Role.ATTENDANT))
    assert len(info) == 1
    e2eid = psp.state.pay(info[0])
    report = pix_reconcile.reconcile_recent(sqlite_db, system_actor())
    assert report is not None and report.newly_settled == 1
    assert [p.source_key for p in payments_of(sqlite_db, bill)] == [f"pix:{e2eid}"]


def test_the_screen_answers_while_the_psp_is_slow_and_never_asks_twice_at_once(
    qtbot: Any,
    sqlite_db: Database,
    admin: CounterActor,
    psp: PspServer,
    pki: Pki,
    debtor: tuple[int, int, int],
    threads: None,
) -> None:
    configure(sqlite_db, admin, psp, pki, **{"pix.timeout_s": "10"})
    sub_id, _contract_id, _bill = debtor
    tab = counter_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and tab.pix.available is not None)
    psp.state.delay_s = 3.0  # each check takes 3 s, longer than the polling interval
    psp.state.fail("GET", "/api/v2/cob/", "late", times=100)
    dialog, view = open_dialog(qtbot, tab)
    qtbot.waitUntil(lambda: view.info is not None, timeout=10_000)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    qtbot.wait(7_000)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    # The event loop never waited on the PSP: a 3 s check run on it would leave a 3 s gap.  (The
    # tick count only proves the timer ran; a loaded machine gives fewer than 140 ticks.)
    assert len(ticks) > 20 and max(gaps) < 0.5
    # 3 s per check, then 2 s before the next: at most two checks started in 7 s, one at a time.
    starts = [r for r in psp.state.requests if r["method"] == "GET" and "/cob/" in r["path"]]
    assert 1 <= len(starts) <= 2
    dialog.reject()


def test_the_button_follows_the_selection_and_says_when_pix_is_off(
    qtbot: Any, sqlite_db: Database, debtor: tuple[int, int, int]
) -> None:
    sub_id, _contract_id, _bill = debtor
    tab = counter_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    bar: PixPayBar = tab.pix
    assert bar.available is False  # pix.api_url empty
    assert bar.button.text() == "PIX indisponível" and not bar.button.isEnabled()
    assert "não está configurado" in bar.hint.text() and "boleto" in bar.hint.text()
    tab.table.selectRow(0)
    assert not bar.button.isEnabled() and bar.pay_selected() is None


def test_only_an_open_bill_can_be_paid(
    qtbot: Any, sqlite_db: Database, psp: PspServer, debtor: tuple[int, int, int]
) -> None:
    from desktop.domain.enums import PaymentMethod, ReceivableStatus
    from tests.factories import receivable

    sub_id, contract_id, _bill = debtor
    receivable(
        sqlite_db,
        sub_id,
        today_local().replace(day=1),
        contract_id=contract_id,
        status=ReceivableStatus.PAID,
        method=PaymentMethod.BOLETO,
    )
    tab = counter_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
    bar: PixPayBar = tab.pix
    assert bar.available is True and not bar.button.isEnabled()
    assert bar.hint.text() == "Selecione uma conta em aberto para pagar com PIX."
    statuses = [tab.model.row_at(r).status for r in range(tab.model.rowCount())]
    for row, status in enumerate(statuses):
        tab.table.selectRow(row)
        assert bar.button.isEnabled() is (status is ReceivableStatus.OPEN)
    assert QApplication.activeModalWidget() is None


def test_at_the_counter_the_receipt_goes_to_the_thermal_printer(
    qtbot: Any, sqlite_db: Database, psp: PspServer, debtor: tuple[int, int, int]
) -> None:
    from desktop.config.station import StationConfig, save_station_config
    from tests.adapters.test_escpos_printer import Listener
    from tests.escpos_stream import parse

    listener = Listener()
    try:
        save_station_config(
            StationConfig("sqlite://", "balcao-1", "NAO-USADA", f"tcp://127.0.0.1:{listener.port}")
        )
        sub_id, _contract_id, bill = debtor
        tab = counter_tab(qtbot, sqlite_db, make_user(sqlite_db, "ana", Role.ATTENDANT), sub_id)
        dialog, view = open_dialog(qtbot, tab)
        assert view.info is not None and view.copy_button.isVisible()  # the counter can copy
        view.copy_button.click()
        assert QApplication.clipboard().text() == view.info.payload
        e2eid = psp.state.pay(view.info.txid)
        qtbot.waitUntil(lambda: view.result is not None, timeout=5_000)
        assert view.done_label.text() == "Pagamento confirmado — seu acesso foi liberado"
        assert "térmica" in view.receipt_line.text(), view.receipt_line.text()
        [data] = listener.wait_for(1)
        stream = parse(data)
        assert stream.qr_payloads == [e2eid.encode()]  # the E2E id, in a printer-drawn QR
        text = "\n".join(line.text for line in stream.lines)
        assert "COMPROVANTE DE PAGAMENTO" in text and view.info.txid in text
        assert stream.commands[-1] == ("cut", b"\x00")
        assert len(payments_of(sqlite_db, bill)) == 1
        dialog.accept()
    finally:
        listener.close()
