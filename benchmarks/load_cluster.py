"""The load benchmark's own throwaway PostgreSQL cluster (TESTING.md §4).

The server refuses to run as root, so every cluster command runs as the ``postgres`` user.
The cluster is the benchmark's to restart (``pg_ctl restart -m fast``) in the middle of a
run; the shared server on 5432 is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _as_postgres(command: list[str]) -> None:
    quoted = " ".join(f"'{part}'" if " " in part else part for part in command)
    subprocess.run(["su", "postgres", "-c", quoted], check=True, capture_output=True)


class Cluster:
    """A PostgreSQL 15 cluster in ``root`` listening on 127.0.0.1:``port``."""

    def __init__(self, root: Path, port: int, max_connections: int) -> None:
        self.root = root
        self.port = port
        self.max_connections = max_connections
        self.data = root / "data"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/central"

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _options(self) -> str:
        # fsync off: a benchmark cluster thrown away afterwards; the figures are about the
        # application's round trips and locks, not the disk of a shared machine.
        return (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            f"-c synchronous_commit=off -c full_page_writes=off "
            f"-c max_connections={self.max_connections} -c shared_buffers=256MB"
        )

    def create(self) -> None:
        if self.data.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True)
        shutil.chown(self.root, "postgres")
        _as_postgres(
            [str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
             "-E", "UTF8", "--locale=C.UTF-8"]
        )  # fmt: skip
        self.start()
        _as_postgres([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "central"])

    def _ctl(self, *args: str) -> None:
        _as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w",
             "-o", self._options(), *args]
        )  # fmt: skip

    def start(self) -> None:
        self._ctl("start")

    def restart(self) -> tuple[float, float]:
        """``pg_ctl restart -m fast``: every session ended, in-flight transactions rolled
        back.  Returns (monotonic time it began, time the server answered again)."""
        began = time.monotonic()
        self._ctl("-m", "fast", "restart")
        return began, time.monotonic()

    def running(self) -> bool:
        status = subprocess.run(
            ["su", "postgres", "-c", f"{PG_BIN / 'pg_ctl'} -D {self.data} status"],
            capture_output=True,
        )
        return status.returncode == 0

    def start_quietly(self) -> None:
        if not self.running():
            self.start()

    def stop_quietly(self) -> None:
        if self.data.exists() and self.running():
            self._ctl("-m", "fast", "stop")

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
