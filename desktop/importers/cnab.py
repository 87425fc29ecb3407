"""Bank return files (arquivos de retorno de cobrança): CNAB 240 and CNAB 400, pure parsing.

The file says what it is: the length of its header line gives the layout (240 or 400
positions) and the header names the bank (CNAB 240: positions 1-3; CNAB 400: 77-79).  Seven
banks are read (SPEC §1.5): 001 Banco do Brasil (400: CBR643, detail record ``7``), 341 Itaú,
237 Bradesco, 104 Caixa, 033 Santander, 756 Sicoob, 748 Sicredi.  Positions (1-based,
inclusive) are REFERENCE.md §2.2/§2.3; the per-bank CNAB 400 table is :data:`LAYOUTS_400`.

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
from decimal import Decimal

from desktop.errors import InvalidInput
from desktop.importers import cnab_codes
from desktop.importers.cnab_codes import OccurrenceKind

BANKS = ("001", "341", "237", "104", "033", "756", "748")
CENT = Decimal("0.01")


class RetornoUnreadable(InvalidInput):
    """The whole file is not a CNAB return file this program reads."""


class _FieldError(Exception):
    """A damaged field: the line is reported and skipped."""


@dataclass(frozen=True)
class RetornoEntry:
    """One título in the file (CNAB 240: a segment T and its U; CNAB 400: a detail record)."""

    line: int
    nosso_numero: str  # as in the file, blanks trimmed
    # Readings of the nosso número, most likely first: (number without DV, DV or None).
    nn_candidates: tuple[tuple[str, str | None], ...]
    occurrence: str
    occurrence_text: str
    kind: OccurrenceKind
    motives: tuple[str, ...]
    due_date: dt.date | None
    face_amount: Decimal | None
    paid_amount: Decimal | None
    fee: Decimal | None
    interest: Decimal | None  # juros + multa + encargos
    discount: Decimal | None  # desconto + abatimento
    paid_on: dt.date | None  # data da ocorrência (for a liquidation: the payment day)
    credited_on: dt.date | None
    pix: bool  # a hybrid boleto paid through its PIX QR code
    company_use: str  # uso da empresa / controle do participante (echoes the remessa)

    @property
    def motive_texts(self) -> tuple[str, ...]:
        return tuple(
            f"{m} {cnab_codes.motive_text(self.kind, m, self.occurrence)}" for m in self.motives
        )

    def describe(self) -> str:
        """The occurrence in words, with its motives (what the statement's detail shows)."""
        if not self.motives:
            return self.occurrence_text
        return f"{self.occurrence_text} — " + "; ".join(self.motive_texts)


@dataclass(frozen=True)
class LineProblem:
    line: int
    reason: str  # Portuguese, for the report
    nosso_numero: str | None = None
    entry: bool = True  # a damaged entry line (False: a note on the file, e.g. no trailer)


@dataclass(frozen=True)
class RetornoFile:
    layout: str  # "cnab240" | "cnab400"
    bank: str
    generated_on: dt.date | None
    entries: tuple[RetornoEntry, ...]
    problems: tuple[LineProblem, ...]


# --------------------------------------------------------------------------- fields
def _cut(line: str, start: int, end: int) -> str:
    return line[start - 1 : end]


def _digits(line: str, start: int, end: int, what: str) -> str | None:
    """The digits at start..end, None when blank; letters are a damaged line."""
    raw = _cut(line, start, end)
    if not raw.strip():
        return None
    if not raw.isascii() or not raw.isdigit():
        raise _FieldError(f"{what} não numérico nas posições {start}-{end}: {raw.strip()!r}")
    return raw


def _money(line: str, start: int, end: int, what: str) -> Decimal | None:
    raw = _digits(line, start, end, what)
    return None if raw is None else (Decimal(int(raw)) * CENT).quantize(CENT)


def _date(line: str, start: int, end: int, what: str, *, order: str = "dmy") -> dt.date | None:
    raw = _digits(line, start, end, what)
    if raw is None or not raw.strip("0"):
        return None  # zeros: no date (e.g. a boleto à vista, a liquidation not yet credited)
    try:
        if order == "ymd":
            return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
        year = int(raw[4:]) + (2000 if len(raw) == 6 else 0)
        return dt.date(year, int(raw[2:4]), int(raw[:2]))
    except ValueError:
        raise _FieldError(f"{what} inválida nas posições {start}-{end}: {raw!r}") from None


def _motives(line: str, start: int, end: int, width: int) -> tuple[str, ...]:
    raw = _cut(line, start, end)
    codes = (raw[i : i + width].strip() for i in range(0, len(raw), width))
    return tuple(c for c in codes if c and c.strip("0"))


def _occurrence(line: str, start: int) -> str:
    code = _cut(line, start, start + 1)
    if not code.isascii() or not code.isdigit():
        raise _FieldError(
            f"código de ocorrência inválido nas posições {start}-{start + 1}: {code!r}"
        )
    return code


def _candidates(
    nn: str, dv: str | None, includes_dv: bool | None
) -> tuple[tuple[str, str | None], ...]:
    """Readings of a nosso número: with its DV apart, with the DV as its last character, bare."""
    if not nn:
        return ()
    if dv is not None and dv.strip():
        return ((nn, dv.strip()), (nn, None))
    with_dv = (nn[:-1], nn[-1]) if len(nn) > 1 else None
    readings = [with_dv, (nn, None)] if includes_dv else [(nn, None), with_dv]
    return tuple(r for r in readings if r is not None)


def _sum(*values: Decimal | None) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal("0.00")) if present else None


def _clean_nn(raw: str) -> str:
    return re.sub(r"[\s.\-/]", "", raw)


# --------------------------------------------------------------------------- file level
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
        layout, bank = "cnab400", _cut(header, 77, 79)
    elif len(header) == 240 and header[7] == "0":
        if header[142] == "1":
            raise RetornoUnreadable("cnab.arquivo_remessa_enviado_banco")
        layout, bank = "cnab240", _cut(header, 1, 3)
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
        entries, problems = _read_240(bank, numbered)
    else:
        generated = _safe_date(lines[0], 95, 100)
        entries, problems = _read_400(bank, numbered)
    return RetornoFile(layout, bank, generated, tuple(entries), tuple(problems))


def _safe_date(line: str, start: int, end: int) -> dt.date | None:
    try:
        return _date(line, start, end, "data do arquivo")
    except _FieldError:
        return None


# --------------------------------------------------------------------------- CNAB 240
@dataclass(frozen=True)
class _Pos240:
    """Segment T positions that differ by bank (Santander shifts the block after the conta)."""

    due: tuple[int, int] = (74, 81)
    face: tuple[int, int] = (82, 96)
    company: tuple[int, int] = (106, 130)
    fee: tuple[int, int] = (199, 213)
    motives: tuple[int, int] = (214, 223)


_SANTANDER_240 = _Pos240((70, 77), (78, 92), (101, 125), (194, 208), (209, 218))


def _nn_240(bank: str, t: str) -> tuple[str, tuple[tuple[str, str | None], ...]]:
    includes: bool | None
    dv: str | None
    if bank == "341":  # carteira 38-40, NN 41-48, DAC 49
        nn, dv, includes = _cut(t, 41, 48), _cut(t, 49, 49), False
    elif bank == "033":  # NN 41-53 = 12 + DV
        nn, dv, includes = _cut(t, 41, 53), None, True
    elif bank == "104":  # NN 40-56 = modalidade (2) + 15, DV 57
        nn, dv, includes = _cut(t, 40, 56), _cut(t, 57, 57), False
    elif bank == "237":  # carteira 38-40, zeros 41-45, NN 46-57 = 11 + DV (P allowed)
        nn, dv, includes = _cut(t, 46, 57), None, True
    elif bank == "756":  # NumTitulo 38-47 with its DV; parcela/modalidade/formulário after
        nn, dv, includes = _cut(t, 38, 47), None, True
    else:  # 001, 748: 38-57 left-aligned (BB convênio 7: 17 digits, no DV)
        nn, dv = _cut(t, 38, 57), None
        if bank == "748":
            includes = True  # Sicredi: YYBNNNNND
        elif bank == "001" and len(_clean_nn(nn)) == 17:
            includes = False  # BB convênio 7: convênio + 10, no DV
        else:
            includes = None
    clean = _clean_nn(nn)
    readings = _candidates(clean, dv, includes)
    if bank == "104":  # some write 40-57 as one 18-digit field (zero + 17, no DV apart)
        readings = (*readings, (_clean_nn(_cut(t, 40, 57)), None))
    return clean, readings


def _entry_240(bank: str, n: int, t: str, u: str) -> RetornoEntry:
    pos = _SANTANDER_240 if bank == "033" else _Pos240()
    nn, candidates = _nn_240(bank, t)
    code = _occurrence(t, 16)
    kind = cnab_codes.occurrence_kind("cnab240", bank, code)
    paid = _money(u, 78, 92, "valor pago")
    net = _money(u, 93, 107, "valor líquido")
    fee = _money(t, *pos.fee, "tarifa")
    if not fee and paid and net and paid > net:
        fee = paid - net  # banks that leave the tarifa blank: paid minus what is credited
    motives = _motives(t, *pos.motives, 2)
    return RetornoEntry(
        line=n,
        nosso_numero=nn,
        nn_candidates=candidates,
        occurrence=code,
        occurrence_text=cnab_codes.occurrence_text("cnab240", bank, code),
        kind=kind,
        motives=motives,
        due_date=_date(t, *pos.due, "data de vencimento"),
        face_amount=_money(t, *pos.face, "valor do título"),
        paid_amount=paid,
        fee=fee,
        interest=_money(u, 18, 32, "juros/multa"),
        discount=_sum(_money(u, 33, 47, "desconto"), _money(u, 48, 62, "abatimento")),
        paid_on=_date(u, 138, 145, "data da ocorrência"),
        credited_on=_date(u, 146, 153, "data do crédito"),
        pix=kind is OccurrenceKind.LIQUIDATION and bool(set(motives) & cnab_codes.PIX_MARKERS),
        company_use=_cut(t, *pos.company).strip(),
    )


def _read_240(
    bank: str, numbered: list[tuple[int, str]]
) -> tuple[list[RetornoEntry], list[LineProblem]]:
    entries: list[RetornoEntry] = []
    problems: list[LineProblem] = []
    pending: tuple[int, str] | None = None  # the segment T waiting for its U
    trailer = False

    def orphan_t() -> None:
        nonlocal pending
        if pending is not None:
            nn = _clean_nn(_cut(pending[1], 38, 57)) or None
            problems.append(LineProblem(pending[0], "segmento T sem o segmento U", nn))
            pending = None

    for n, line in numbered[1:]:
        if len(line) != 240:
            problems.append(
                LineProblem(
                    n, f"linha com {len(line)} posições (esperadas 240): truncada ou corrompida"
                )
            )
            continue
        record = line[7]
        if record == "3" and line[13] == "T":
            orphan_t()
            pending = (n, line)
        elif record == "3" and line[13] == "U":
            if pending is None:
                problems.append(LineProblem(n, "segmento U sem o segmento T"))
                continue
            t_line, t = pending
            pending = None
            try:
                entries.append(_entry_240(bank, t_line, t, line))
            except _FieldError as exc:
                problems.append(LineProblem(t_line, str(exc), _clean_nn(_cut(t, 38, 57)) or None))
        elif record == "3":
            continue  # other segments (Y-03 PIX, Y-04 e-mail...) carry nothing we settle with
        elif record in "15":
            orphan_t()
        elif record == "9":
            orphan_t()
            trailer = True
        else:
            problems.append(
                LineProblem(n, f"tipo de registro {record!r} desconhecido na posição 8")
            )
    orphan_t()
    if not trailer:
        problems.append(
            LineProblem(
                numbered[-1][0],
                "arquivo sem o trailer (registro 9): pode ter sido cortado",
                entry=False,
            )
        )
    return entries, problems


# --------------------------------------------------------------------------- CNAB 400
@dataclass(frozen=True)
class Layout400:
    """Where one bank's CNAB 400 detail keeps what we read (REFERENCE.md §2.3)."""

    records: tuple[str, ...]  # detail record ids (position 1)
    nn: tuple[int, int]
    nn_dv: int | None  # position of a separate DV
    nn_includes_dv: bool | None  # True: the field ends with the DV; None: may or may not
    fee: tuple[int, int]
    credit: tuple[int, int]
    motives: tuple[int, int, int]  # start, end, width
    company: tuple[int, int] = (38, 62)
    credit_order: str = "dmy"
    nn_fallback: tuple[int, int] | None = None
    channel: tuple[int, int] | None = None


LAYOUTS_400 = {
    "341": Layout400(
        ("1",),
        (86, 93),
        94,
        False,
        (176, 188),
        (296, 301),
        (378, 385, 2),
        nn_fallback=(63, 70),
        channel=(393, 394),
    ),
    "237": Layout400(("1",), (71, 82), None, True, (176, 188), (296, 301), (319, 328, 2)),
    "033": Layout400(("1",), (63, 70), None, True, (176, 188), (296, 301), (137, 145, 3)),
    "001": Layout400(
        ("7",), (64, 80), None, None, (182, 188), (176, 181), (87, 88, 2), company=(39, 63)
    ),
    "104": Layout400(
        ("1",), (57, 73), None, None, (176, 188), (294, 299), (80, 82, 3), company=(32, 56)
    ),
    "756": Layout400(("1",), (63, 73), None, True, (182, 188), (176, 181), (319, 328, 2)),
    "748": Layout400(
        ("1",),
        (48, 62),
        None,
        True,
        (176, 188),
        (329, 336),
        (319, 328, 2),
        company=(117, 126),
        credit_order="ymd",
    ),
}


def _entry_400(bank: str, n: int, line: str) -> RetornoEntry:
    spec = LAYOUTS_400[bank]
    nn = _clean_nn(_cut(line, *spec.nn))
    dv = _cut(line, spec.nn_dv, spec.nn_dv) if spec.nn_dv else None
    if not nn.strip("0") and spec.nn_fallback:
        nn, dv = _clean_nn(_cut(line, *spec.nn_fallback)), None
    includes = False if bank == "001" and len(nn) == 17 else spec.nn_includes_dv
    code = _occurrence(line, 109)
    kind = cnab_codes.occurrence_kind("cnab400", bank, code)
    motives = _motives(line, *spec.motives)
    channel = _cut(line, *spec.channel).strip() if spec.channel else ""
    pix = kind is OccurrenceKind.LIQUIDATION and bool(
        ({channel} | set(motives)) & cnab_codes.PIX_MARKERS
    )
    if kind is not OccurrenceKind.ENTRY_REJECTED and bank in ("001", "104"):
        motives = ()  # these banks only fill the motive for a refused command
    return RetornoEntry(
        line=n,
        nosso_numero=nn,
        nn_candidates=_candidates(nn, dv, includes),
        occurrence=code,
        occurrence_text=cnab_codes.occurrence_text("cnab400", bank, code),
        kind=kind,
        motives=motives,
        due_date=_date(line, 147, 152, "data de vencimento"),
        face_amount=_money(line, 153, 165, "valor do título"),
        paid_amount=_money(line, 254, 266, "valor pago"),
        fee=_money(line, *spec.fee, "tarifa"),
        interest=_sum(_money(line, 267, 279, "juros de mora"), _money(line, 280, 292, "multa")),
        discount=_sum(_money(line, 241, 253, "desconto"), _money(line, 228, 240, "abatimento")),
        paid_on=_date(line, 111, 116, "data da ocorrência"),
        credited_on=_date(line, *spec.credit, "data do crédito", order=spec.credit_order),
        pix=pix,
        company_use=_cut(line, *spec.company).strip(),
    )


def _read_400(
    bank: str, numbered: list[tuple[int, str]]
) -> tuple[list[RetornoEntry], list[LineProblem]]:
    spec = LAYOUTS_400[bank]
    entries: list[RetornoEntry] = []
    problems: list[LineProblem] = []
    trailer = False
    for n, line in numbered[1:]:
        if len(line) != 400:
            problems.append(
                LineProblem(
                    n, f"linha com {len(line)} posições (esperadas 400): truncada ou corrompida"
                )
            )
            continue
        if line[0] == "9":
            trailer = True
        elif line[0] in spec.records:
            try:
                entries.append(_entry_400(bank, n, line))
            except _FieldError as exc:
                problems.append(LineProblem(n, str(exc), _clean_nn(_cut(line, *spec.nn)) or None))
        # Other records (2-5: PIX QR code, rateio, mensagens) settle nothing.
    if not trailer:
        problems.append(
            LineProblem(
                numbered[-1][0],
                "arquivo sem o trailer (registro 9): pode ter sido cortado",
                entry=False,
            )
        )
    return entries, problems
