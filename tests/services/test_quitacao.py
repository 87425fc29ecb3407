"""Declaração anual de quitação (Lei 12.007/2009): a settled year, the refusal in words, scope,
the audit, and the PDF as a person reads it (pdftotext).  Both backends."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import PaymentMethod, ReceivableStatus
from desktop.errors import AccessDenied, Conflict, InvalidInput
from desktop.models import AuditEntry
from desktop.reports.quitacao import build_quitacao_pdf
from desktop.services import quitacao
from desktop.services.quitacao import QuitacaoRefused
from tests.conftest import kiosk
from tests.factories import CPFS, receivable, subscriber

TODAY = dt.date(2026, 12, 7)


def settled_2025(db: Database, sub_id: int) -> dict[str, int]:
    """Three bills due in 2025 (two paid, one cancelled), one paid bill of 2024, one open of 2026."""
    return {
        "jan": receivable(
            db,
            sub_id,
            dt.date(2025, 1, 10),
            status=ReceivableStatus.PAID,
            paid_at=dt.datetime(2025, 1, 9, 13, tzinfo=dt.UTC),
            method=PaymentMethod.PIX,
        ),
        "fev": receivable(
            db,
            sub_id,
            dt.date(2025, 2, 10),
            "109.90",
            status=ReceivableStatus.PAID,
            paid_at=dt.datetime(2025, 2, 14, 18, tzinfo=dt.UTC),
        ),
        "dez": receivable(db, sub_id, dt.date(2025, 12, 10), status=ReceivableStatus.CANCELLED),
        "old": receivable(db, sub_id, dt.date(2024, 12, 10), status=ReceivableStatus.PAID),
        "next": receivable(db, sub_id, dt.date(2026, 1, 10)),  # open, but due in 2026
    }


def test_a_settled_year_gives_the_declaration_with_its_bills(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = subscriber(db, "Inês Gonçalves")
    ids = settled_2025(db, sub_id)
    q = quitacao.declaration(db, attendant, sub_id, 2025, today=TODAY)
    assert (q.year, q.issued_on, q.subscriber.name) == (2025, TODAY, "Inês Gonçalves")
    assert [i.receivable_id for i in q.items] == [ids["jan"], ids["fev"], ids["dez"]]
    assert [i.status for i in q.items] == [
        ReceivableStatus.PAID,
        ReceivableStatus.PAID,
        ReceivableStatus.CANCELLED,
    ]
    assert q.items[0].payment_method is PaymentMethod.PIX
    assert q.total_paid == Decimal("209.80")
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "declaracao_quitacao")
        ).one()
    assert (entry.subject_id, entry.actor) == (str(sub_id), attendant.label)
    assert json.loads(entry.details)["resultado"] == "emitida"


def test_an_open_bill_refuses_with_which_bill_due_date_and_amount(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = subscriber(db)
    settled_2025(db, sub_id)
    open_id = receivable(
        db, sub_id, dt.date(2025, 7, 10), "89.90", description="Mensalidade 07/2025"
    )
    with pytest.raises(QuitacaoRefused) as exc:
        quitacao.declaration(db, attendant, sub_id, 2025, today=TODAY)
    assert exc.value.message == (
        "Não é possível emitir a declaração de quitação de 2025: há 1 conta em aberto com "
        "vencimento em 2025: Mensalidade 07/2025 (vencimento 10/07/2025, R$ 89,90). "
        "Depois do pagamento, a declaração pode ser emitida."
    )
    assert [i.receivable_id for i in exc.value.open_items] == [open_id]
    assert isinstance(exc.value, Conflict)
    with db.session() as session:
        details = json.loads(
            session.scalars(
                select(AuditEntry.details).where(AuditEntry.action == "declaracao_quitacao")
            ).one()
        )
    assert details["resultado"] == "recusada" and details["em_aberto"] == [open_id]


def test_an_open_bill_of_an_earlier_year_also_refuses(
    db: Database, attendant: CounterActor
) -> None:
    """Art. 4º: the declaration replaces the receipts of the earlier years too."""
    sub_id, _ = subscriber(db)
    settled_2025(db, sub_id)
    receivable(db, sub_id, dt.date(2023, 3, 10), "79.90", description="Mensalidade 03/2023")
    receivable(db, sub_id, dt.date(2023, 4, 10), "79.90", description="Mensalidade 04/2023")
    with pytest.raises(QuitacaoRefused) as exc:
        quitacao.declaration(db, attendant, sub_id, 2025, today=TODAY)
    message = exc.value.message
    assert "2 contas de anos anteriores também em aberto" in message
    assert "Mensalidade 03/2023 (vencimento 10/03/2023, R$ 79,90)" in message
    assert "Mensalidade 04/2023 (vencimento 10/04/2023" in message
    assert "há 1 conta em aberto com vencimento em 2025" not in message


def test_a_year_without_bills_and_a_year_not_closed_are_refused_in_words(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = subscriber(db)
    settled_2025(db, sub_id)
    with pytest.raises(Conflict, match="Nenhuma conta com vencimento em 2022 para este assinante"):
        quitacao.declaration(db, attendant, sub_id, 2022, today=TODAY)
    with pytest.raises(InvalidInput, match="O ano de 2026 ainda não terminou"):
        quitacao.declaration(db, attendant, sub_id, 2026, today=TODAY)
    with pytest.raises(InvalidInput, match="O ano de 2027 ainda não terminou"):
        quitacao.declaration(db, attendant, sub_id, 2027, today=TODAY)
    # Any past year may be asked for, long after May of the following year (art. 3º).
    assert quitacao.declaration(db, attendant, sub_id, 2024, today=TODAY).year == 2024


def test_kiosk_subscriber_gets_only_their_own(db: Database) -> None:
    mine, _ = subscriber(db, "Ana", CPFS[0])
    other, _ = subscriber(db, "Bia", CPFS[1])
    settled_2025(db, mine)
    settled_2025(db, other)
    assert quitacao.declaration(db, kiosk(mine), mine, 2025, today=TODAY).subscriber.id == mine
    with pytest.raises(AccessDenied):
        quitacao.declaration(db, kiosk(mine), other, 2025, today=TODAY)


def test_pdf_states_the_law_the_year_and_lists_the_bills(
    sqlite_db: Database, tmp_path: Path
) -> None:
    from desktop.domain.enums import Role
    from tests.conftest import make_user

    actor = make_user(sqlite_db, "ana", Role.ATTENDANT)
    sub_id, _ = subscriber(sqlite_db, "Inês Gonçalves")
    settled_2025(sqlite_db, sub_id)
    q = quitacao.declaration(sqlite_db, actor, sub_id, 2025, today=TODAY)
    pdf = build_quitacao_pdf(q)
    assert pdf == build_quitacao_pdf(q)  # reproducible
    path = tmp_path / "quitacao.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    for expected in (
        "Declaração Anual de Quitação de Débitos",
        "Ano de referência: 2025",
        "Provedor Exemplo Telecomunicações Ltda",
        "Inês Gonçalves",
        "Lei nº 12.007, de 29 de julho de 2009, DECLARA que Inês Gonçalves, CPF 529.982.247-25, "
        "quitou todos os débitos referentes às faturas com vencimento entre 1º de janeiro e 31 "
        "de dezembro de 2025",
        "substitui, para a comprovação do cumprimento das obrigações do consumidor, as "
        "quitações dos faturamentos mensais dos débitos do ano de 2025 e dos anos anteriores",
        "Emitida em 07/12/2025".replace("2025", "2026"),
    ):
        assert expected in flat, expected
    assert "10/01/2025" in text and "09/01/2025" in text  # due and paid dates
    assert "14/02/2025" in text and "109,90" in text
    assert "Cancelada" in text
    assert "10/12/2024" not in text and "10/01/2026" not in text  # other years stay out
