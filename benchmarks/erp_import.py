"""``import customers`` at a million rows: time, rows/s and peak RSS, first import and re-import.

Generates (once, deterministic) a customers CSV of ``--rows`` rows with valid CPFs, masked
and bare, Windows-1252, ``;``-separated, CRLF, some with a ``contacts`` cell, into
``~/.cache/central-bench/``; then on each backend, on a fresh database (a SQLite file; a
PostgreSQL database named ``erpimport_bench_*``, dropped afterwards), imports it twice
through the service the command line calls: the first import creates every row, the second
finds them all unchanged.  Each import runs in its own process, so its peak RSS
(``resource.getrusage``) is its own.  Targets (SPEC §6 / issue 10): under 3 minutes on
PostgreSQL and 5 on SQLite, memory flat.

    .venv/bin/python benchmarks/erp_import.py [--rows 1000000] [--backends sqlite,postgres]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CACHE = Path.home() / ".cache" / "central-bench"
PG_ADMIN = os.environ.get("CENTRAL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
FIRST = [
    "Maria",
    "José",
    "Ana",
    "João",
    "Antônio",
    "Francisca",
    "Carlos",
    "Paulo",
    "Lúcia",
    "Márcia",
    "Luiz",
    "Adriana",
    "Sérgio",
    "Juliana",
    "Marcos",
    "Patrícia",
    "Rafael",
    "Aline",
]
LAST = [
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Conceição",
    "Araújo",
    "Ribeiro",
    "Carvalho",
    "Gonçalves",
    "Melo",
]
CITIES = [
    ("Paranavaí", "PR", "87700"),
    ("Maringá", "PR", "87010"),
    ("Londrina", "PR", "86010"),
    ("Umuarama", "PR", "87501"),
    ("Cianorte", "PR", "87200"),
]


def cpf(n: int) -> str:
    base = f"{n + 100_000_000:09d}"[-9:]
    digits = [int(c) for c in base]
    for length in (9, 10):
        total = sum(d * w for d, w in zip(digits, range(length + 1, 1, -1), strict=False))
        digits.append(0 if total % 11 < 2 else 11 - total % 11)
    return "".join(map(str, digits))


def generate(rows: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"erp-customers-{rows}.csv"
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="cp1252", newline="") as out:
        out.write(
            "external_id;document;name;email;phone;street;number;complement;district;"
            "city;state;cep;contacts\r\n"
        )
        for i in range(rows):
            doc = cpf(i * 7 + 13)
            if i % 2:
                doc = f"{doc[:3]}.{doc[3:6]}.{doc[6:9]}-{doc[9:]}"
            name = f"{FIRST[i % 18]} {LAST[(i // 18) % 16]} {LAST[(i // 288) % 16]} {i}"
            city, state, cep = CITIES[i % 5]
            contacts = (
                f'"{name}|titular|44999{i % 1000000:06d}|;Contato {i}|cônjuge||"'
                if i % 10 == 0
                else ""
            )
            out.write(
                f"ERP{i:08d};{doc};{name};cliente{i}@example.com.br;(44) 9{i % 100000000:08d};"
                f"Rua {LAST[i % 16]};{i % 2000};;Centro;{city};{state};{cep}-000;{contacts}\r\n"
            )
    tmp.rename(path)
    return path


def one(url: str, file: str) -> None:
    """Child process: one import; prints its figures as JSON."""
    from desktop.db import Database
    from desktop.services import erp_import
    from desktop.services.auth import actor_for_operator

    db = Database(url)
    actor = actor_for_operator(db, "bench", "bench")
    start = time.perf_counter()
    report = erp_import.import_file(db, actor, "customers", file)
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "read": report.read,
                "created": report.created,
                "unchanged": report.unchanged,
                "rejected": len(report.rejected),
                "rss_mb": rss_mb,
            }
        )
    )


def fresh(backend: str, workdir: Path) -> tuple[str, str | None]:
    from desktop.db import Database
    from desktop.domain.enums import Role
    from desktop.domain.passwords import hash_password_fast
    from desktop.models import CounterUser

    name = None
    if backend == "sqlite":
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    else:
        import psycopg

        name = f"erpimport_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = "postgresql+psycopg://" + PG_ADMIN.split("://", 1)[1].rsplit("/", 1)[0] + f"/{name}"
    db = Database(url)
    db.upgrade()
    with db.session() as session:
        session.add(
            CounterUser(
                login="bench",
                name="Bench",
                role=Role.FINANCE,
                password_hash=hash_password_fast("bench-senha-1"),
            )
        )
    db.dispose()
    return url, name


def drop(name: str | None) -> None:
    if name is None:
        return
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--one", nargs=2, metavar=("URL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(*args.one)
        return
    file = generate(args.rows)
    print(f"file: {file} ({file.stat().st_size / 1e6:.0f} MB, {args.rows} rows)")
    print(
        f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        f"({os.cpu_count()} CPUs)"
    )
    header = f"{'backend':<10} {'run':<10} {'rows':>9} {'seconds':>8} {'rows/s':>8} {'peak RSS':>9}  result"
    print(header)
    print("-" * len(header))
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory(prefix="erpimport-bench-") as workdir:
            url, name = fresh(backend, Path(workdir))
            try:
                for run in ("first", "re-import"):
                    out = subprocess.run(
                        [sys.executable, __file__, "--one", url, str(file)],
                        check=True,
                        capture_output=True,
                        text=True,
                    ).stdout
                    r = json.loads(out.strip().splitlines()[-1])
                    result = f"created {r['created']}, unchanged {r['unchanged']}, rejected {r['rejected']}"
                    print(
                        f"{backend:<10} {run:<10} {r['read']:>9} {r['seconds']:>8.1f} "
                        f"{r['read'] / r['seconds']:>8.0f} {r['rss_mb']:>7.0f}MB  {result}"
                        f"  load {os.getloadavg()[0]:.2f}",
                        flush=True,
                    )
            finally:
                drop(name)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
