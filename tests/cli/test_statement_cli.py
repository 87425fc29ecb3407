"""``statement calls|connections`` in process: JSON shapes of SPEC §4, table, CSV, PDF, errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.adapters.printing import wait_for_job
from desktop.cli import main
from desktop.db import Database
from desktop.domain.enums import CallType, Role
from desktop.models import AuditEntry
from tests.conftest import make_user
from tests.conftest_printing import CupsQueues, ensure_cups_queues
from tests.factories import CPFS, subscriber
from tests.statement_factories import call, local, radacct, session_row

GIB = 2**30
NOV = ["--from", "2026-11-01", "--to", "2026-11-30"]


@pytest.fixture
def base(db: Database) -> list[str]:
    """The global options: this test's database and an operator (atendente)."""
    make_user(db, "operador", Role.ATTENDANT)
    return ["--db", db.url, "--operator", "operador", "--station", "retaguarda-1"]


def _calls_setup(db: Database) -> int:
    sub_id, _ = subscriber(db, voice=True, plan="Fone", terminal="4430451234")
    call(
        db,
        "4430451234",
        local(2026, 11, 3, 9, 15, 7),
        "44999887766",
        CallType.LOCAL_MOVEL,
        65,
        66,
        "0.50",
    )
    call(
        db, "4430451234", local(2026, 11, 4, 10), "1133334444", CallType.LDN_FIXO, 125, 126, "1.05"
    )
    call(
        db,
        "4430451234",
        local(2026, 11, 5, 8),
        "181",
        CallType.GRATUITA,
        300,
        0,
        "0.00",
        hidden=True,
    )
    return sub_id


def _connections_setup(db: Database) -> int:
    sub_id, _ = subscriber(db, login="maria")
    radacct(
        db,
        [
            session_row(
                "maria", local(2026, 11, 3, 10), local(2026, 11, 3, 12), download=5 * GIB, upload=7
            ),
            session_row("maria", local(2026, 11, 20, 8), None, download=GIB, upload=3),
        ],
    )
    return sub_id


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_calls_json_has_the_shape_of_the_spec(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    sub_id = _calls_setup(db)
    code, out, err = _run(
        capsys,
        *base,
        "statement",
        "calls",
        "--subscriber",
        "529.982.247-25",
        *NOV,
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["subscriber"] == {"id": sub_id, "name": "Maria da Silva", "document": CPFS[0]}
    assert data["period"] == {"from": "2026-11-01", "to": "2026-11-30"}
    assert data["items"][0] == {
        "started_at": "2026-11-03T09:15:07-03:00",
        "terminal": "4430451234",
        "destination": "44999887766",
        "type": "local_movel",
        "duration_s": 65,
        "billed_s": 66,
        "amount": "0.50",
    }
    assert len(data["items"]) == 2  # the 181 call never appears
    assert data["totals"] == {
        "count": 2,
        "duration_s": 190,
        "billed_s": 192,
        "amount": "1.55",
        "by_type": {
            "local_movel": {"count": 1, "duration_s": 65, "amount": "0.50"},
            "ldn_fixo": {"count": 1, "duration_s": 125, "amount": "1.05"},
        },
    }


def test_calls_table_csv_and_filters(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _calls_setup(db)
    code, out, _ = _run(capsys, *base, "statement", "calls", "--subscriber", CPFS[0], *NOV)
    assert code == 0
    assert "03/11/2026 09:15:07" in out and "(44) 99988-7766" in out and "R$ 0,50" in out
    assert "Total: 2 ligações" in out and "R$ 1,55" in out
    code, out, _ = _run(
        capsys,
        *base,
        "statement",
        "calls",
        "--subscriber",
        CPFS[0],
        *NOV,
        "--type",
        "ldn_fixo",
        "--terminal",
        "4430451234",
        "--format",
        "csv",
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "started_at",
        "terminal",
        "destination",
        "type",
        "duration_s",
        "billed_s",
        "amount",
    ]
    assert rows[1:] == [
        ["2026-11-04T10:00:00-03:00", "4430451234", "1133334444", "ldn_fixo", "125", "126", "1.05"]
    ]


def test_calls_pdf_to_a_file(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _calls_setup(db)
    target = tmp_path / "ligacoes.pdf"
    code, _, err = _run(
        capsys,
        *base,
        "statement",
        "calls",
        "--subscriber",
        CPFS[0],
        *NOV,
        "--format",
        "pdf",
        "-o",
        str(target),
    )
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Extrato de Ligações" in text and "Maria da Silva" in text and "Página 1 de 1" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--subscriber", "111.444.777-35"], "Assinante não encontrado"),
        (["--subscriber", "123.456.789-00"], "CPF inválido"),
        (
            ["--subscriber", CPFS[0], "--from", "2026-11-30", "--to", "2026-11-01"],
            "Período inválido",
        ),
        (["--subscriber", CPFS[0], "--from", "2025-01-01", "--to", "2026-11-01"], "366"),
        (["--subscriber", CPFS[0], "--type", "interurbano"], "Tipo de terminação inválido"),
        (["--subscriber", CPFS[0], "--status", "aberto"], "--status"),
        (["--subscriber", CPFS[0], "--terminal", "4430459999"], "Terminal"),
        (["--subscriber", CPFS[0], "--format", "pdf"], "-o ARQUIVO"),
        (["--subscriber", CPFS[0], "--format", "json", "--print"], "--print"),
    ],
)
def test_calls_bad_input_exits_non_zero_with_one_line(
    db: Database,
    base: list[str],
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    _calls_setup(db)
    code, out, err = _run(capsys, *base, "statement", "calls", *extra)
    assert code == 2 and out == ""
    assert err.startswith("erro: ") and message in err and err.count("\n") == 1


def test_subscriber_without_voice_plan(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    subscriber(db, login="maria")
    code, _, err = _run(capsys, *base, "statement", "calls", "--subscriber", CPFS[0])
    assert code == 2 and "terminal de voz" in err


def test_connections_json_has_the_shape_of_the_spec_and_is_audited(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    sub_id = _connections_setup(db)
    code, out, err = _run(
        capsys, *base, "statement", "connections", "--subscriber", CPFS[0], *NOV, "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["subscriber"]["id"] == sub_id and data["period"] == {
        "from": "2026-11-01",
        "to": "2026-11-30",
    }
    first, open_session = data["items"]
    assert first == {
        "login": "maria",
        "started_at": "2026-11-03T10:00:00-03:00",
        "stopped_at": "2026-11-03T12:00:00-03:00",
        "duration_s": 7200,
        "ip": "100.64.0.10",
        "ipv6_prefix": "2804:14c:1000:100::/56",
        "mac": "AA:BB:CC:00:11:22",
        "nas_ip": "10.0.0.1",
        "download_bytes": 5 * GIB,
        "upload_bytes": 7,
        "terminate_cause": "User-Request",
    }
    assert open_session["stopped_at"] is None and open_session["terminate_cause"] is None
    assert set(data["totals"]) == {"sessions", "duration_s", "download_bytes", "upload_bytes"}
    assert data["totals"]["download_bytes"] == 6 * GIB and data["totals"]["sessions"] == 2
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("extrato_conexoes%"))
        ).one()
        assert (entry.action, entry.actor, entry.station) == (
            "extrato_conexoes.consultado",
            "atendente:operador",
            "retaguarda-1",
        )


def test_connections_table_and_pdf(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _connections_setup(db)
    code, out, _ = _run(capsys, *base, "statement", "connections", "--subscriber", CPFS[0], *NOV)
    assert code == 0
    assert "em andamento" in out and "5,37 GB" in out and "Sessões: 2" in out
    target = tmp_path / "conexoes.pdf"
    code, _, err = _run(
        capsys,
        *base,
        "statement",
        "connections",
        "--subscriber",
        CPFS[0],
        *NOV,
        "--format",
        "pdf",
        "-o",
        str(target),
    )
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Extrato de Conexões" in text and "Tráfego por dia (GB)" in text
    with db.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-2:] == ["extrato_conexoes.consultado", "extrato_conexoes.impresso"]


def test_connections_refuse_call_options(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _connections_setup(db)
    code, _, err = _run(
        capsys, *base, "statement", "connections", "--subscriber", CPFS[0], "--type", "ldi"
    )
    assert code == 2 and "--type" in err


def test_default_period_is_the_current_month(
    db: Database, base: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _calls_setup(db)
    code, out, _ = _run(
        capsys, *base, "statement", "calls", "--subscriber", CPFS[0], "--format", "json"
    )
    assert code == 0
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=-3))).date()
    assert json.loads(out)["period"]["from"] == today.replace(day=1).isoformat()


@pytest.mark.cups
def test_print_sends_the_same_pdf_to_the_queue(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    queues: CupsQueues = ensure_cups_queues()
    make_user(sqlite_db, "operador", Role.ATTENDANT)
    _calls_setup(sqlite_db)
    base = ["--db", sqlite_db.url, "--operator", "operador"]
    saved = tmp_path / "copia.pdf"
    code, _, err = _run(
        capsys,
        *base,
        "statement",
        "calls",
        "--subscriber",
        CPFS[0],
        *NOV,
        "-o",
        str(saved),
        "--format",
        "pdf",
        "--print",
        queues.sink_queue,
    )
    assert code == 0, err
    job_id = err.split("(trabalho ", 1)[1].split(")", 1)[0]
    assert wait_for_job(job_id) == "completed"
    assert queues.sink_output(job_id).read_bytes() == saved.read_bytes()
