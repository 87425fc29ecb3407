"""*Declaração de quitação* on the Extrato Financeiro tab: the button opens the dialog; a year
with an open bill shows the refusal in words; a settled year shows the PDF (QtPdf), prints
on the real CUPS SINK queue and is e-mailed through a real local SMTP server.  Screenshots at
1366×768 and 1024×768 land in docs/screenshots/."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow

from desktop.db import Database
from desktop.domain.enums import ReceivableStatus, Role
from desktop.services import subscribers, ticket_search, tickets
from desktop.ui.pdf_view import PdfPreviewDialog
from desktop.ui.tabs import FinancialTab, TabContext
from desktop.ui.tabs.quitacao_dialog import QuitacaoDialog
from desktop.ui.workers import runner
from tests.conftest import kiosk, make_user
from tests.factories import receivable, subscriber
from tests.services.test_ticket_receipts import Inbox, configure_smtp, smtp_server  # noqa: F401
from tests.ui.tab_helpers import sink_job_bytes, sink_printer

TODAY = dt.date(2026, 12, 7)
# CENTRAL_SHOTS_DIR=docs/screenshots refreshes the README's pictures; otherwise a test run
# leaves the checkout clean.
SHOTS_DIR = os.environ.get("CENTRAL_SHOTS_DIR")


@pytest.fixture
def setup(sqlite_db: Database):
    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    sub, contract = subscriber(sqlite_db, "Maria Aparecida da Conceição")
    r = lambda *a, **k: receivable(sqlite_db, sub, *a, contract_id=contract, **k)  # noqa: E731
    for month in range(1, 13):  # 2024 all paid
        r(dt.date(2024, month, 10), status=ReceivableStatus.PAID)
    r(dt.date(2025, 1, 10), status=ReceivableStatus.PAID)
    r(dt.date(2025, 2, 10), "119.90", description="Mensalidade 02/2025 - Fibra 500")  # open
    ticket = tickets.open_ticket(sqlite_db, actor, sub, "Informação", "Atendimento no balcão")
    return sqlite_db, actor, sub, ticket.id


def make_tab(qtbot, db: Database, actor, sub: int, ticket_id: int | None = None) -> FinancialTab:
    ws = subscribers.workspace(db, actor, sub)
    context = TabContext(db, actor, ws, runner(), lambda: TODAY, session_ticket_id=ticket_id)
    widget = FinancialTab(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.activated()
    return widget


def open_dialog(qtbot, tab: FinancialTab) -> QuitacaoDialog:
    qtbot.mouseClick(tab.quitacao_button, Qt.MouseButton.LeftButton)
    dialog = tab.quitacao_dialog
    assert isinstance(dialog, QuitacaoDialog)
    qtbot.waitExposed(dialog)
    return dialog


def choose_year(dialog: QuitacaoDialog, year: int) -> None:
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(year))


def test_button_opens_the_dialog_and_an_open_bill_is_refused_in_words(qtbot, setup) -> None:
    db, actor, sub, _ticket = setup
    tab = make_tab(qtbot, db, actor, sub)
    assert tab.quitacao_button.text() == "Quitação anual"
    assert "Declaração de quitação" in tab.quitacao_button.toolTip()
    dialog = open_dialog(qtbot, tab)
    years = [dialog.year_combo.itemText(i) for i in range(dialog.year_combo.count())]
    assert years[:3] == ["2025", "2024", "2023"] and len(years) == 10  # closed years only
    assert dialog.year() == 2025
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    message = dialog.result_bar.message
    assert message.kind == "error"
    assert message.text() == (
        "Não é possível emitir a declaração de quitação de 2025: há 1 conta em aberto com "
        "vencimento em 2025: Mensalidade 02/2025 - Fibra 500 (vencimento 10/02/2025, "
        "R$ 119,90). Depois do pagamento, a declaração pode ser emitida."
    )
    assert dialog.preview_dialog is None
    assert all(b.isEnabled() for b in dialog.action_buttons)  # ready for another year
    choose_year(dialog, 2024)
    assert message.text() == ""  # a new year clears the old answer
    dialog.reject()
    qtbot.waitUntil(lambda: tab.quitacao_dialog is None)


def test_a_settled_year_is_shown_as_pdf_and_noted_in_the_atendimento(qtbot, setup) -> None:
    db, actor, sub, ticket = setup
    tab = make_tab(qtbot, db, actor, sub, ticket)
    dialog = open_dialog(qtbot, tab)
    choose_year(dialog, 2024)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview_dialog
    assert isinstance(preview, PdfPreviewDialog), dialog.result_bar.message.text()
    assert preview.page_count == 1
    assert preview.windowTitle() == "Declaração de quitação 2024 — Maria Aparecida da Conceição"
    qtbot.waitUntil(
        lambda: (
            ticket_search.detail(db, actor, ticket).history[-1].text
            == "Declaração de quitação de 2024 exibida."
        )
    )
    preview.close()


@pytest.mark.cups
def test_print_goes_to_the_station_printer(qtbot, setup, tmp_path: Path) -> None:
    db, actor, sub, ticket = setup
    queues = sink_printer()
    tab = make_tab(qtbot, db, actor, sub, ticket)
    dialog = open_dialog(qtbot, tab)
    choose_year(dialog, 2024)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    message = dialog.result_bar.message
    assert message.kind == "info", message.text()
    assert message.text() == f"Declaração enviada para a impressora {queues.sink_queue}."
    outcome = dialog.result_bar.last_outcome
    assert outcome is not None and outcome.job_id
    path = tmp_path / "impressa.pdf"
    path.write_bytes(sink_job_bytes(queues, outcome.job_id))
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Lei nº 12.007" in text and "31 de dezembro de 2024" in " ".join(text.split())
    history = ticket_search.detail(db, actor, ticket).history
    assert history[-1].text == "Declaração de quitação de 2024 impressa."


def test_email_reaches_the_subscriber(qtbot, setup, smtp_server) -> None:  # noqa: F811
    db, _actor, sub, _ticket = setup
    inbox, port = smtp_server
    configure_smtp(db, port)
    tab = make_tab(qtbot, db, kiosk(sub), sub)  # the kiosk too: to the registered address
    dialog = open_dialog(qtbot, tab)
    assert not dialog.result_bar._allow_save  # no file dialogs at a kiosk
    choose_year(dialog, 2024)
    qtbot.mouseClick(dialog.email_button, Qt.MouseButton.LeftButton)
    message = dialog.result_bar.message
    assert message.kind == "info", message.text()
    assert message.text().startswith("Declaração de 2024 enviada para c***@example.com.br")
    [(to, mail)] = inbox.messages
    assert to[0].endswith("@example.com.br")
    subject = str(make_header(decode_header(mail["Subject"])))
    assert (
        subject
        == "Declaração anual de quitação de débitos 2024 — Provedor Exemplo Telecomunicações Ltda"
    )
    [part] = [p for p in mail.walk() if p.get_filename()]
    assert part.get_filename() == "declaracao-quitacao-2024.pdf"
    assert part.get_payload(decode=True).startswith(b"%PDF-")


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_screenshot_of_the_dialog_over_the_tab(
    qtbot, setup, size: tuple[int, int], tmp_path: Path
) -> None:
    db, actor, sub, _ticket = setup
    ws = subscribers.workspace(db, actor, sub)
    window = QMainWindow()
    qtbot.addWidget(window)
    tab = FinancialTab(TabContext(db, actor, ws, runner(), lambda: TODAY))
    window.setCentralWidget(tab)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    tab.activated()
    qtbot.wait(50)  # the totals' old labels are deleted by the event loop
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])  # the tab fits the screen
    dialog = open_dialog(qtbot, tab)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)  # 2025: the refusal
    assert dialog.result_bar.message.kind == "error"
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    assert dialog.sizeHint().width() <= size[0]  # nothing cut at 1024 px
    shots = Path(SHOTS_DIR) if SHOTS_DIR else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    # The screen: the tab behind, the dialog where a window manager would centre it.
    shot = QPixmap(*size)
    shot.fill(Qt.GlobalColor.darkGray)
    painter = QPainter(shot)
    painter.drawPixmap(QPoint(0, 0), window.grab())
    body = dialog.grab()
    painter.drawPixmap(
        QPoint((shot.width() - body.width()) // 2, (shot.height() - body.height()) // 3), body
    )
    painter.end()
    path = shots / f"quitacao_dialog_{size[0]}x{size[1]}.png"
    assert shot.save(str(path))
    assert QPixmap(str(path)).size().toTuple() == size
    dialog.reject()
