"""What a line of a bank return file becomes, and the fixed-width readers both layouts share.

A :class:`RetornoEntry` is one título of the file, a :class:`LineProblem` a damaged line.  The
readers take 1-based, inclusive positions, as REFERENCE.md §2.2/§2.3 and the banks' manuals
write them; a damaged field raises :class:`FieldError`, which the layout's reader
(desktop.importers.cnab_240, cnab_400) turns into a :class:`LineProblem` for that line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from desktop.importers import cnab_codes
from desktop.importers.cnab_codes import OccurrenceKind

CENT = Decimal("0.01")


class FieldError(Exception):
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


def cut(line: str, start: int, end: int) -> str:
    return line[start - 1 : end]


def digits_at(line: str, start: int, end: int, what: str) -> str | None:
    """The digits at start..end, None when blank; letters are a damaged line."""
    raw = cut(line, start, end)
    if not raw.strip():
        return None
    if not raw.isascii() or not raw.isdigit():
        raise FieldError(f"{what} não numérico nas posições {start}-{end}: {raw.strip()!r}")
    return raw


def money_at(line: str, start: int, end: int, what: str) -> Decimal | None:
    raw = digits_at(line, start, end, what)
    return None if raw is None else (Decimal(int(raw)) * CENT).quantize(CENT)


def date_at(line: str, start: int, end: int, what: str, *, order: str = "dmy") -> dt.date | None:
    raw = digits_at(line, start, end, what)
    if raw is None or not raw.strip("0"):
        return None  # zeros: no date (e.g. a boleto à vista, a liquidation not yet credited)
    try:
        if order == "ymd":
            return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
        year = int(raw[4:]) + (2000 if len(raw) == 6 else 0)
        return dt.date(year, int(raw[2:4]), int(raw[:2]))
    except ValueError:
        raise FieldError(f"{what} inválida nas posições {start}-{end}: {raw!r}") from None


def motives_at(line: str, start: int, end: int, width: int) -> tuple[str, ...]:
    raw = cut(line, start, end)
    codes = (raw[i : i + width].strip() for i in range(0, len(raw), width))
    return tuple(c for c in codes if c and c.strip("0"))


def occurrence_at(line: str, start: int) -> str:
    code = cut(line, start, start + 1)
    if not code.isascii() or not code.isdigit():
        raise FieldError(
            f"código de ocorrência inválido nas posições {start}-{start + 1}: {code!r}"
        )
    return code


def nn_candidates(
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


def total_of(*values: Decimal | None) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal("0.00")) if present else None


def clean_nn(raw: str) -> str:
    return re.sub(r"[\s.\-/]", "", raw)
