"""CNAB 400 return files: one detail record per título, at positions each bank chooses.

:data:`LAYOUTS_400` says, per bank, which record ids are details and where the nosso número,
fee, credit date and motives are (REFERENCE.md §2.3; Banco do Brasil's CBR643 uses record
``7``).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.importers import cnab_codes
from desktop.importers.cnab_codes import OccurrenceKind
from desktop.importers.cnab_records import (
    FieldError,
    LineProblem,
    RetornoEntry,
    clean_nn,
    cut,
    date_at,
    money_at,
    motives_at,
    nn_candidates,
    occurrence_at,
    total_of,
)


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
    nn = clean_nn(cut(line, *spec.nn))
    dv = cut(line, spec.nn_dv, spec.nn_dv) if spec.nn_dv else None
    if not nn.strip("0") and spec.nn_fallback:
        nn, dv = clean_nn(cut(line, *spec.nn_fallback)), None
    includes = False if bank == "001" and len(nn) == 17 else spec.nn_includes_dv
    code = occurrence_at(line, 109)
    kind = cnab_codes.occurrence_kind("cnab400", bank, code)
    motives = motives_at(line, *spec.motives)
    channel = cut(line, *spec.channel).strip() if spec.channel else ""
    pix = kind is OccurrenceKind.LIQUIDATION and bool(
        ({channel} | set(motives)) & cnab_codes.PIX_MARKERS
    )
    if kind is not OccurrenceKind.ENTRY_REJECTED and bank in ("001", "104"):
        motives = ()  # these banks only fill the motive for a refused command
    return RetornoEntry(
        line=n,
        nosso_numero=nn,
        nn_candidates=nn_candidates(nn, dv, includes),
        occurrence=code,
        occurrence_text=cnab_codes.occurrence_text("cnab400", bank, code),
        kind=kind,
        motives=motives,
        due_date=date_at(line, 147, 152, "data de vencimento"),
        face_amount=money_at(line, 153, 165, "valor do título"),
        paid_amount=money_at(line, 254, 266, "valor pago"),
        fee=money_at(line, *spec.fee, "tarifa"),
        interest=total_of(
            money_at(line, 267, 279, "juros de mora"), money_at(line, 280, 292, "multa")
        ),
        discount=total_of(
            money_at(line, 241, 253, "desconto"), money_at(line, 228, 240, "abatimento")
        ),
        paid_on=date_at(line, 111, 116, "data da ocorrência"),
        credited_on=date_at(line, *spec.credit, "data do crédito", order=spec.credit_order),
        pix=pix,
        company_use=cut(line, *spec.company).strip(),
    )


def read_400(
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
            except FieldError as exc:
                problems.append(LineProblem(n, str(exc), clean_nn(cut(line, *spec.nn)) or None))
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
