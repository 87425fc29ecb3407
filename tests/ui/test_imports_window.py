"""Retaguarda → Importações: the last ERP imports with their counts, a run's refused lines and
conflicts, and importing a file (simulation first, then Aplicar), off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.models import Subscriber
from desktop.ui.backoffice.imports import ImportsWindow
from tests.conftest import make_user
from tests.factories import CPFS
from tests.services.erp_setup import CUSTOMER_HEADER, run, write_csv
from tests.ui.conftest import RecordingDialogs, texts


@pytest.fixture
def finance(sqlite_db: Database) -> CounterActor:
    return make_user(sqlite_db, "caixa", Role.FINANCE)


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "clientes-dezembro.csv",
        [
            CUSTOMER_HEADER,
            ["C1", CPFS[0], "Ana Paula"],
            ["C2", "111.111.111-11", "Bia"],
            ["C1", CPFS[1], "Repetida"],
            ["C3", CPFS[2], "Carla"],
        ],
    )


def subscribers(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Subscriber)) or 0)


def test_runs_and_a_runs_problems(
    qtbot, qtmodeltester, sqlite_db: Database, finance: CounterActor, bad_file: Path
) -> None:
    run(sqlite_db, finance, "customers", bad_file)
    window = ImportsWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    assert texts(window.runs_model, 2) == ["clientes-dezembro.csv"]
    assert [texts(window.runs_model, c)[0] for c in (1, 3, 5, 6, 9)] == [
        "Clientes",
        "2",
        "4",
        "2",
        "concluída",
    ]
    qtmodeltester.check(window.runs_model)
    window.runs_table.selectRow(0)
    assert texts(window.problems_model, 0) == ["3", "4"]
    reasons = texts(window.problems_model, 2)
    assert "CPF inválido" in reasons[0] and "repetido no arquivo" in reasons[1]
    assert "2 recusadas" in window.problems_title.text()
    qtmodeltester.check(window.problems_model)


def test_simulate_then_apply(
    qtbot,
    sqlite_db: Database,
    finance: CounterActor,
    bad_file: Path,
    recorded_dialogs: RecordingDialogs,
) -> None:
    window = ImportsWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    window.kind_box.setCurrentIndex(window.kind_box.findData("customers"))
    recorded_dialogs.open_paths = [bad_file]
    window.pick_file()
    assert (
        "Simulação" in window.problems_title.text() and "Criadas: 2" in window.problems_title.text()
    )
    assert texts(window.problems_model, 1) == ["recusada", "recusada"]
    assert subscribers(sqlite_db) == 0 and window.runs_model.rowCount() == 0
    assert window.apply_button.isEnabled()
    window.apply()
    assert subscribers(sqlite_db) == 2
    assert (
        "Importado" in window.problems_title.text() or "recusadas" in window.problems_title.text()
    )
    assert texts(window.runs_model, 6) == ["2"] and not window.apply_button.isEnabled()
    assert window.runs_table.selectionModel().isRowSelected(0)


def test_a_refused_file_is_said(
    qtbot,
    sqlite_db: Database,
    finance: CounterActor,
    tmp_path: Path,
    recorded_dialogs: RecordingDialogs,
) -> None:
    empty = tmp_path / "vazio.csv"
    empty.write_bytes(b"")
    window = ImportsWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    recorded_dialogs.open_paths = [empty]
    window.pick_file()
    assert "vazio" in window.message.text() and not window.apply_button.isEnabled()
    assert window.pick_button.isEnabled()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_fits_the_screen(
    qtbot, sqlite_db: Database, finance: CounterActor, bad_file: Path, size: tuple[int, int]
) -> None:
    run(sqlite_db, finance, "customers", bad_file)
    window = ImportsWindow(sqlite_db, finance)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.apply_button.geometry().right() <= window.width()
    assert window.runs_table.isVisible() and window.problems_table.isVisible()
