"""Return files written from the layouts (REFERENCE.md §2.2/§2.3), for the retorno tests.

The positions here are typed again from the FEBRABAN/bank tables, not imported from the
parser, so a wrong position in one shows up as a failed test instead of agreeing with itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Title:
    nosso_numero: str  # the field as the bank writes it
    occurrence: str = "06"
    face: Decimal = Decimal("99.90")
    paid: Decimal | None = Decimal("99.90")
    fee: Decimal = ZERO
    interest: Decimal = ZERO
    discount: Decimal = ZERO
    due: dt.date | None = dt.date(2026, 11, 10)
    paid_on: dt.date | None = dt.date(2026, 12, 1)
    credited_on: dt.date | None = dt.date(2026, 12, 2)
    motives: tuple[str, ...] = ()
    nn_dv: str = ""  # DV in its own position (Itaú 240/400, Caixa 240)
    wallet: str = ""  # Itaú carteira
    channel: str = ""  # Itaú 400 código de liquidação (393-394)
    company_use: str = ""


class Line:
    def __init__(self, width: int) -> None:
        self.chars = [" "] * width

    def num(self, start: int, end: int, value: int | str | Decimal | None) -> Line:
        if value is None:
            text = "0" * (end - start + 1)
        elif isinstance(value, Decimal):
            text = str(int(value * 100))
        else:
            text = str(value)
        return self.put(start, end, text.rjust(end - start + 1, "0"))

    def alpha(self, start: int, end: int, value: str) -> Line:
        return self.put(start, end, value.ljust(end - start + 1))

    def put(self, start: int, end: int, text: str) -> Line:
        width = end - start + 1
        assert len(text) == width, (start, end, text)
        self.chars[start - 1 : end] = list(text)
        return self

    def date8(self, start: int, value: dt.date | None) -> Line:
        return self.num(start, start + 7, value.strftime("%d%m%Y") if value else None)

    def date6(self, start: int, value: dt.date | None) -> Line:
        return self.num(start, start + 5, value.strftime("%d%m%y") if value else None)

    def __str__(self) -> str:
        return "".join(self.chars)


def _join(lines: list[str], newline: str) -> bytes:
    return (newline.join(lines) + newline).encode("latin-1")


# --------------------------------------------------------------------------- CNAB 240
def _nn_240(line: Line, bank: str, t: Title) -> None:
    if bank == "341":
        line.num(38, 40, t.wallet or "109").num(41, 48, t.nosso_numero).num(49, 49, t.nn_dv or "0")
    elif bank == "033":
        line.num(41, 53, t.nosso_numero)
    elif bank == "104":
        line.num(40, 56, t.nosso_numero).num(57, 57, t.nn_dv or "0")
    elif bank == "237":
        line.num(38, 40, t.wallet or "9").num(41, 45, 0).num(46, 57, t.nosso_numero)
    elif bank == "756":
        line.num(38, 47, t.nosso_numero).num(48, 49, "01").num(50, 51, "01").num(52, 52, "4")
    else:
        line.alpha(38, 57, t.nosso_numero)


def cnab240(
    bank: str,
    titles: list[Title],
    *,
    generated: dt.date = dt.date(2026, 12, 2),
    newline: str = "\r\n",
) -> bytes:
    header = (
        Line(240)
        .num(1, 3, bank)
        .num(4, 7, 0)
        .num(8, 8, 0)
        .num(18, 18, 2)
        .num(19, 32, "11222333000181")
        .alpha(33, 52, "123456")
        .alpha(73, 102, "PROVEDOR EXEMPLO LTDA")
        .alpha(103, 132, "BANCO")
        .num(143, 143, 2)
        .date8(144, generated)
        .num(158, 163, 1)
        .num(164, 166, "087")
    )
    lote = (
        Line(240)
        .num(1, 3, bank)
        .num(4, 7, 1)
        .num(8, 8, 1)
        .alpha(9, 9, "T")
        .num(10, 11, 1)
        .num(14, 16, "045")
        .num(18, 18, 2)
        .num(19, 33, "011222333000181")
        .date8(192, generated)
        .date8(200, generated)
    )
    lines = [str(header), str(lote)]
    santander = bank == "033"
    for i, t in enumerate(titles):
        seg_t = Line(240).num(1, 3, bank).num(4, 7, 1).num(8, 8, 3).num(9, 13, 2 * i + 1)
        seg_t.alpha(14, 14, "T").num(16, 17, t.occurrence)
        _nn_240(seg_t, bank, t)
        motives = "".join(m.rjust(2, "0") for m in t.motives)
        if santander:
            seg_t.date8(70, t.due).num(78, 92, t.face).alpha(101, 125, t.company_use)
            seg_t.num(194, 208, t.fee).alpha(209, 218, motives)
        else:
            seg_t.num(58, 58, 1).date8(74, t.due).num(82, 96, t.face)
            seg_t.alpha(106, 130, t.company_use).num(199, 213, t.fee).alpha(214, 223, motives)
        paid = t.paid or ZERO
        seg_u = Line(240).num(1, 3, bank).num(4, 7, 1).num(8, 8, 3).num(9, 13, 2 * i + 2)
        seg_u.alpha(14, 14, "U").num(16, 17, t.occurrence).num(18, 32, t.interest)
        seg_u.num(33, 47, t.discount).num(48, 62, 0).num(63, 77, 0).num(78, 92, paid)
        seg_u.num(93, 107, paid - t.fee if paid else ZERO).num(108, 137, 0)
        seg_u.date8(138, t.paid_on).date8(146, t.credited_on)
        lines += [str(seg_t), str(seg_u)]
    lines.append(str(Line(240).num(1, 3, bank).num(4, 7, 1).num(8, 8, 5).num(18, 23, len(lines))))
    lines.append(
        str(
            Line(240)
            .num(1, 3, bank)
            .num(4, 7, 9999)
            .num(8, 8, 9)
            .num(18, 23, 1)
            .num(24, 29, len(lines) + 1)
        )
    )
    return _join(lines, newline)


# --------------------------------------------------------------------------- CNAB 400
@dataclass(frozen=True)
class Spec400:
    record: str
    nn: tuple[int, int]
    fee: tuple[int, int]
    credit: tuple[int, int]
    motives: tuple[int, int, int]
    credit_ymd: bool = False
    extra: dict[str, tuple[int, int]] = field(default_factory=dict)


SPECS_400 = {
    "341": Spec400(
        "1",
        (86, 93),
        (176, 188),
        (296, 301),
        (378, 385, 2),
        extra={"nn_short": (63, 70), "wallet": (83, 85), "dv": (94, 94), "channel": (393, 394)},
    ),
    "237": Spec400("1", (71, 82), (176, 188), (296, 301), (319, 328, 2)),
    "033": Spec400("1", (63, 70), (176, 188), (296, 301), (137, 145, 3)),
    "001": Spec400(
        "7", (64, 80), (182, 188), (176, 181), (87, 88, 2), extra={"convenio": (32, 38)}
    ),
    "104": Spec400("1", (57, 73), (176, 188), (294, 299), (80, 82, 3)),
    "756": Spec400("1", (63, 73), (182, 188), (176, 181), (319, 328, 2)),
    "748": Spec400("1", (48, 62), (176, 188), (329, 336), (319, 328, 2), credit_ymd=True),
}


def cnab400(
    bank: str,
    titles: list[Title],
    *,
    generated: dt.date = dt.date(2026, 12, 2),
    convenio: str = "1234567",
    newline: str = "\r\n",
) -> bytes:
    spec = SPECS_400[bank]
    header = (
        Line(400)
        .num(1, 1, 0)
        .num(2, 2, 2)
        .alpha(3, 9, "RETORNO")
        .num(10, 11, 1)
        .alpha(12, 26, "COBRANCA")
        .alpha(47, 76, "PROVEDOR EXEMPLO LTDA")
        .num(77, 79, bank)
        .alpha(80, 94, "BANCO")
        .date6(95, generated)
        .num(395, 400, 1)
    )
    if bank == "001":
        header.num(150, 156, convenio)
    lines = [str(header)]
    for t in titles:
        d = Line(400).num(1, 1, spec.record).num(2, 3, 2).num(4, 17, "11222333000181")
        if bank == "341":
            d.num(63, 70, t.nosso_numero).num(83, 85, t.wallet or "109")
            d.num(86, 93, t.nosso_numero).num(94, 94, t.nn_dv or "0")
            d.alpha(393, 394, t.channel)
        elif bank in ("748", "001"):
            d.alpha(spec.nn[0], spec.nn[1], t.nosso_numero)
        else:
            d.num(spec.nn[0], spec.nn[1], t.nosso_numero)
        if bank == "001":
            d.num(32, 38, convenio)
        d.num(109, 110, t.occurrence).date6(111, t.paid_on).date6(147, t.due)
        d.num(153, 165, t.face).num(spec.fee[0], spec.fee[1], t.fee)
        d.num(215, 240, 0).num(241, 253, t.discount).num(254, 266, t.paid or ZERO)
        d.num(267, 279, t.interest).num(280, 292, 0)
        start, end = spec.credit
        if t.credited_on is None:
            d.num(start, end, None)
        elif spec.credit_ymd:
            d.num(start, end, t.credited_on.strftime("%Y%m%d"))
        else:
            d.date6(start, t.credited_on)
        m_start, m_end, width = spec.motives
        d.alpha(m_start, m_end, "".join(m.rjust(width, "0") for m in t.motives))
        d.num(395, 400, len(lines) + 1)
        lines.append(str(d))
    lines.append(str(Line(400).num(1, 1, 9).num(2, 2, 2).num(395, 400, len(lines) + 1)))
    return _join(lines, newline)
