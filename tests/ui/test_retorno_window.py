"""Retaguarda → Arquivos de retorno: pick files, see the simulation, apply, totals and the
unmatched entries; the statement's detail shows the payment and the bank's occurrences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import today_local
from desktop.domain.enums import Role
from desktop.models import Payment
from desktop.services import subscribers
from desktop.ui.backoffice.retorno import RetornoWindow
from desktop.ui.tabs import FinancialTab, TabContext
from desktop.ui.tabs.financial_detail import ReceivableDetailDialog
from desktop.ui.workers import runner
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber
from tests.importers.cnab_builders import Title
from tests.services.retorno_setup import bank_account, build, file_title, register
from tests.ui.conftest import RecordingDialogs, texts


@pytest.fixture
def finance(sqlite_db: Database) -> CounterActor:
    return make_user(sqlite_db, "caixa", Role.FINANCE)


@pytest.fixture
def files(sqlite_db: Database, finance: CounterActor, tmp_path: Path) -> tuple[int, int, Path]:
    bank_account(sqlite_db, "756")
    sub, contract = subscriber(sqlite_db, "Ana Souza", CPFS[1])
    due = today_local() + dt.timedelta(days=5)
    first = receivable(sqlite_db, sub, due, contract_id=contract)
    second = receivable(sqlite_db, sub, due + dt.timedelta(days=30), contract_id=contract)
    titles = [
        file_title("756", "cnab240", register(sqlite_db, finance, first), fee=Decimal("1.80")),
        file_title(
            "756", "cnab240", register(sqlite_db, finance, second), occurrence="02", paid=None
        ),
        Title("0000099990"),  # no boleto of ours
    ]
    path = tmp_path / "sicoob-retorno.ret"
    lines = build("756", "cnab240", titles).decode().split("\r\n")
    lines.insert(8, "7560001300099T 06" + "0" * 100)  # a truncated line
    path.write_bytes("\r\n".join(lines).encode())
    return first, second, path


def payments_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Payment)) or 0)


def test_simulate_then_apply(
    qtbot,
    qtmodeltester,
    sqlite_db: Database,
    finance: CounterActor,
    files: tuple[int, int, Path],
    recorded_dialogs: RecordingDialogs,
) -> None:
    first, second, path = files
    window = RetornoWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    window.show()
    recorded_dialogs.open_paths = [path]
    window.pick_files()
    result_column = 2
    assert texts(window.entries_model, result_column) == [
        "a baixar",
        "a registrar",
        "não encontrado",
        "recusado",
    ]
    assert payments_count(sqlite_db) == 0  # a simulation writes nothing
    assert window.apply_button.isEnabled()
    assert "Simulação" in window.totals_label.text() and "Baixados: 1" in window.totals_label.text()
    qtmodeltester.check(window.entries_model)

    window.apply()
    assert texts(window.entries_model, result_column)[:2] == ["baixado", "registrado"]
    assert texts(window.entries_model, 11)[:2] == [str(first), str(second)]
    totals = window.totals_label.text().replace("\xa0", " ")
    assert "Aplicado" in totals and "Valor: R$ 99,90" in totals and "Tarifas: R$ 1,80" in totals
    assert "Não encontrados: 1" in totals
    assert not window.apply_button.isEnabled()
    problems = texts(window.problems_model, 3)
    assert any("sem boleto" in p for p in problems) and any("240" in p for p in problems)
    qtmodeltester.check(window.problems_model)
    assert payments_count(sqlite_db) == 1


def test_an_unusable_file_is_said_and_nothing_applies(
    qtbot,
    sqlite_db: Database,
    finance: CounterActor,
    tmp_path: Path,
    recorded_dialogs: RecordingDialogs,
) -> None:
    empty = tmp_path / "vazio.ret"
    empty.write_bytes(b"")
    window = RetornoWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    recorded_dialogs.open_paths = [empty]
    window.pick_files()
    assert "Arquivo vazio" in window.message.text()
    assert not window.apply_button.isEnabled()
    recorded_dialogs.open_paths = []
    window.pick_files()  # cancelled: nothing changes
    assert "Arquivo vazio" in window.message.text()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_screenshot(
    qtbot,
    sqlite_db: Database,
    finance: CounterActor,
    files: tuple[int, int, Path],
    recorded_dialogs: RecordingDialogs,
    size: tuple[int, int],
    tmp_path: Path,
) -> None:
    window = RetornoWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    recorded_dialogs.open_paths = [files[2]]
    window.pick_files()
    image = window.grab()
    assert image.save(str(tmp_path / f"retorno-{size[0]}x{size[1]}.png"))
    # Everything fits: buttons and totals inside the window.
    assert window.apply_button.geometry().right() <= window.width()
    assert window.totals_label.isVisible()


def test_statement_detail_shows_payment_and_bank_occurrences(
    qtbot,
    sqlite_db: Database,
    finance: CounterActor,
    files: tuple[int, int, Path],
    recorded_dialogs: RecordingDialogs,
) -> None:
    first, second, path = files
    window = RetornoWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    recorded_dialogs.open_paths = [path]
    window.pick_files()
    window.apply()
    with sqlite_db.session() as session:
        from desktop.models import Receivable

        sub_id = session.get(Receivable, first).subscriber_id  # type: ignore[union-attr]
    ws = subscribers.workspace(sqlite_db, finance, sub_id)
    tab = FinancialTab(TabContext(sqlite_db, finance, ws, runner(), today_local))
    qtbot.addWidget(tab)
    tab.show()
    tab.activated()
    rows = {tab.model.row_at(r).receivable_id: r for r in range(tab.model.rowCount())}
    paid = tab.open_detail(tab.model.index(rows[first], 0))
    assert isinstance(paid, ReceivableDetailDialog)
    qtbot.addWidget(paid)
    payments = paid.payments_table.model()
    assert payments.rowCount() == 1 and "1,80" in payments.index(0, 3).data()
    registered = tab.open_detail(tab.model.index(rows[second], 0))
    assert isinstance(registered, ReceivableDetailDialog)
    qtbot.addWidget(registered)
    occurrences = registered.occurrences_table.model()
    assert occurrences.rowCount() == 1
    assert "Entrada confirmada" in occurrences.index(0, 3).data()
