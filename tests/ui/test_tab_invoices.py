"""Nota Fiscal tab: the list, actions enabled by selection, DANFE preview, XML, e-mail, print."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.db import Database
from desktop.domain import fiscal
from desktop.domain.actors import Actor
from desktop.domain.enums import Role
from desktop.services import invoices, settings, subscribers
from desktop.ui.pdf_view import PdfPreviewDialog
from desktop.ui.tabs import InvoicesTab, TabContext
from desktop.ui.workers import runner
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, subscriber
from tests.nfcom_factories import ISSUED, install_certificate, nfcom_proc, write
from tests.ui.conftest import RecordingDialogs, texts
from tests.ui.tab_helpers import plain, sink_job_bytes, sink_printer


@pytest.fixture
def setup(sqlite_db: Database, tmp_path: Path) -> tuple[Database, int]:
    db = sqlite_db
    install_certificate()
    finance = make_user(db, "fin", Role.FINANCE)
    sub, _ = subscriber(db, "Maria da Silva", CPFS[0])
    paths = [
        write(
            tmp_path,
            f"n{n}.xml",
            nfcom_proc(
                CPFS[0],
                number=n,
                amount=amount,
                issued_at=ISSUED + dt.timedelta(days=31 * (n - 1)),
            ),
        )
        for n, amount in ((1, "99.90"), (2, "129.90"))
    ]
    assert invoices.import_nfcom(db, finance, paths).imported == 2
    return db, sub


def make_tab(qtbot: Any, db: Database, actor: Actor, sub: int) -> InvoicesTab:
    ws = subscribers.workspace(db, actor, sub)
    widget = InvoicesTab(TabContext(db, actor, ws, runner(), lambda: dt.date(2026, 11, 30)))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.activated()
    return widget


@pytest.fixture
def tab(qtbot, setup) -> InvoicesTab:
    db, sub = setup
    return make_tab(qtbot, db, make_user(db, "ana", Role.ATTENDANT), sub)


def select_row(tab: InvoicesTab, row: int) -> None:
    tab.table.selectionModel().select(
        tab.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_lists_the_invoices_newest_first(tab: InvoicesTab, qtmodeltester) -> None:
    model = tab.model
    qtmodeltester.check(model)
    assert texts(model, 0) == ["2", "1"]
    assert texts(model, 1) == ["1", "1"]
    assert texts(model, 2) == ["NFCom (62)", "NFCom (62)"]
    assert texts(model, 3) == ["05/04/2026 08:00", "05/03/2026 08:00"]  # São Paulo time
    assert [plain(t) for t in texts(model, 4)] == ["R$ 129,90", "R$ 99,90"]
    # homologation documents (tpAmb=2, the test certificate) are never shown as of value
    assert texts(model, 5) == ["Autorizada — sem valor fiscal (homologação)"] * 2
    key = model.row_at(0).access_key
    assert fiscal.is_valid_key(key) and key in model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)


def test_actions_wait_for_a_selected_row(tab: InvoicesTab) -> None:
    assert [b.isEnabled() for b in tab.action_buttons] == [False, False, False]
    assert tab.xml_button.text() == "Salvar XML…"
    select_row(tab, 1)
    assert [b.isEnabled() for b in tab.action_buttons] == [True, True, True]
    tab.table.clearSelection()
    assert not tab.preview_button.isEnabled()


def test_visualizar_shows_the_danfe_in_a_pdf_view(qtbot, tab: InvoicesTab) -> None:
    select_row(tab, 0)
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    dialog = tab.preview_dialog
    assert isinstance(dialog, PdfPreviewDialog)
    qtbot.waitUntil(lambda: dialog.page_count >= 1)
    assert dialog.isVisible() and "DANFE-COM nº 2 série 1" in dialog.windowTitle()
    dialog.close()


def test_salvar_xml_writes_the_authorized_xml(
    qtbot, tab: InvoicesTab, recorded_dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    select_row(tab, 1)
    target = tmp_path / "nota.xml"
    recorded_dialogs.save_path = target
    qtbot.mouseClick(tab.xml_button, Qt.MouseButton.LeftButton)
    kind, _caption, suggested = recorded_dialogs.shown[-1]
    assert kind == "save_file" and suggested == f"{tab.model.row_at(1).access_key}-procNFCom.xml"
    data = target.read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert fiscal.validate_nfcom(data) == []
    assert tab.message.kind == "info" and str(target) in tab.message.text()


def test_cancelling_the_save_dialog_does_nothing(
    tab: InvoicesTab, recorded_dialogs: RecordingDialogs, sync_pool
) -> None:
    select_row(tab, 0)
    started = sync_pool.started
    recorded_dialogs.save_path = None
    tab.export_xml()
    assert sync_pool.started == started and not tab.message.isVisible()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Inbox:
    def __init__(self) -> None:
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture
def smtp_inbox(setup) -> Iterator[_Inbox]:
    db, _sub = setup
    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    with db.session() as session:
        settings.put(session, "smtp.host", "127.0.0.1")
        settings.put(session, "smtp.port", port)
        settings.put(session, "smtp.starttls", False)
    try:
        yield inbox
    finally:
        controller.stop()


def test_kiosk_sends_the_xml_by_email(qtbot, setup, smtp_inbox: _Inbox) -> None:
    db, sub = setup
    tab = make_tab(qtbot, db, kiosk(sub), sub)
    assert tab.xml_button.text() == "Enviar XML por e-mail"
    select_row(tab, 0)
    qtbot.mouseClick(tab.xml_button, Qt.MouseButton.LeftButton)
    assert tab.message.kind == "info", tab.message.text()
    address = subscribers.workspace(db, kiosk(sub), sub).email
    assert tab.message.text() == f"XML da nota enviado para {address}."
    assert smtp_inbox.recipients == [[address]]


@pytest.mark.cups
def test_imprimir_prints_the_danfe(qtbot, tab: InvoicesTab) -> None:
    queues = sink_printer()
    select_row(tab, 0)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Enviado para a impressora SINK.", tab.message.text()
    outcome = tab.result.last_outcome
    assert outcome is not None and outcome.job_id is not None
    assert sink_job_bytes(queues, outcome.job_id) == outcome.pdf
    assert tab.print_button.isEnabled()
