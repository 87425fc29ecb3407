"""Segunda via Boleto tab: open bills, situations, kiosk limits, print / save / print all.

The printed boleto is read back like a bank would: pdftoppm renders the job the printer got
and zbarimg decodes the Interleaved 2 of 5 barcode and the PIX QR code.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFontMetrics

from desktop.db import Database
from desktop.domain import febraban
from desktop.domain.actors import Actor
from desktop.domain.enums import ReceivableStatus, Role
from desktop.models import BankAccount, Boleto
from desktop.services import subscribers
from desktop.ui import formatting as fmt
from desktop.ui.tabs import BoletosTab, TabContext
from desktop.ui.workers import runner
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, receivable, subscriber
from tests.ui.conftest import RecordingDialogs, texts
from tests.ui.tab_helpers import kept_files, missing_printer, plain, sink_job_bytes, sink_printer

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def setup(sqlite_db: Database) -> tuple[Database, int]:
    db = sqlite_db
    sub, contract = subscriber(db, "Maria da Silva", CPFS[0])
    with db.session() as session:
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
    bill = lambda due, amount="99.90", **k: receivable(  # noqa: E731
        db, sub, due, amount, contract_id=contract, **k
    )
    bill(dt.date(2026, 8, 1))  # 121 days overdue: past the 59-day payment limit
    bill(dt.date(2026, 11, 20), "89.90")  # 10 days overdue
    bill(dt.date(2026, 12, 10))  # not due yet
    bill(dt.date(2026, 10, 10), status=ReceivableStatus.PAID)
    bill(dt.date(2027, 3, 10))  # beyond the 45 days ahead
    return db, sub


def make_tab(qtbot: Any, db: Database, actor: Actor, sub: int) -> BoletosTab:
    ws = subscribers.workspace(db, actor, sub)
    widget = BoletosTab(TabContext(db, actor, ws, runner(), lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.activated()
    return widget


@pytest.fixture
def tab(qtbot, setup) -> BoletosTab:
    db, sub = setup
    return make_tab(qtbot, db, make_user(db, "ana", Role.ATTENDANT), sub)


def select_row(tab: BoletosTab, row: int) -> None:
    tab.table.selectionModel().select(
        tab.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def registered(db: Database) -> list[Boleto]:
    with db.session() as session:
        rows = list(session.scalars(select(Boleto).order_by(Boleto.due_date)))
        session.expunge_all()
        return rows


def test_counter_lists_the_reprintable_open_bills(tab: BoletosTab, qtmodeltester) -> None:
    model = tab.model
    qtmodeltester.check(model)
    assert texts(model, 0) == ["20/11/2026", "10/12/2026"]
    assert texts(model, 1) == ["Mensalidade 11/2026", "Mensalidade 12/2026"]
    assert [plain(t) for t in texts(model, 2)] == ["R$ 89,90", "R$ 99,90"]
    # 89,90 + 2 % fine (1,80) + 1 % a month for 10 days (0,30)
    assert [plain(t) for t in texts(model, 3)] == [
        "Vencido há 10 dias — valor atualizado R$ 92,00 (informativo)",
        "A vencer",
    ]
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole).color().name() == fmt.RED
    assert "Pagável até 18/01/2027" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_buttons_follow_the_selection(tab: BoletosTab) -> None:
    assert not tab.print_button.isEnabled() and not tab.save_button.isEnabled()
    assert tab.print_all_button.isEnabled()
    select_row(tab, 1)
    assert tab.print_button.isEnabled() and tab.save_button.isEnabled()


def test_kiosk_sees_bills_past_the_limit_and_is_sent_to_the_counter(qtbot, setup) -> None:
    db, sub = setup
    tab = make_tab(qtbot, db, kiosk(sub), sub)
    assert texts(tab.model, 3)[0] == "Fora do prazo: pagar no balcão"
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == fmt.GREY
    assert tab.save_button.isHidden()  # no file dialogs at a kiosk
    select_row(tab, 0)
    assert not tab.print_button.isEnabled()
    select_row(tab, 1)
    assert tab.print_button.isEnabled()


def test_salvar_pdf_registers_once_and_shows_the_digitable_line(
    qtbot, tab: BoletosTab, setup, recorded_dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    db, _sub = setup
    select_row(tab, 1)
    recorded_dialogs.save_path = tmp_path / "boleto.pdf"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert recorded_dialogs.shown[-1][2] == "boleto-2026-12-10-3.pdf"
    assert (tmp_path / "boleto.pdf").read_bytes().startswith(b"%PDF-")
    (boleto,) = registered(db)
    assert tab.digitable.text() == febraban.format_line(boleto.digitable_line)
    assert tab.confirmation.isVisible()
    flags = tab.digitable.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    metrics = QFontMetrics(tab.digitable.font())  # fixed width: the groups line up
    assert (
        metrics.horizontalAdvance("1")
        == metrics.horizontalAdvance("0")
        == metrics.horizontalAdvance(".")
    )
    # A second save reuses the registered boleto (same line, no new nosso número).
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert [b.nosso_numero for b in registered(db)] == [boleto.nosso_numero]


@pytest.mark.cups
def test_imprimir_prints_a_boleto_whose_barcode_decodes(
    qtbot, tab: BoletosTab, setup, tmp_path: Path
) -> None:
    db, _sub = setup
    queues = sink_printer()
    select_row(tab, 0)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Boleto enviado para a impressora SINK.", tab.message.text()
    outcome = tab.result.last_outcome
    assert outcome is not None and outcome.job_id is not None
    printed = tmp_path / "job.pdf"
    printed.write_bytes(sink_job_bytes(queues, outcome.job_id))
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(printed), str(tmp_path / "p")],
        check=True,
    )
    found = subprocess.run(
        ["zbarimg", "--nodbus", "-q", str(tmp_path / "p.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (boleto,) = registered(db)
    assert f"I2/5:{boleto.barcode}" in found
    assert f"QR-Code:{boleto.pix_payload}" in found
    assert boleto.due_date == dt.date(2026, 11, 20)  # as registered, though overdue
    assert tab.digitable.text() == febraban.format_line(boleto.digitable_line)


@pytest.mark.cups
def test_imprimir_todos_prints_every_open_bill_in_one_job(qtbot, tab: BoletosTab, setup) -> None:
    db, _sub = setup
    queues = sink_printer()
    qtbot.mouseClick(tab.print_all_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "2 boletos enviados para a impressora SINK.", tab.message.text()
    outcome = tab.result.last_outcome
    assert outcome is not None and outcome.job_id is not None
    pdf = sink_job_bytes(queues, outcome.job_id)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    assert b"Pages:           2" in info
    lines = tab.digitable.text().splitlines()
    boletos = registered(db)
    assert len(lines) == 2 == len(boletos)
    for line, boleto in zip(lines, boletos, strict=True):
        assert line.endswith(febraban.format_line(boleto.digitable_line))


@pytest.mark.cups
def test_missing_printer_keeps_the_boleto_and_still_shows_the_line(
    qtbot, tab: BoletosTab, setup
) -> None:
    db, _sub = setup
    missing_printer()
    select_row(tab, 1)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.message.kind == "error" and "NAO-EXISTE" in tab.message.text()
    (kept,) = kept_files()
    assert str(kept) in tab.message.text()
    assert tab.result.save_button.isVisible()
    (boleto,) = registered(db)
    assert tab.digitable.text() == febraban.format_line(boleto.digitable_line)
    assert tab.print_button.isEnabled()
