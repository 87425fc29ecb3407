"""``import cdr``: rate the answered calls of an Asterisk ``Master.csv`` and store them.

* Only ANSWERED calls are rated (``billsec`` is the duration); the others are counted.
* The caller (``src``) must be a terminal of ours; otherwise the line is reported.
* Idempotent: every call has a ``source_key`` (see ``CdrRecord.source_key``); a key already in
  the database, or seen earlier in the same file, is a duplicate and adds nothing.
* One transaction: fatal problems (missing file, not a CSV, a read error half-way) leave the
  database as it was.  Bad lines are not fatal: they are reported with their numbers.
* Batched: terminals and existing keys are looked up and rows inserted 10 000 at a time.
* One import at a time: a second station importing the same file at once waits for the
  first and then reports its lines as already imported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import String, any_, bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.enums import CallType, Role
from desktop.errors import DatabaseBusy, InvalidInput
from desktop.importers.asterisk_cdr import CdrError, CdrRecord, check_file, iter_lines, parse
from desktop.models import Base, Call, CdrImport, Terminal
from desktop.services import audit, rating
from desktop.services.access import require_role

BATCH_SIZE = 10_000
LOOKUP_CHUNK = 5_000  # bound parameters per IN (...) query, well under SQLite's 32 766
PROGRESS_EVERY = 10_000  # lines
SQLITE_IMPORT_CACHE_KIB = 128 * 1024
# A call starting later than this after the import's clock cannot have happened: a PBX with
# a wrong clock (or a forged line).  A day covers any time-zone mistake in the file.
FUTURE_TOLERANCE = dt.timedelta(days=1)
CALLS = Base.metadata.tables["calls"]
IMPORT_LOCK_KEY = 0x43445249  # "CDRI": pg_advisory_xact_lock key of ``import cdr``

Progress = Callable[[int, int], None]  # (bytes read, file size)

_NON_DIGITS = re.compile(r"[^0-9]")  # ASCII: \D would keep Arabic-Indic digits


@dataclass(frozen=True)
class ImportReport:
    """What one import did.  ``lines`` = every non-blank line of the file, and
    lines == imported + duplicates + not_answered + len(unknown_terminal) + len(malformed)."""

    lines: int
    imported: int
    duplicates: int
    not_answered: int
    unknown_terminal: list[tuple[int, str]]  # (line number, src as written)
    malformed: list[tuple[int, str]]  # (line number, reason in Portuguese)
    import_id: int | None = None  # the CdrImport row
    file_name: str = ""

    @property
    def rejected(self) -> int:
        return len(self.unknown_terminal) + len(self.malformed)


def normalize_src(src: str) -> str:
    """The caller's number as ``Terminal.number`` stores it (DDD + number, digits only)."""
    digits = _NON_DIGITS.sub("", src)
    if len(digits) in (12, 13) and digits.startswith("55"):
        digits = digits[2:]
    elif len(digits) in (11, 12) and digits.startswith("0"):
        digits = digits[1:]
    return digits


@dataclass
class _Run:
    """Mutable counters while the file is read (the report is built from it at the end)."""

    prices: dict[CallType, Decimal]
    lines: int = 0
    imported: int = 0
    duplicates: int = 0
    not_answered: int = 0
    unknown_terminal: list[tuple[int, str]] = field(default_factory=list)
    malformed: list[tuple[int, str]] = field(default_factory=list)
    # normalised src -> (terminal id, DDD, number), or None when no terminal has it
    terminals: dict[str, tuple[int, str, str] | None] = field(default_factory=dict)


def import_cdr(
    db: Database,
    actor: Actor,
    path: Path | str,
    *,
    columns: int | None = None,
    gmt: bool | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a ``Master.csv``; financeiro, suporte or admin; audited as ``cdr.importado``.

    ``columns`` (16, 18 or 21) and ``gmt`` default to detection per line (see
    :mod:`desktop.importers.asterisk_cdr`).  Raises ``InvalidInput`` before writing anything
    when the file cannot be used.
    """
    require_role(actor, Role.FINANCE, Role.SUPPORT)
    file = Path(path)
    check_file(file, columns=columns)
    total = file.stat().st_size
    try:
        with db.session() as session, file.open("rb") as stream, _sqlite_cache(session):
            _one_import_at_a_time(session)
            run = _Run(prices=rating.tariffs(session))
            record = CdrImport(file_name=file.name[-255:], started_at=utcnow())
            session.add(record)
            session.flush()
            batch: list[CdrRecord] = []
            for item in parse(iter_lines(stream), columns=columns, gmt=gmt):
                run.lines += 1
                if isinstance(item, CdrError):
                    run.malformed.append((item.line_no, item.reason))
                elif not item.answered:
                    run.not_answered += 1
                else:
                    batch.append(item)
                    if len(batch) >= BATCH_SIZE:
                        _store(session, run, batch)
                        batch = []
                if progress is not None and run.lines % PROGRESS_EVERY == 0:
                    progress(stream.tell(), total)
            _store(session, run, batch)
            run.malformed.sort(key=lambda entry: entry[0])
            record.lines, record.imported = run.lines, run.imported
            record.duplicates = run.duplicates
            record.rejected = len(run.malformed) + len(run.unknown_terminal)
            audit.record(
                session,
                actor,
                "cdr.importado",
                "cdr_import",
                record.id,
                arquivo=str(file),
                linhas=run.lines,
                importadas=run.imported,
                duplicadas=run.duplicates,
                nao_atendidas=run.not_answered,
                terminal_desconhecido=len(run.unknown_terminal),
                invalidas=len(run.malformed),
            )
            import_id = record.id
    except OSError as exc:
        raise InvalidInput(
            "cdr_import.erro_ler_nada_importado", name=file.name, strerror=exc.strerror or exc
        ) from None
    except DatabaseBusy:
        # SQLite: another station kept the database busy past the busy timeout.
        raise DatabaseBusy("cdr_import.banco_dados_ocupado_outra", name=file.name) from None
    if progress is not None:
        progress(total, total)
    return ImportReport(
        lines=run.lines,
        imported=run.imported,
        duplicates=run.duplicates,
        not_answered=run.not_answered,
        unknown_terminal=run.unknown_terminal,
        malformed=run.malformed,
        import_id=import_id,
        file_name=file.name,
    )


def _store(session: Session, run: _Run, batch: Sequence[CdrRecord]) -> None:
    """Rate one batch of answered calls and insert the new ones."""
    if not batch:
        return
    _load_terminals(session, run, {normalize_src(r.src) for r in batch})
    rows: dict[str, dict[str, Any]] = {}
    now = utcnow()
    latest = now + FUTURE_TOLERANCE
    for r in batch:
        terminal = run.terminals.get(normalize_src(r.src))
        if terminal is None:
            run.unknown_terminal.append((r.line_no, r.src))
            continue
        terminal_id, area_code, number = terminal
        try:
            kind = rating.classify(r.dst, area_code, r.start, origin=number)
        except InvalidInput as exc:
            run.malformed.append((r.line_no, exc.message))
            continue
        if r.start > latest:
            run.malformed.append((r.line_no, "hora de início no futuro"))
            continue
        key = r.source_key
        if key in rows:
            run.duplicates += 1
            continue
        billed_s, amount = rating.rate(r.billsec, run.prices[kind.call_type])
        rows[key] = {
            "terminal_id": terminal_id,
            "started_at": r.start,
            "destination": kind.normalized[:32],
            "call_type": kind.call_type,
            "duration_s": r.billsec,
            "billed_s": billed_s,
            "amount": amount,
            "hidden": kind.hidden,
            "source_key": key,
            "imported_at": now,
        }
    for existing in _existing_keys(session, rows):
        del rows[existing]
        run.duplicates += 1
    for key in _imported_under_legacy_keys(session, run, batch, rows):
        del rows[key]
        run.duplicates += 1
    if rows:
        # Imports run one at a time (``_one_import_at_a_time``), so the keys checked above
        # are all there is; ON CONFLICT DO NOTHING keeps any other writer of ``calls`` from
        # turning a duplicate into an IntegrityError.  (Without RETURNING: an executemany
        # of an upsert with RETURNING runs row by row, three times slower.)
        session.execute(_insert_ignoring_duplicates(session), list(rows.values()))
        run.imported += len(rows)


@contextmanager
def _sqlite_cache(session: Session) -> Iterator[None]:
    """A bigger SQLite page cache while importing: the three indexes of ``calls`` take random
    inserts, and the default 2 MiB cache turns them into disk reads (about 35% slower)."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    old = session.execute(text("PRAGMA cache_size")).scalar_one()
    session.execute(text(f"PRAGMA cache_size=-{SQLITE_IMPORT_CACHE_KIB}"))
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # after a database error the session is unusable
            session.execute(text(f"PRAGMA cache_size={int(old)}"))


def _load_terminals(session: Session, run: _Run, numbers: set[str]) -> None:
    missing = [n for n in numbers if n not in run.terminals]
    for chunk in _chunks(missing):
        for row in session.execute(
            select(Terminal.number, Terminal.id, Terminal.area_code).where(
                Terminal.number.in_(chunk)
            )
        ):
            run.terminals[row.number] = (row.id, row.area_code, row.number)
    for number in missing:
        run.terminals.setdefault(number, None)


def _insert_ignoring_duplicates(session: Session) -> Any:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # (source_key, started_at): the unique key a month-partitioned calls table can have.
    return insert(CALLS).on_conflict_do_nothing(index_elements=["source_key", "started_at"])


def _one_import_at_a_time(session: Session) -> None:
    """Serialize imports, so one that starts while another is writing the same calls waits
    for it and then finds them there (reported as duplicates, not an IntegrityError).

    PostgreSQL: a transaction-level advisory lock, released at commit or rollback.  SQLite
    needs none: the import's first write (its ``cdr_imports`` row, flushed before any key is
    looked up) takes the database's single write lock for the whole transaction.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})


def _imported_under_legacy_keys(
    session: Session, run: _Run, batch: Sequence[CdrRecord], rows: dict[str, dict[str, Any]]
) -> list[str]:
    """Keys of ``rows`` whose call was imported before ``sequence`` was part of the key.

    Such a call is stored under ``uniqueid/start`` (:attr:`CdrRecord.legacy_key`); of the
    CDRs sharing that key only the first was imported then, so a stored call matches the one
    CDR with its destination and duration, once.
    """
    legacy: dict[str, list[str]] = {}
    for r in batch:
        old = r.legacy_key
        if old is not None and r.source_key in rows:
            legacy.setdefault(old, []).append(r.source_key)
    if not legacy:
        return []
    matched: list[str] = []
    during = _started_between([r.start for r in batch])
    for chunk in _chunks(list(legacy)):
        stored = session.execute(
            select(Call.source_key, Call.destination, Call.duration_s).where(
                _key_in(session, chunk), during
            )
        )
        for old, destination, duration_s in stored:
            for key in legacy[old]:
                row = rows[key]
                if (row["destination"], row["duration_s"]) == (destination, duration_s):
                    matched.append(key)
                    break
    return matched


def _existing_keys(session: Session, rows: dict[str, dict[str, Any]]) -> list[str]:
    found: list[str] = []
    if not rows:
        return found
    during = _started_between([row["started_at"] for row in rows.values()])
    for chunk in _chunks(list(rows)):
        found.extend(
            session.scalars(select(Call.source_key).where(_key_in(session, chunk), during))
        )
    return found


def _started_between(starts: Sequence[dt.datetime]) -> Any:
    """The batch's time span: a key's call starts within it (the start is part of the
    key), and on PostgreSQL it confines the lookup to those months' partitions."""
    return Call.started_at.between(min(starts), max(starts))


def _key_in(session: Session, keys: Sequence[str]) -> Any:
    """``source_key IN (...)``; on PostgreSQL ``= ANY(:array)``, one parameter instead of
    thousands to render and bind (the lookups took a fifth of an import's time)."""
    if session.get_bind().dialect.name == "postgresql":
        return Call.source_key == any_(bindparam("keys", list(keys), type_=ARRAY(String)))
    return Call.source_key.in_(keys)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), LOOKUP_CHUNK):
        yield items[start : start + LOOKUP_CHUNK]
