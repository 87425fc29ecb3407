"""The protocol receipt from the Atendimentos tab on a station with a thermal printer.

``receipt_printer`` points at a local TCP listener standing in for a network receipt printer:
the printer gets the ESC/POS receipt (CP860 text, the protocol in a printer-drawn QR, the
cut); with that printer off, the tab says so in Portuguese and offers the PDF, kept.
"""

from __future__ import annotations

import pytest

from desktop.config.station import StationConfig, save_station_config
from desktop.db import Database
from desktop.services import ticket_search, tickets
from desktop.services.protocols import display_protocol
from desktop.ui.tabs import TicketsTab
from tests.adapters.test_escpos_printer import Listener, free_port
from tests.escpos_stream import parse
from tests.ui.tab_helpers import kept_files
from tests.ui.test_tab_tickets import family, tab  # noqa: F401  (fixtures)


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def receipt_station(receipt_printer: str) -> None:
    save_station_config(StationConfig("sqlite://", "quiosque-1", "NAO-USADA", receipt_printer))


def test_protocol_receipt_prints_on_the_network_receipt_printer(
    qtbot,
    sqlite_db: Database,
    tab: TicketsTab,  # noqa: F811
    family,  # noqa: F811
    listener: Listener,
) -> None:
    _sub, actor, _people, _ids = family
    receipt_station(f"tcp://127.0.0.1:{listener.port}")
    tab.table.selectRow(0)
    chosen = tab.selected()
    tab.print_receipt()
    assert tab.result.message.kind == "info", tab.result.message.text()
    assert tab.result.message.text() == (
        f"Enviado para a impressora térmica (rede 127.0.0.1:{listener.port})."
    )
    [data] = listener.wait_for(1)
    stream = parse(data)
    protocol = ticket_search.detail(sqlite_db, actor, chosen.id).item.protocol
    assert stream.qr_payloads == [protocol.encode()]
    big = [line.text for line in stream.lines if line.width == 2]
    assert big == [display_protocol(protocol)]
    assert "Maria Souza" in "\n".join(line.text for line in stream.lines)
    assert stream.commands[-1] == ("cut", b"\x00")
    history = ticket_search.detail(sqlite_db, actor, chosen.id).history
    assert history[-1].action == tickets.ACTION_RECEIPT


def test_receipt_printer_off_keeps_the_pdf_and_says_so(tab: TicketsTab) -> None:  # noqa: F811
    port = free_port()
    receipt_station(f"tcp://127.0.0.1:{port}")
    tab.table.selectRow(0)
    tab.print_receipt()
    text = tab.result.message.text()
    assert tab.result.message.kind == "error"
    assert text.startswith(f"A impressora de recibos (rede 127.0.0.1:{port}) não respondeu")
    assert "nada se perdeu" in text
    [kept] = kept_files()
    assert kept.read_bytes().startswith(b"%PDF-")
    assert tab.result.save_button.isVisibleTo(tab)  # counter: Salvar PDF… offered


def test_enablement_receipt_after_enabling_at_the_kiosk(
    qtbot, sqlite_db: Database, recorded_dialogs, listener: Listener
) -> None:
    from PySide6.QtCore import Qt

    from desktop.services import subscribers
    from desktop.ui.tabs import EnablementTab, TabContext
    from desktop.ui.workers import runner
    from tests.conftest import kiosk
    from tests.services.radius_setup import suspended

    sub_id, _contract, _ = suspended(sqlite_db)
    actor = kiosk(sub_id)
    enable_tab = EnablementTab(
        TabContext(sqlite_db, actor, subscribers.workspace(sqlite_db, actor, sub_id), runner())
    )
    qtbot.addWidget(enable_tab)
    enable_tab.show()
    enable_tab.activated()
    assert not enable_tab.receipt_button.isVisibleTo(enable_tab)  # nothing to print yet
    receipt_station(f"tcp://127.0.0.1:{listener.port}")
    qtbot.mouseClick(enable_tab.enable_button, Qt.MouseButton.LeftButton)
    assert enable_tab.receipt_button.isVisibleTo(enable_tab)
    qtbot.mouseClick(enable_tab.receipt_button, Qt.MouseButton.LeftButton)
    assert enable_tab.result_bar.message.kind == "info", enable_tab.result_bar.message.text()
    [data] = listener.wait_for(1)
    stream = parse(data)
    text = "\n".join(line.text for line in stream.lines)
    assert "HABILITAÇÃO PROVISÓRIA" in text and "Joana D'Arc Ferreira" in text
    protocol = recorded_dialogs.shown[1][2].rsplit("protocolo ", 1)[1]
    assert stream.qr_payloads == [protocol.replace(" ", "").encode()]
    assert stream.commands[-1] == ("cut", b"\x00")
