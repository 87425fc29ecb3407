"""``pix charge|check|refund`` and ``jobs run`` against the local HTTPS PSP (SPEC §7 JSON)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.models import Payment
from desktop.services import settings
from tests.conftest import make_user
from tests.fakes.pix_psp_server import PspServer
from tests.services.radius_setup import suspended
from tests.services.test_pix_charges import pki, psp  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("psp")


def run(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", "atendente1", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_charge_check_and_refund_as_json(
    db: Database, attendant: CounterActor, psp: PspServer, capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    make_user(db, "fin", Role.FINANCE)
    _, _, bill = suspended(db)
    code, out, _ = run(db, capsys, "pix", "charge", str(bill), "--format", "json")
    charge = json.loads(out)
    assert code == 0 and set(charge) == {"receivable_id", "txid", "amount", "payload", "expires_at", "status"}
    assert (charge["receivable_id"], charge["amount"], charge["status"]) == (bill, "102.73", "ativa")
    assert charge["expires_at"].endswith("-03:00") and charge["payload"].startswith("000201")
    e2e_1, e2e_2 = psp.state.pay(charge["txid"]), psp.state.pay(charge["txid"])
    code, out, _ = run(db, capsys, "pix", "check", charge["txid"], "--format", "json")
    checked = json.loads(out)
    assert code == 0 and checked["txid"] == charge["txid"] and checked["status"] == "concluida"
    assert {s["end_to_end_id"] for s in checked["settled"]} == {e2e_1, e2e_2}
    assert all(s["amount"] == "102.73" and s["receivable_id"] == bill for s in checked["settled"])
    assert checked["suspension_lifted"] is True
    duplicate = next(s["end_to_end_id"] for s in checked["settled"] if s["outcome"] == "duplicate")
    assert main(["--db", db.url, "--operator", "fin", "pix", "refund", duplicate, "--format", "json"]) == 0
    refund = json.loads(capsys.readouterr().out)
    assert (refund["status"], refund["amount"], refund["repeated"]) == ("EM_PROCESSAMENTO", "102.73", False)
    assert main(["--db", db.url, "--operator", "fin", "pix", "refund", duplicate]) == 0
    assert "já solicitada antes" in capsys.readouterr().out
    code, _, err = run(db, capsys, "pix", "refund", duplicate)  # an attendant may not
    assert code == 2 and "não permite" in err
    with db.session() as session:
        assert len(list(session.scalars(select(Payment).where(Payment.receivable_id == bill)))) == 2


def test_check_without_txid_checks_every_open_charge(
    db: Database, attendant: CounterActor, psp: PspServer, capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    assert run(db, capsys, "pix", "check")[1].strip() == "Nenhuma cobrança PIX em aberto."
    _, _, bill = suspended(db)
    run(db, capsys, "pix", "charge", str(bill))
    code, out, _ = run(db, capsys, "pix", "check", "--format", "json")
    [only] = json.loads(out)
    assert code == 0 and only["status"] == "ativa" and only["settled"] == []


def test_a_psp_down_exits_with_the_boleto_offered_and_changes_nothing(
    db: Database, attendant: CounterActor, psp: PspServer, capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    _, _, bill = suspended(db)
    psp.state.fail("PUT", "/api/v2/cob/", "503")
    code, out, err = run(db, capsys, "pix", "charge", str(bill))
    assert code == 2 and out == "" and "pague pelo boleto" in err and "Traceback" not in err
    assert run(db, capsys, "pix", "charge", "abc")[0] == 2
    code, _, err = run(db, capsys, "pix", "check", "CAR0000009999V0000000100N000")
    assert code == 2 and "não encontrada" in err


def test_jobs_run_reconciles_pix_paid_while_nobody_watched(
    db: Database, attendant: CounterActor, psp: PspServer, capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    _, _, bill = suspended(db)
    run(db, capsys, "pix", "charge", str(bill), "--format", "json")
    txid = next(iter(psp.state.cobs))
    psp.state.pay(txid)
    code, out, _ = run(db, capsys, "jobs", "run")
    assert code == 0 and "PIX recebidos no PSP: 1; baixados agora: 1" in out


def test_the_client_secret_is_masked_in_the_painel(
    db: Database, admin: CounterActor, psp: PspServer  # noqa: F811
) -> None:
    views = {v.key: v for v in settings.panel(db, admin)}
    assert views["pix.client_secret"].secret and views["pix.client_secret"].text == "********"
    assert views["pix.api_url"].text == psp.url and views["pix.charge_expiry_s"].text == "3600"
