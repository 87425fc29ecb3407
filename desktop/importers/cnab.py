"""Bank return files (arquivos de retorno de cobrança): CNAB 240 and CNAB 400, pure parsing.

The file says what it is: the length of its header line gives the layout (240 or 400
positions) and the header names the bank (CNAB 240: positions 1-3; CNAB 400: 77-79).  Seven
banks are read (SPEC §1.5): 001 Banco do Brasil (400: CBR643, detail record ``7``), 341 Itaú,
237 Bradesco, 104 Caixa, 033 Santander, 756 Sicoob, 748 Sicredi.  Positions (1-based,
inclusive) are REFERENCE.md §2.2/§2.3; the layouts are read by
``desktop.importers.cnab_240`` and ``cnab_400`` (per-bank table: ``cnab_400.LAYOUTS_400``), the
shared field readers and the entry types are ``desktop.importers.cnab_records``.

A file that cannot be a return file at all (empty, UTF-16, lines of another length, an
unknown bank, a *remessa*) raises :class:`RetornoUnreadable`.  Inside a readable file every
damaged line — wrong length, letters in a numeric field, a date that does not exist, a
segment T without its U — becomes a :class:`LineProblem` with its line number, and the rest
of the file is read.  No database here: matching and settling are ``services.retorno``'s job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop.errors import InvalidInput
from desktop.importers.cnab_240 import read_240
from desktop.importers.cnab_400 import read_400
from desktop.importers.cnab_records import FieldError, LineProblem, RetornoEntry, cut, date_at

BANKS = ("001", "341", "237", "104", "033", "756", "748")


class RetornoUnreadable(InvalidInput):
    """The whole file is not a CNAB return file this program reads."""


@dataclass(frozen=True)
class RetornoFile:
    layout: str  # "cnab240" | "cnab400"
    bank: str
    generated_on: dt.date | None
    entries: tuple[RetornoEntry, ...]
    problems: tuple[LineProblem, ...]


def _text(data: bytes) -> str:
    if not data.strip(b" \t\r\n\x1a"):
        raise RetornoUnreadable("cnab.arquivo_vazio_nada_importar")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:400].count(b"\x00") > 20:
        raise RetornoUnreadable("cnab.arquivo_utf_retorno_banco")
    if b"\x00" in data:
        raise RetornoUnreadable("cnab.arquivo_binario_corrompido_nao")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # banks write ASCII; accents in names are Latin-1


def _lines(text: str) -> list[str]:
    lines = re.split(r"\r\n|\n|\r", text.rstrip("\x1a"))
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) == 1 and len(lines[0]) > 400:
        # Some transfers drop the line breaks: cut the stream at the header's width.
        width = 400 if lines[0][:2] == "02" and lines[0][2:9] == "RETORNO" else 240
        if len(lines[0]) % width == 0:
            lines = [lines[0][i : i + width] for i in range(0, len(lines[0]), width)]
    return lines


def _trimmed_width(header: str) -> int | None:
    """The width of a header whose trailing blanks were stripped (some transfers and editors
    do that to every line), or None: a 400 header names itself (02RETORNO), a 240 one has
    lote 0000 and record type 0."""
    if len(header) < 400 and header[:9] == "02RETORNO":
        return 400
    if 8 <= len(header) < 240 and header[:3].isdigit() and header[3:8] == "00000":
        return 240
    return None


def _detect(header: str) -> tuple[str, str]:
    if len(header) == 400 and header[0] == "0":
        if header[1] == "1":
            raise RetornoUnreadable("cnab.arquivo_remessa_enviado_banco")
        layout, bank = "cnab400", cut(header, 77, 79)
    elif len(header) == 240 and header[7] == "0":
        if header[142] == "1":
            raise RetornoUnreadable("cnab.arquivo_remessa_enviado_banco")
        layout, bank = "cnab240", cut(header, 1, 3)
    else:
        raise RetornoUnreadable("cnab.primeira_linha_tem_posicoes", header=len(header))
    if bank not in BANKS:
        raise RetornoUnreadable(
            "cnab.retorno_banco_programa_le", bank=bank.strip() or "(em branco)"
        )
    return layout, bank


def parse_retorno(data: bytes) -> RetornoFile:
    """Read a whole return file (bytes as the bank sent them)."""
    lines = _lines(_text(data))
    if not lines:
        raise RetornoUnreadable("cnab.arquivo_vazio_nada_importar")
    width = _trimmed_width(lines[0])
    if width is not None:
        # Trailing blanks stripped from the whole file: give every short line its blanks
        # back (a field cut in the middle still fails its own check).
        lines = [line.ljust(width) for line in lines]
    layout, bank = _detect(lines[0])
    numbered = list(enumerate(lines, start=1))
    if layout == "cnab240":
        generated = _safe_date(lines[0], 144, 151)
        entries, problems = read_240(bank, numbered)
    else:
        generated = _safe_date(lines[0], 95, 100)
        entries, problems = read_400(bank, numbered)
    return RetornoFile(layout, bank, generated, tuple(entries), tuple(problems))


def _safe_date(line: str, start: int, end: int) -> dt.date | None:
    try:
        return date_at(line, start, end, "data do arquivo")
    except FieldError:
        return None
