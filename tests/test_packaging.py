"""Packaging is tested (DESIGN §14): build the PyInstaller bundle, run the frozen self-check.

The build takes about 1.5 min on the 2-core CI machine; it runs once per session (module
fixture) and every test below uses the same bundle.  ``slow`` is informational: these tests are
part of the normal suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.db import head_revision

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "central-assinante.spec"
NAME = "central-assinante"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    folder = work / "dist" / NAME
    yield folder
    shutil.rmtree(work, ignore_errors=True)  # ~250 MB: do not keep it in /tmp


def _exe(folder: Path) -> Path:
    return folder / (f"{NAME}-cli.exe" if sys.platform == "win32" else NAME)


def _env(tmp_path: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CENTRAL_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if tmp_path is not None:
        env["CENTRAL_DATA_DIR"] = str(tmp_path / "data")
        env["CENTRAL_CONFIG_DIR"] = str(tmp_path / "config")
    return env


def _self_check(folder: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(_exe(folder)), "--self-check", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _lines(output: str) -> dict[str, str]:
    """``{check name: "status detail"}`` from the self-check's ``status name: detail`` lines."""
    lines = {}
    for line in output.splitlines():
        status, _, rest = line.partition(" ")
        name, sep, detail = rest.strip().partition(": ")
        if sep and status in {"ok", "aviso", "FALHOU"}:
            lines[name] = f"{status} {detail}"
    return lines


def _cups_running() -> bool:
    if shutil.which("lpstat") is None:
        return False
    out = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, timeout=20).stdout
    return "scheduler is running" in out  # lpstat -r exits 0 even when it is not


def test_frozen_self_check_on_sqlite(bundle: Path, tmp_path: Path) -> None:
    db_file = tmp_path / "x.sqlite3"
    result = _self_check(bundle, _env(tmp_path), "--db", f"sqlite:///{db_file}")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = _lines(result.stdout)
    assert "FALHOU" not in result.stdout, result.stdout
    assert lines["banco de dados"].startswith(f"ok sqlite, revisão {head_revision()}")
    assert lines["boleto"].startswith("ok PDF de 1 página")
    assert lines["extrato"].startswith("ok extrato de ligações, 80 ligações, PDF de 2 páginas")
    expected_printers = "ok" if _cups_running() else "aviso"
    assert lines["impressoras"].startswith(expected_printers), lines["impressoras"]
    for name in ("recursos", "qt", "fuso e moeda", "documentos e senhas", "nfcom"):
        assert lines[name].startswith("ok"), lines[name]
    assert lines["dados de demonstração"].startswith("ok Faker pt_BR")
    assert str(bundle) in lines["recursos"]  # the bundle's resources, not the source tree's
    assert "empacotado" in result.stdout.splitlines()[0]
    assert db_file.stat().st_size > 0


@pytest.mark.postgres
def test_frozen_self_check_on_postgres(bundle: Path, tmp_path: Path, pg_url: str) -> None:
    result = _self_check(bundle, _env(tmp_path), "--db", pg_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _lines(result.stdout)["banco de dados"].startswith(
        f"ok postgresql, revisão {head_revision()}"
    )


def test_frozen_self_check_fails_without_database(bundle: Path, tmp_path: Path) -> None:
    result = _self_check(bundle, _env(tmp_path), "--db", "postgresql+psycopg://x@127.0.0.1:1/none")
    assert result.returncode == 1, result.stdout + result.stderr
    assert _lines(result.stdout)["banco de dados"].startswith(
        "FALHOU DatabaseUnavailable: Não foi possível acessar o banco de dados"
    )
    assert "1 falha(s)" in result.stdout


def test_portable_copy_keeps_data_beside_the_program(bundle: Path) -> None:
    data = bundle / "data"
    data.mkdir()
    try:
        result = _self_check(bundle, _env(None))
        assert result.returncode == 0, result.stdout + result.stderr
        lines = _lines(result.stdout)
        assert lines["pastas"].startswith(f"ok dados em {data}, configuração em {data}")
        assert "(cópia portátil)" in lines["pastas"]
        assert (data / "central.sqlite3").is_file()
    finally:
        shutil.rmtree(data)


def test_frozen_command_line_works(bundle: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = _env(tmp_path)
    result = subprocess.run(
        [str(_exe(bundle)), "--db", url, "db", "upgrade"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert f"revisão {head_revision()}" in result.stdout
    version = subprocess.run(
        [str(_exe(bundle)), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip().startswith(NAME)


def test_bundle_is_trimmed(bundle: Path) -> None:
    internal = bundle / "_internal"
    migrations = internal / "desktop" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    shipped = {p.name for p in (migrations / "versions").glob("*.py")}
    source = {p.name for p in (ROOT / "desktop" / "migrations" / "versions").glob("*.py")}
    assert shipped == source
    ours = {p.stem + ".qm" for p in (ROOT / "resources" / "translations").glob("*.ts")}
    assert ours <= {p.name for p in (internal / "resources" / "translations").glob("*.qm")}
    translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert "qtbase_pt_BR.qm" in translations and "qtbase_de.qm" not in translations
    babel_locales = {p.stem for p in (internal / "babel" / "locale-data").glob("*.dat")}
    assert {"root", "pt", "pt_BR"} <= babel_locales and len(babel_locales) < 10
    faker_locales = {p.name for p in (internal / "faker" / "providers" / "address").iterdir()}
    assert "pt_BR" in faker_locales and "de_DE" not in faker_locales
    assert not list(internal.glob("PySide6/**/*WebEngine*"))
    assert not list(internal.glob("PySide6/Qt/lib/libQt6Quick*"))
