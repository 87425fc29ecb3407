"""Subscriber search at a real provider's size: the service the counter calls, against the
raw indexed lookup of the same row, in one run.

Builds (or reuses) a database of N subscribers (default 1,000,000) on each backend, each
with a contract, a voice terminal or a RADIUS login, and a phone, with names drawn like the
demo's (a few hundred first and last names, so common words are really common).  Then, per
query kind, it times ``subscribers.search`` (first page of 50, as the search box asks) and a
floor: the raw SQL that finds the same row by its index on the bare driver.

Prints p50 / p95 / max per kind and the machine's load.  Targets (SPEC §5): p95 ≤ 30 ms on
PostgreSQL, ≤ 60 ms on SQLite.  Usage::

    .venv/bin/python benchmarks/search.py [--subscribers 1000000] [--backends sqlite,postgres]
        [--runs 200] [--rebuild]

The databases are kept (SQLite: ``~/.cache/central-bench/search-N.sqlite3``; PostgreSQL:
database ``ca_bench_search_N``) so a second run measures at once.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import datetime as dt
from decimal import Decimal

import psycopg
from faker import Faker
from sqlalchemy import text

from desktop.db import Database
from desktop.demo.people import make_cnpj, make_cpf
from desktop.demo.pools import Pools
from desktop.demo.writer import BulkWriter
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ContractStatus, Role
from desktop.domain.phones import DDDS
from desktop.domain.text import search_key
from desktop.services import subscribers

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
CACHE = Path.home() / ".cache" / "central-bench"


def build(db: Database, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    pools = Pools(_faker(seed))
    started = time.perf_counter()
    with db.engine.begin() as conn:
        out = BulkWriter(conn, chunk_rows=20_000)
        out.add("plans", {"id": 1, "name": "Internet 300 Mega", "price": Decimal("99.90"),
                          "has_internet": True, "has_voice": False, "has_sms": False,
                          "download_mbps": 300, "upload_mbps": 150, "radius_group": "plano300"})
        out.add("plans", {"id": 2, "name": "Fone Fixo", "price": Decimal("49.90"),
                          "has_internet": False, "has_voice": True, "has_sms": False,
                          "download_mbps": 0, "upload_mbps": 0, "radius_group": None})
        out.flush()
        documents: set[str] = set()
        for n in range(1, count + 1):
            company = rng.random() < 0.08
            while True:
                document = make_cnpj(rng) if company else make_cpf(rng)
                if document not in documents:
                    documents.add(document)
                    break
            name = pools.company_name(rng)[0] if company else pools.person_name(rng)[0]
            ddd = DDDS[int(rng.random() * len(DDDS))]
            out.add("subscribers", {
                "id": n, "document": document, "person_type": "J" if company else "F",
                "name": name, "name_search": search_key(name), "email": None,
                "phone": f"{ddd}9{n:08d}", "failed_logins": 0, "locked_until": None,
                "password_hash": None, "created_at": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
            })
            voice = n % 3 == 0
            out.add("contracts", {
                "id": n, "number": f"CT-{2020 + n % 6}-{n:07d}", "subscriber_id": n,
                "plan_id": 2 if voice else 1, "status": ContractStatus.ACTIVE,
                "status_changed_at": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
                "status_reason": "", "activated_on": dt.date(2025, 1, 1), "billing_day": 10,
            })
            if voice:
                out.add("terminals", {"id": n, "contract_id": n, "number": f"{ddd}3{n:07d}",
                                      "area_code": ddd})
            else:
                out.add("radius_logins", {"id": n, "contract_id": n, "username": f"cliente{n}"})
            if n % 20_000 == 0:
                out.flush()
                print(f"  {n:,} subscribers ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        out.flush()
        out.close()
    # As autovacuum would soon after a load: statistics, and the visibility map that lets
    # the word index be read without touching the table (index-only scans).
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE" if conn.dialect.name == "postgresql" else "ANALYZE")


def _faker(seed: int) -> Faker:
    faker = Faker("pt_BR")
    faker.seed_instance(seed)
    return faker


def open_backend(backend: str, count: int, rebuild: bool) -> Database:
    if backend == "sqlite":
        CACHE.mkdir(parents=True, exist_ok=True)
        path = CACHE / f"search-{count}.sqlite3"
        if rebuild and path.exists():
            path.unlink()
        fresh = not path.exists()
        db = Database(f"sqlite:///{path}")
    else:
        name = f"ca_bench_search_{count}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if rebuild and exists:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                exists = None
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        fresh = not exists
        db = Database(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}")
    db.upgrade()
    if fresh:
        print(f"building {count:,} subscribers on {backend}…", file=sys.stderr)
        t0 = time.perf_counter()
        build(db, count)
        print(f"built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return db


def queries(db: Database, rng: random.Random, count: int) -> dict[str, Callable[[], tuple[str, str, dict]]]:
    """Per kind: a function giving (typed text, raw SQL of the floor, its parameters)."""
    with db.engine.connect() as conn:
        sample = conn.execute(text(
            "SELECT s.id, s.document, s.name_search, s.phone, c.number FROM subscribers s "
            "JOIN contracts c ON c.subscriber_id = s.id WHERE s.id % 2003 = 7 LIMIT 400")).all()
        terminals = conn.execute(text("SELECT number FROM terminals WHERE id % 1999 = 3 LIMIT 200")).scalars().all()
        logins = conn.execute(text("SELECT username FROM radius_logins WHERE id % 1997 = 5 LIMIT 200")).scalars().all()
    by_doc = "SELECT id FROM subscribers WHERE document = :v"

    def pick(rows: list) -> object:
        return rows[int(rng.random() * len(rows))]

    def masked(doc: str) -> str:
        if len(doc) == 11:
            return f"{doc[:3]}.{doc[3:6]}.{doc[6:9]}-{doc[9:]}"
        return f"{doc[:2]}.{doc[2:5]}.{doc[5:8]}/{doc[8:12]}-{doc[12:]}"

    def word(rows: list, position: int) -> tuple[str, str, dict]:
        parts = pick(rows)[2].split()
        w = parts[min(position, len(parts) - 1)]
        return w, "SELECT id FROM subscribers WHERE name_search = :v", {"v": pick(rows)[2]}

    return {
        "cpf/cnpj bare": lambda: ((d := pick(sample)[1]), by_doc, {"v": d}),
        "cpf/cnpj masked": lambda: (masked(d := pick(sample)[1]), by_doc, {"v": d}),
        "contract number": lambda: ((c := pick(sample)[4]), "SELECT subscriber_id FROM contracts WHERE number = :v", {"v": c}),
        "radius login": lambda: ((u := pick(logins)), "SELECT contract_id FROM radius_logins WHERE username = :v", {"v": u}),
        "phone with ddd": lambda: (f"({(p := pick(sample)[3])[:2]}) {p[2:7]}-{p[7:]}", "SELECT id FROM subscribers WHERE phone = :v", {"v": p}),
        "phone +55": lambda: (f"+55 {(p := pick(sample)[3])[:2]} {p[2:]}", "SELECT id FROM subscribers WHERE phone = :v", {"v": p}),
        "phone no ddd": lambda: ((p := pick(sample)[3])[2:], "SELECT id FROM subscribers WHERE phone = :v", {"v": p}),
        "terminal no ddd": lambda: ((t := pick(terminals))[2:], "SELECT contract_id FROM terminals WHERE number = :v", {"v": t}),
        "first name": lambda: word(sample, 0),
        "last name": lambda: word(sample, 9),
        "name prefix (4)": lambda: (word(sample, 9)[0][:4], *word(sample, 9)[1:]),
        "two words": lambda: (" ".join(pick(sample)[2].split()[::2][:2]), "SELECT id FROM subscribers WHERE name_search = :v", {"v": pick(sample)[2]}),
        "full name": lambda: ((n := pick(sample)[2]), "SELECT id FROM subscribers WHERE name_search = :v", {"v": n}),
        "typo, no hit": lambda: ("".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(7)), "SELECT id FROM subscribers WHERE name_search = :v", {"v": "zzzzzzz"}),
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(db: Database, count: int, runs: int) -> list[tuple[str, float, float, float, float, float]]:
    actor = CounterActor(1, "bench", Role.ATTENDANT, "bench")
    rng = random.Random(5)
    kinds = queries(db, rng, count)
    rows = []
    with db.engine.connect() as raw:
        for kind, make in kinds.items():
            app_ms: list[float] = []
            raw_ms: list[float] = []
            for i in range(runs):
                typed, sql, params = make()
                # Alternate which side goes first so a noisy spell hits both.
                order = (0, 1) if i % 2 == 0 else (1, 0)
                for side in order:
                    t0 = time.perf_counter()
                    if side == 0:
                        subscribers.search(db, actor, typed, limit=50)
                        app_ms.append((time.perf_counter() - t0) * 1000)
                    else:
                        raw.execute(text(sql), params).all()
                        raw_ms.append((time.perf_counter() - t0) * 1000)
            rows.append((kind, statistics.median(app_ms), percentile(app_ms, 95), max(app_ms),
                         statistics.median(raw_ms), percentile(raw_ms, 95)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    for backend in args.backends.split(","):
        db = open_backend(backend, args.subscribers, args.rebuild)
        target = 30.0 if backend == "postgres" else 60.0
        load = os.getloadavg()
        print(f"\n{backend}: {args.subscribers:,} subscribers, {args.runs} queries per kind, "
              f"load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
        print(f"{'query kind':<18} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'floor p50':>10} {'floor p95':>10} {'p95 ≤ ' + str(int(target)):>9}")
        for kind, p50, p95, worst, f50, f95 in measure(db, args.subscribers, args.runs):
            print(f"{kind:<18} {p50:8.2f} {p95:8.2f} {worst:8.2f} {f50:10.3f} {f95:10.3f} {'ok' if p95 <= target else 'OVER':>9}")
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
