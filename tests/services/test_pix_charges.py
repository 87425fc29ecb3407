"""PIX charges against a local HTTPS PSP that speaks the API Pix (mutual TLS, OAuth2).

What a subscriber and the store rely on: the QR is for the updated amount and shown again
rather than made twice; a payment settles the bill once however many screens, stations and
jobs see it, goes into the session's atendimento and the outbox, and gives the access back;
a PSP that fails settles nothing; a bill paid twice is flagged and refunded once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.adapters import pix_psp
from desktop.adapters.pix_psp import Failure, PspUnavailable
from desktop.db import Database
from desktop.domain import pix
from desktop.domain.actors import CounterActor
from desktop.domain.clock import utcnow
from desktop.domain.enums import ContractStatus, PaymentMethod, Role
from desktop.errors import AccessDenied, Conflict, NotFound
from desktop.models import AuditEntry, OutboxEvent, Payment, PixCharge, Receivable
from desktop.models.pix import PixChargeStatus
from desktop.services import payments, pix_charges, pix_reconcile, settings, ticket_search, tickets
from desktop.services.enablement_jobs import system_actor
from desktop.services.settlement import SettleOutcome
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, receivable, subscriber
from tests.fakes.pix_pki import Pki, make_pki
from tests.fakes.pix_psp_server import CLIENT_ID, CLIENT_SECRET, PspServer
from tests.services.concurrency import run_processes
from tests.services.nas_stub import running_nas
from tests.services.pix_workers import check_charge
from tests.services.radius_setup import (
    configure_nas,
    contract_state,
    groups,
    open_session,
    suspended,
)

UPDATED = Decimal("102.73")  # 99.90 + 2 % fine (2.00) + 1 %/month for 25 days (0.83)


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def configure(db: Database, admin: CounterActor, server: PspServer, pki: Pki) -> None:
    values = {
        "pix.api_url": server.url,
        "pix.token_url": server.token_url,
        "pix.client_id": CLIENT_ID,
        "pix.client_secret": CLIENT_SECRET,
        "pix.client_cert": str(pki.client_cert),
        "pix.client_key": str(pki.client_key),
        "pix.ca_file": str(pki.ca_cert),
        "pix.timeout_s": "1",
    }
    for key, value in values.items():
        settings.change(db, admin, key, value)


@pytest.fixture
def psp(db: Database, admin: CounterActor, pki: Pki) -> Iterator[PspServer]:
    pix_psp.forget_tokens()
    with PspServer(pki.ca_cert, pki.server_cert, pki.server_key) as server:
        configure(db, admin, server, pki)
        yield server


def payments_of(db: Database, receivable_id: int) -> list[Payment]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Payment).where(Payment.receivable_id == receivable_id).order_by(Payment.id)
            )
        )


def receivable_status(db: Database, receivable_id: int) -> str:
    with db.session() as session:
        row = session.get(Receivable, receivable_id)
        assert row is not None
        return row.status.value


def test_the_charge_is_for_the_updated_amount_and_a_second_request_shows_the_same(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    sub_id, _, bill = suspended(db)
    assert bill is not None
    first = pix_charges.charge(db, attendant, bill)
    assert (first.amount, first.fine, first.interest) == (UPDATED, Decimal("2.00"), Decimal("0.83"))
    assert first.status is PixChargeStatus.ACTIVE and not first.reused
    assert re.fullmatch(r"[a-zA-Z0-9]{26,35}", first.txid)
    code = pix.parse(first.payload)  # a valid dynamic BR Code: the PSP's location
    assert code.is_dynamic and code.url == psp.state.cobs[first.txid]["location"]
    assert first.expires_at is not None
    assert dt.timedelta(minutes=59) < first.expires_at - utcnow() <= dt.timedelta(hours=1)
    request = psp.state.cobs[first.txid]
    assert request["valor"]["original"] == "102.73" and request["devedor"]["cpf"] == CPFS[0]
    again = pix_charges.charge(db, kiosk(sub_id), bill)
    assert again.reused and again.txid == first.txid and again.payload == first.payload
    assert psp.state.count("PUT", "/api/v2/cob/") == 1
    assert psp.state.tokens_issued == 1  # the token is cached between calls


def test_a_psp_that_sends_only_the_location_gets_our_br_code(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    psp.state.copy_paste = False
    _, _, bill = suspended(db)
    assert bill is not None
    info = pix_charges.charge(db, attendant, bill)
    code = pix.parse(info.payload)
    assert code.url == psp.state.cobs[info.txid]["location"] and code.merchant_name == "EXEMPLO NET"


def test_kiosk_payment_settles_once_goes_into_the_atendimento_and_lifts_the_suspension(
    db: Database, psp: PspServer
) -> None:
    sub_id, contract_id, bill = suspended(db)
    assert bill is not None
    open_session(db)
    actor = kiosk(sub_id)
    session_ticket = tickets.start_session_protocol(db, actor, sub_id)
    info = pix_charges.charge(db, actor, bill, ticket_id=session_ticket.id)
    waiting = pix_charges.check(db, actor, info.txid)
    assert waiting.status is PixChargeStatus.ACTIVE and waiting.settled == ()
    e2eid = psp.state.pay(info.txid)
    with running_nas() as nas:
        configure_nas(db, nas.port)
        paid = pix_charges.check(db, actor, info.txid)
    assert paid.paid and paid.suspension_lifted and paid.protocol == session_ticket.protocol
    assert [(s.end_to_end_id, s.outcome) for s in paid.settled] == [(e2eid, SettleOutcome.SETTLED)]
    assert contract_state(db, contract_id)[0] is ContractStatus.ACTIVE
    assert all(group != "bloqueado" for group, _ in groups(db))
    assert [r.attributes["User-Name"] for r in nas.received] == [["joana"]]
    [payment] = payments_of(db, bill)
    assert payment.source_key == f"pix:{e2eid}" and payment.method is PaymentMethod.PIX
    assert (payment.amount, payment.interest, payment.duplicate) == (
        UPDATED,
        Decimal("2.83"),
        False,
    )
    history = ticket_search.detail(db, actor, session_ticket.id).history
    assert any(e.action == "pagamento_pix" and e2eid in e.text for e in history)
    with db.session() as session:
        kinds = list(
            session.scalars(select(OutboxEvent.kind).where(OutboxEvent.receivable_id == bill))
        )
    assert kinds == ["pix_payment"]
    again = pix_charges.check(db, actor, info.txid)  # the screen polls once more
    assert [s.outcome for s in again.settled] == [SettleOutcome.ALREADY_SETTLED]
    assert not again.suspension_lifted and len(payments_of(db, bill)) == 1
    with pytest.raises(Conflict, match="já foi paga"):
        pix_charges.charge(db, actor, bill)


def test_a_psp_that_does_not_embed_the_pix_in_the_charge_is_asked_by_txid(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    psp.state.embed_pix = False
    _, _, bill = suspended(db)
    assert bill is not None
    info = pix_charges.charge(db, attendant, bill)
    psp.state.pay(None, "5.00")  # someone else's PIX in the same minutes
    e2eid = psp.state.pay(info.txid)
    result = pix_charges.check(db, attendant, info.txid)
    assert [(s.end_to_end_id, s.outcome) for s in result.settled] == [
        (e2eid, SettleOutcome.SETTLED)
    ]
    assert f"txid={info.txid}" in psp.state.requests[-1]["query"]


def test_a_kiosk_may_charge_and_check_only_its_own_bills(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    _, _, bill = suspended(db)
    assert bill is not None
    other, _ = subscriber(db, "Outro Assinante", CPFS[1])
    with pytest.raises(NotFound):  # as a missing id
        pix_charges.charge(db, kiosk(other), bill)
    info = pix_charges.charge(db, attendant, bill)
    with pytest.raises(NotFound):  # as a missing id
        pix_charges.check(db, kiosk(other), info.txid)
    foreign = tickets.start_session_protocol(db, kiosk(other), other)
    with pytest.raises(AccessDenied, match="outro assinante"):
        pix_charges.charge(db, attendant, bill, ticket_id=foreign.id)


def test_without_a_psp_configured_nothing_is_written(db: Database, attendant: CounterActor) -> None:
    _, _, bill = suspended(db)
    assert bill is not None
    with pytest.raises(PspUnavailable, match="não está configurada") as refused:
        pix_charges.charge(db, attendant, bill)
    assert refused.value.failure is Failure.NOT_CONFIGURED
    assert "pague pelo boleto" in refused.value.message
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(PixCharge)) == 0
    assert pix_reconcile.reconcile_recent(db, system_actor()) is None
    assert not pix_charges.available(db)


@pytest.mark.parametrize(
    ("behaviour", "failure"),
    [("503", Failure.SERVER), ("500", Failure.SERVER), ("html", Failure.INVALID)],
)
def test_a_failing_psp_settles_nothing_and_the_retry_uses_the_same_txid(
    db: Database, attendant: CounterActor, psp: PspServer, behaviour: str, failure: Failure
) -> None:
    _, _, bill = suspended(db)
    assert bill is not None
    psp.state.fail("PUT", "/api/v2/cob/", behaviour)
    with pytest.raises(PspUnavailable, match="pague pelo boleto") as refused:
        pix_charges.charge(db, attendant, bill)
    assert refused.value.failure is failure
    assert receivable_status(db, bill) == "aberto" and payments_of(db, bill) == []
    with db.session() as session:
        [pending] = session.scalars(select(PixCharge))
        assert pending.status is PixChargeStatus.PENDING
    info = pix_charges.charge(db, attendant, bill)
    assert info.txid == pending.txid and info.status is PixChargeStatus.ACTIVE


def test_a_late_answer_then_a_retry_reads_back_the_charge_the_psp_made(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    _, _, bill = suspended(db)
    assert bill is not None
    psp.state.fail("PUT", "/api/v2/cob/", "late")  # created at the PSP, answer after 2 s
    with pytest.raises(PspUnavailable, match="não respondeu a tempo"):
        pix_charges.charge(db, attendant, bill)
    info = pix_charges.charge(db, attendant, bill)
    assert list(psp.state.cobs) == [info.txid]  # one charge at the PSP
    assert psp.state.count("PUT", "/api/v2/cob/") == 2 and info.status is PixChargeStatus.ACTIVE


def test_a_payment_while_no_screen_watches_is_found_by_the_job(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    _, contract_id, bill = suspended(db)
    assert bill is not None
    info = pix_charges.charge(db, attendant, bill)
    for _ in range(150):  # other PIX of the day (static keys, other systems): two pages
        psp.state.pay(None, "5.00")
    e2eid = psp.state.pay(info.txid)
    report = pix_reconcile.reconcile_recent(db, system_actor())
    assert report is not None and report.received == 151 and report.unmatched == 150
    assert [(s.end_to_end_id, s.outcome) for s in report.settled] == [
        (e2eid, SettleOutcome.SETTLED)
    ]
    assert psp.state.count("GET", "/api/v2/pix") == 2  # paginação followed to the last page
    assert contract_state(db, contract_id)[0] is ContractStatus.ACTIVE
    assert receivable_status(db, bill) == "baixado"
    assert pix_reconcile.reconcile_recent(db, system_actor()) is None  # nothing waits any more
    assert len(payments_of(db, bill)) == 1


def test_the_job_closes_charges_that_expired_unpaid_and_a_new_one_gets_a_new_txid(
    db: Database, attendant: CounterActor, admin: CounterActor, psp: PspServer
) -> None:
    settings.change(db, admin, "pix.charge_expiry_s", "60")
    _, _, bill = suspended(db)
    assert bill is not None
    first = pix_charges.charge(db, attendant, bill)
    assert pix_reconcile.reconcile_recent(db, system_actor()) is not None  # still valid
    later = utcnow() + dt.timedelta(minutes=15)
    report = pix_reconcile.reconcile_recent(db, system_actor(), now=later)
    assert report is not None and report.expired == 1 and report.settled == ()
    second = pix_charges.charge(db, attendant, bill)
    assert second.txid != first.txid and not second.reused


def test_two_pix_for_one_bill_flag_the_second_and_finance_refunds_it_once(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    from desktop.services import pix_refunds

    finance = make_user(db, "financeiro1", Role.FINANCE)
    sub_id, _, bill = suspended(db)
    assert bill is not None
    info = pix_charges.charge(db, attendant, bill)
    first, second = psp.state.pay(info.txid), psp.state.pay(info.txid)
    result = pix_charges.check(db, attendant, info.txid)
    assert sorted(s.outcome.value for s in result.settled) == ["duplicate", "settled"]
    duplicate = next(
        s.end_to_end_id for s in result.settled if s.outcome is SettleOutcome.DUPLICATE
    )
    settled = first if duplicate == second else second
    assert [p.duplicate for p in payments_of(db, bill)].count(True) == 1
    with pytest.raises(AccessDenied):
        pix_refunds.refund(db, attendant, duplicate)
    with pytest.raises(AccessDenied):
        pix_refunds.refund(db, kiosk(sub_id), duplicate)
    with pytest.raises(Conflict, match="quitou a conta"):
        pix_refunds.refund(db, finance, settled)
    psp.state.fail("PUT", "/api/v2/pix/", "late")  # the PSP registers it, the answer is lost
    with pytest.raises(PspUnavailable, match="devolução não foi feita"):
        pix_refunds.refund(db, finance, duplicate)
    done = pix_refunds.refund(db, finance, duplicate)
    assert (done.status, done.amount, done.repeated) == ("EM_PROCESSAMENTO", UPDATED, False)
    assert done.refund_id == f"D{duplicate}" and done.rtr_id.startswith("D")
    again = pix_refunds.refund(db, finance, duplicate)
    assert again.repeated and again.refund_id == done.refund_id
    assert len(psp.state.pix[duplicate]["devolucoes"]) == 1
    assert psp.state.count("PUT", f"/api/v2/pix/{duplicate}/devolucao/") == 2
    with db.session() as session:
        actions = list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("pix.%")))
        )
    assert actions == ["pix.devolucao_solicitada", "pix.devolucao_registrada"]


def test_a_pix_after_the_bill_was_paid_otherwise_is_flagged(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    finance = make_user(db, "caixa", Role.FINANCE)
    sub_id, _ = subscriber(db, "Cliente Boleto", CPFS[2])
    bill = receivable(db, sub_id, utcnow().date() + dt.timedelta(days=5))
    info = pix_charges.charge(db, attendant, bill)
    assert info.amount == Decimal("99.90")  # not due yet: no fine, no interest
    payments.settle(db, finance, bill, Decimal("99.90"), PaymentMethod.BOLETO)
    psp.state.pay(info.txid)
    result = pix_charges.check(db, attendant, info.txid)
    assert [s.outcome for s in result.settled] == [SettleOutcome.DUPLICATE]
    assert [p.method for p in payments_of(db, bill)] == [PaymentMethod.BOLETO, PaymentMethod.PIX]


def test_a_revoked_token_is_fetched_again_once(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    _, _, bill = suspended(db)
    assert bill is not None
    info = pix_charges.charge(db, attendant, bill)
    psp.state.tokens.clear()  # the PSP revoked it before its expiry
    assert pix_charges.check(db, attendant, info.txid).status is PixChargeStatus.ACTIVE
    assert psp.state.tokens_issued == 2


def test_two_processes_checking_the_same_paid_charge_settle_it_once(
    db: Database, attendant: CounterActor, psp: PspServer
) -> None:
    _, contract_id, bill = suspended(db)
    assert bill is not None
    info = pix_charges.charge(db, attendant, bill)
    psp.state.pay(info.txid)
    results = run_processes(check_charge, [(db.url, attendant.user_id, info.txid)] * 2)
    assert sorted(r[1] for r in results) == [["already_settled"], ["settled"]], results
    assert sum(1 for r in results if r[2]) == 1  # one of them lifted the suspension
    assert len(payments_of(db, bill)) == 1
    assert contract_state(db, contract_id)[0] is ContractStatus.ACTIVE
    with db.session() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(OutboxEvent)
                .where(OutboxEvent.kind == "pix_payment")
            )
            == 1
        )
