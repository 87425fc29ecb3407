"""``central-assinante settings list | get | set``: admin only, the Painel's registry and
validation (every PIX PSP setting of SPEC §7), secrets masked, audited; on both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db import Database
from desktop.domain.enums import Role
from desktop.models import AuditEntry
from desktop.services import settings
from tests.conftest import make_user


def run(
    capsys: pytest.CaptureFixture[str], db: Database, operator: str, *args: str
) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", operator, "settings", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_pix_psp_settings_are_set_validated_and_masked(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    make_user(db, "chefe", Role.ADMIN)
    cert, key, ca = (tmp_path / n for n in ("empresa.pem", "empresa.key", "psp-ca.pem"))
    for path in (cert, key, ca):
        path.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    values = {
        "pix.api_url": "https://pix.banco.example/api/v2",
        "pix.token_url": "https://pix.banco.example/oauth/token",
        "pix.client_id": "provedor-123",
        "pix.client_secret": "s3gr3do",
        "pix.client_cert": str(cert),
        "pix.client_key": str(key),
        "pix.ca_file": str(ca),
        "pix.charge_expiry_s": "1800",
    }
    for name, value in values.items():
        code, out, err = run(capsys, db, "chefe", "set", name, value)
        assert code == 0, err
        assert out.strip() == f"{name} = {'********' if name == 'pix.client_secret' else value}"
    with db.session() as session:
        assert settings.get(session, "pix.charge_expiry_s") == 1800
        assert settings.get(session, "pix.client_secret") == "s3gr3do"  # stored, never shown
        details = list(
            session.scalars(
                select(AuditEntry.details).where(AuditEntry.action == "configuracao.alterada")
            )
        )
    assert len(details) == len(values) and not any("s3gr3do" in d for d in details)
    code, out, _ = run(capsys, db, "chefe", "get", "pix.client_secret")
    assert (code, out.strip()) == (0, "********")
    code, out, _ = run(capsys, db, "chefe", "list", "--prefix", "pix.", "--format", "json")
    listed = {item["key"]: item["value"] for item in json.loads(out)}
    assert (
        listed["pix.client_secret"] == "********" and listed["pix.api_url"] == values["pix.api_url"]
    )
    code, out, _ = run(capsys, db, "chefe", "list")
    assert code == 0 and "pix.charge_expiry_s" in out and "s3gr3do" not in out


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("pix.api_url", "http://pix.banco.example", "formato inválido"),
        ("pix.token_url", "pix.banco.example/token", "formato inválido"),
        ("pix.client_cert", "/nao/existe.pem", "arquivo não encontrado"),
        ("pix.ca_file", "/nao/existe-ca.pem", "arquivo não encontrado"),
        ("pix.charge_expiry_s", "0", "o mínimo é 60"),
        ("pix.charge_expiry_s", "uma hora", "Número inteiro inválido"),
        ("pix.nao_existe", "1", "Configuração desconhecida"),
    ],
)
def test_bad_values_are_refused_in_one_line_and_change_nothing(
    capsys: pytest.CaptureFixture[str], db: Database, key: str, value: str, words: str
) -> None:
    make_user(db, "chefe", Role.ADMIN)
    code, out, err = run(capsys, db, "chefe", "set", key, value)
    assert code == 2 and out == "" and words in err and len(err.strip().splitlines()) == 1
    with db.session() as session:
        assert session.scalar(select(AuditEntry.id)) is None


def test_only_admin(capsys: pytest.CaptureFixture[str], db: Database) -> None:
    make_user(db, "caixa", Role.FINANCE)
    for args in (("list",), ("get", "pix.key"), ("set", "pix.key", "x@example.com")):
        code, _, err = run(capsys, db, "caixa", *args)
        assert code == 2 and "não permite" in err
