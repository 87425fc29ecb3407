"""Nota Fiscal: import of authorized NFCom, listing, XML export, kiosk scope, e-mail, demo data."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from desktop.db import Database
from desktop.demo.invoices import generate_demo_invoices
from desktop.domain import fiscal
from desktop.domain.clock import today_local
from desktop.domain.enums import InvoiceStatus, ReceivableStatus, Role
from desktop.errors import AccessDenied, InvalidInput, NotFound, UserError
from desktop.models import AuditEntry, Invoice, Subscriber
from desktop.services import invoices, settings
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, receivable, subscriber
from tests.nfcom_factories import (
    ISSUED,
    draft,
    install_certificate,
    nfcom_proc,
    signer,
    with_wrong_dv,
    write,
)


@pytest.fixture(autouse=True)
def _certificate() -> None:
    install_certificate()


@pytest.fixture
def finance(db: Database) -> Any:
    return make_user(db, "financeiro1", Role.FINANCE)


@pytest.fixture
def maria(db: Database) -> int:
    return subscriber(db, "Maria da Silva", CPFS[0])[0]


def _count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Invoice)) or 0)


# --------------------------------------------------------------------------- import
def test_import_stores_the_invoice_and_twice_adds_nothing(
    db: Database, finance: Any, maria: int, tmp_path: Path
) -> None:
    xml = nfcom_proc(CPFS[0], number=15, amount="119.90")
    path = write(tmp_path, "nota.xml", xml)
    report = invoices.import_nfcom(db, finance, [path])
    assert (report.files, report.imported, report.duplicates, report.problems) == (1, 1, 0, ())
    with db.session() as session:
        row = session.get(Invoice, report.invoice_ids[0])
        assert row is not None
        key = fiscal.parse_nfcom(xml).access_key
        assert (row.subscriber_id, row.access_key, row.number, row.series, row.model) == (
            maria,
            key,
            "15",
            "1",
            "62",
        )
        assert row.amount == Decimal("119.90") and row.status is InvoiceStatus.AUTHORIZED
        assert row.issued_at == ISSUED and row.environment == "2"
        assert row.authorization_protocol.startswith("341")
        assert row.xml == xml  # the file's text, without the declaration
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {"nota_fiscal.importada", "nota_fiscal.importacao"} <= actions
    again = invoices.import_nfcom(db, finance, [path, path])
    assert (again.imported, again.duplicates, again.problems) == (0, 2, ())
    assert _count(db) == 1


def test_bad_files_are_reported_and_nothing_is_stored(
    db: Database, finance: Any, maria: int, tmp_path: Path
) -> None:
    good = nfcom_proc(CPFS[0], number=1)
    files = {
        "xsd.xml": good.replace("<CEP>87700000</CEP>", "<CEP>877</CEP>"),
        "dv.xml": with_wrong_dv(CPFS[0], number=2),
        "alterada.xml": nfcom_proc(CPFS[0], number=3).replace(
            "<vNF>99.90</vNF>", "<vNF>9.90</vNF>"
        ),
        "sem-protocolo.xml": fiscal.build_nfcom(draft(CPFS[0], number=4), signer()),
        "malformado.xml": good[:200],
        "outra.xml": "<nfeProc xmlns='http://www.portalfiscal.inf.br/nfe'/>",
    }
    paths = [write(tmp_path, name, xml) for name, xml in files.items()]
    paths.append(tmp_path / "nao-existe.xml")
    report = invoices.import_nfcom(db, finance, paths)
    assert (report.files, report.imported, report.duplicates) == (7, 0, 0)
    reasons = {Path(p.path).name: p.reason for p in report.rejected}
    assert "XSD" in reasons["xsd.xml"] and "CEP" in reasons["xsd.xml"]
    assert "dígito verificador" in reasons["dv.xml"]
    assert "assinatura digital inválida" in reasons["alterada.xml"]
    assert "protocolo de autorização" in reasons["sem-protocolo.xml"]
    assert "XML malformado" in reasons["malformado.xml"]
    assert "não é uma NFCom" in reasons["outra.xml"]
    assert "não encontrado" in reasons["nao-existe.xml"]
    assert _count(db) == 0


def test_one_bad_file_does_not_stop_the_others(
    db: Database, finance: Any, maria: int, tmp_path: Path
) -> None:
    paths = [
        write(tmp_path, "a.xml", nfcom_proc(CPFS[0], number=1)),
        write(tmp_path, "b.xml", with_wrong_dv(CPFS[0], number=2)),
        write(tmp_path, "c.xml", nfcom_proc(CPFS[0], number=3)),
    ]
    report = invoices.import_nfcom(db, finance, paths)
    assert (report.imported, len(report.rejected)) == (2, 1)
    assert _count(db) == 2


def test_unknown_recipient_and_conflicting_number(
    db: Database, finance: Any, maria: int, tmp_path: Path
) -> None:
    stranger = write(tmp_path, "x.xml", nfcom_proc(CPFS[3], name="Fulano de Tal", number=9))
    first = write(tmp_path, "y.xml", nfcom_proc(CPFS[0], number=10, random_code=1111111))
    clash = write(tmp_path, "z.xml", nfcom_proc(CPFS[0], number=10, random_code=2222222))
    report = invoices.import_nfcom(db, finance, [stranger, first, clash])
    assert report.imported == 1
    assert [Path(p.path).name for p in report.unknown_recipient] == ["x.xml"]
    assert "não é assinante cadastrado" in report.unknown_recipient[0].reason
    assert "com outra chave de acesso" in report.rejected[0].reason
    assert _count(db) == 1


def test_only_finance_and_admin_import(db: Database, maria: int, tmp_path: Path) -> None:
    path = write(tmp_path, "a.xml", nfcom_proc(CPFS[0]))
    with pytest.raises(AccessDenied):
        invoices.import_nfcom(db, make_user(db, "atendente1", Role.ATTENDANT), [path])
    with pytest.raises(AccessDenied):
        invoices.import_nfcom(db, kiosk(maria), [path])
    assert invoices.import_nfcom(db, make_user(db, "admin1", Role.ADMIN), [path]).imported == 1


# --------------------------------------------------------------------------- list, XML, scope
@pytest.fixture
def two_subscribers(db: Database, finance: Any, tmp_path: Path) -> tuple[int, int, list[int]]:
    maria = subscriber(db, "Maria da Silva", CPFS[0])[0]
    joao = subscriber(db, "João Souza", CPFS[1])[0]
    paths = [
        write(
            tmp_path,
            f"m{n}.xml",
            nfcom_proc(CPFS[0], number=n, issued_at=ISSUED + dt.timedelta(days=31 * n)),
        )
        for n in (1, 2, 3)
    ]
    paths.append(write(tmp_path, "j.xml", nfcom_proc(CPFS[1], name="João Souza", number=4)))
    report = invoices.import_nfcom(db, finance, paths)
    assert report.imported == 4
    return maria, joao, list(report.invoice_ids)


def test_list_is_newest_first_in_keyset_pages(
    db: Database, finance: Any, two_subscribers: tuple[int, int, list[int]]
) -> None:
    maria, _joao, _ids = two_subscribers
    first = invoices.list_invoices(db, finance, maria, limit=2)
    assert [i.number for i in first] == ["3", "2"]
    rest = invoices.list_invoices(db, finance, maria, after=first[-1].sort_key, limit=2)
    assert [i.number for i in rest] == ["1"]
    item = rest[0]
    assert (item.series, item.model, item.amount, item.status) == (
        "1",
        "62",
        Decimal("99.90"),
        InvoiceStatus.AUTHORIZED,
    )
    assert item.issued_at.tzinfo is not None and fiscal.is_valid_key(item.access_key)


def test_kiosk_sees_only_its_own_invoices(
    db: Database, two_subscribers: tuple[int, int, list[int]]
) -> None:
    maria, joao, ids = two_subscribers
    joao_invoice = ids[3]
    assert len(invoices.list_invoices(db, kiosk(maria), maria)) == 3
    with pytest.raises(AccessDenied):
        invoices.list_invoices(db, kiosk(maria), joao)
    with pytest.raises(NotFound):  # as a missing id
        invoices.invoice_xml(db, kiosk(maria), joao_invoice)
    with pytest.raises(NotFound):  # as a missing id
        invoices.invoice_info(db, kiosk(maria), joao_invoice)
    with pytest.raises(NotFound):  # as a missing id
        invoices.email_invoice_xml(db, kiosk(maria), joao_invoice)
    name, data = invoices.invoice_xml(db, kiosk(joao), joao_invoice)
    assert name.endswith("-procNFCom.xml") and data.startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>'
    )
    assert fiscal.validate_nfcom(data) == [] and fiscal.signature_problem(data) is None
    assert name.startswith(fiscal.parse_nfcom(data).access_key)
    assert invoices.invoice_info(db, kiosk(joao), joao_invoice).recipient_name == "João Souza"
    with pytest.raises(NotFound):
        invoices.invoice_xml(db, kiosk(joao), 999_999)


# --------------------------------------------------------------------------- e-mail
class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(
        self, server: Any, session: Any, envelope: Any
    ) -> str:  # aiosmtpd's hook name
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server(db: Database) -> Iterator[_Inbox]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 and the settings that point to it."""
    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    with db.session() as session:
        settings.put(session, "smtp.host", "127.0.0.1")
        settings.put(session, "smtp.port", port)
        settings.put(session, "smtp.starttls", False)
    try:
        yield inbox
    finally:
        controller.stop()


def test_email_arrives_with_the_xml_attached(
    db: Database, smtp_server: _Inbox, two_subscribers: tuple[int, int, list[int]]
) -> None:
    maria, _joao, ids = two_subscribers
    with db.session() as session:
        address = session.get(Subscriber, maria).email
    sent_to = invoices.email_invoice_xml(db, kiosk(maria), ids[0])
    assert sent_to == address
    deadline = time.monotonic() + 10
    while not smtp_server.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    ((mail_from, rcpt, content),) = smtp_server.messages
    assert mail_from == "nao-responda@exemplo.net.br" and rcpt == [address]
    message = email.message_from_bytes(content, policy=email.policy.default)
    assert "NFCom nº 1 série 1" in message["Subject"]
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    name, data = invoices.invoice_xml(db, kiosk(maria), ids[0])
    assert attachments[0].get_filename() == name
    assert attachments[0].get_content_type() == "application/xml"
    assert attachments[0].get_content() == data
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "nota_fiscal.email")
        ).one()
    assert entry.actor == f"assinante:{maria}" and address in entry.details


def test_email_without_registered_address(
    db: Database, smtp_server: _Inbox, two_subscribers: tuple[int, int, list[int]]
) -> None:
    maria, _joao, ids = two_subscribers
    with db.session() as session:
        session.get(Subscriber, maria).email = None
    with pytest.raises(InvalidInput, match="não tem e-mail cadastrado"):
        invoices.email_invoice_xml(db, kiosk(maria), ids[0])
    assert smtp_server.messages == []


def test_smtp_failure_is_a_user_error(
    db: Database, two_subscribers: tuple[int, int, list[int]]
) -> None:
    maria, _joao, ids = two_subscribers
    with db.session() as session:
        settings.put(session, "smtp.host", "127.0.0.1")
        settings.put(session, "smtp.port", _free_port())  # nobody listens there
        settings.put(session, "smtp.starttls", False)
    with pytest.raises(UserError, match="Não foi possível enviar o e-mail"):
        invoices.email_invoice_xml(db, kiosk(maria), ids[0])
    with db.session() as session:
        assert (
            session.scalar(select(func.count()).where(AuditEntry.action == "nota_fiscal.email"))
            == 0
        )


# --------------------------------------------------------------------------- demo data
def _bills(db: Database) -> int:
    today = today_local()
    subs = [subscriber(db, f"Cliente {n}", CPFS[n])[0:2] for n in range(3)]
    count = 0
    for sub_id, contract_id in subs:
        for months_ago in range(1, 4):
            due = (today.replace(day=1) - dt.timedelta(days=31 * months_ago)).replace(day=10)
            status = ReceivableStatus.PAID if months_ago > 1 else ReceivableStatus.OPEN
            receivable(db, sub_id, due, "99.90", status=status, contract_id=contract_id)
            count += 1
        receivable(
            db, sub_id, today - dt.timedelta(days=400), "99.90", contract_id=contract_id
        )  # too old
        receivable(db, sub_id, today, "10.00")  # not a monthly bill (no contract)
    return count


def test_demo_invoices_are_valid_sequential_and_made_once(db: Database) -> None:
    expected = _bills(db)
    made = generate_demo_invoices(db, seed=7, months=6)
    assert made == expected
    with db.session() as session:
        rows = list(session.scalars(select(Invoice).order_by(Invoice.id)))
    assert [int(r.number) for r in rows] == list(range(1, expected + 1))
    assert all(r.receivable_id is not None and r.environment == "2" for r in rows)
    assert [r.issued_at for r in rows] == sorted(r.issued_at for r in rows)
    for row in rows:
        assert fiscal.validate_nfcom(row.xml) == []
        assert fiscal.signature_problem(row.xml) is None
        info = fiscal.parse_nfcom(row.xml)
        assert (info.access_key, info.amount, info.number) == (
            row.access_key,
            row.amount,
            row.number,
        )
        assert fiscal.consistency_problems(info) == []
    assert generate_demo_invoices(db, seed=7, months=6) == 0


def test_demo_invoices_are_deterministic(tmp_path: Path, sqlite_template: Path) -> None:
    import shutil

    base = tmp_path / "base.sqlite3"
    shutil.copy(sqlite_template, base)
    database = Database(f"sqlite:///{base}")
    _bills(database)
    database.dispose()
    keys = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copy(base, path)
        database = Database(f"sqlite:///{path}")
        generate_demo_invoices(database, seed=3, months=6)
        with database.session() as session:
            keys.append(
                [
                    (r.access_key, r.xml)
                    for r in session.scalars(select(Invoice).order_by(Invoice.id))
                ]
            )
        database.dispose()
    assert keys[0] and keys[0] == keys[1]
