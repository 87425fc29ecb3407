"""The command line as the trial used it (issue 15, items 17-23): a missing -o folder, a
--db naming no database, argparse in Portuguese, the gender of status words, the log line
that reached the person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.enums import ReceivableStatus, Role
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber


@pytest.fixture
def base(sqlite_db: Database) -> list[str]:
    make_user(sqlite_db, "fin", Role.FINANCE)
    return ["--db", sqlite_db.url, "--operator", "fin"]


def test_output_into_a_missing_folder_is_a_message_not_a_traceback(
    capsys, sqlite_db: Database, base: list[str], tmp_path: Path
) -> None:
    subscriber(sqlite_db, "Maria", CPFS[0])
    target = tmp_path / "nao-existe" / "x.pdf"
    for command in (
        ["statement", "financial", "--subscriber", CPFS[0], "-o", str(target)],
        ["statement", "financial", "--subscriber", CPFS[0], "--format", "pdf", "-o", str(target)],
        ["boleto", "1", "-o", str(target)],
        ["invoice", "xml", "1", "-o", str(target)],
    ):
        assert main([*base, *command]) == 2
        err = capsys.readouterr().err
        assert err.startswith("erro: -o ") and "não existe" in err, err
        assert "Traceback" not in err
    assert not target.parent.exists()


def test_a_db_url_naming_no_database_creates_nothing(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "nao-existe" / "x.db"
    url = f"sqlite:///{missing}"
    assert main(["--db", url, "--operator", "atendente", "subscriber", "search", "maria"]) == 2
    err = capsys.readouterr().err
    assert "não existe" in err and "db upgrade" in err and "Operador" not in err
    assert not missing.parent.exists()  # no folder, no 400 KB database
    assert main(["--db", url, "db", "upgrade"]) == 0  # db upgrade (and demo) create it
    assert missing.exists()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["statement", "calls", "--subscriber", "1", "--format", "xx"], "opção inválida: 'xx'"),
        (["statement", "calls"], "faltam os argumentos obrigatórios: --subscriber"),
        (["--nao-existe"], "argumentos desconhecidos: --nao-existe"),
    ],
)
def test_argparse_speaks_portuguese(capsys, argv: list[str], words: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert words in err and ": erro: " in err and err.splitlines()[0].startswith("uso: ")
    for english in ("error:", "invalid choice", "the following arguments", "usage:"):
        assert english not in err


def test_help_is_portuguese(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "opções:" in out and "mostra esta ajuda e sai" in out
    assert "options:" not in out and "show this help" not in out


def test_a_settled_account_is_baixada(capsys, sqlite_db: Database, base: list[str]) -> None:
    sub, contract = subscriber(sqlite_db, "Maria", CPFS[0])
    paid = receivable(
        sqlite_db, sub, dt.date(2026, 10, 10), contract_id=contract, status=ReceivableStatus.PAID
    )
    code = main([*base, "payment", "record", str(paid), "--amount", "99.90", "--method", "pix"])
    err = capsys.readouterr().err
    assert code == 2 and "Esta conta já está baixada" in err and "baixado" not in err


def test_a_missing_printer_warning_goes_to_the_log_not_to_the_person(
    capsys, sqlite_db: Database, base: list[str]
) -> None:
    from desktop.config.paths import data_dir
    from tests.conftest_printing import ensure_cups_queues

    ensure_cups_queues()
    subscriber(sqlite_db, "Maria", CPFS[0])
    code = main([*base, "statement", "financial", "--subscriber", CPFS[0], "--print", "NOPRINTER"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("erro: Impressora 'NOPRINTER'")
    assert "WARNING" not in err and "desktop.adapters.printing" not in err
    log = (data_dir() / "logs" / "central-assinante.log").read_text(encoding="utf-8")
    assert "WARNING desktop.adapters.printing" in log
