"""``import cdr`` against hostile files (issue 14 item 6): every bad line is refused with its
number and a Portuguese reason while the rest imports; concurrent imports of one file; the
``sequence`` of 21-column CDRs in the key, without re-importing calls stored under the old key.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import CallType, Role
from desktop.models import Call, Terminal
from desktop.services.cdr_import import import_cdr
from tests.conftest import make_user
from tests.factories import CPFS, subscriber
from tests.services.cdr_workers import import_file
from tests.services.concurrency import run_processes

GOOD = (
    '"","4430451234","4430459876","from-internal","""Fulano"" <4430451234>","PJSIP/a-1",'
    '"PJSIP/trunk-2","Dial","PJSIP/4430459876@trunk","{start}","{answer}","{end}",'
    '{duration},{billsec},"ANSWERED","DOCUMENTATION","{uid}",""'
)


def line(
    uid: str,
    *,
    start: str = "2025-03-10 13:00:00",
    answer: str = "2025-03-10 13:00:05",
    end: str = "2025-03-10 13:02:10",
    duration: str = "130",
    billsec: str = "125",
) -> str:
    return GOOD.format(
        uid=uid, start=start, answer=answer, end=end, duration=duration, billsec=billsec
    )


def line_21(uid: str, dst: str, sequence: int, start: str = "2025-03-10 13:00:00") -> str:
    return (
        f'"","4430451234","{dst}","from-internal","Fulano <4430451234>","PJSIP/a-1",'
        f'"PJSIP/trunk-2","Dial","PJSIP/{dst}@trunk","{start}","{start[:-2]}05",'
        f'"2025-03-10 13:02:10",130,125,"ANSWERED","DOCUMENTATION","{uid}","","","{uid}",'
        f"{sequence}"
    )


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
    return make_user(db, "financeiro1", Role.FINANCE)


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _calls(db: Database) -> list[Call]:
    with db.session() as session:
        return list(session.scalars(select(Call).order_by(Call.started_at, Call.id)))


# The hostile lines of the issue, each with (a word of) the reason it must be refused for.
BAD_LINES = [
    (line("u.2", start="9999-12-31 23:59:00"), "fora do intervalo"),  # OverflowError before
    (line("u.3", billsec="3000000000", duration="3000000000"), "limite de 24 horas"),
    (line("u.4", billsec="100000000", duration="100000000"), "limite de 24 horas"),
    (line("u.5", billsec="86401", duration="86401"), "limite de 24 horas"),
    (line("u.6", end="2025-03-10 12:59:00", answer=""), "fim anterior"),
    (line("u.7", billsec="١٢٥"), "billsec inválido"),  # Arabic-Indic digits
    (line("u.8", billsec="²"), "billsec inválido"),  # int('²') said it in English
    (line("u.9", duration="１３０"), "duration inválido"),  # fullwidth digits
    (line("u.10", start="２025-03-10 13:00:00"), "início inválida"),
    (line("u.11", billsec="200", duration="130"), "maior que duration"),
    (line("u.12", answer="2025-03-10 14:00:00"), "atendimento fora"),
    (line("u.13", start="2099-01-01 10:00:00", answer="", end="2099-01-01 10:01:00"), "futuro"),
    (line("u.14").replace("4430459876", "٤٤٣٠٤٥٩٨٧٦", 1), "não são ASCII"),
]


def test_every_bad_line_is_refused_with_its_number_and_the_rest_imports(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    lines = (
        [line("u.1")]
        + [bad for bad, _ in BAD_LINES]
        + [
            line(
                "u.99",
                start="2025-03-11 09:00:00",
                answer="2025-03-11 09:00:01",
                end="2025-03-11 09:01:01",
                duration="61",
                billsec="60",
            )
        ]
    )
    report = import_cdr(db, finance, _write(tmp_path / "Master.csv", lines))
    assert report.imported == 2
    assert [n for n, _ in report.malformed] == list(range(2, 2 + len(BAD_LINES)))
    for (line_no, reason), (_bad, word) in zip(report.malformed, BAD_LINES, strict=True):
        assert word in reason, (line_no, reason)
        assert "invalid literal" not in reason and "int()" not in reason
    calls = _calls(db)
    assert [c.source_key for c in calls] == ["u.1/1741611600", "u.99/1741683600"]
    assert max(c.amount for c in calls) < Decimal("1.00")  # nothing rated in the millions


def test_corrupt_lines_are_named_in_portuguese(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    huge = line("u.2").replace('"Dial"', '"' + "x" * 200_000 + '"')
    nul = line("u.3\x00")  # in the uniqueid, which is stored as the key
    report = import_cdr(db, finance, _write(tmp_path / "Master.csv", [line("u.1"), huge, nul]))
    assert report.imported == 1
    assert report.malformed == [
        (2, "campo grande demais para um CDR"),
        (3, "caractere nulo na linha (arquivo corrompido?)"),
    ]


def test_arabic_indic_digits_in_the_caller_are_no_terminal(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    bad = line("u.1").replace('"4430451234"', '"٤٤٣٠٤٥١٢٣٤"', 1)
    report = import_cdr(db, finance, _write(tmp_path / "Master.csv", [bad, line("u.2")]))
    assert report.imported == 1
    assert report.malformed == [(1, "origem (src) com dígitos que não são ASCII: '٤٤٣٠٤٥١٢٣٤'")]


def test_two_cdrs_of_one_channel_in_the_same_second_are_two_calls(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    path = _write(
        tmp_path / "Master.csv",
        [line_21("1741611600.7", "4430459876", 1), line_21("1741611600.7", "4430261234", 2)],
    )
    report = import_cdr(db, finance, path)
    assert (report.imported, report.duplicates) == (2, 0)
    assert sorted(c.destination for c in _calls(db)) == ["4430261234", "4430459876"]
    again = import_cdr(db, finance, path)
    assert (again.imported, again.duplicates) == (0, 2)


def test_calls_imported_under_the_old_key_are_not_imported_again(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    """A database filled before ``sequence`` joined the key: the old import kept the first
    CDR of the pair under ``uniqueid/start``.  Re-importing the file adds only the second."""
    start = dt.datetime(2025, 3, 10, 13, 0, tzinfo=dt.UTC)
    with db.session() as session:
        terminal_id = session.scalar(select(Terminal.id))
        session.add(
            Call(
                terminal_id=terminal_id,
                started_at=start,
                destination="4430459876",
                call_type=CallType.LOCAL_FIXO,
                duration_s=125,
                billed_s=126,
                amount=Decimal("0.21"),
                source_key=f"1741611600.7/{int(start.timestamp())}",
            )
        )
    path = _write(
        tmp_path / "Master.csv",
        [line_21("1741611600.7", "4430459876", 1), line_21("1741611600.7", "4430261234", 2)],
    )
    report = import_cdr(db, finance, path)
    assert (report.imported, report.duplicates) == (1, 1)
    assert sorted(c.destination for c in _calls(db)) == ["4430261234", "4430459876"]
    assert (import_cdr(db, finance, path).imported, len(_calls(db))) == (0, 2)


def test_four_stations_importing_one_file_at_once(
    db: Database, finance: CounterActor, tmp_path: Path
) -> None:
    """Separate processes released together: one imports, the others find every line there.

    Batches of 100 lines: each process checks a batch's keys, then inserts it, while the
    others' transactions are still open; the old check-then-insert ended in IntegrityError.
    """
    first = dt.datetime(2025, 3, 10, 13, 0)
    lines = []
    for i in range(COUNT):
        at = first + dt.timedelta(minutes=i)
        lines.append(
            line(
                f"u.{i}",
                start=f"{at:%Y-%m-%d %H:%M:%S}",
                answer=f"{at + dt.timedelta(seconds=5):%Y-%m-%d %H:%M:%S}",
                end=f"{at + dt.timedelta(seconds=35):%Y-%m-%d %H:%M:%S}",
                duration="35",
                billsec="30",
            )
        )
    path = _write(tmp_path / "Master.csv", lines)
    results = run_processes(import_file, [(db.url, finance.user_id, str(path), 100)] * 4)
    assert all(kind == "ok" for kind, *_ in results), results
    assert sorted((imported, duplicates) for _, imported, duplicates, _ in results) == [
        (0, COUNT),
        (0, COUNT),
        (0, COUNT),
        (COUNT, 0),
    ]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Call)) == COUNT


COUNT = 2000


def test_a_database_kept_busy_is_a_message_not_a_traceback(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """SQLite: another connection holds the write lock past the busy timeout (10 s)."""
    import sqlite3

    from desktop.errors import UserError

    subscriber(
        sqlite_db, "F", CPFS[0], plan="Fone", voice=True, internet=False, terminal="4430451234"
    )
    finance = make_user(sqlite_db, "financeiro1", Role.FINANCE)
    path = _write(tmp_path / "Master.csv", [line("u.1")])
    holder = sqlite3.connect(sqlite_db.url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(UserError) as refused:
            import_cdr(sqlite_db, finance, path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "nada" in refused.value.message and "Master.csv" in refused.value.message
    assert import_cdr(sqlite_db, finance, path).imported == 1  # once free, it imports
