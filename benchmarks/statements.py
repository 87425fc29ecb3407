"""Statement speed: the app's services and Qt model against raw SQL, in one run.

With N calls and N ``radacct`` rows (default 1,000,000 each) spread over 2,000 terminals and
2,000 logins, it measures, for one subscriber's month:

* time to the first page (200 rows) through the service, through the Qt model
  (``QueryModel`` with a synchronous pool, as on Ver: reset to 200 rows), and through raw SQL
  on the driver (sqlite3 / psycopg) — the baseline of the same run;
* time to the totals through the service and through raw SQL;
* time to build a 10,000-line call statement PDF.

Prints medians and ratios.  Targets: first page within 2x raw SQL, totals within 1.5x, the
PDF under 5 s.  Usage::

    .venv/bin/python benchmarks/statements.py [--rows 1000000] [--backends sqlite,postgres]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import local_period_bounds
from desktop.domain.enums import CallType, Role
from desktop.domain.periods import Period
from desktop.models import Contract, Plan, RadiusLogin, Subscriber, Terminal
from desktop.services import calls, connection_totals, connections

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
TERMINALS = 2000
TARGET_INDEX = 7  # subscriber 7 (created eighth) owns terminal id 8 and login7
TARGET_TERMINAL = TARGET_INDEX + 1
MONTH = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
HISTORY_START = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
HISTORY_SECONDS = 395 * 86400
ACTOR = CounterActor(1, "bench", Role.ATTENDANT, "bench")


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    for _ in range(2):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def paired_ms(
    app: Callable[[], object], raw: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Medians of the app and of its raw-SQL baseline, sampled alternately: on a shared,
    noisy machine a slow spell then hits both sides instead of skewing one."""
    for _ in range(3):
        app()
        raw()
    app_samples: list[float] = []
    raw_samples: list[float] = []
    for _ in range(repeat):
        for fn, samples in ((app, app_samples), (raw, raw_samples)):
            t0 = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(app_samples), statistics.median(raw_samples)


def setup_schema(url: str) -> tuple[Database, int]:
    """Migrate and create 2,000 subscribers, each with one terminal and one login."""
    db = Database(url)
    db.upgrade()
    with db.session() as session:
        plan = Plan(name="Combo", price=Decimal("129.90"), has_internet=True, has_voice=True)
        session.add(plan)
        session.flush()
        for i in range(TERMINALS):
            sub = Subscriber(
                document=f"{i:011d}",
                person_type="F",
                name=f"Assinante {i}",
                name_search=f"assinante {i}",
            )
            session.add(sub)
            session.flush()
            contract = Contract(
                number=f"B{i:06d}",
                subscriber_id=sub.id,
                plan_id=plan.id,
                activated_on=dt.date(2024, 1, 1),
            )
            session.add(contract)
            session.flush()
            session.add(
                Terminal(contract_id=contract.id, number=f"44{30000000 + i}", area_code="44")
            )
            session.add(RadiusLogin(contract_id=contract.id, username=f"login{i}"))
        target = session.query(Subscriber).filter_by(document=f"{7:011d}").one().id
    return db, target


def rows(n: int, seed: int) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    rng = random.Random(seed)
    types = [t.value for t in CallType]
    call_rows = []
    acct_rows = []
    for i in range(n):
        # 2 % of the traffic is the target subscriber's (a busy small business), the rest spread.
        heavy = rng.random() < 0.02
        term = TARGET_TERMINAL if heavy else rng.randrange(TERMINALS) + 1
        start = HISTORY_START + dt.timedelta(seconds=rng.randrange(HISTORY_SECONDS))
        duration = rng.randrange(1, 1800)
        call_rows.append(
            (
                term,
                start,
                f"44{rng.randrange(10**8):08d}",
                rng.choice(types),
                duration,
                max(30, duration),
                Decimal(duration) / 100,
                False,
                f"b{i}",
            )
        )
        login = f"login{TARGET_INDEX}" if heavy else f"login{rng.randrange(TERMINALS)}"
        astart = HISTORY_START + dt.timedelta(seconds=rng.randrange(HISTORY_SECONDS))
        secs = rng.randrange(60, 86400)
        acct_rows.append(
            (
                f"s{i}",
                uuid.UUID(int=rng.getrandbits(128)).hex,
                login,
                "10.0.0.1",
                astart,
                astart + dt.timedelta(seconds=secs),
                secs,
                rng.randrange(10**10),
                rng.randrange(10**11),
                f"100.64.{i % 250}.{i % 200}",
                "AA:BB:CC:00:00:01",
                "User-Request",
            )
        )
    return call_rows, acct_rows


def load_sqlite(
    path: str, call_rows: list[tuple[object, ...]], acct_rows: list[tuple[object, ...]]
) -> None:
    def ts(value: object) -> object:  # SQLAlchemy's SQLite storage format, UTC without offset
        return (
            value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            if isinstance(value, dt.datetime)
            else value
        )

    con = sqlite3.connect(path)
    now = ts(dt.datetime.now(dt.UTC))
    con.executemany(
        "INSERT INTO calls (terminal_id, started_at, destination, call_type, duration_s, billed_s, amount, hidden, source_key, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            [r[0], ts(r[1]), r[2], r[3], r[4], r[5], str(r[6]), int(bool(r[7])), r[8], now]
            for r in call_rows
        ),
    )
    con.executemany(
        "INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctstoptime, acctsessiontime, acctinputoctets, acctoutputoctets, framedipaddress, callingstationid, acctterminatecause) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        ([r[0], r[1], r[2], r[3], ts(r[4]), ts(r[5]), *r[6:]] for r in acct_rows),
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()


def load_postgres(
    dsn: str, call_rows: list[tuple[object, ...]], acct_rows: list[tuple[object, ...]]
) -> None:
    with psycopg.connect(dsn) as con:
        with con.cursor().copy(
            "COPY calls (terminal_id, started_at, destination, call_type, duration_s, billed_s, amount, hidden, source_key, imported_at) FROM STDIN"
        ) as copy:
            now = dt.datetime.now(dt.UTC)
            for r in call_rows:
                copy.write_row((*r, now))
        with con.cursor().copy(
            "COPY radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctstoptime, acctsessiontime, acctinputoctets, acctoutputoctets, framedipaddress, callingstationid, acctterminatecause) FROM STDIN"
        ) as copy:
            for r in acct_rows:
                copy.write_row(r)
        con.commit()
        con.execute("ANALYZE")


def raw_queries(
    backend: str, conn: object, terminal_id: int, login: str
) -> dict[str, Callable[[], object]]:
    start, end = local_period_bounds(MONTH.start, MONTH.end)
    if backend == "sqlite":
        assert isinstance(conn, sqlite3.Connection)
        s = start.strftime("%Y-%m-%d %H:%M:%S.%f")
        e = end.strftime("%Y-%m-%d %H:%M:%S.%f")
        p, false = "?", "0"
        execute = lambda sql, args: conn.execute(sql, args).fetchall()  # noqa: E731
        args_c: tuple[object, ...] = (terminal_id, s, e)
        args_r: tuple[object, ...] = (login, s, e)
    else:
        assert isinstance(conn, psycopg.Connection)
        p, false = "%s", "false"
        execute = lambda sql, args: conn.execute(sql, args).fetchall()  # noqa: E731
        args_c = (terminal_id, start, end)
        args_r = (login, start, end)
    page_c = (
        f"SELECT id, terminal_id, started_at, destination, call_type, duration_s, billed_s, amount FROM calls "
        f"WHERE terminal_id = {p} AND started_at >= {p} AND started_at < {p} AND hidden = {false} "
        "ORDER BY started_at, id LIMIT 200"
    )
    tot_c = (
        f"SELECT call_type, count(*), sum(duration_s), sum(billed_s), sum(amount) FROM calls "
        f"WHERE terminal_id = {p} AND started_at >= {p} AND started_at < {p} AND hidden = {false} GROUP BY call_type"
    )
    page_r = (
        "SELECT radacctid, username, acctstarttime, acctstoptime, acctsessiontime, framedipaddress, delegatedipv6prefix, "
        "framedipv6prefix, callingstationid, nasipaddress, acctoutputoctets, acctinputoctets, acctterminatecause FROM radacct "
        f"WHERE username = {p} AND acctstarttime >= {p} AND acctstarttime < {p} ORDER BY acctstarttime, radacctid LIMIT 200"
    )
    tot_r = (
        "SELECT count(*), sum(acctsessiontime), sum(acctoutputoctets), sum(acctinputoctets) FROM radacct "
        f"WHERE username = {p} AND acctstarttime >= {p} AND acctstarttime < {p}"
    )

    def typed_page() -> object:
        # The least any Python program must do to show SQLite's page: timestamps from text,
        # exact money from REAL, the call type from its code (a reference, not a target).
        rows = execute(page_c, args_c)
        if backend != "sqlite":
            return rows
        parse = dt.datetime.fromisoformat
        return [
            (i, tid, parse(at + "+00:00"), dest, CallType(ct), dur, billed, Decimal(f"{am:.2f}"))
            for i, tid, at, dest, ct, dur, billed, am in rows
        ]

    return {
        "calls_page": lambda: execute(page_c, args_c),
        "calls_page_typed": typed_page,
        "calls_totals": lambda: execute(tot_c, args_c),
        "conn_page": lambda: execute(page_r, args_r),
        "conn_totals": lambda: execute(tot_r, args_r),
    }


def model_first_page(fetch: Callable[[object, int], list[object]]) -> Callable[[], object]:
    """Ver on an open tab: the tab builds its ``QueryModel`` once and, on each Ver, resets
    it with the new filter's fetch; timed from the reset to the first page in the model."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.query_model import Column, QueryModel

    _app = QApplication.instance() or QApplication([])

    columns = [Column("id", lambda r: str(r.id))]
    model = QueryModel(columns, lambda r: r.sort_key)

    def run() -> object:
        model.reset(fetch)
        assert model.rowCount() > 0
        return model

    return run


def bench_backend(backend: str, n: int, repeat: int) -> list[tuple[str, float, float]]:
    call_rows, acct_rows = rows(n, seed=7)
    tmp = tempfile.mkdtemp(prefix="bench-statements-")
    name = f"bench_{uuid.uuid4().hex[:8]}"
    if backend == "sqlite":
        url = f"sqlite:///{tmp}/bench.sqlite3"
    else:
        with psycopg.connect(PG_ADMIN, autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        t0 = time.perf_counter()
        db, target = setup_schema(url)
        if backend == "sqlite":
            load_sqlite(f"{tmp}/bench.sqlite3", call_rows, acct_rows)
            raw_conn: object = sqlite3.connect(f"{tmp}/bench.sqlite3")
        else:
            dsn = f"postgresql://postgres@127.0.0.1:5432/{name}"
            load_postgres(dsn, call_rows, acct_rows)
            raw_conn = psycopg.connect(dsn)
        print(
            f"[{backend}] loaded {n:,} calls and {n:,} radacct rows in {time.perf_counter() - t0:.1f} s",
            file=sys.stderr,
        )
        with db.session() as session:
            terminal_id, _number = (
                session.query(Terminal.id, Terminal.number)
                .join(Contract)
                .filter(Contract.subscriber_id == target)
                .one()
            )
            login = (
                session.query(RadiusLogin.username)
                .join(Contract)
                .filter(Contract.subscriber_id == target)
                .scalar()
            )
        cflt = calls.CallFilter(target, MONTH)
        rflt = connections.ConnectionFilter(target, MONTH)
        raw = raw_queries(backend, raw_conn, terminal_id, login)
        month_calls = len(calls.statement(db, ACTOR, cflt).items)
        print(f"[{backend}] subscriber's month: {month_calls} calls", file=sys.stderr)
        from desktop.ui import workers

        workers.set_pool(workers.SynchronousPool())
        measures: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
            ("calls first page: service", lambda: calls.page(db, ACTOR, cflt), raw["calls_page"]),
            (
                "calls first page: Qt model",
                model_first_page(lambda a, lim: calls.page(db, ACTOR, cflt, after=a, limit=lim)),
                raw["calls_page"],
            ),
            ("calls totals: service", lambda: calls.totals(db, ACTOR, cflt), raw["calls_totals"]),
            (
                "calls first page: vs typed raw *",
                lambda: calls.page(db, ACTOR, cflt),
                raw["calls_page_typed"],
            ),
            (
                "connections first page: service",
                lambda: connections.page(db, ACTOR, rflt),
                raw["conn_page"],
            ),
            (
                "connections first page: Qt model",
                model_first_page(
                    lambda a, lim: connections.page(db, ACTOR, rflt, after=a, limit=lim)
                ),
                raw["conn_page"],
            ),
            (
                "connections totals: service",
                lambda: connection_totals.totals(db, ACTOR, rflt),
                raw["conn_totals"],
            ),
        ]
        results = [(label, *paired_ms(app, base, repeat)) for label, app, base in measures]
        workers.set_pool(None)
        close = getattr(raw_conn, "close", None)
        if close:
            close()
        db.dispose()
        return results
    finally:
        if backend == "postgres":
            with psycopg.connect(PG_ADMIN, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_pdf(lines: int) -> float:
    from desktop.reports.calls import build_calls_pdf
    from desktop.services.company import CompanyInfo
    from desktop.services.statement_common import SubscriberHeader

    rng = random.Random(3)
    start = dt.datetime(2026, 10, 1, 3, tzinfo=dt.UTC)
    items = tuple(
        calls.CallItem(
            i,
            start + dt.timedelta(minutes=4 * i),
            "4430450007",
            f"44{rng.randrange(10**8):08d}",
            rng.choice(list(CallType)),
            d,
            max(30, d),
            Decimal(d) / 100,
        )
        for i, d in ((i, rng.randrange(4, 900)) for i in range(lines))
    )
    totals = calls.CallTotals(
        lines,
        sum(i.duration_s for i in items),
        sum(i.billed_s for i in items),
        sum((i.amount for i in items), Decimal(0)),
        {},
    )
    company = CompanyInfo(
        "Provedor Exemplo Ltda",
        "Exemplo Net",
        "06117473000150",
        "Av. Paraná, 1200 - Paranavaí/PR",
        "(44) 3045-1000",
        "atendimento@exemplo.net.br",
    )
    header = SubscriberHeader(7, "Assinante Sete", "52998224725", "Rua A, 1 - Paranavaí/PR")
    st = calls.CallStatement(company, header, MONTH, ("4430450007",), None, items, totals, start)
    return median_ms(lambda: build_calls_pdf(st), 3) / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--repeat", type=int, default=41)
    parser.add_argument("--pdf-lines", type=int, default=10_000)
    args = parser.parse_args()
    table: list[tuple[str, str, float, float]] = []
    for backend in args.backends.split(","):
        for label, app_ms, raw_ms in bench_backend(backend, args.rows, args.repeat):
            table.append((backend, label, app_ms, raw_ms))
    print(
        f"\nStatements, {args.rows:,} calls and {args.rows:,} radacct rows; medians of {args.repeat} "
        "runs, app and raw SQL sampled alternately\n"
    )
    print(
        f"{'backend':<9} {'measure':<34} {'app ms':>9} {'raw SQL ms':>11} {'ratio':>7} {'target':>7}  ok"
    )
    for backend, label, app_ms, raw_ms in table:
        ratio = app_ms / raw_ms if raw_ms else float("inf")
        if label.endswith("*"):  # a reference line, no target
            print(f"{backend:<9} {label:<34} {app_ms:9.2f} {raw_ms:11.2f} {ratio:7.2f}")
            continue
        target = 1.5 if "totals" in label else 2.0
        print(
            f"{backend:<9} {label:<34} {app_ms:9.2f} {raw_ms:11.2f} {ratio:7.2f} {target:7.1f}  {'yes' if ratio <= target else 'NO'}"
        )
    print(
        "* raw SQL plus the typing any Python program needs to show the page (SQLite returns "
        "timestamps as text and money as REAL); PostgreSQL's driver types them itself"
    )
    seconds = bench_pdf(args.pdf_lines)
    print(
        f"\n{args.pdf_lines:,}-line call statement PDF: {seconds:.2f} s (target < 5 s)  {'yes' if seconds < 5 else 'NO'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
