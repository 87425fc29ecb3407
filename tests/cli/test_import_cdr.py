"""``central-assinante import cdr FILE``, run in-process against both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db import Database
from desktop.domain.enums import Role
from desktop.models import Call
from tests.conftest import make_user
from tests.factories import CPFS, subscriber

DATA = Path(__file__).parent.parent / "importers" / "data"


@pytest.fixture
def phone_db(db: Database) -> Database:
    subscriber(
        db,
        "Fulano Silva",
        CPFS[0],
        plan="Fone Fixo",
        voice=True,
        internet=False,
        terminal="4430451234",
    )
    make_user(db, "fin", Role.FINANCE)
    make_user(db, "balcao", Role.ATTENDANT)
    return db


def run(
    capsys: pytest.CaptureFixture[str], db: Database, *args: str, operator: str = "fin"
) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", operator, "import", "cdr", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_a_summary_and_the_problem_lines(
    capsys: pytest.CaptureFixture[str], phone_db: Database
) -> None:
    code, out, err = run(capsys, phone_db, str(DATA / "Master.csv"))
    assert code == 0, err
    assert "Linhas lidas:          21" in out
    assert "Ligações importadas:   15" in out
    assert "Repetidas (ignoradas): 1" in out
    assert "Não atendidas:         2" in out
    assert "linha 14: aspas sem fechar (linha cortada?)" in out
    assert "linha 15: Número de destino inválido: '*97'" in out
    assert "linha 13: 4433339999" in out
    assert err == ""  # no progress bar when stderr is not a terminal

    code, out, _ = run(capsys, phone_db, str(DATA / "Master.csv"))
    assert code == 0  # everything was already there
    assert "Ligações importadas:   0" in out
    assert "Repetidas (ignoradas): 16" in out


def test_layout_and_clock_options(capsys: pytest.CaptureFixture[str], phone_db: Database) -> None:
    code, out, err = run(capsys, phone_db, str(DATA / "Master-16.csv"), "--columns", "16", "--gmt")
    assert code == 0, err
    assert "Ligações importadas:   3" in out
    with phone_db.session() as session:
        first = session.scalars(select(Call).order_by(Call.started_at)).first()
    assert first is not None
    assert first.started_at.isoformat() == "2025-03-10T10:00:00+00:00"


def test_local_clock_for_an_18_column_file(
    capsys: pytest.CaptureFixture[str], phone_db: Database
) -> None:
    code, _, err = run(capsys, phone_db, str(DATA / "Master.csv"), "--local")
    assert code == 0, err
    with phone_db.session() as session:
        first = session.scalars(select(Call).order_by(Call.started_at)).first()
    assert first is not None
    assert first.started_at.isoformat() == "2025-03-10T16:00:00+00:00"


def test_gmt_and_local_exclude_each_other(
    capsys: pytest.CaptureFixture[str], phone_db: Database
) -> None:
    with pytest.raises(SystemExit) as info:
        run(capsys, phone_db, str(DATA / "Master.csv"), "--gmt", "--local")
    assert info.value.code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nao-existe.csv"], "Arquivo não encontrado"),
        ([str(DATA / "Master.csv"), "--columns", "16"], "não parece um Master.csv"),
    ],
)
def test_fatal_errors_exit_2(
    capsys: pytest.CaptureFixture[str], phone_db: Database, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, phone_db, *args)
    assert code == 2
    assert err.startswith("erro: ") and message in err
    assert out == ""
    with phone_db.session() as session:
        assert session.scalars(select(Call)).first() is None


def test_an_attendant_may_not_import(
    capsys: pytest.CaptureFixture[str], phone_db: Database
) -> None:
    code, _, err = run(capsys, phone_db, str(DATA / "Master.csv"), operator="balcao")
    assert code == 2
    assert "não permite" in err


def test_long_problem_lists_are_cut_at_50(
    capsys: pytest.CaptureFixture[str], phone_db: Database, tmp_path: Path
) -> None:
    good = (DATA / "Master.csv").read_text(encoding="utf-8").splitlines()[0]
    lines = [good.replace("4430451234", f"44300{n:05d}", 1) for n in range(60)]
    path = tmp_path / "Master.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, phone_db, str(path))
    assert code == 1  # nothing imported and something to look at
    assert "Terminal desconhecido: 60" in out
    assert "linha 50: 4430000049" in out
    assert "linha 51:" not in out
    assert "... e mais 10" in out
