"""The Linux desktop entries, launcher and kiosk session; the Windows installer's references.

``desktop-file-validate`` (apt ``desktop-file-utils``, installed by scripts/system-setup.sh)
checks the entries when present; otherwise they are parsed and the essential keys checked.
The launcher and the kiosk session run for real against a stand-in program.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "installer" / "linux"
DESKTOP_FILES = {
    "central-assinante.desktop": "central-assinante",
    "central-assinante-kiosk.desktop": "central-assinante kiosk",
}


@pytest.mark.parametrize("name", sorted(DESKTOP_FILES))
def test_desktop_entries_are_valid(name: str) -> None:
    path = LINUX / name
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        result = subprocess.run([validator, str(path)], capture_output=True, text=True, timeout=30)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"].startswith("Central do Assinante")
    assert entry["Exec"] == DESKTOP_FILES[name]
    assert entry.get("Terminal") == "false"


def _stand_in(bundle: Path, log: Path, exit_codes: str = "0") -> None:
    """A fake bundle whose program logs its arguments and exits with the next listed code."""
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "central-assinante"
    program.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{log}"\n'
        f'n=$(wc -l < "{log}")\n'
        f"set -- {exit_codes}\n"
        "shift $((n - 1)) 2>/dev/null || exit 0\n"
        'exit "${1:-0}"\n',
        encoding="utf-8",
    )
    program.chmod(0o755)


def _launcher_copy(prefix: Path) -> Path:
    (prefix / "bin").mkdir(parents=True)
    launcher = prefix / "bin" / "central-assinante"
    shutil.copy(LINUX / "central-assinante", launcher)
    launcher.chmod(0o755)
    return launcher


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CENTRAL_")}
    env.update(extra)
    return env


def test_launcher_finds_the_bundle_beside_its_prefix(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    _stand_in(tmp_path / "lib" / "central-assinante", log)
    launcher = _launcher_copy(tmp_path)
    link = tmp_path / "elsewhere" / "central-assinante"  # a symlink in PATH resolves to the copy
    link.parent.mkdir()
    link.symlink_to(launcher)
    result = subprocess.run(
        [str(link), "statement", "calls", "--subscriber", "529 982 247-25"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert log.read_text() == "statement calls --subscriber 529 982 247-25\n"


def test_launcher_honours_the_bundle_variable_and_says_when_it_is_missing(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    _stand_in(tmp_path / "bundle", log)
    launcher = _launcher_copy(tmp_path / "prefix")
    ok = subprocess.run(
        [str(launcher), "--self-check"],
        env=_env(CENTRAL_BUNDLE_DIR=str(tmp_path / "bundle")),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert ok.returncode == 0 and log.read_text() == "--self-check\n"
    if Path("/opt/central-assinante/central-assinante").exists():
        return  # this machine has a real install: the fallback would find it
    missing = subprocess.run(
        [str(launcher)], env=_env(), capture_output=True, text=True, timeout=30
    )
    assert missing.returncode == 127
    assert "programa não encontrado" in missing.stderr


def test_kiosk_session_restarts_a_crashed_kiosk_and_ends_when_it_is_closed(
    tmp_path: Path,
) -> None:
    log = tmp_path / "calls.log"
    _stand_in(tmp_path / "bundle", log, exit_codes="1 139 0")
    result = subprocess.run(
        ["sh", str(LINUX / "kiosk-session.sh")],
        env=_env(
            CENTRAL_LAUNCHER=str(tmp_path / "bundle" / "central-assinante"),
            CENTRAL_RESTART_DELAY="0",
            DISPLAY="",  # xset, if installed, fails harmlessly without a display
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert log.read_text() == "kiosk\nkiosk\nkiosk\n"
    assert "reiniciando" in result.stderr and "fim da sessão" in result.stderr


@pytest.mark.parametrize("script", ["central-assinante", "kiosk-session.sh"])
def test_shell_scripts_parse(script: str) -> None:
    subprocess.run(["sh", "-n", str(LINUX / script)], check=True, timeout=30)


def test_windows_installer_matches_the_bundle() -> None:
    iss = (ROOT / "installer" / "windows" / "central-assinante.iss").read_text(encoding="utf-8")
    spec = (ROOT / "installer" / "central-assinante.spec").read_text(encoding="utf-8")
    assert 'NAME = "central-assinante"' in spec and 'name=f"{NAME}-cli"' in spec
    assert '#define ExeName "central-assinante.exe"' in iss
    assert '#define CliName "central-assinante-cli.exe"' in iss
    assert 'Source: "dist\\central-assinante\\*"' in iss
    kiosk_icons = [line for line in iss.splitlines() if 'Parameters: "kiosk"' in line]
    assert any(
        "{commonstartup}" in line and "Tasks: autostartkiosk" in line for line in kiosk_icons
    )
    assert any("{autoprograms}" in line for line in kiosk_icons)
    # station.ini as desktop.config reads it: [database] url, [station] name / printer
    assert "'[database]'" in iss and "'url = '" in iss
    assert "'[station]'" in iss and "'name = '" in iss and "'printer = '" in iss
    assert "SaveStringsToUTF8FileWithoutBOM" in iss  # configparser chokes on a BOM
    assert re.search(r'ValueName: "CENTRAL_CONFIG_DIR"; ValueData: "\{#StationDir\}"', iss)
    sections = re.findall(r"^\[(\w+)\]", iss, flags=re.MULTILINE)
    assert sections == [
        "Setup",
        "Languages",
        "Tasks",
        "Dirs",
        "Files",
        "InstallDelete",
        "Icons",
        "Registry",
        "Run",
        "Code",
    ]
