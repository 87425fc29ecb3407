"""``import cdr`` of a file with hostile lines: exit 0, each bad line named, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.enums import Role
from tests.conftest import make_user
from tests.factories import CPFS, subscriber
from tests.services.test_cdr_import_hostile import line


def test_bad_lines_are_listed_and_the_rest_imported(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    subscriber(
        db, "Fulano", CPFS[0], plan="Fone", voice=True, internet=False, terminal="4430451234"
    )
    make_user(db, "fin", Role.FINANCE)
    path = tmp_path / "Master.csv"
    lines = [
        line("u.1"),
        line("u.2", start="9999-12-31 23:59:00"),
        line("u.3", billsec="3000000000", duration="3000000000"),
        line("u.4", billsec="²"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["--db", db.url, "--operator", "fin", "import", "cdr", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Ligações importadas:   1" in out
    assert "linha 2: hora de início fora do intervalo aceito (2000 a 2099)" in out
    assert "linha 3: duration de 3000000000 s: acima do limite de 24 horas" in out
    assert "linha 4: billsec inválido '²'" in out
    assert "Traceback" not in out + err
