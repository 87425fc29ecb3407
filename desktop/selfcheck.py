"""``central-assinante --self-check``: does this installation work here?

Run after installing a station or building the bundle (tests/test_packaging.py runs it in the
frozen executable, DESIGN §14).  Each check exercises the real code path, with small sample
data and nothing written except the database migration:

* the database (``--db``, ``CENTRAL_DB_URL``, ``station.ini`` or the local SQLite) is opened and
  migrated to the head revision;
* a boleto (barcode + PIX QR code) and a call statement are rendered to PDF in memory;
* the printers are listed (a print service that is down is reported, not a failure: a counter
  can still save its documents);
* the resources, translations, time zone, currency format, NFCom schemas, password hashing,
  CPF validation, demo-data locales and Qt libraries are present.

One line per check: ``ok``, ``aviso`` (reported, not a failure) or ``FALHOU``.  Exit status 0
when no check failed.  Needs no display: no widget is created.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from desktop import __version__
from desktop.config.paths import TIMEZONE, config_dir, data_dir, resources_dir
from desktop.config.station import load_station_config

OK = "ok"
WARN = "aviso"
FAILED = "FALHOU"

SAMPLE_DAY = dt.date(2025, 3, 10)
SAMPLE_AMOUNT = Decimal("129.90")


class Notice(Exception):
    """Raised by a check for something to report that is not a failure."""


@dataclass(frozen=True)
class Outcome:
    name: str
    status: str
    detail: str
    elapsed_ms: int

    def line(self) -> str:
        return f"{self.status:<6} {self.name}: {self.detail} ({self.elapsed_ms} ms)"


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def _pdf_figures(pdf: bytes) -> str:
    if not pdf.startswith(b"%PDF-"):
        raise RuntimeError("o resultado não é um PDF")
    pages = _pages(pdf)
    return f"PDF de {pages} página{'s' if pages != 1 else ''}, {len(pdf) / 1024:.1f} KiB"


# --------------------------------------------------------------------------- the checks
def check_folders(_args: argparse.Namespace) -> str:
    portable = " (cópia portátil)" if _is_portable() else ""
    return f"dados em {data_dir()}, configuração em {config_dir()}{portable}"


def _is_portable() -> bool:
    import os

    return os.environ.get("CENTRAL_PORTABLE") == "1"


def check_database(args: argparse.Namespace) -> str:
    from desktop.db import Database

    url = load_station_config(getattr(args, "db", None)).database_url
    db = Database(url)
    try:
        revision = db.upgrade()
        where = db.engine.url.render_as_string(hide_password=True)
        return f"{db.dialect}, revisão {revision} ({where})"
    finally:
        db.dispose()


def check_radius(args: argparse.Namespace) -> str:
    """A separate FreeRADIUS database must have the index the connection statement reads by
    (FreeRADIUS's schema.sql has (acctstarttime, username), led by the wrong column)."""
    from desktop.db import Database
    from desktop.errors import DatabaseUnavailable
    from desktop.services import radacct_source

    db = Database(load_station_config(getattr(args, "db", None)).database_url)
    try:
        found = radacct_source.separate_radacct_index(db)
    except DatabaseUnavailable as exc:  # the Central's or FreeRADIUS's: the line above or
        raise Notice(f"não verificado: {exc.message}") from exc  # the statement says it
    finally:
        db.dispose()
    if found is None:
        return "radacct no banco da Central"
    where, indexed = found
    if not indexed:
        raise Notice(
            f"o radacct de {where} não tem o índice (username, acctstarttime) de que o extrato "
            f"de conexões precisa; crie-o no servidor do FreeRADIUS com: "
            f"{radacct_source.STATEMENT_INDEX}"
        )
    return f"radacct em {where}, com o índice (username, acctstarttime)"


def check_boleto(_args: argparse.Namespace) -> str:
    from desktop.domain import banks, febraban, pix
    from desktop.reports.boleto import BoletoDocument, Party, render_boleto

    account = banks.BankAccountData(
        bank_code="001", agency="1234", account="99999", wallet="17", agreement="1234567"
    )
    field = banks.free_field(account, 42, issued_on=SAMPLE_DAY)
    due = SAMPLE_DAY + dt.timedelta(days=10)
    barcode = febraban.build_barcode("001", due, SAMPLE_AMOUNT, field.campo_livre)
    payload = pix.static_payload(
        "financeiro@exemplo.net.br", "EXEMPLO NET", "PARANAVAI", amount=SAMPLE_AMOUNT
    )
    doc = BoletoDocument(
        bank_code_dv=banks.bank_code_with_dv("001"),
        bank_name=banks.bank_name("001"),
        barcode=barcode,
        digitable_line=febraban.format_line(febraban.digitable_line(barcode)),
        payment_place="Pagável em qualquer banco ou lotérica até o vencimento",
        due_date=due,
        amount=SAMPLE_AMOUNT,
        beneficiary=Party("Provedor Exemplo Ltda", "06.117.473/0001-50", ("Av. Paraná, 1200",)),
        agency_code=banks.agency_code(account),
        nosso_numero=field.nosso_numero,
        document_number="42",
        document_date=SAMPLE_DAY,
        processing_date=SAMPLE_DAY,
        wallet="17",
        payer=Party("Assinante de Teste", "529.982.247-25", ("Rua das Flores, 10",)),
        instructions=("Verificação da instalação — não pague.",),
        statement_lines=("Plano Fibra 300 Mega — março/2025",),
        pix_payload=payload,
    )
    return _pdf_figures(render_boleto(doc))


def check_statement(_args: argparse.Namespace) -> str:
    from desktop.domain.enums import CallType
    from desktop.domain.periods import Period
    from desktop.reports.calls import build_calls_pdf
    from desktop.services.calls import CallItem, CallStatement, CallTotals, TypeTotal
    from desktop.services.company import CompanyInfo
    from desktop.services.statement_common import SubscriberHeader

    start = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)
    items = tuple(
        CallItem(
            id=n,
            started_at=start + dt.timedelta(hours=7 * n),
            terminal="4430451234",
            destination="44999887766" if n % 2 else "4432221100",
            call_type=CallType.LOCAL_MOVEL if n % 2 else CallType.LOCAL_FIXO,
            duration_s=30 + 17 * n,
            billed_s=30 + 18 * n,
            amount=Decimal("0.45") if n % 2 else Decimal("0.10"),
        )
        for n in range(1, 81)
    )
    by_type: dict[CallType, TypeTotal] = {}
    for item in items:
        t = by_type.get(item.call_type, TypeTotal())
        by_type[item.call_type] = TypeTotal(
            t.count + 1,
            t.duration_s + item.duration_s,
            t.billed_s + item.billed_s,
            t.amount + item.amount,
        )
    totals = CallTotals(
        count=len(items),
        duration_s=sum(i.duration_s for i in items),
        billed_s=sum(i.billed_s for i in items),
        amount=sum((i.amount for i in items), Decimal("0.00")),
        by_type=by_type,
    )
    statement = CallStatement(
        company=CompanyInfo(
            "Provedor Exemplo Ltda", "Exemplo Net", "06117473000150", "Av. Paraná, 1200", "", ""
        ),
        subscriber=SubscriberHeader(1, "Assinante de Teste", "52998224725", "Rua das Flores, 10"),
        period=Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
        terminals=("4430451234",),
        call_type=None,
        items=items,
        totals=totals,
        generated_at=start,
    )
    return f"extrato de ligações, {len(items)} ligações, " + _pdf_figures(
        build_calls_pdf(statement)
    )


def check_printers(_args: argparse.Namespace) -> str:
    from desktop.adapters import printing
    from desktop.errors import PrinterError

    try:
        printers = printing.list_printers()
    except PrinterError as exc:
        raise Notice(f"{exc.message} Os documentos podem ser salvos em PDF.") from exc
    station = load_station_config(getattr(_args, "db", None)).printer
    names = [p.name for p in printers]
    default = next((p.name for p in printers if p.is_default), "nenhuma")
    text = f"{len(printers)} ({', '.join(names) or 'nenhuma'}); padrão: {default}"
    if station:
        text += f"; desta estação: {station}"
        if station not in names:
            raise Notice(text + " — não encontrada")
    elif not printers:
        raise Notice(text)
    return text


def check_resources(_args: argparse.Namespace) -> str:
    root = resources_dir()
    required = ["style.qss", "radius/dictionary"]
    missing = [name for name in required if not (root / name).is_file()]
    if missing:
        raise RuntimeError(f"faltam em {root}: {', '.join(missing)}")
    return f"{root} ({', '.join(required)})"


def check_translations(_args: argparse.Namespace) -> str:
    from PySide6.QtCore import QTranslator

    folder = resources_dir() / "translations"
    compiled = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    sources = sorted(folder.glob("*.ts")) if folder.is_dir() else []
    for path in compiled:
        if not QTranslator().load(str(path)):
            raise RuntimeError(f"{path.name} não carrega")
    if not compiled:
        note = f"{len(sources)} .ts sem .qm compilado" if sources else "nenhuma em " + str(folder)
        raise Notice(note + "; a interface fica em português")
    return ", ".join(path.name for path in compiled)


def check_qt(_args: argparse.Namespace) -> str:
    import PySide6
    from PySide6 import QtCore, QtGui, QtPrintSupport, QtWidgets  # noqa: F401 - libraries load

    text = f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}"
    try:
        from PySide6 import QtPdf  # noqa: F401 - the Windows printing path renders with it
    except ImportError:
        raise Notice(text + "; sem QtPdf (impressão pelo Qt indisponível)") from None
    return text + ", QtPdf"


def check_locale(_args: argparse.Namespace) -> str:
    from zoneinfo import ZoneInfo

    from babel.numbers import format_currency

    zone = ZoneInfo(TIMEZONE)
    offset = dt.datetime(2025, 7, 1, 12, tzinfo=dt.UTC).astimezone(zone).strftime("%z")
    money = format_currency(Decimal("1234.56"), "BRL", locale="pt_BR").replace("\xa0", " ")
    if money != "R$ 1.234,56":
        raise RuntimeError(f"moeda formatada como {money!r}")
    return f"{TIMEZONE} (UTC{offset}), {money}"


def check_documents(_args: argparse.Namespace) -> str:
    from desktop.domain.documents import format_document, parse_document
    from desktop.domain.passwords import hash_password_fast, verify_password

    cpf = format_document(parse_document("529.982.247-25"))
    stored = hash_password_fast("verificação")
    if not verify_password(stored, "verificação") or verify_password(stored, "outra"):
        raise RuntimeError("argon2 não confere")
    return f"CPF {cpf} válido, argon2id ok"


def check_nfcom(_args: argparse.Namespace) -> str:
    from desktop.domain.fiscal import reader

    problems = reader.validate_nfcom(b'<NFCom xmlns="http://www.portalfiscal.inf.br/nfcom"/>')
    if not problems:
        raise RuntimeError("um NFCom vazio passou na validação")
    return f"esquemas em {reader.SCHEMA_DIR.name} ({len(reader.SCHEMAS)} raízes)"


def check_demo(_args: argparse.Namespace) -> str:
    from faker import Faker

    fake = Faker("pt_BR")
    fake.seed_instance(1)
    return f"Faker pt_BR ({fake.city()}, {fake.cpf()})"


CHECKS: tuple[tuple[str, Callable[[argparse.Namespace], str]], ...] = (
    ("pastas", check_folders),
    ("banco de dados", check_database),
    ("banco do FreeRADIUS", check_radius),
    ("boleto", check_boleto),
    ("extrato", check_statement),
    ("impressoras", check_printers),
    ("recursos", check_resources),
    ("traduções", check_translations),
    ("qt", check_qt),
    ("fuso e moeda", check_locale),
    ("documentos e senhas", check_documents),
    ("nfcom", check_nfcom),
    ("dados de demonstração", check_demo),
)


def run_check(
    name: str, check: Callable[[argparse.Namespace], str], args: argparse.Namespace
) -> Outcome:
    started = time.perf_counter()
    try:
        status, detail = OK, check(args)
    except Notice as exc:
        status, detail = WARN, str(exc)
    except Exception as exc:  # a check that breaks is the finding: report it, go on
        status, detail = FAILED, _describe(exc)
    return Outcome(name, status, detail, round((time.perf_counter() - started) * 1000))


def _describe(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or repr(exc)
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" [{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}]" if frame else ""
    return f"{type(exc).__name__}: {message}{where}"


def run(args: argparse.Namespace) -> int:
    frozen = "empacotado" if getattr(sys, "frozen", False) else "fonte"
    print(
        f"Central do Assinante {__version__} ({frozen}, Python {sys.version.split()[0]}, {sys.platform})"
    )
    outcomes = []
    for name, check in CHECKS:
        outcome = run_check(name, check, args)
        outcomes.append(outcome)
        print(outcome.line(), flush=True)
    failed = sum(o.status == FAILED for o in outcomes)
    warned = sum(o.status == WARN for o in outcomes)
    ok = len(outcomes) - failed - warned
    print(f"Resultado: {ok} ok, {warned} aviso(s), {failed} falha(s).")
    return 1 if failed else 0
