"""CNAB 240 return files (FEBRABAN's layout): header and trailers, segments T and U in pairs.

Each título is a segment T (nosso número, due date, face amount, fee, motives) followed by
its segment U (paid amount, interest, discount, dates); a T without its U is a damaged line.
The nosso número's place differs by bank (:func:`_nn_240`); Santander shifts the block after
the account (``_SANTANDER_240``).  Positions: REFERENCE.md §2.2.
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
        nn, dv, includes = cut(t, 41, 48), cut(t, 49, 49), False
    elif bank == "033":  # NN 41-53 = 12 + DV
        nn, dv, includes = cut(t, 41, 53), None, True
    elif bank == "104":  # NN 40-56 = modalidade (2) + 15, DV 57
        nn, dv, includes = cut(t, 40, 56), cut(t, 57, 57), False
    elif bank == "237":  # carteira 38-40, zeros 41-45, NN 46-57 = 11 + DV (P allowed)
        nn, dv, includes = cut(t, 46, 57), None, True
    elif bank == "756":  # NumTitulo 38-47 with its DV; parcela/modalidade/formulário after
        nn, dv, includes = cut(t, 38, 47), None, True
    else:  # 001, 748: 38-57 left-aligned (BB convênio 7: 17 digits, no DV)
        nn, dv = cut(t, 38, 57), None
        if bank == "748":
            includes = True  # Sicredi: YYBNNNNND
        elif bank == "001" and len(clean_nn(nn)) == 17:
            includes = False  # BB convênio 7: convênio + 10, no DV
        else:
            includes = None
    clean = clean_nn(nn)
    readings = nn_candidates(clean, dv, includes)
    if bank == "104":  # some write 40-57 as one 18-digit field (zero + 17, no DV apart)
        readings = (*readings, (clean_nn(cut(t, 40, 57)), None))
    return clean, readings


def _entry_240(bank: str, n: int, t: str, u: str) -> RetornoEntry:
    pos = _SANTANDER_240 if bank == "033" else _Pos240()
    nn, candidates = _nn_240(bank, t)
    code = occurrence_at(t, 16)
    kind = cnab_codes.occurrence_kind("cnab240", bank, code)
    paid = money_at(u, 78, 92, "valor pago")
    net = money_at(u, 93, 107, "valor líquido")
    fee = money_at(t, *pos.fee, "tarifa")
    if not fee and paid and net and paid > net:
        fee = paid - net  # banks that leave the tarifa blank: paid minus what is credited
    motives = motives_at(t, *pos.motives, 2)
    return RetornoEntry(
        line=n,
        nosso_numero=nn,
        nn_candidates=candidates,
        occurrence=code,
        occurrence_text=cnab_codes.occurrence_text("cnab240", bank, code),
        kind=kind,
        motives=motives,
        due_date=date_at(t, *pos.due, "data de vencimento"),
        face_amount=money_at(t, *pos.face, "valor do título"),
        paid_amount=paid,
        fee=fee,
        interest=money_at(u, 18, 32, "juros/multa"),
        discount=total_of(money_at(u, 33, 47, "desconto"), money_at(u, 48, 62, "abatimento")),
        paid_on=date_at(u, 138, 145, "data da ocorrência"),
        credited_on=date_at(u, 146, 153, "data do crédito"),
        pix=kind is OccurrenceKind.LIQUIDATION and bool(set(motives) & cnab_codes.PIX_MARKERS),
        company_use=cut(t, *pos.company).strip(),
    )


def read_240(
    bank: str, numbered: list[tuple[int, str]]
) -> tuple[list[RetornoEntry], list[LineProblem]]:
    entries: list[RetornoEntry] = []
    problems: list[LineProblem] = []
    pending: tuple[int, str] | None = None  # the segment T waiting for its U
    trailer = False

    def orphan_t() -> None:
        nonlocal pending
        if pending is not None:
            nn = clean_nn(cut(pending[1], 38, 57)) or None
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
            except FieldError as exc:
                problems.append(LineProblem(t_line, str(exc), clean_nn(cut(t, 38, 57)) or None))
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
