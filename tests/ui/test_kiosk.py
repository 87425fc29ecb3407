"""Kiosk mode against a real SQLite database: login, menus, idle logout, no way out.

Jobs run inline (the synchronous pool of tests/ui/conftest.py) and the idle timer is driven by
a fake clock and its slot, never by sleeping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

import desktop
from desktop.db import Database
from desktop.domain.enums import ReceivableStatus, Role, TicketStatus
from desktop.domain.passwords import hash_password_fast
from desktop.domain.vocabulary.words import TICKET_TYPE_KIOSK_SESSION
from desktop.models import Subscriber, Ticket, TicketEvent
from desktop.services import settings
from desktop.ui.kiosk import KioskWindow
from desktop.ui.kiosk.admin_exit import CORNER_PX, NOT_ADMIN, TAPS
from desktop.ui.kiosk.idle import WARNING_S
from desktop.ui.kiosk.keypad import ALPHA, BACKSPACE, NUMERIC, DocumentEdit
from desktop.ui.kiosk.screens import TaskScreen
from desktop.ui.kiosk.touch import MIN_TARGET_PX
from desktop.ui.tabs import FinancialTab
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber

NAME = "Joaquina Bezerra Quiosque"
PASSWORD = "segredo-1"
TODAY = dt.date(2026, 11, 30)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sub_id(sqlite_db: Database) -> int:
    """Internet only (no voice terminal), with bills: no Extrato de Ligação."""
    sub, contract = subscriber(sqlite_db, NAME, CPFS[1], login="joaquina@net")
    receivable(sqlite_db, sub, dt.date(2026, 10, 10), contract_id=contract)
    receivable(
        sqlite_db, sub, dt.date(2026, 9, 10), contract_id=contract, status=ReceivableStatus.PAID
    )
    receivable(sqlite_db, sub, dt.date(2026, 12, 10), contract_id=contract)
    with sqlite_db.session() as session:
        row = session.get(Subscriber, sub)
        assert row is not None
        row.password_hash = hash_password_fast(PASSWORD)
    return sub


@pytest.fixture
def window(qtbot, sqlite_db: Database, sub_id: int, clock: FakeClock) -> Iterator[KioskWindow]:
    win = KioskWindow(sqlite_db, "quiosque-loja-1", today=lambda: TODAY, clock=clock)
    win.start()
    win.show_kiosk(windowed=True)
    qtbot.waitExposed(win)
    yield win
    # Not qtbot.addWidget: qtbot closes its widgets before this teardown, and the kiosk
    # refuses to close until allowed.
    win.allow_close()
    win.close()
    win.deleteLater()
    flush_deletes()


def type_login(win: KioskWindow, document: str, password: str) -> None:
    win.welcome.start_button.click()
    assert win.current() is win.login
    keypad = win.login.keypad
    assert keypad.target is win.login.document_edit and keypad.mode == NUMERIC
    for char in document:
        keypad.press(char)
    win.login.password_edit.setFocus()
    keypad.attach(win.login.password_edit)
    assert keypad.mode == ALPHA
    for char in password:
        keypad.press(char)
    win.login.enter_button.click()


def login(win: KioskWindow) -> None:
    type_login(win, CPFS[1], PASSWORD)
    assert win.session is not None, win.login.message.text()


def visible_texts() -> list[str]:
    """Every text a label, field, button or list shows, in every live window."""
    found: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                found.append(widget.text())
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for row in range(model.rowCount()):
                    for column in range(model.columnCount()):
                        found.append(str(model.index(row, column).data() or ""))
    return found


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# --------------------------------------------------------------------------- login
def test_the_document_field_keeps_its_mask(qtbot) -> None:
    edit = DocumentEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "529.982.247-25")
    assert (edit.text(), edit.raw) == ("529.982.247-25", "52998224725")
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "529.982.247-2"
    qtbot.keyClicks(edit, "x")  # letters make it an alphanumeric CNPJ
    assert edit.text() == "52.998.224/72X"
    edit.clear()
    qtbot.keyClicks(edit, "12abc34501de35zz")
    assert (edit.text(), edit.raw) == ("12.ABC.345/01DE-35", "12ABC34501DE35")


REFUSED = (
    "CPF/CNPJ ou senha incorretos. Após 5 tentativas erradas o acesso fica bloqueado por "
    "15 minutos."
)


def test_wrong_password_is_refused_on_screen(window: KioskWindow) -> None:
    type_login(window, CPFS[1], "errada-123")
    assert window.session is None
    assert window.current() is window.login
    assert window.login.message.isVisible()
    assert window.login.message.text() == REFUSED
    assert window.login.password_edit.text() == ""
    assert window.login.document_edit.raw == CPFS[1]  # the CPF stays for another try


def test_an_invalid_cpf_is_asked_again_without_querying(window: KioskWindow, sync_pool) -> None:
    started = sync_pool.started
    type_login(window, "12345678900", PASSWORD)
    assert window.login.message.text() == "Confira o CPF ou CNPJ digitado."
    assert sync_pool.started == started


def test_lockout_after_five_failures(window: KioskWindow) -> None:
    # One answer throughout (a kiosk must not learn that a CPF has an account, or that it
    # is locked): it says the lockout rule instead.
    for _ in range(5):
        type_login(window, CPFS[1], "errada-123")
        assert window.login.message.text() == REFUSED
        window.login.back_button.click()
    type_login(window, CPFS[1], PASSWORD)  # the right password, but locked
    assert window.session is None
    assert window.login.message.text() == REFUSED


def test_login_shows_only_the_subscribers_menus_and_the_protocol(
    window: KioskWindow, sqlite_db: Database, sub_id: int
) -> None:
    login(window)
    menu = window.menu_screen
    assert menu is not None and window.current() is menu
    assert menu.titles() == [
        "Extrato de Conexões",
        "Extrato Financeiro",
        "Segunda via Boleto",
        "Atendimentos",
    ]
    with sqlite_db.session() as session:
        ticket = session.scalars(select(Ticket).where(Ticket.subscriber_id == sub_id)).one()
        assert ticket.type == TICKET_TYPE_KIOSK_SESSION
        assert ticket.status is TicketStatus.IN_PROGRESS
        protocol = ticket.protocol
    header = menu.header
    assert header.name_label.text() == NAME
    assert header.protocol_label.text().replace(" ", "") == protocol
    assert header.document_label.text() == "CPF ***.444.777-**"
    assert not any("111.444.777-35" in t or CPFS[1] in t for t in visible_texts())
    assert window.login.document_edit.text() == "" and window.login.password_edit.text() == ""


def test_a_menu_opens_alone_in_the_kiosk_frame_and_is_recorded(
    window: KioskWindow, sqlite_db: Database
) -> None:
    login(window)
    assert window.menu_screen is not None and window.session is not None
    window.menu_screen.buttons[FinancialTab].click()
    screen = window.task_screen
    assert isinstance(screen, TaskScreen) and window.current() is screen
    assert isinstance(screen.tab, FinancialTab)
    assert screen.tab.model.rowCount() == 3
    assert screen.header.title_label.text() == "Extrato Financeiro"
    with sqlite_db.session() as session:
        texts = session.scalars(
            select(TicketEvent.text).where(TicketEvent.ticket_id == window.session.ticket.id)
        ).all()
    assert "Abriu no quiosque: Extrato Financeiro." in texts

    screen.back_button.click()  # Voltar: the menu again, the tab destroyed
    assert window.current() is window.menu_screen and window.task_screen is None


def test_every_target_is_finger_sized(window: KioskWindow) -> None:
    def small_targets() -> list[str]:
        return [
            f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r} "
            f"{w.height()}px"
            for w in window.findChildren(QWidget)
            if isinstance(w, QAbstractButton | QLineEdit | QComboBox)
            and w.isVisible()
            and w.height() < MIN_TARGET_PX
        ]

    assert small_targets() == []
    window.welcome.start_button.click()
    assert small_targets() == []
    login(window)
    assert small_targets() == []
    assert window.menu_screen is not None
    window.menu_screen.buttons[FinancialTab].click()
    assert small_targets() == []
    assert window.task_screen is not None
    tab = window.task_screen.tab
    assert isinstance(tab, FinancialTab)
    assert tab.table.verticalHeader().defaultSectionSize() >= MIN_TARGET_PX


# --------------------------------------------------------------------------- logout
def test_idle_timeout_logs_out_and_leaves_nothing_of_the_subscriber(
    window: KioskWindow, sqlite_db: Database, clock: FakeClock
) -> None:
    admin = make_user(sqlite_db, "chefe", Role.ADMIN)
    settings.change(sqlite_db, admin, "kiosk.idle_timeout_s", "30")
    login(window)
    assert window.session is not None and window.session.idle_timeout_s == 30
    ticket_id = window.session.ticket.id
    assert window.menu_screen is not None
    window.menu_screen.buttons[FinancialTab].click()
    assert NAME in visible_texts()

    clock.now += 30 - WARNING_S - 1  # 14 s idle: no countdown yet
    window.idle.check()
    assert not window.overlay.isVisible()
    clock.now += 8  # 22 s idle: 8 s left
    window.idle.check()
    assert window.overlay.isVisible()
    assert window.overlay.hint.text() == "Toque na tela para continuar"
    assert "8 segundos" in window.overlay.seconds.text()

    # A touch anywhere starts over (a real press, through the window as the screen sends it).
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not window.overlay.isVisible()
    clock.now += 29
    window.idle.check()
    assert window.session is not None and window.overlay.isVisible()  # 1 s left
    clock.now += 1  # 30 s without a touch
    window.idle.check()

    assert window.session is None
    assert window.current() is window.welcome
    assert window.menu_screen is None and window.task_screen is None
    flush_deletes()
    shown = visible_texts()
    assert not any(NAME in text or "Joaquina" in text for text in shown)
    assert not any(CPFS[1] in text.replace(".", "").replace("-", "") for text in shown)
    assert not window.overlay.isVisible()
    with sqlite_db.session() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None and ticket.status is TicketStatus.CLOSED
        assert (
            session.scalars(
                select(TicketEvent.text)
                .where(TicketEvent.ticket_id == ticket_id)
                .order_by(TicketEvent.id.desc())
            ).first()
            == "Sessão do quiosque encerrada por inatividade."
        )


def test_sair_logs_out_at_once(window: KioskWindow) -> None:
    login(window)
    assert window.menu_screen is not None
    window.menu_screen.exit_button.click()
    assert window.session is None and window.current() is window.welcome
    assert not window.idle.active


def test_a_half_typed_login_does_not_stay_on_screen(window: KioskWindow, clock: FakeClock) -> None:
    window.welcome.start_button.click()
    for char in CPFS[1][:6]:
        window.login.keypad.press(char)
    window.login.keypad.press(BACKSPACE)
    assert window.login.document_edit.text() == "111.44"
    clock.now += 91
    window.idle.check()
    assert window.current() is window.welcome
    assert window.login.document_edit.text() == ""


# --------------------------------------------------------------------------- no way out
def test_close_is_refused_without_an_administrator(
    qtbot, window: KioskWindow, sqlite_db: Database, clock: FakeClock
) -> None:
    window._may_close = False  # the fixture's allow_close has not run yet; be explicit
    assert window.close() is False
    assert window.isVisible()
    window.welcome.start_button.click()
    handle = window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_Escape)
    QTest.keyClick(handle, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible() and window.current() is window.login

    # The hidden gesture: five taps in the top-right corner within three seconds.
    corner = QPoint(window.width() - CORNER_PX // 2, CORNER_PX // 2)
    for _ in range(TAPS - 1):
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=corner)
        clock.now += 0.5
    assert window.exit_dialog is None
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=corner)
    dialog = window.exit_dialog
    assert dialog is not None and dialog.isVisible()

    make_user(sqlite_db, "balconista", Role.ATTENDANT, "senha-forte-1")
    dialog.login_edit.setText("balconista")
    dialog.password_edit.setText("senha-forte-1")
    dialog.submit()
    assert dialog.message.text() == NOT_ADMIN
    assert window.close() is False and window.isVisible()

    make_user(sqlite_db, "chefe", Role.ADMIN, "senha-forte-2")
    dialog.login_edit.setText("chefe")
    dialog.password_edit.setText("senha-forte-2")
    dialog.submit()
    assert window.may_close
    assert not window.isVisible()


def test_slow_taps_do_not_open_the_exit(window: KioskWindow, clock: FakeClock) -> None:
    corner = window.mapToGlobal(QPoint(window.width() - 10, 10))
    for _ in range(TAPS * 2):
        window.guard.tap(corner)
        clock.now += 1.0  # five taps span four seconds
    assert window.exit_dialog is None
    middle = window.mapToGlobal(window.rect().center())
    for _ in range(TAPS):
        window.guard.tap(middle)
    assert window.exit_dialog is None


def test_printing_never_opens_a_print_dialog() -> None:
    """The kiosk prints straight to the station's printer: no print dialog anywhere on its path."""
    root = Path(desktop.__file__).parent
    paths = [
        *sorted((root / "ui" / "tabs").glob("*.py")),
        *sorted((root / "ui" / "kiosk").glob("*.py")),
        root / "adapters" / "printing.py",
        root / "adapters" / "qt_printing.py",
    ]
    offenders = [
        str(p.relative_to(root))
        for p in paths
        if "QPrintDialog" in p.read_text(encoding="utf-8")
        or "QPrintPreviewDialog" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_kiosk_keeps_its_own_keys_unless_the_store_asks_for_qt_virtual_keyboard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PySide6-Addons ships Qt Virtual Keyboard's plugin: found is not asked for."""
    from desktop.ui.kiosk import keypad

    monkeypatch.delenv("QT_IM_MODULE", raising=False)
    monkeypatch.setattr(keypad, "_system_keyboard", False)
    assert keypad.use_system_keyboard() is False
