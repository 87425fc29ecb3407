"""Asterisk ``Master.csv`` (cdr_csv) reader: typed records, or an error per bad line.

Layout (REFERENCE.md §6, cdr_csv.c): 16 columns by default; 18 with ``loguniqueid`` and
``loguserfield``; 21 with ``newcdrcolumns`` as well.  Strings are double-quoted with ``"``
doubled inside; an absent answer time is an *unquoted* empty field; duration, billsec and
sequence are unquoted integers; times are ``%Y-%m-%d %H:%M:%S`` in local time, or in UTC when
``usegmtime=yes``.

When the caller does not say which clock the PBX used (``gmt=None``), the layout decides:
16 columns is Asterisk's code default (local time); 18 and 21 columns come from the shipped
``cdr.conf.sample``, which also sets ``usegmtime=yes``.

Lines are parsed one by one with the :mod:`csv` module (never across lines), so a truncated
or garbled line is reported with its number and cannot swallow the lines after it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop.domain.clock import LOCAL_TZ
from desktop.errors import InvalidInput

BASE_COLUMNS = (
    "accountcode",
    "src",
    "dst",
    "dcontext",
    "clid",
    "channel",
    "dstchannel",
    "lastapp",
    "lastdata",
    "start",
    "answer",
    "end",
    "duration",
    "billsec",
    "disposition",
    "amaflags",
)
LAYOUTS: dict[int, tuple[str, ...]] = {
    16: BASE_COLUMNS,
    18: (*BASE_COLUMNS, "uniqueid", "userfield"),
    21: (*BASE_COLUMNS, "uniqueid", "userfield", "peeraccount", "linkedid", "sequence"),
}
# ast_cdr_disp2str(): UNKNOWN is what it writes for a value it does not know.
DISPOSITIONS = frozenset(
    {"ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION", "CANCEL", "UNKNOWN"}
)
# Sanity limits.  A single CDR longer than 24 hours is a PBX fault (a stuck channel, a
# counter overflow, a forged line), not a call anyone is billed for: Asterisk caps nothing,
# but no trunk keeps one call up for a day, and without a bound one line could rate millions
# of reais (100,000,000 s was rated R$ 1.483.333,36) or overflow PostgreSQL's INTEGER.
MAX_CALL_S = 24 * 3600
MAX_SEQUENCE = 2**31 - 1  # the cdr table's ``sequence int``
# Asterisk did not exist before 2000 and this program will not read CDRs after 2099; both
# bounds keep local-to-UTC conversion and timestamps far from datetime's limits.
FIRST_YEAR = 2000
LAST_YEAR = 2099
SNIFF_BYTES = 64 * 1024
SNIFF_LINES = 50


@dataclass(frozen=True, slots=True)
class CdrRecord:
    """One CDR line, typed; times are aware UTC datetimes."""

    line_no: int
    accountcode: str
    src: str
    dst: str
    dcontext: str
    clid: str
    channel: str
    dstchannel: str
    lastapp: str
    lastdata: str
    start: dt.datetime
    answer: dt.datetime | None
    end: dt.datetime
    duration: int
    billsec: int
    disposition: str
    amaflags: str
    uniqueid: str | None
    userfield: str | None
    peeraccount: str | None
    linkedid: str | None
    sequence: int | None
    raw: str  # the line as read (without the line break), for hashing

    @property
    def answered(self) -> bool:
        return self.disposition == "ANSWERED"

    @property
    def source_key(self) -> str:
        """Stable identity of this CDR (at most 64 characters), for idempotent imports.

        ``uniqueid`` is the channel's id; Asterisk 12+ writes several CDRs with the same
        uniqueid when one channel makes several calls (a second Dial, a transfer), so the
        start instant is added.  Without a uniqueid (16 columns) the raw line is hashed.
        """
        if self.uniqueid:
            key = f"{self.uniqueid}/{int(self.start.timestamp())}"
            if self.sequence is not None:
                # newcdrcolumns: ``sequence`` numbers the CDRs of one channel, so two calls
                # of one uniqueid in the same second (a second Dial at once) stay two.
                key = f"{key}/{self.sequence}"
            return _bounded(key)
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    @property
    def legacy_key(self) -> str | None:
        """The key a 21-column CDR had before ``sequence`` was part of it: calls imported
        then are recognized by it, so re-importing an old file adds nothing."""
        if not self.uniqueid or self.sequence is None:
            return None
        return _bounded(f"{self.uniqueid}/{int(self.start.timestamp())}")


def _bounded(key: str) -> str:
    return key if len(key) <= 64 else hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class CdrError:
    """A line that could not be read; ``reason`` is Portuguese."""

    line_no: int
    reason: str
    raw: str


def parse_line(
    raw: str, line_no: int, *, columns: int | None = None, gmt: bool | None = None
) -> CdrRecord | CdrError:
    """Parse one physical line of ``Master.csv``."""
    if "\x00" in raw:  # no PBX writes one, and PostgreSQL refuses it in any text column
        return CdrError(line_no, "caractere nulo na linha (arquivo corrompido?)", raw)
    try:
        fields: list[str] = next(csv.reader((raw,), strict=True), [])
    except csv.Error as exc:
        # The csv module's messages are English; the two a Master.csv can produce, in words.
        if "unexpected end of data" in str(exc):
            return CdrError(line_no, "aspas sem fechar (linha cortada?)", raw)
        if "field limit" in str(exc):
            return CdrError(line_no, "campo grande demais para um CDR", raw[:200])
        return CdrError(line_no, "aspas mal formadas", raw)
    count = len(fields)
    if columns is not None and count != columns:
        return CdrError(line_no, f"{count} colunas, esperadas {columns}", raw)
    if count not in LAYOUTS:
        return CdrError(line_no, f"{count} colunas (o Master.csv tem 16, 18 ou 21)", raw)
    utc = gmt if gmt is not None else count != 16
    try:
        start = _time(fields[9], utc, "início")
        if start is None:
            raise _Bad("hora de início vazia")
        answer = _time(fields[10], utc, "atendimento")
        end = _time(fields[11], utc, "fim")
        if end is None:
            raise _Bad("hora de fim vazia")
        duration = _int(fields[12], "duration", MAX_CALL_S)
        billsec = _int(fields[13], "billsec", MAX_CALL_S)
        disposition = fields[14]
        if disposition not in DISPOSITIONS:
            raise _Bad(f"disposition desconhecida {disposition!r}")
        sequence = _int(fields[20], "sequence", MAX_SEQUENCE) if count == 21 else None
        _check_times(start, answer, end, duration, billsec)
        for what, number in (("origem (src)", fields[1]), ("destino (dst)", fields[2])):
            if not number.isascii() and any(c.isdigit() and not c.isascii() for c in number):
                raise _Bad(f"{what} com dígitos que não são ASCII: {number!r}")
    except _Bad as exc:
        return CdrError(line_no, str(exc), raw)
    except (ValueError, OverflowError):  # a case the checks above missed: still one line
        return CdrError(line_no, "valores fora do formato do Master.csv", raw)
    extra = count > 16
    return CdrRecord(
        line_no=line_no,
        accountcode=fields[0],
        src=fields[1],
        dst=fields[2],
        dcontext=fields[3],
        clid=fields[4],
        channel=fields[5],
        dstchannel=fields[6],
        lastapp=fields[7],
        lastdata=fields[8],
        start=start,
        answer=answer,
        end=end,
        duration=duration,
        billsec=billsec,
        disposition=disposition,
        amaflags=fields[15],
        uniqueid=fields[16] if extra else None,
        userfield=fields[17] if extra else None,
        peeraccount=fields[18] if count == 21 else None,
        linkedid=fields[19] if count == 21 else None,
        sequence=sequence,
        raw=raw,
    )


class _Bad(Exception):
    """A line's problem, in Portuguese (never a Python message such as int()'s)."""


# ASCII digits only: ``str.isdigit`` and ``int()`` also take Arabic-Indic, fullwidth or
# superscript digits ('٣', '３', '²'), which no PBX writes.
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}", re.ASCII)
_DIGITS = re.compile(r"[0-9]{1,12}", re.ASCII)


def _time(text: str, utc: bool, what: str) -> dt.datetime | None:
    if not text:
        return None
    if not _TIME.fullmatch(text):  # fromisoformat would also accept other ISO shapes
        raise _Bad(f"hora de {what} inválida {text!r}")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _Bad(f"hora de {what} inválida {text!r}") from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        # Also keeps the conversion to UTC below from leaving datetime's range (9999-12-31).
        raise _Bad(f"hora de {what} fora do intervalo aceito ({FIRST_YEAR} a {LAST_YEAR}): {text}")
    if utc:
        return moment.replace(tzinfo=dt.UTC)
    return moment.replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)


def _int(text: str, what: str, maximum: int) -> int:
    if not _DIGITS.fullmatch(text):  # cdr_csv writes non-negative integers, unquoted, unsigned
        raise _Bad(f"{what} inválido {text!r} (esperado um número inteiro)")
    value = int(text)
    if value > maximum:
        if maximum == MAX_CALL_S:
            raise _Bad(f"{what} de {value} s: acima do limite de {MAX_CALL_S // 3600} horas")
        raise _Bad(f"{what} {value} acima do limite de {maximum}")
    return value


def _check_times(
    start: dt.datetime, answer: dt.datetime | None, end: dt.datetime, duration: int, billsec: int
) -> None:
    """The times of one CDR against each other (Asterisk writes them from one clock)."""
    if end < start:
        raise _Bad("hora de fim anterior à de início")
    if answer is not None and not start <= answer <= end:
        raise _Bad("hora de atendimento fora do intervalo da chamada")
    # billsec counts from the answer, duration from the start, both rounded the same way.
    if billsec > duration:
        raise _Bad(f"billsec ({billsec}) maior que duration ({duration})")


def decode_line(data: bytes) -> str:
    """UTF-8, or Latin-1 for the caller names some PBXs pass through; no line break."""
    data = data.rstrip(b"\r\n")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def iter_lines(stream: BinaryIO) -> Iterator[tuple[int, str]]:
    """(line number, text) for each non-blank physical line."""
    for line_no, data in enumerate(stream, start=1):
        text = decode_line(data)
        if text.strip():
            yield line_no, text


def parse(
    lines: Iterable[tuple[int, str]], *, columns: int | None = None, gmt: bool | None = None
) -> Iterator[CdrRecord | CdrError]:
    for line_no, text in lines:
        yield parse_line(text, line_no, columns=columns, gmt=gmt)


def read(
    path: Path | str, *, columns: int | None = None, gmt: bool | None = None
) -> Iterator[CdrRecord | CdrError]:
    """Every line of a ``Master.csv`` file (after :func:`check_file`)."""
    check_file(path, columns=columns)
    with Path(path).open("rb") as stream:
        yield from parse(iter_lines(stream), columns=columns, gmt=gmt)


def check_columns(columns: int | None) -> None:
    if columns is not None and columns not in LAYOUTS:
        raise InvalidInput("asterisk_cdr.numero_colunas_invalido_use", columns=columns)


def check_file(path: Path | str, *, columns: int | None = None) -> None:
    """Refuse what is not a readable Master.csv before anything is written.

    An empty file is accepted (a freshly rotated Master.csv); a binary file, a UTF-16 file or
    a text file whose first lines are none of them a CDR is refused.
    """
    check_columns(columns)
    file = Path(path)
    if not file.exists():
        raise InvalidInput("asterisk_cdr.arquivo_nao_encontrado", file=file)
    if not file.is_file():
        raise InvalidInput("asterisk_cdr.nao_arquivo", file=file)
    try:
        with file.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as exc:
        raise InvalidInput(
            "asterisk_cdr.nao_possivel_ler", file=file, strerror=exc.strerror
        ) from None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise InvalidInput("asterisk_cdr.nao_arquivo_csv_texto", name=file.name)
    lines = head.splitlines()
    if len(head) == SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut by the sniff window
    sample = [(n, decode_line(b)) for n, b in enumerate(lines[:SNIFF_LINES], start=1)]
    sample = [(n, t) for n, t in sample if t.strip()]
    if not sample:
        return
    if not any(isinstance(r, CdrRecord) for r in parse(sample, columns=columns)):
        raise InvalidInput("asterisk_cdr.nao_parece_master_csv", name=file.name)
