"""Many stations at once on one PostgreSQL (SPEC §5): actions, errors, latency, duplicates.

200 stations (counters and kiosks) act like people for 10 minutes: a random think time
(mean ``--think`` s) between actions, a mix of subscriber searches (name prefixes, CPF,
phone, contract), statements (calls, connections, financial: a page and the totals), boleto
reprints (the PDF is built), tickets, Habilitação Provisória, counter payments, card voids of
duplicated card payments and SMS purchases (bought, confirmed by finance, transferred by
support) — through the services the screens call, with actors built as the screens build
them (``login_counter``, ``login_kiosk``).  Stations are threads of ``--processes`` processes;
each station has its own ``Database`` (its own connection pools).  Every 6 s one record is
hit on purpose by several stations at the same moment, with double clicks (two threads of one
station released together): one bill paid by three counters, one contract enabled by two
kiosks and a counter, one card payment voided by two counters, one SMS form submitted twice,
eight tickets opened at once.

Without ``--db`` the benchmark makes its own throwaway cluster (``initdb`` as the postgres user,
port ``--port``), loads ``demo --subscribers N`` through the command line and keeps a
pristine copy for the next run.  ``--restart-at S`` restarts that cluster with
``pg_ctl restart -m fast`` S seconds into the run; errors of actions in flight then are
counted apart.  Afterwards duplicates are counted from the database.

    .venv/bin/python benchmarks/load.py --quick
    .venv/bin/python benchmarks/load.py --stations 200 --minutes 10
    .venv/bin/python benchmarks/load.py --stations 200 --minutes 10 --restart-at 300

Targets: 0 errors beyond the actions in flight at the restart, 0 duplicates, p95 ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from benchmarks import load_plan, load_report
from benchmarks.load_cluster import Cluster
from benchmarks.load_station import Plan, Result, Station
from desktop.config.registry import setting
from desktop.db import Database
from desktop.domain import passwords
from desktop.services import settings
from tests.fakes.cielo_server import MERCHANT_ID, MERCHANT_KEY, CieloServer

CLI = [sys.executable, "-m", "desktop"]
PRISTINE = "central_pristine"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--stations", type=int, default=200)
    p.add_argument("--minutes", type=float, default=10.0)
    p.add_argument(
        "--processes", type=int, default=10, help="station threads are spread over these"
    )
    p.add_argument("--think", type=float, default=4.0, help="mean seconds between actions")
    p.add_argument("--restart-at", type=float, default=None, metavar="SECONDS")
    p.add_argument("--db", help="use this existing, migrated demo database (no restart)")
    p.add_argument("--subscribers", type=int, default=20_000, help="demo size of the own cluster")
    p.add_argument("--port", type=int, default=55450)
    p.add_argument("--cluster-dir", type=Path, default=Path("/tmp/central-load-cluster"))
    p.add_argument("--fresh", action="store_true", help="reload the demo even if a copy is kept")
    p.add_argument("--quick", action="store_true", help="20 stations, 1 minute (to try it)")
    args = p.parse_args(argv)
    if args.quick:
        args.stations, args.minutes, args.processes = 20, 1.0, 2
    if args.db and args.restart_at is not None:
        p.error("--restart-at needs the benchmark's own cluster (no --db)")
    return args


# ---------------------------------------------------------------------- database
def own_cluster(args: argparse.Namespace) -> Cluster:
    """The throwaway cluster with a fresh copy of the demo (loaded once, then cloned)."""
    # Each station keeps ~2 connections (its unit-of-work pool and its autocommit pool, one
    # each while used one at a time) and a double click one more of each.
    cluster = Cluster(args.cluster_dir, args.port, max_connections=max(200, args.stations * 5))
    marker = args.cluster_dir / f"demo-{args.subscribers}"
    if args.fresh or not marker.exists():
        cluster.stop_quietly()
        cluster.create()
        t0 = time.monotonic()
        subprocess.run([*CLI, "--db", cluster.url, "db", "upgrade"], check=True)
        subprocess.run(
            [*CLI, "--db", cluster.url, "demo", "--subscribers", str(args.subscribers), "--quiet"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"demo --subscribers {args.subscribers} loaded in {time.monotonic() - t0:.0f} s")
        with psycopg.connect(cluster.admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {PRISTINE} TEMPLATE central")
        marker.touch()
    else:
        cluster.start_quietly()
        cluster.max_connections = max(200, args.stations * 5)
        with psycopg.connect(cluster.admin_url, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS central WITH (FORCE)")
            conn.execute(f"CREATE DATABASE central TEMPLATE {PRISTINE}")
        cluster.restart()  # with this run's max_connections
    return cluster


def configure_cielo(url: str, cielo: CieloServer) -> None:
    db = Database(url)
    with db.session() as session:
        for key, value in {
            "cielo.merchant_id": MERCHANT_ID,
            "cielo.merchant_key": MERCHANT_KEY,
            "cielo.api_url": cielo.url,
            "cielo.query_url": cielo.url,
            "cielo.timeout_s": "5",
        }.items():
            settings.put(session, key, setting(key).parse(value))
    db.dispose()


# ---------------------------------------------------------------------- stations
def light_password_hashing() -> None:
    """argon2id at the demo's light cost in the station processes.

    The real cost (t=3, 64 MiB, 4 lanes: ~0.5 s of CPU per login) is paid by each kiosk's and
    counter's own processor.  Here every station shares the database server's two cores, so
    at full cost the logins alone would use them up and the table would measure this
    machine, not the product.  The login still goes through ``login_counter`` /
    ``login_kiosk`` and their database work; only the hash is lighter.
    """
    passwords._hasher = passwords._demo_hasher


def run_process(indexes: list[int], plan: Plan, out: mp.Queue) -> None:  # type: ignore[type-arg]
    light_password_hashing()
    results: list[Result] = []
    threads = [
        threading.Thread(target=_station, args=(i, plan, results), daemon=True) for i in indexes
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put(results)


def _station(index: int, plan: Plan, results: list[Result]) -> None:
    Station(index, plan, results).run()


class ConnectionCounter(threading.Thread):
    """The most server connections the stations held at once (sampled every 2 s)."""

    def __init__(self, dsn: str) -> None:
        super().__init__(daemon=True)
        self.dsn, self.peak, self.active_peak = dsn, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(2.0):
            try:
                with psycopg.connect(self.dsn, autocommit=True, connect_timeout=2) as conn:
                    row = conn.execute(
                        "SELECT count(*), count(*) FILTER (WHERE state <> 'idle') FROM "
                        "pg_stat_activity WHERE application_name = 'central-assinante'"
                    ).fetchone()
            except psycopg.Error:
                continue  # the restart
            if row:
                self.peak = max(self.peak, int(row[0]))
                self.active_peak = max(self.active_peak, int(row[1]))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    load_start = os.getloadavg()
    cluster = None if args.db else own_cluster(args)
    url = args.db or (cluster.url if cluster else "")
    roles = load_plan.roles_for(args.stations)
    load_plan.prepare(url, roles)
    with CieloServer() as cielo:
        configure_cielo(url, cielo)
        seconds = args.minutes * 60
        start_at = time.time() + 3 + args.stations * 0.02  # processes start and import first
        plan = load_plan.build(url, roles, start_at, seconds, args.think)
        cielo.state.amounts.update(plan.cielo_payments)
        print(
            f"{args.stations} stations ({', '.join(f'{r}: {roles.count(r)}' for r in sorted(set(roles)))}) "
            f"in {args.processes} processes, {args.minutes:g} min, think time mean {args.think:g} s, "
            f"{len(plan.events)} collisions planned"
        )
        print(f"machine load at start (1/5/15 min): {' '.join(f'{x:.2f}' for x in load_start)}")
        queue: mp.Queue = mp.Queue()  # type: ignore[type-arg]
        groups = [list(range(args.stations))[p :: args.processes] for p in range(args.processes)]
        procs = [mp.Process(target=run_process, args=(g, plan, queue)) for g in groups if g]
        for proc in procs:
            proc.start()
        counter = ConnectionCounter(url.replace("postgresql+psycopg://", "postgresql://"))
        counter.start()
        window = None
        if args.restart_at is not None and cluster is not None:
            load_plan.wait_until(start_at + args.restart_at)
            began, ready = cluster.restart()
            # Wall-clock window of the restart, for classifying actions in flight.
            now_wall, now_mono = time.time(), time.monotonic()
            window = (now_wall - (now_mono - began), now_wall - (now_mono - ready))
            print(f"PostgreSQL restarted at {args.restart_at:g} s; down {ready - began:.1f} s")
        results: list[Result] = []
        for _ in procs:
            results.extend(queue.get())
        for proc in procs:
            proc.join()
        counter.done.set()
        void_counts = {pid: cielo.state.void_count(pid) for pid in plan.cielo_payments}
    load_end = os.getloadavg()
    print()
    print("\n".join(load_report.table(results, window)))
    print(
        "  (login, kiosk_login: argon2id at the demo's light cost, see light_password_hashing;"
        " jobs (timer): the app's 5-minute JobsTimer, in the background)"
    )
    print(
        f"server connections held by the stations: at most {counter.peak} "
        f"({counter.active_peak} busy at once, sampled every 2 s)"
    )
    refused = load_report.refusals(results)
    if refused:
        print("\nrefusals (messages the person read):")
        print("\n".join(refused))
    failed = load_report.failures(results, window)
    if failed:
        print("\nerrors outside the restart:")
        print("\n".join(failed))
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    lines, dupes = load_report.duplicates(dsn, start_at - 1, void_counts)
    print("\nafterwards, from the database:")
    print("\n".join(lines))
    print(f"\nmachine load at end (1/5/15 min): {' '.join(f'{x:.2f}' for x in load_end)}")
    if cluster is not None:
        cluster.stop_quietly()
    return 0 if dupes == 0 else 1


if __name__ == "__main__":
    mp.set_start_method("fork")
    raise SystemExit(main())
