"""``import retorno``: the bank's return files settle the boletos they say were paid (SPEC §6).

For each entry of each file (parsed by :mod:`desktop.importers.cnab`):

- a **liquidation** settles the receivable of that bank + nosso número through
  :func:`settlement.settle_in_session` with ``source_key`` = ``cnab:<bank>:<nosso número
  normalised>:<occurrence>:<payment date>:<paid amount in cents>`` — the entry's identity in
  the bank's world, so the same file twice, two overlapping files or two stations importing at
  once give one settlement; a lifted suspension follows the commit (``after_commit``);
- any **other occurrence** (entrada confirmada, rejeitada with its motives, baixa, tarifas) is
  recorded on the receivable (``bank_occurrences``, keyed the same way);
- an entry whose boleto is not ours is ``unmatched``; a damaged line is ``rejected`` with its
  reason, and the rest of the file goes on.

Each entry is its own short unit of work: one bad entry never undoes the others, and two
importers never hold locks on many receivables at once (no deadlock between overlapping
files).  ``dry_run`` matches and predicts the results without writing anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.banks import bank_name
from desktop.domain.clock import LOCAL_TZ, today_local
from desktop.domain.enums import PaymentMethod, ReceivableStatus, Role
from desktop.errors import UserError
from desktop.importers import cnab_codes
from desktop.importers.cnab import RetornoFile, parse_retorno
from desktop.importers.cnab_codes import OccurrenceKind
from desktop.importers.cnab_records import LineProblem, RetornoEntry
from desktop.models import BankOccurrence, Payment, Receivable
from desktop.services import audit, retorno_match, settlement
from desktop.services.access import require_counter, require_role
from desktop.services.settlement import SettleOutcome

MAX_FILE_BYTES = 64 * 1024 * 1024

SETTLED = "settled"
ALREADY_SETTLED = "already_settled"
RECORDED = "recorded"
UNMATCHED = "unmatched"
REJECTED = "rejected"


@dataclass(frozen=True)
class EntryResult:
    """One line of the report (SPEC §6), plus what the screen shows beside it."""

    line: int
    nosso_numero: str | None
    occurrence: str | None
    occurrence_text: str | None
    due_date: dt.date | None
    face_amount: Decimal | None
    paid_amount: Decimal | None
    fee: Decimal | None
    interest: Decimal | None
    discount: Decimal | None
    paid_on: dt.date | None
    credited_on: dt.date | None
    receivable_id: int | None
    result: str
    reason: str | None = None  # why rejected / unmatched, or a note on a settled entry
    method: PaymentMethod | None = None  # for a liquidation


@dataclass(frozen=True)
class FileReport:
    file: str
    layout: str | None
    bank: str | None
    entries: tuple[EntryResult, ...]
    problems: tuple[LineProblem, ...]  # damaged lines and notes, with their line numbers
    error: str | None = None  # the whole file could not be used
    dry_run: bool = False

    @property
    def settled(self) -> tuple[EntryResult, ...]:
        return tuple(e for e in self.entries if e.result == SETTLED)

    @property
    def settled_amount(self) -> Decimal:
        return sum((e.paid_amount or Decimal("0.00") for e in self.settled), Decimal("0.00"))

    @property
    def settled_fees(self) -> Decimal:
        return sum((e.fee or Decimal("0.00") for e in self.settled), Decimal("0.00"))

    @property
    def unmatched(self) -> tuple[EntryResult, ...]:
        return tuple(e for e in self.entries if e.result == UNMATCHED)


# --------------------------------------------------------------------------- identities
def payment_key(bank: str, number: str, entry: RetornoEntry) -> str:
    day = entry.paid_on.isoformat() if entry.paid_on else "-"
    cents = int((entry.paid_amount or Decimal(0)) * 100)
    return f"cnab:{bank}:{number}:{entry.occurrence}:{day}:{cents}"[:120]


def occurrence_key(bank: str, number: str, entry: RetornoEntry) -> str:
    day = entry.paid_on.isoformat() if entry.paid_on else "-"
    return f"cnab:{bank}:{number}:{entry.occurrence}:{day}:{'.'.join(entry.motives)}"[:120]


def _paid_at(entry: RetornoEntry) -> dt.datetime:
    """Noon in São Paulo of the payment day: the file gives a day, the ledger an instant."""
    day = entry.paid_on or today_local()
    return dt.datetime.combine(day, dt.time(12), tzinfo=LOCAL_TZ).astimezone(dt.UTC)


def _result(entry: RetornoEntry, result: str, **extra: object) -> EntryResult:
    base = EntryResult(
        line=entry.line,
        nosso_numero=entry.nosso_numero or None,
        occurrence=entry.occurrence,
        occurrence_text=entry.describe(),
        due_date=entry.due_date,
        face_amount=entry.face_amount,
        paid_amount=entry.paid_amount,
        fee=entry.fee,
        interest=entry.interest,
        discount=entry.discount,
        paid_on=entry.paid_on,
        credited_on=entry.credited_on,
        receivable_id=None,
        result=result,
    )
    return replace(base, **extra)  # type: ignore[arg-type]


def _rejected_line(problem: LineProblem) -> EntryResult:
    return EntryResult(
        problem.line,
        problem.nosso_numero,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        REJECTED,
        problem.reason,
    )


# --------------------------------------------------------------------------- one entry
@dataclass(frozen=True)
class _Context:
    db: Database
    actor: Actor
    file_name: str
    bank: str
    layout: str
    accounts: list[retorno_match.Account]
    dry_run: bool
    # Read once per file before any write (an optimisation only: the writes stay conditional).
    matches: dict[int, tuple[retorno_match.Match | None, str]] = field(default_factory=dict)
    known_keys: frozenset[str] = frozenset()
    open_ids: set[int] = field(default_factory=set)  # matched bills still open (dry run)
    applied: set[str] = field(default_factory=set)  # payment keys this run wrote


def _sibling_keys(ctx: _Context, number: str, entry: RetornoEntry) -> list[str]:
    """The same payment reported under the bank's other liquidation codes (Itaú sends 06 and
    later 10 "baixa por ter sido liquidado" for one payment): that is not a second payment."""
    codes = cnab_codes.liquidation_codes(ctx.layout, ctx.bank) - {entry.occurrence}
    return [payment_key(ctx.bank, number, replace(entry, occurrence=c)) for c in sorted(codes)]


def _keys(ctx: _Context, entry: RetornoEntry) -> list[str]:
    match, number = ctx.matches.get(entry.line, (None, ""))
    if match is None or entry.kind is not OccurrenceKind.LIQUIDATION:
        return []
    return [payment_key(ctx.bank, number, entry), *_sibling_keys(ctx, number, entry)]


def _prefetch(ctx: _Context, entries: Sequence[RetornoEntry]) -> _Context:
    """Match every entry and read which of their payments are known, in a few queries."""
    with ctx.db.session() as session:
        matches = retorno_match.find_all(session, ctx.accounts, entries)
        ctx = replace(ctx, matches=matches)
        keys = sorted({k for e in entries for k in _keys(ctx, e)})
        known: set[str] = set()
        for start in range(0, len(keys), retorno_match.CHUNK):
            chunk = keys[start : start + retorno_match.CHUNK]
            known.update(
                session.scalars(select(Payment.source_key).where(Payment.source_key.in_(chunk)))
            )
        ids = sorted({m.receivable_id for m, _ in matches.values() if m is not None})
        open_ids: set[int] = set()
        for start in range(0, len(ids), retorno_match.CHUNK):
            open_ids.update(
                session.scalars(
                    select(Receivable.id).where(
                        Receivable.id.in_(ids[start : start + retorno_match.CHUNK]),
                        Receivable.status == ReceivableStatus.OPEN,
                    )
                )
            )
    return replace(ctx, known_keys=frozenset(known), open_ids=open_ids)


def _liquidation(ctx: _Context, entry: RetornoEntry) -> EntryResult:
    method = PaymentMethod.PIX if entry.pix else PaymentMethod.BOLETO
    if not entry.paid_amount or entry.paid_on is None:
        missing = "valor pago" if not entry.paid_amount else "data do pagamento"
        return _result(entry, REJECTED, reason=f"liquidação sem {missing}", method=method)
    match, number = ctx.matches[entry.line]
    if match is None:
        return _result(entry, UNMATCHED, reason="nosso número sem boleto cadastrado", method=method)
    rid = match.receivable_id
    key = payment_key(ctx.bank, number, entry)
    if (ctx.known_keys | ctx.applied).intersection(_keys(ctx, entry)):
        return _result(entry, ALREADY_SETTLED, receivable_id=rid, method=method)
    if ctx.dry_run:
        predicted = SETTLED if rid in ctx.open_ids else ALREADY_SETTLED
        ctx.applied.add(key)
        if predicted == SETTLED:
            ctx.open_ids.discard(rid)  # a second payment of it in this file is a duplicate
        return _result(entry, predicted, receivable_id=rid, method=method)
    with ctx.db.session() as session:
        done = settlement.settle_in_session(
            session,
            ctx.actor,
            receivable_id=rid,
            amount=entry.paid_amount,
            method=method,
            paid_at=_paid_at(entry),
            source_key=key,
            reference=f"retorno {ctx.bank} NN {match.boleto_nosso_numero} ({Path(ctx.file_name).name}:{entry.line})",
            fee=entry.fee,
            interest=entry.interest,
            discount=entry.discount,
            credited_on=entry.credited_on,
        )
    ctx.applied.add(key)
    reason = None
    if done.outcome is SettleOutcome.SETTLED:
        try:
            settlement.after_commit(ctx.db, ctx.actor, done)
        except UserError as exc:  # the money is in; the suspension is retried by `jobs run`
            reason = f"pago, mas a suspensão não foi retirada agora: {exc.message}"
        result = SETTLED
    elif done.outcome is SettleOutcome.NOT_OPEN:
        result, reason = RECORDED, "conta cancelada: pagamento registrado para devolução"
    elif done.outcome is SettleOutcome.DUPLICATE:
        result = ALREADY_SETTLED
        reason = "conta já baixada por outro pagamento: marcado para devolução"
    else:  # another station applied this very entry a moment ago
        result = ALREADY_SETTLED
    return _result(entry, result, receivable_id=rid, method=method, reason=reason)


def _insert_occurrence(session: Session, values: dict[str, object]) -> None:
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(
        insert(BankOccurrence)
        .values(**values)
        .on_conflict_do_nothing(index_elements=[BankOccurrence.source_key])
    )


def _occurrence(ctx: _Context, entry: RetornoEntry) -> EntryResult:
    match, number = ctx.matches[entry.line]
    if match is None:
        return _result(entry, UNMATCHED, reason="nosso número sem boleto cadastrado")
    if not ctx.dry_run:
        amount = (
            entry.fee if entry.kind is OccurrenceKind.OTHER and entry.fee else entry.paid_amount
        )
        with ctx.db.session() as session:
            _insert_occurrence(
                session,
                {
                    "receivable_id": match.receivable_id,
                    "source_key": occurrence_key(ctx.bank, number, entry),
                    "bank_code": ctx.bank,
                    "nosso_numero": match.boleto_nosso_numero[:20],
                    "occurrence": entry.occurrence,
                    "kind": entry.kind.value,
                    "description": entry.describe()[:400],
                    "occurred_on": entry.paid_on,
                    "amount": amount or None,
                    "file_name": ctx.file_name[:255],
                    "line": entry.line,
                    "recorded_at": dt.datetime.now(dt.UTC),
                },
            )
    return _result(entry, RECORDED, receivable_id=match.receivable_id)


# --------------------------------------------------------------------------- files
def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError("retorno.arquivo_grande_demais_retorno", size=size)
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError("retorno.arquivo_nao_encontrado") from None
    except IsADirectoryError:
        raise UserError("retorno.pasta_nao_arquivo") from None
    except OSError as exc:
        raise UserError("retorno.nao_possivel_ler_arquivo", strerror=exc.strerror or exc) from None


def import_bytes(
    db: Database, actor: Actor, name: str, data: bytes, *, dry_run: bool = False
) -> FileReport:
    """One file's report; a file that cannot be used gives ``error`` (never raises for it)."""
    require_counter(actor)
    require_role(actor, Role.FINANCE)
    try:
        parsed = parse_retorno(data)
    except UserError as exc:
        return FileReport(name, None, None, (), (), exc.message, dry_run)
    with db.session() as session:
        accounts = retorno_match.accounts_for(session, parsed.bank)
    if not accounts:
        return FileReport(
            name,
            parsed.layout,
            parsed.bank,
            (),
            parsed.problems,
            f"Retorno do banco {parsed.bank} ({bank_name(parsed.bank)}), que não tem conta "
            "configurada no Painel (Contas bancárias): nada foi importado deste arquivo.",
            dry_run,
        )
    ctx = _Context(db, actor, name, parsed.bank, parsed.layout, accounts, dry_run)
    return _apply(_prefetch(ctx, parsed.entries), parsed)


def _apply(ctx: _Context, parsed: RetornoFile) -> FileReport:
    results = [_rejected_line(p) for p in parsed.problems if p.entry]
    problems = list(parsed.problems)
    for entry in parsed.entries:
        handler: Callable[[_Context, RetornoEntry], EntryResult] = (
            _liquidation if entry.kind is OccurrenceKind.LIQUIDATION else _occurrence
        )
        try:
            outcome = handler(ctx, entry)
        except UserError as exc:  # e.g. an amount the ledger refuses: that entry only
            outcome = _result(entry, REJECTED, reason=exc.message)
        if outcome.reason and outcome.result in (REJECTED, SETTLED):
            problems.append(LineProblem(entry.line, outcome.reason, entry.nosso_numero))
        results.append(outcome)
    results.sort(key=lambda r: r.line)
    report = FileReport(
        ctx.file_name,
        parsed.layout,
        parsed.bank,
        tuple(results),
        tuple(sorted(problems, key=lambda p: p.line)),
        None,
        ctx.dry_run,
    )
    if not ctx.dry_run:
        audit.record_now(
            ctx.db,
            ctx.actor,
            "retorno.importado",
            "file",
            Path(ctx.file_name).name[-40:],
            arquivo=ctx.file_name,
            banco=parsed.bank,
            layout=parsed.layout,
            entradas=len(parsed.entries),
            baixadas=len(report.settled),
            valor=report.settled_amount,
            nao_encontradas=len(report.unmatched),
            linhas_com_erro=len(parsed.problems),
        )
    return report


def import_files(
    db: Database, actor: Actor, paths: Sequence[str | Path], *, dry_run: bool = False
) -> tuple[FileReport, ...]:
    """Every file in turn; a file that cannot be read is reported and the others go on."""
    require_counter(actor)
    require_role(actor, Role.FINANCE)
    reports = []
    for raw in paths:
        path = Path(raw)
        try:
            data = _read(path)
        except UserError as exc:
            reports.append(FileReport(str(raw), None, None, (), (), exc.message, dry_run))
            continue
        reports.append(import_bytes(db, actor, str(raw), data, dry_run=dry_run))
    return tuple(reports)


# --------------------------------------------------------------------------- JSON (SPEC §6)
def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def entry_json(entry: EntryResult) -> dict[str, object]:
    return {
        "line": entry.line,
        "nosso_numero": entry.nosso_numero,
        "occurrence": entry.occurrence,
        "occurrence_text": entry.occurrence_text,
        "due_date": _day(entry.due_date),
        "face_amount": _money(entry.face_amount),
        "paid_amount": _money(entry.paid_amount),
        "fee": _money(entry.fee),
        "interest": _money(entry.interest),
        "discount": _money(entry.discount),
        "paid_on": _day(entry.paid_on),
        "credited_on": _day(entry.credited_on),
        "receivable_id": entry.receivable_id,
        "result": entry.result,
    }


def report_json(report: FileReport) -> dict[str, object]:
    """SPEC §6 shape; ``error`` and ``errors`` say why a file or a line was not used."""
    return {
        "file": report.file,
        "layout": report.layout,
        "bank": report.bank,
        "entries": [entry_json(e) for e in report.entries],
        "error": report.error,
        "errors": [{"line": p.line, "reason": p.reason} for p in report.problems],
    }
