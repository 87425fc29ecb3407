"""``import customers|contracts|receivables FILE``: the ERP's exports into our copy (SPEC §6).

How a file goes in:

* The whole file is checked first (missing, 0 bytes, UTF-16, required columns): a refusal
  writes nothing.  Then it is streamed (never held in memory) in batches of
  ``BATCH_ROWS`` rows; each batch is one transaction, so a refused line writes nothing of
  itself and the rest of the file imports.  If a batch meets a row another station wrote a
  moment ago (a unique constraint), it is rolled back and its rows go in one by one, so only
  the row that really clashes is refused.
* Rows are matched by ``external_id`` (unique per kind); a row equal to the stored one is
  *unchanged* and writes nothing, so importing a file twice changes nothing.
* ``external_id`` twice in one file: the later lines are refused.  The ids seen are kept in a
  temporary SQLite file, not in memory (a million ids would not keep memory flat).
* ``dry_run``: every batch runs exactly as it would and is rolled back; nothing is
  recorded.  Otherwise the run, its counts and its refused and conflicting lines are stored
  (``erp_imports``, the *Importações* screen) and audited as ``erp.importado``.
* No outbox event: these are the ERP's own data coming back to us (SPEC §6 lists only what
  the stores did).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.changes import OpChanges, note
from desktop.domain.clock import utcnow
from desktop.domain.enums import Role
from desktop.domain.vocabulary import words
from desktop.errors import InvalidInput
from desktop.importers import erp_files
from desktop.models import ErpImport, ErpImportProblem
from desktop.services import audit, bulk_rows, erp_rows
from desktop.services.access import require_role
from desktop.services.erp_batch import (
    CONFLICT,
    CREATED,
    REJECTED,
    UNCHANGED,
    UPDATED,
    BatchContext,
    Outcome,
    Writer,
)

BATCH_ROWS = 5_000
KINDS = ("customers", "contracts", "receivables")
KIND_WORDS = words.ERP_IMPORT_KINDS
# What an applied import changed, for the open subscriber tabs (customers: no list shows
# them but the workspace header, which reloads when it is opened again).
IMPORT_CHANGES = {
    "contracts": OpChanges(enablements=True),  # a contract's status (and its logins' group)
    "receivables": OpChanges(receivables=True, payments=True),  # bills, settled ones too
}
LOCK_KEYS = {"customers": 0x45525043, "contracts": 0x4552504B, "receivables": 0x45525052}
Progress = Callable[[int, int], None]  # (bytes read, file size)


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str


@dataclass(frozen=True)
class ImportReport:
    file: str
    kind: str
    read: int
    created: int
    updated: int
    unchanged: int
    rejected: tuple[Problem, ...]
    conflicts: tuple[Problem, ...]
    dry_run: bool = False
    import_id: int | None = None
    warnings: tuple[str, ...] = ()


def report_json(report: ImportReport) -> dict[str, Any]:
    """SPEC §6's shape."""
    return {
        "file": report.file,
        "kind": report.kind,
        "read": report.read,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "rejected": [{"line": p.line, "reason": p.reason} for p in report.rejected],
        "conflicts": [{"line": p.line, "reason": p.reason} for p in report.conflicts],
    }


class SeenIds:
    """external_ids already read in this file, with their line: on disk, memory stays flat."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="central-import-")
        self._db = sqlite3.connect(Path(self._dir.name) / "seen.sqlite3")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID")

    def first_lines(self, ids: list[tuple[str, int]]) -> dict[str, int]:
        """Record these (id, line); return, for those read before, the line they were first on.

        Two calls into SQLite per batch (the ids go in as one JSON array): each call lets go
        of the GIL, and getting it back from the parsing thread is what cost, not SQLite."""
        keys = json.dumps([i for i, _ in ids])
        before: dict[str, int] = dict(
            self._db.execute(
                "SELECT id, line FROM seen WHERE id IN (SELECT value FROM json_each(?))", (keys,)
            )
        )
        fresh: dict[str, int] = {}
        for ident, line in ids:
            if ident in before:
                continue
            if ident in fresh:
                before.setdefault(ident, fresh[ident])
                continue
            fresh[ident] = line
        self._db.executemany("INSERT INTO seen VALUES (?, ?)", list(fresh.items()))
        return before

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()


def _writers() -> dict[str, tuple[Callable[[dict[str, str]], Any], tuple[str, ...], Writer]]:
    from desktop.services import erp_contracts, erp_customers, erp_receivables

    return {
        "customers": (erp_rows.parse_customer, erp_rows.CUSTOMER_COLUMNS, erp_customers.write),
        "contracts": (erp_rows.parse_contract, erp_rows.CONTRACT_COLUMNS, erp_contracts.write),
        "receivables": (
            erp_rows.parse_receivable,
            erp_rows.RECEIVABLE_COLUMNS,
            erp_receivables.write,
        ),
    }


@dataclass
class _Counts:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Problem] = field(default_factory=list)
    conflicts: list[Problem] = field(default_factory=list)

    def add(self, outcomes: list[Outcome]) -> None:
        for o in outcomes:
            if o.result == CREATED:
                self.created += 1
            elif o.result == UPDATED:
                self.updated += 1
            elif o.result == UNCHANGED:
                self.unchanged += 1
            elif o.result == REJECTED:
                self.rejected.append(Problem(o.line, o.reason))
            else:
                self.conflicts.append(Problem(o.line, o.reason))


def import_file(
    db: Database,
    actor: Actor,
    kind: str,
    path: Path | str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    batch_rows: int = BATCH_ROWS,
) -> ImportReport:
    """Import one ERP file of ``kind``; finance or admin (SPEC §6; see the module)."""
    require_role(actor, Role.FINANCE)
    if kind not in KINDS:
        raise InvalidInput(
            "erp_import.tipo_importacao_desconhecido", kind=kind, kinds=", ".join(KINDS)
        )
    parse, required, writer = _writers()[kind]
    file = Path(path)
    head = erp_files.check_file(file)
    shape = erp_files.sniff(file, head)
    if shape.format == "csv" or shape.header:
        erp_files.require_columns(file, shape, required)
    total = file.stat().st_size
    ctx = BatchContext(actor, dry_run)
    counts = _Counts()
    run_id = None if dry_run else _start_run(db, actor, kind, file)
    seen = SeenIds()
    try:
        with file.open("rb") as stream:
            batches = _batches(erp_files.iter_rows(stream, shape), batch_rows)
            for size, done, refused, parsed in _read_ahead(batches, parse):
                counts.read += size
                outcomes = _run_batch(db, ctx, kind, writer, refused, parsed, seen)
                counts.add(outcomes)
                if run_id is not None:
                    _record_batch(db, run_id, outcomes, counts)
                if not dry_run:
                    _finish_radius(db, ctx)
                if progress is not None:
                    progress(done, total)
    except BaseException as exc:
        if run_id is not None:
            message = getattr(exc, "message", None) or exc.__class__.__name__
            _close_run(db, actor, run_id, kind, file, counts, error=str(message))
        raise
    finally:
        seen.close()
        with suppress(Exception), db.session() as session:  # best effort: a pooled connection
            bulk_rows.normal_cache(session)
    if run_id is not None:
        _close_run(db, actor, run_id, kind, file, counts)
        if counts.created or counts.updated:  # what the open subscriber tabs show changed
            note(IMPORT_CHANGES.get(kind, OpChanges()))
    return ImportReport(
        file=str(path),
        kind=kind,
        read=counts.read,
        created=counts.created,
        updated=counts.updated,
        unchanged=counts.unchanged,
        rejected=tuple(sorted(counts.rejected, key=lambda p: p.line)),
        conflicts=tuple(counts.conflicts),
        dry_run=dry_run,
        import_id=run_id,
        warnings=tuple(ctx.warnings),
    )


def _batches(
    rows: Iterator[tuple[erp_files.RawRow, int]], size: int
) -> Iterator[tuple[list[erp_files.RawRow], int]]:
    batch: list[erp_files.RawRow] = []
    done = 0
    for row, done in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch, done
            batch = []
    if batch:
        yield batch, done


Parsed = tuple[int, int, list[Outcome], list[tuple[int, Any]]]  # size, bytes, refused, rows


def _parse(
    batch: list[erp_files.RawRow], parse: Callable[[dict[str, str]], Any]
) -> tuple[list[Outcome], list[tuple[int, Any]]]:
    outcomes: list[Outcome] = []
    parsed: list[tuple[int, Any]] = []
    for raw in batch:
        if raw.values is None:
            outcomes.append(Outcome(raw.line, REJECTED, raw.problem))
            continue
        try:
            parsed.append((raw.line, parse(raw.values)))
        except erp_rows.RowError as exc:
            outcomes.append(Outcome(raw.line, REJECTED, exc.reason))
    return outcomes, parsed


def _read_ahead(
    batches: Iterator[tuple[list[erp_files.RawRow], int]],
    parse: Callable[[dict[str, str]], Any],
) -> Iterator[Parsed]:
    """Read and parse the next batch in a thread while this one is written: the database
    driver lets go of the GIL while it waits, so parsing (pure Python) overlaps the writes.
    At most two batches wait in the queue: memory stays flat."""
    queue: Queue[Parsed | BaseException | None] = Queue(maxsize=2)
    stop = threading.Event()

    def produce() -> None:
        try:
            for batch, done in batches:
                if stop.is_set():
                    return
                queue.put((len(batch), done, *_parse(batch, parse)))
            queue.put(None)
        except BaseException as exc:  # the reader's error is raised in the caller
            queue.put(exc)

    thread = threading.Thread(target=produce, name="erp-import-reader", daemon=True)
    thread.start()
    try:
        while True:
            item = queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():  # let a blocked put() finish
            with suppress(Empty):
                queue.get(timeout=0.1)
        thread.join()


def _run_batch(
    db: Database,
    ctx: BatchContext,
    kind: str,
    writer: Writer,
    refused: list[Outcome],
    parsed: list[tuple[int, Any]],
    seen: SeenIds,
) -> list[Outcome]:
    outcomes = list(refused)
    repeated = seen.first_lines([(data.external_id, line) for line, data in parsed])
    rows = []
    for line, data in parsed:
        first = repeated.get(data.external_id)
        if first is not None and first != line:
            reason = (
                f"external_id {data.external_id} repetido no arquivo (primeiro na linha {first})"
            )
            outcomes.append(Outcome(line, REJECTED, reason))
        else:
            rows.append((line, data))
    if rows:
        outcomes.extend(_write(db, ctx, kind, writer, rows))
    return outcomes


def _write(
    db: Database, ctx: BatchContext, kind: str, writer: Writer, rows: list[tuple[int, Any]]
) -> list[Outcome]:
    pending = len(ctx.after_commit)
    try:
        with _unit(db, ctx, kind) as session:
            return writer(session, ctx, rows)
    except IntegrityError:
        # Another station wrote one of these rows a moment ago: one by one, so only the row
        # that really clashes is refused.
        del ctx.after_commit[pending:]
        ctx.cache.clear()
    outcomes = []
    for row in rows:
        mark = len(ctx.after_commit)
        try:
            with _unit(db, ctx, kind) as session:
                outcomes.extend(writer(session, ctx, [row]))
        except IntegrityError as exc:
            del ctx.after_commit[mark:]
            ctx.cache.clear()
            detail = str(exc.orig).splitlines()[0][:160] if exc.orig else ""
            outcomes.append(
                Outcome(row[0], REJECTED, f"conflita com um registro já gravado ({detail})")
            )
    return outcomes


@contextmanager
def _unit(db: Database, ctx: BatchContext, kind: str) -> Iterator[Session]:
    with db.session() as session:
        bulk_rows.begin_write(session, LOCK_KEYS[kind])
        yield session
        if ctx.dry_run:
            session.rollback()
            ctx.cache.clear()  # ids and plans made in a rolled-back batch do not exist


def _finish_radius(db: Database, ctx: BatchContext) -> None:
    from desktop.services.enablement_jobs import finish_contract_status

    for contract_id in dict.fromkeys(ctx.after_commit):
        for warning in finish_contract_status(db, ctx.actor, contract_id):
            ctx.warnings.append(warning)
    ctx.after_commit.clear()


def _start_run(db: Database, actor: Actor, kind: str, file: Path) -> int:
    with db.session() as session:
        run = ErpImport(
            kind=kind,
            file_name=file.name[-255:],
            operator=actor.label[:80],
            station=actor.station[:60],
            started_at=utcnow(),
            error="",
        )
        session.add(run)
        session.flush()
        return run.id


def _record_batch(db: Database, run_id: int, outcomes: list[Outcome], counts: _Counts) -> None:
    problems = [o for o in outcomes if o.result in (REJECTED, CONFLICT)]
    with db.session() as session:
        session.execute(
            update(ErpImport)
            .where(ErpImport.id == run_id)
            .values(
                read=counts.read,
                created=counts.created,
                updated=counts.updated,
                unchanged=counts.unchanged,
                rejected=len(counts.rejected),
                conflicts=len(counts.conflicts),
            )
        )
        if problems:
            session.add_all(
                ErpImportProblem(import_id=run_id, kind=o.result, line=o.line, reason=o.reason)
                for o in problems
            )


def _close_run(
    db: Database,
    actor: Actor,
    run_id: int,
    kind: str,
    file: Path,
    counts: _Counts,
    *,
    error: str = "",
) -> None:
    with db.session() as session:
        values: dict[str, Any] = {"error": error[:2000]}
        if not error:
            values["finished_at"] = utcnow()
        session.execute(update(ErpImport).where(ErpImport.id == run_id).values(**values))
        audit.record(
            session,
            actor,
            "erp.importado",
            "erp_import",
            run_id,
            tipo=kind,
            arquivo=file.name,
            lidas=counts.read,
            criadas=counts.created,
            atualizadas=counts.updated,
            sem_mudanca=counts.unchanged,
            recusadas=len(counts.rejected),
            conflitos=len(counts.conflicts),
            erro=error,
        )
