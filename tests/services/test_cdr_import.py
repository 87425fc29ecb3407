"""``import_cdr``: rating, idempotence, bad lines, rights, audit, all-or-nothing."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import CallType, Role
from desktop.errors import AccessDenied, InvalidInput
from desktop.models import AuditEntry, Call, CdrImport, Terminal
from desktop.services import cdr_import
from desktop.services import settings as settings_service
from desktop.services.cdr_import import ImportReport, import_cdr, normalize_src
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, subscriber

DATA = Path(__file__).parent.parent / "importers" / "data"
MASTER_18 = DATA / "Master.csv"
MASTER_16 = DATA / "Master-16.csv"

# Line of Master.csv -> (destination, type, duration_s, billed_s, amount, hidden)
EXPECTED_18 = {
    1: ("4430459876", CallType.LOCAL_FIXO, 125, 126, "0.21", False),
    2: ("44999123456", CallType.LOCAL_MOVEL, 61, 66, "0.50", False),
    3: ("4133334444", CallType.LDN_FIXO, 20, 30, "0.13", False),
    4: ("43999887766", CallType.LDN_MOVEL, 180, 180, "2.67", False),
    5: ("11987654321", CallType.LDN_MOVEL, 45, 48, "0.71", False),
    6: ("08007071234", CallType.GRATUITA, 300, 300, "0.00", False),
    7: ("40041234", CallType.ESPECIAL, 90, 90, "0.90", False),
    8: ("190", CallType.GRATUITA, 12, 30, "0.00", False),
    9: ("181", CallType.GRATUITA, 200, 204, "0.00", True),
    10: ("+12125551234", CallType.LDI, 600, 600, "19.00", False),
    18: ("4430261234", CallType.LDN_FIXO, 60, 60, "0.25", False),  # 2025: other local area
    19: ("4430261234", CallType.LOCAL_FIXO, 60, 60, "0.10", False),  # 2026-07: whole DDD
    20: ("4430459876", CallType.LOCAL_FIXO, 30, 30, "0.05", False),  # src written +55...
    21: ("4430459876", CallType.LOCAL_FIXO, 3, 0, "0.00", False),  # up to 3 s: free
    22: ("4430261234", CallType.LDN_FIXO, 120, 120, "0.50", False),  # 2025-12-31 in São Paulo
}


@pytest.fixture
def finance(db: Database) -> CounterActor:
    subscriber(
        db,
        "Fulano Silva",
        CPFS[0],
        plan="Fone Fixo",
        voice=True,
        internet=False,
        terminal="4430451234",
    )
    subscriber(
        db,
        "Beltrana Souza",
        CPFS[1],
        plan="Fone Fixo",
        voice=True,
        internet=False,
        terminal="4430459876",
    )
    return make_user(db, "financeiro1", Role.FINANCE)


def _calls(db: Database) -> list[Call]:
    with db.session() as session:
        return list(session.scalars(select(Call).order_by(Call.started_at, Call.id)))


def _count(db: Database, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _check_sum(report: ImportReport) -> None:
    parts = report.imported + report.duplicates + report.not_answered + report.rejected
    assert report.lines == parts


def test_import_master_18_gmt(db: Database, finance: CounterActor) -> None:
    report = import_cdr(db, finance, MASTER_18)
    assert (report.lines, report.imported, report.duplicates, report.not_answered) == (21, 15, 1, 2)
    assert report.unknown_terminal == [(13, "4433339999")]
    assert [n for n, _ in report.malformed] == [14, 15]
    assert "aspas" in report.malformed[0][1]
    assert "*97" in report.malformed[1][1]
    _check_sum(report)

    with db.session() as session:
        terminal_id = session.scalar(select(Terminal.id).where(Terminal.number == "4430451234"))
        calls = list(session.scalars(select(Call)))
    got = sorted(
        (c.destination, c.call_type, c.duration_s, c.billed_s, c.amount, c.hidden) for c in calls
    )
    want = sorted((d, t, s, b, Decimal(a), h) for d, t, s, b, a, h in EXPECTED_18.values())
    assert got == want
    assert all(c.terminal_id == terminal_id for c in calls)
    first = next(c for c in calls if c.source_key == "1741611600.1/1741611600")
    assert first.destination == "4430459876"
    assert first.started_at.isoformat() == "2025-03-10T13:00:00+00:00"


def test_importing_twice_adds_nothing(db: Database, finance: CounterActor) -> None:
    import_cdr(db, finance, MASTER_18)
    again = import_cdr(db, finance, MASTER_18)
    assert (again.imported, again.duplicates) == (0, 16)
    assert again.unknown_terminal == [(13, "4433339999")]
    _check_sum(again)
    assert _count(db, Call) == 15
    with db.session() as session:
        runs = list(session.scalars(select(CdrImport).order_by(CdrImport.id)))
    assert [(r.file_name, r.lines, r.imported, r.duplicates, r.rejected) for r in runs] == [
        ("Master.csv", 21, 15, 1, 3),
        ("Master.csv", 21, 0, 16, 3),
    ]


def test_import_master_16_local(db: Database, finance: CounterActor) -> None:
    report = import_cdr(db, finance, MASTER_16)
    assert (report.lines, report.imported, report.duplicates, report.not_answered) == (8, 3, 1, 2)
    assert [n for n, _ in report.malformed] == [4, 7]
    assert report.unknown_terminal == []
    calls = _calls(db)
    assert [(c.destination, c.call_type, c.billed_s, c.amount) for c in calls] == [
        ("4430459876", CallType.LOCAL_FIXO, 126, Decimal("0.21")),
        ("40041234", CallType.ESPECIAL, 60, Decimal("0.60")),
        ("03001234567", CallType.ESPECIAL, 30, Decimal("0.30")),
    ]
    # local time (UTC-3) stored as UTC
    assert calls[0].started_at.isoformat() == "2025-03-10T13:00:00+00:00"


def test_forced_layout_and_clock(db: Database, finance: CounterActor) -> None:
    report = import_cdr(db, finance, MASTER_16, columns=16, gmt=True)
    assert report.imported == 3
    assert _calls(db)[0].started_at.isoformat() == "2025-03-10T10:00:00+00:00"


def test_prices_are_the_settings_at_import_time(db: Database, finance: CounterActor) -> None:
    with db.session() as session:
        settings_service.put(session, "tariff.ldi", Decimal("3.00"))
        settings_service.put(session, "tariff.local_fixo", Decimal("0.20"))
    import_cdr(db, finance, MASTER_18)
    with db.session() as session:
        settings_service.put(session, "tariff.ldi", Decimal("9.99"))
    amounts = {c.source_key.split("/")[0]: c.amount for c in _calls(db)}
    assert amounts["1741964400.19"] == Decimal("30.00")  # LDI, 600 s at 3.00
    assert amounts["1741611600.1"] == Decimal("0.42")  # local, 126 s at 0.20
    assert amounts["1741612200.3"] == Decimal("0.50")  # VC1 unchanged, 66 s at 0.45


def test_small_batches_give_the_same_result(
    db: Database, finance: CounterActor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cdr_import, "BATCH_SIZE", 3)
    monkeypatch.setattr(cdr_import, "LOOKUP_CHUNK", 2)
    monkeypatch.setattr(cdr_import, "PROGRESS_EVERY", 4)
    seen: list[tuple[int, int]] = []
    report = import_cdr(
        db, finance, MASTER_18, progress=lambda done, total: seen.append((done, total))
    )
    assert (report.imported, report.duplicates, report.not_answered) == (15, 1, 2)
    assert [n for n, _ in report.malformed] == [14, 15]  # in line order across batches
    size = MASTER_18.stat().st_size
    assert seen[-1] == (size, size)
    assert len(seen) >= 5
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_an_error_half_way_leaves_nothing(
    db: Database, finance: CounterActor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cdr_import, "BATCH_SIZE", 2)
    monkeypatch.setattr(cdr_import, "PROGRESS_EVERY", 8)

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_cdr(db, finance, MASTER_18, progress=stop)
    assert _count(db, Call) == 0
    assert _count(db, CdrImport) == 0


def test_audited(db: Database, finance: CounterActor) -> None:
    report = import_cdr(db, finance, MASTER_18)
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "cdr.importado")
        ).one()
    assert entry.actor == "financeiro:financeiro1"
    assert (entry.subject_type, entry.subject_id) == ("cdr_import", str(report.import_id))
    details = json.loads(entry.details)
    assert details["importadas"] == 15 and details["linhas"] == 21
    assert details["terminal_desconhecido"] == 1 and details["invalidas"] == 2


@pytest.mark.parametrize("role", [Role.SUPPORT, Role.ADMIN])
def test_support_and_admin_may_import(db: Database, finance: CounterActor, role: Role) -> None:
    actor = make_user(db, f"user-{role.value}", role)
    assert import_cdr(db, actor, MASTER_16).imported == 3


def test_attendant_and_kiosk_may_not(db: Database, finance: CounterActor) -> None:
    attendant = make_user(db, "balcao", Role.ATTENDANT)
    with pytest.raises(AccessDenied):
        import_cdr(db, attendant, MASTER_18)
    with pytest.raises(AccessDenied):
        import_cdr(db, kiosk(1), MASTER_18)
    assert _count(db, Call) == 0 and _count(db, CdrImport) == 0


def test_fatal_errors_write_nothing(db: Database, finance: CounterActor, tmp_path: Path) -> None:
    binary = tmp_path / "Master.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    text = tmp_path / "clientes.csv"
    text.write_text("nome;cpf\nFulano;52998224725\n", encoding="utf-8")
    for path in (tmp_path / "nao-existe.csv", binary, text, tmp_path):
        with pytest.raises(InvalidInput):
            import_cdr(db, finance, path)
    with pytest.raises(InvalidInput):
        import_cdr(db, finance, MASTER_18, columns=19)
    assert _count(db, Call) == 0 and _count(db, CdrImport) == 0 and _count(db, AuditEntry) == 0


def test_empty_file_is_a_run_with_nothing(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    empty = tmp_path / "Master.csv"
    empty.write_bytes(b"")
    report = import_cdr(db, finance, empty)
    assert (report.lines, report.imported, report.unknown_terminal, report.malformed) == (
        0,
        0,
        [],
        [],
    )
    assert _count(db, CdrImport) == 1


def test_a_file_appended_to_imports_only_the_new_lines(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    path = tmp_path / "Master.csv"
    lines = MASTER_18.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:10]))
    assert import_cdr(db, finance, path).imported == 10
    shutil.copy(MASTER_18, path)
    report = import_cdr(db, finance, path)
    assert (report.imported, report.duplicates) == (5, 11)


@pytest.mark.parametrize(
    ("src", "number"),
    [
        ("4430451234", "4430451234"),
        ("+554430451234", "4430451234"),
        ("554430451234", "4430451234"),
        ("04430451234", "4430451234"),
        ("(44) 3045-1234", "4430451234"),
        ("5544999123456", "44999123456"),
        ("044999123456", "44999123456"),
        ("30451234", "30451234"),
        ("", ""),
    ],
)
def test_normalize_src(src: str, number: str) -> None:
    assert normalize_src(src) == number
