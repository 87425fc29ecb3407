"""The kiosk's document screens speak to the subscriber (issue 15, items 10–12): no button that
looks active and does nothing, no words meant for the attendant or queue names, and the CPF
masked in the DANFE preview (the printed document keeps it)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from desktop.db import Database
from desktop.domain.documents import format_document, mask_document
from desktop.models import BankAccount
from desktop.services import invoices
from desktop.ui.print_job import PrintOutcome
from desktop.ui.result_bar import ResultBar
from desktop.ui.tabs import BoletosTab
from desktop.ui.tabs.invoices import danfe_pdf
from desktop.ui.workers import runner
from tests.conftest import kiosk
from tests.factories import CPFS, receivable, subscriber
from tests.ui import test_tab_boletos as boleto_tests
from tests.ui import test_tab_invoices as invoice_tests
from tests.ui.tab_helpers import missing_printer


@pytest.fixture
def one_bill(sqlite_db: Database) -> tuple[Database, int]:
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
    receivable(db, sub, dt.date(2026, 12, 10), "99.90", contract_id=contract)
    return db, sub


def test_a_kiosk_list_with_one_bill_has_it_chosen(qtbot, one_bill) -> None:
    db, sub = one_bill
    tab: BoletosTab = boleto_tests.make_tab(qtbot, db, kiosk(sub), sub)
    assert tab.selected() is not None and tab.print_button.isEnabled()


def test_several_bills_wait_for_a_choice_with_the_button_disabled(qtbot, sqlite_db) -> None:
    db, sub = boleto_tests.setup.__wrapped__(sqlite_db)
    tab: BoletosTab = boleto_tests.make_tab(qtbot, db, kiosk(sub), sub)
    assert tab.model.rowCount() > 1
    assert tab.selected() is None and not tab.print_button.isEnabled()


def test_boleto_lines_title_speaks_to_the_subscriber(qtbot, one_bill) -> None:
    db, sub = one_bill
    tab: BoletosTab = boleto_tests.make_tab(qtbot, db, kiosk(sub), sub)
    missing_printer()
    tab.print_selected()
    assert "assinante" not in tab.confirmation_title.text()
    assert "seu boleto" in tab.confirmation_title.text()
    message = tab.result.message.text()
    assert "NAO-EXISTE" not in message and "nao-impressos" not in message
    assert "Procure um atendente" in message


def test_a_printed_document_names_no_queue_at_the_kiosk(qtbot) -> None:
    bar = ResultBar(runner(), allow_save=False)
    qtbot.addWidget(bar)
    bar.show_print_outcome(
        PrintOutcome(b"%PDF", "Boleto", printer="CUPS-PDF", job_id="12"), "Boleto enviado para %1."
    )
    assert "CUPS-PDF" not in bar.message.text()
    assert "retire-o na impressora do quiosque" in bar.message.text()


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "danfe.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_danfe_preview_masks_the_cpf_and_the_print_keeps_it(
    sqlite_db: Database, tmp_path: Path
) -> None:
    db, sub = invoice_tests.setup.__wrapped__(sqlite_db, tmp_path)
    actor = kiosk(sub)
    invoice_id = invoices.list_invoices(db, actor, sub)[0].id
    _title, shown = danfe_pdf(db, actor, invoice_id, masked=True)
    _title, printed = danfe_pdf(db, actor, invoice_id)
    full = format_document(CPFS[0])
    assert full not in pdf_text(shown, tmp_path)
    assert mask_document(CPFS[0]) in pdf_text(shown, tmp_path)
    assert full in pdf_text(printed, tmp_path)
