"""``import receivables``: one batch of bills into ``receivables`` (and their ``boletos``).

A bill we hold as settled (paid at a counter, by PIX, by a bank's return file) is never
reopened nor has its amounts changed by the ERP: when the ERP still sends it as *aberto* (or
*cancelado*) it is reported as a conflict and left as it is.  Any other change is a
conditional UPDATE from the status read, so a payment arriving at that very moment at a
counter is not overwritten (the line is then a conflict too: import again later).

``bank`` + ``nosso_numero``: the boleto the ERP registered (``erp_boletos``), stored as the
app's own so the Segunda via reprints it and the retorno matches it; the account's
``last_sequence`` moves past the ERP's number, so a boleto the app registers later never
takes the same nosso número.  A boleto already registered keeps the bank's figures unless
the ERP sends another nosso número (a new registration).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.banks import BankAccountData
from desktop.domain.clock import to_local, utcnow
from desktop.domain.enums import ReceivableStatus
from desktop.errors import InvalidInput
from desktop.models import BankAccount, Base, Boleto, Contract, Receivable
from desktop.services import boletos, bulk_rows, erp_boletos, settings
from desktop.services.erp_batch import (
    CONFLICT,
    CREATED,
    REJECTED,
    UNCHANGED,
    UPDATED,
    BatchContext,
    Outcome,
)
from desktop.services.erp_rows import ReceivableData, RowError

RECEIVABLES = Base.metadata.tables["receivables"]
BOLETOS = Base.metadata.tables["boletos"]
FIELDS = (
    "external_id",
    "subscriber_id",
    "contract_id",
    "description",
    "competence",
    "issued_on",
    "due_date",
    "amount",
    "status",
    "paid_at",
    "paid_amount",
    "payment_method",
)
BOLETO_FIELDS = (
    "receivable_id",
    "bank_account_id",
    "nosso_numero",
    "due_date",
    "amount",
    "barcode",
    "digitable_line",
    "pix_payload",
    "registered_at",
)


def _values(d: ReceivableData, subscriber_id: int, contract_id: int) -> tuple[Any, ...]:
    return (
        d.external_id,
        subscriber_id,
        contract_id,
        d.description,
        d.due_date.replace(day=1),
        d.issued_on,
        d.due_date,
        d.amount,
        d.status,
        d.paid_at,
        d.paid_amount,
        d.method if d.status is ReceivableStatus.PAID else None,
    )


def _accounts(session: Session, ctx: BatchContext) -> dict[str, tuple[int, BankAccountData]]:
    accounts: dict[str, tuple[int, BankAccountData]] | None = ctx.cache.get("accounts")
    if accounts is None:
        accounts = {}
        rows = session.scalars(
            select(BankAccount).order_by(BankAccount.active.desc(), BankAccount.id)
        )
        for acc in rows:
            accounts.setdefault(
                acc.bank_code,
                (
                    acc.id,
                    BankAccountData(
                        acc.bank_code,
                        acc.agency,
                        acc.account,
                        acc.account_dv,
                        acc.wallet,
                        acc.agreement,
                        acc.agency_dv,
                    ),
                ),
            )
        ctx.cache["accounts"] = accounts
        ctx.cache["pix"] = settings.get_many(session, "pix.")
    return accounts


def write(
    session: Session, ctx: BatchContext, rows: list[tuple[int, ReceivableData]]
) -> list[Outcome]:
    contracts = {
        ext: (cid, sub)
        for ext, cid, sub in bulk_rows.rows_by_keys(
            session,
            select(Contract.external_id, Contract.id, Contract.subscriber_id),
            Contract.external_id,
            [d.contract_external_id for _, d in rows],
        )
    }
    cols = select(RECEIVABLES.c.id, *(RECEIVABLES.c[f] for f in FIELDS))
    stored_rows = {
        r.external_id: r
        for r in bulk_rows.rows_by_keys(
            session, cols, RECEIVABLES.c.external_id, [d.external_id for _, d in rows]
        )
    }
    want_boleto = [d for _, d in rows if d.nosso_numero]
    accounts = _accounts(session, ctx) if want_boleto else {}
    boleto_of: dict[int, Any] = {}
    if stored_rows and want_boleto:
        for b in bulk_rows.rows_by_keys(
            session,
            select(Boleto.receivable_id, Boleto.nosso_numero, Boleto.bank_account_id),
            Boleto.receivable_id,
            [r.id for r in stored_rows.values()],
        ):
            boleto_of[b.receivable_id] = b
    outcomes: list[Outcome] = []
    new: list[tuple[int, ReceivableData, tuple[Any, ...], Any]] = []
    for line, d in rows:
        target = contracts.get(d.contract_external_id)
        if target is None:
            outcomes.append(
                Outcome(
                    line,
                    REJECTED,
                    f"contrato {d.contract_external_id} não encontrado (importe os contratos antes)",
                )
            )
            continue
        built = None
        if d.bank and d.nosso_numero:
            account = accounts.get(d.bank)
            if account is None:
                outcomes.append(
                    Outcome(
                        line,
                        REJECTED,
                        f"banco {d.bank} sem conta de cobrança cadastrada (Painel de Configurações)",
                    )
                )
                continue
            try:
                built = (
                    account[0],
                    erp_boletos.build(
                        account[1], d.nosso_numero, d.due_date, d.amount, d.issued_on
                    ),
                )
            except RowError as exc:
                outcomes.append(Outcome(line, REJECTED, exc.reason))
                continue
            except InvalidInput as exc:  # the barcode refused the amount or the due date
                outcomes.append(Outcome(line, REJECTED, exc.message))
                continue
        values = _values(d, target[1], target[0])
        stored = stored_rows.get(d.external_id)
        if stored is None:
            new.append((line, d, values, built))
            continue
        outcomes.append(
            _update(session, ctx, line, d, values, stored, built, boleto_of.get(stored.id))
        )
    outcomes.extend(_create(session, ctx, new))
    return outcomes


def _create(
    session: Session, ctx: BatchContext, new: list[tuple[int, ReceivableData, tuple[Any, ...], Any]]
) -> list[Outcome]:
    if not new:
        return []
    ids = bulk_rows.allocate_ids(session, RECEIVABLES, len(new))
    now = utcnow()
    bulk_rows.insert_rows(
        session,
        RECEIVABLES,
        ("id", *FIELDS, "created_at"),
        [(rid, *values, now) for rid, (_, _, values, _) in zip(ids, new, strict=True)],
    )
    boleto_rows = [
        _boleto_record(ctx, rid, d, built, now)
        for rid, (_, d, _, built) in zip(ids, new, strict=True)
        if built is not None
    ]
    bulk_rows.insert_rows(session, BOLETOS, BOLETO_FIELDS, boleto_rows)
    _move_sequences(session, [b for _, _, _, b in new if b is not None])
    return [Outcome(line, CREATED) for line, _, _, _ in new]


def _boleto_record(
    ctx: BatchContext, receivable_id: int, d: ReceivableData, built: Any, now: dt.datetime
) -> tuple[Any, ...]:
    account_id, boleto = built
    payload = boletos.hybrid_payload(ctx.cache["pix"], d.bank or "", boleto.nosso_numero, d.amount)
    return (
        receivable_id,
        account_id,
        boleto.nosso_numero,
        d.due_date,
        d.amount,
        boleto.barcode,
        boleto.digitable_line,
        payload,
        now,
    )


def _move_sequences(session: Session, built: list[Any]) -> None:
    highest: dict[int, int] = {}
    for account_id, boleto in built:
        highest[account_id] = max(highest.get(account_id, 0), boleto.sequence)
    for account_id, sequence in highest.items():
        session.execute(
            update(BankAccount)
            .where(BankAccount.id == account_id, BankAccount.last_sequence < sequence)
            .values(last_sequence=sequence)
        )


def _update(
    session: Session,
    ctx: BatchContext,
    line: int,
    d: ReceivableData,
    values: tuple[Any, ...],
    stored: Any,
    built: Any,
    boleto: Any,
) -> Outcome:
    held: ReceivableStatus = stored.status
    if held is ReceivableStatus.PAID:
        if d.status is ReceivableStatus.PAID:
            return Outcome(line, UNCHANGED)  # our settlement's figures stay
        when = f" em {to_local(stored.paid_at):%d/%m/%Y}" if stored.paid_at else ""
        return Outcome(
            line,
            CONFLICT,
            f"conta {d.external_id} já baixada na loja{when}; mantida baixada "
            f"(o ERP a manda como {d.status.value})",
        )
    before = tuple(stored[1:])
    changed = False
    if values != before:
        result = session.execute(
            update(Receivable)
            .where(Receivable.id == stored.id, Receivable.status == held)
            .values(dict(zip(FIELDS, values, strict=True)))
            .execution_options(synchronize_session=False)
        )
        if int(getattr(result, "rowcount", 0) or 0) != 1:
            return Outcome(
                line,
                CONFLICT,
                f"conta {d.external_id} mudou na loja durante a importação; importe de novo",
            )
        changed = True
    if built is not None and (
        boleto is None
        or boleto.nosso_numero != built[1].nosso_numero
        or boleto.bank_account_id != built[0]
    ):
        record = _boleto_record(ctx, stored.id, d, built, utcnow())
        if boleto is None:
            bulk_rows.insert_rows(session, BOLETOS, BOLETO_FIELDS, [record])
        else:  # registered again by the ERP under another nosso número
            session.execute(
                BOLETOS.update()
                .where(BOLETOS.c.receivable_id == stored.id)
                .values(dict(zip(BOLETO_FIELDS, record, strict=True)))
            )
        _move_sequences(session, [built])
        changed = True
    return Outcome(line, UPDATED if changed else UNCHANGED)
