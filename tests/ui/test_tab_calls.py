"""Extrato de Ligação tab: filters, lazy rows, totals per type, period refusals, printing."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QDate, Qt

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import CallType, Role
from desktop.models import Terminal
from desktop.services import subscribers
from desktop.ui.tabs import CallsTab, TabContext
from desktop.ui.workers import TaskRunner, runner
from tests.conftest import make_user
from tests.factories import subscriber
from tests.statement_factories import call, local
from tests.ui.conftest import RecordingDialogs, texts
from tests.ui.tab_helpers import (
    kept_files,
    missing_printer,
    plain,
    sink_job_bytes,
    sink_printer,
)

TODAY = dt.date(2026, 11, 30)
MAIN, SECOND = "4430451234", "4430459999"


@pytest.fixture
def setup(sqlite_db: Database) -> tuple[Database, CounterActor, int]:
    db = sqlite_db
    actor = make_user(db, "ana", Role.ATTENDANT)
    sub, contract = subscriber(db, "Maria Aparecida da Silva", voice=True, terminal=MAIN)
    with db.session() as session:
        session.add(Terminal(contract_id=contract, number=SECOND, area_code="44"))
    call(db, MAIN, local(2026, 10, 31, 23, 59), duration_s=30)  # October: outside the default
    call(db, MAIN, local(2026, 11, 1, 0, 5, 7), "4430452000", CallType.LOCAL_FIXO, 65, 66, "0.11")
    call(db, MAIN, local(2026, 11, 3, 9), "44999887766", CallType.LOCAL_MOVEL, 125, 126, "1.05")
    call(db, MAIN, local(2026, 11, 5, 10), "181", CallType.GRATUITA, 40, 0, "0.00", hidden=True)
    call(db, SECOND, local(2026, 11, 7, 14), "1133334444", CallType.LDN_FIXO, 3725, 3726, "12.42")
    call(db, MAIN, local(2026, 11, 29, 22), "08007771234", CallType.GRATUITA, 300, 0, "0.00")
    return db, actor, sub


@pytest.fixture
def tab(qtbot, setup) -> CallsTab:
    db, actor, sub = setup
    ws = subscribers.workspace(db, actor, sub)
    widget = CallsTab(TabContext(db, actor, ws, runner(), lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.activated()  # the workspace calls this when the tab is shown
    return widget


def test_filters_default_to_the_current_month_and_the_subscribers_terminals(tab: CallsTab) -> None:
    assert tab.period_picker.start_edit.date() == QDate(2026, 11, 1)
    assert tab.period_picker.end_edit.date() == QDate(2026, 11, 30)
    terminals = [tab.terminal_combo.itemText(i) for i in range(tab.terminal_combo.count())]
    assert terminals == ["Todos", "(44) 3045-1234", "(44) 3045-9999"]
    kinds = [tab.type_combo.itemText(i) for i in range(tab.type_combo.count())]
    assert kinds[0] == "Todas" and "Local móvel (VC1)" in kinds and len(kinds) == 8


def test_ver_shows_the_calls_in_order_and_the_totals(tab: CallsTab, qtmodeltester) -> None:
    model = tab.model
    qtmodeltester.check(model)
    # Chronological, local time, the 181 call never shown.
    assert texts(model, 0) == [
        "01/11/2026 00:05:07",
        "03/11/2026 09:00:00",
        "07/11/2026 14:00:00",
        "29/11/2026 22:00:00",
    ]
    assert texts(model, 1) == [
        "(44) 3045-1234",
        "(44) 3045-1234",
        "(44) 3045-9999",
        "(44) 3045-1234",
    ]
    assert texts(model, 2) == ["(44) 3045-2000", "(44) 99988-7766", "(11) 3333-4444", "0800 777 1234"]
    assert texts(model, 3) == [
        "Local fixo",
        "Local móvel (VC1)",
        "Longa distância fixo",
        "Gratuita",
    ]
    assert texts(model, 4) == ["01:05", "02:05", "62:05", "05:00"]
    assert texts(model, 5) == ["01:06", "02:06", "62:06", "00:00"]
    assert [plain(t) for t in texts(model, 6)] == ["R$ 0,11", "R$ 1,05", "R$ 12,42", "R$ 0,00"]
    money = model.index(0, 6).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(money) & Qt.AlignmentFlag.AlignRight

    rows = [[plain(c) for c in r] for r in tab.totals.rows()]
    assert rows == [
        [
            "Totais do período",
            "Local fixo",
            "Local móvel\n(VC1)",
            "Longa distância\nfixo",
            "Gratuita",
            "Total",
        ],
        ["Ligações", "1", "1", "1", "1", "4"],
        ["Minutos tarifados", "1,1", "2,1", "62,1", "0,0", "65,3"],
        ["Valor", "R$ 0,11", "R$ 1,05", "R$ 12,42", "R$ 0,00", "R$ 13,58"],
    ]
    assert not tab.busy.isVisible()
    assert not tab.message.isVisible()


def test_terminal_and_type_filters(qtbot, tab: CallsTab) -> None:
    tab.terminal_combo.setCurrentIndex(tab.terminal_combo.findData(SECOND))
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    assert texts(tab.model, 0) == ["07/11/2026 14:00:00"]
    assert [r[-1] for r in tab.totals.rows()] == ["Total", "1", "62,1", "R$\xa012,42"]

    tab.terminal_combo.setCurrentIndex(0)
    tab.type_combo.setCurrentIndex(tab.type_combo.findData(CallType.GRATUITA))
    qtbot.keyClick(tab.type_combo, Qt.Key.Key_Return)  # Enter works as Ver
    assert texts(tab.model, 2) == ["0800 777 1234"]
    assert tab.totals.rows()[0][1:] == ["Gratuita", "Total"]


def test_an_empty_period_says_so(tab: CallsTab) -> None:
    tab.period_picker.set_period(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    tab.view()
    assert tab.model.rowCount() == 0
    assert tab.message.kind == "info" and "Nenhuma ligação" in tab.message.text()
    assert [r[1:] for r in tab.totals.rows()] == [["Total"], ["0"], ["0,0"], ["R$\xa00,00"]]


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (dt.date(2026, 11, 20), dt.date(2026, 11, 1), "Período inválido"),
        (dt.date(2025, 1, 1), dt.date(2026, 11, 30), "máximo é de 366 dias"),
    ],
)
def test_reversed_or_too_long_periods_are_refused_and_nothing_is_queried(
    qtbot, tab: CallsTab, sync_pool, start: dt.date, end: dt.date, words: str
) -> None:
    before = texts(tab.model, 0)
    started = sync_pool.started
    tab.period_picker.set_period(start, end)
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.message.isVisible() and tab.message.kind == "error"
    assert words in tab.message.text()
    assert sync_pool.started == started  # nothing went to the database or the printer
    assert before and tab.model.rowCount() == 0  # no old results under the error


@pytest.mark.cups
def test_imprimir_sends_the_statement_to_the_station_printer(qtbot, tab: CallsTab) -> None:
    queues = sink_printer()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.message.kind == "info", tab.message.text()
    assert tab.message.text() == "Enviado para a impressora SINK."
    assert tab.print_button.isEnabled() and not tab.busy.isVisible()
    assert not tab.result.save_button.isVisible()
    outcome = tab.result.last_outcome
    assert outcome is not None and outcome.job_id is not None
    pdf = sink_job_bytes(queues, outcome.job_id)
    assert pdf == outcome.pdf
    assert pdf.startswith(b"%PDF-")
    text = _pdf_text(pdf)
    assert "Extrato de Ligações" in text and "Maria Aparecida da Silva" in text
    assert "(11) 3333-4444" in text and "0800 777 1234" in text


@pytest.mark.cups
def test_a_missing_printer_keeps_the_pdf_and_offers_to_save_it(
    qtbot, tab: CallsTab, recorded_dialogs: RecordingDialogs, tmp_path: Path
) -> None:
    missing_printer()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert tab.message.kind == "error"
    assert "NAO-EXISTE" in tab.message.text() and "nada se perdeu" in tab.message.text()
    kept = kept_files()
    assert len(kept) == 1 and str(kept[0]) in tab.message.text()
    assert tab.result.save_button.isVisible()

    recorded_dialogs.save_path = tmp_path / "extrato.pdf"
    qtbot.mouseClick(tab.result.save_button, Qt.MouseButton.LeftButton)
    assert recorded_dialogs.shown[-1][0] == "save_file"
    assert recorded_dialogs.shown[-1][2].endswith(".pdf")
    assert (tmp_path / "extrato.pdf").read_bytes() == kept[0].read_bytes()
    assert tab.message.kind == "info" and "extrato.pdf" in tab.message.text()
    assert not tab.result.save_button.isVisible()


def _pdf_text(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


class HeldPool:
    """A pool that keeps the jobs until the test runs them (a job still in flight)."""

    def __init__(self) -> None:
        self.jobs: list[Any] = []

    def start(self, runnable: Any) -> None:
        self.jobs.append(runnable)

    def run_all(self) -> None:
        while self.jobs:
            self.jobs.pop(0).run()

    def waitForDone(self, msecs: int = -1) -> bool:
        return True


@pytest.mark.cups
def test_a_double_click_on_imprimir_starts_one_job_and_shows_it_is_busy(qtbot, setup) -> None:
    db, actor, sub = setup
    pool = HeldPool()
    task_runner = TaskRunner(pool)
    ws = subscribers.workspace(db, actor, sub)
    tab = CallsTab(TabContext(db, actor, ws, task_runner, lambda: TODAY))
    qtbot.addWidget(tab)
    tab.show()
    tab.activated()
    pool.run_all()  # the first page and the totals
    assert tab.model.rowCount() == 4 and not tab.busy.isVisible()

    missing_printer()
    tab.print_statement()
    tab.print_statement()  # the second click while the first job runs
    assert len(pool.jobs) == 1
    assert tab.busy.isVisible() and not tab.print_button.isEnabled()
    pool.run_all()
    assert tab.print_button.isEnabled() and not tab.busy.isVisible()
    assert tab.message.kind == "error" and len(kept_files()) == 1  # printed (tried) once


def test_the_totals_follow_the_english_interface(qtbot, qapp, setup) -> None:
    """The billed minutes are numbers of the interface language (1.1, not the PDF's 1,1)."""
    from desktop.ui import i18n

    assert i18n.install_translator(qapp, "en") == "en"
    try:
        db, actor, sub = setup
        ws = subscribers.workspace(db, actor, sub)
        widget = CallsTab(TabContext(db, actor, ws, runner(), lambda: TODAY))
        qtbot.addWidget(widget)
        widget.show()
        widget.activated()
        rows = [[plain(c) for c in r] for r in widget.totals.rows()]
    finally:
        i18n.install_translator(qapp, "pt_BR")
    assert rows[2] == ["Billed minutes", "1.1", "2.1", "62.1", "0.0", "65.3"]
    assert rows[3][-1] == "R$13.58"
