"""``--self-check`` from the source tree, and the portable-copy runtime hook of the bundle."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from desktop.cli import main
from desktop.db import head_revision

ROOT = Path(__file__).resolve().parent.parent


def _lines(output: str) -> dict[str, str]:
    lines = {}
    for line in output.splitlines():
        status, _, rest = line.partition(" ")
        name, sep, detail = rest.strip().partition(": ")
        if sep and status in {"ok", "aviso", "FALHOU"}:
            lines[name] = f"{status} {detail}"
    return lines


def test_self_check_passes_on_a_fresh_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "x.sqlite3"
    assert main(["--self-check", "--db", f"sqlite:///{db_file}"]) == 0
    out = capsys.readouterr().out
    lines = _lines(out)
    assert lines["banco de dados"].startswith(f"ok sqlite, revisão {head_revision()}")
    assert lines["boleto"].startswith("ok PDF de 1 página")
    assert lines["extrato"].startswith("ok extrato de ligações, 80 ligações, PDF de 2 páginas")
    assert lines["impressoras"].split()[0] in {"ok", "aviso"}
    assert lines["fuso e moeda"].startswith("ok America/Sao_Paulo (UTC-0300), R$ 1.234,56")
    assert "FALHOU" not in out
    assert out.splitlines()[-1].endswith("0 falha(s).")
    assert db_file.is_file()


def test_self_check_reports_an_unreachable_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--self-check", "--db", "postgresql+psycopg://x@127.0.0.1:1/none"])
    out = capsys.readouterr().out
    assert code == 1
    assert _lines(out)["banco de dados"].startswith(
        "FALHOU DatabaseUnavailable: Não foi possível acessar o banco de dados"
    )
    assert _lines(out)["boleto"].startswith("ok")  # the other checks still run
    assert "1 falha(s)" in out


def test_self_check_reports_a_stopped_print_service_without_failing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A CUPS client pointed at a server that does not answer: what a station sees when cupsd
    # is down.  Real lpstat, no mock.
    monkeypatch.setenv("CUPS_SERVER", "127.0.0.1:1")
    assert main(["--self-check", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}"]) == 0
    printers = _lines(capsys.readouterr().out)["impressoras"]
    assert printers.startswith("aviso "), printers


# --------------------------------------------------------------------------- portable hook
def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "portable_hook", ROOT / "installer" / "hooks" / "portable.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not frozen: defines the functions, changes nothing
    return module


def test_portable_hook_leaves_an_ordinary_install_alone(tmp_path: Path) -> None:
    environ: dict[str, str] = {"CENTRAL_DATA_DIR": "/somewhere"}
    assert _hook().apply(tmp_path, environ) is None
    assert environ == {"CENTRAL_DATA_DIR": "/somewhere"}


def test_portable_hook_uses_a_data_folder_beside_the_program(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    environ: dict[str, str] = {"CENTRAL_DATA_DIR": "/somewhere"}
    assert _hook().apply(tmp_path, environ) == tmp_path / "data"
    assert environ["CENTRAL_DATA_DIR"] == str(tmp_path / "data")  # the marker wins
    assert environ["CENTRAL_CONFIG_DIR"] == str(tmp_path / "data")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "data"),
        ("[portable]\ndata = kiosk-data\n", "kiosk-data"),
        ("[portable]\ndata = ABSOLUTE\n", "ABSOLUTE"),
        ("not an ini file [[[", "data"),
    ],
)
def test_portable_ini_names_the_folder(tmp_path: Path, content: str, expected: str) -> None:
    absolute = tmp_path / "elsewhere"
    (tmp_path / "portable.ini").write_text(content.replace("ABSOLUTE", str(absolute)), "utf-8")
    folder = _hook().portable_dir(tmp_path)
    assert folder == (absolute if expected == "ABSOLUTE" else tmp_path / expected)


@pytest.mark.postgres
def test_self_check_asks_a_separate_freeradius_database_for_the_statement_index(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import uuid

    import psycopg

    from desktop.db import Database
    from desktop.services import radacct_source, settings
    from tests.conftest import PG_ADMIN_URL

    name = f"ca_radius_{uuid.uuid4().hex[:10]}"
    admin = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    radius_url = admin.rsplit("/", 1)[0] + f"/{name}"
    db = Database(pg_url)
    try:
        with psycopg.connect(radius_url, autocommit=True) as conn:
            conn.execute((ROOT / "tests" / "data" / "freeradius_schema.sql").read_text("utf-8"))
        with db.session() as session:
            settings.put(session, "radius.database_url", radius_url)
        # FreeRADIUS's schema.sql indexes (acctstarttime, username): the wrong way round.
        main(["--self-check", "--db", pg_url])
        line = _lines(capsys.readouterr().out)["banco do FreeRADIUS"]
        assert line.startswith("aviso o radacct de postgresql+psycopg://postgres@")
        assert line.endswith(f"{radacct_source.STATEMENT_INDEX} (" + line.rsplit(" (", 1)[1])
        with psycopg.connect(radius_url, autocommit=True) as conn:
            conn.execute(radacct_source.STATEMENT_INDEX)  # the statement it printed works
        main(["--self-check", "--db", pg_url])
        line = _lines(capsys.readouterr().out)["banco do FreeRADIUS"]
        assert line.startswith("ok radacct em ") and "com o índice" in line
    finally:
        with db.session() as session:
            settings.put(session, "radius.database_url", "")
        db.dispose()
        for engine in list(radacct_source._engines.values()):
            engine.dispose()
        radacct_source._engines.clear()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
