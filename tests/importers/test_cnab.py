"""CNAB 240/400 return files: layout and bank from the file, fields, damaged lines.

Real samples checked (copied, MIT, see ``data/cnab/README.md``): eduardokum/laravel-boleto
``tests/Retorno/files/cnab240/{banco_brasil,caixa,santander}.ret`` and
``tests/Retorno/files/cnab400/{banco_brasil,bradesco,itau}.ret``.  Positions of the other
banks were checked against that project's parsers (``src/Cnab/Retorno/Cnab240/Banco/*.php``,
``src/Cnab/Retorno/Cnab400/Banco/{Bancoob,Caixa,Sicredi}.php``) and kivanio/brcobranca
``lib/brcobranca/retorno/cnab400/*.rb``, as summarised in REFERENCE.md §2.2/§2.3.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.importers.cnab import RetornoUnreadable, parse_retorno
from desktop.importers.cnab_codes import OccurrenceKind
from tests.importers.cnab_builders import Title, cnab240, cnab400

DATA = Path(__file__).parent / "data" / "cnab"
BANKS = ["001", "341", "237", "104", "033", "756", "748"]


def sample(name: str) -> bytes:
    return (DATA / f"laravel-boleto_{name}.ret").read_bytes()


# --------------------------------------------------------------------------- real samples
def test_bb_240_sample_settles_amounts_dates_and_fee() -> None:
    parsed = parse_retorno(sample("cnab240_banco_brasil"))
    assert (parsed.layout, parsed.bank, parsed.generated_on) == (
        "cnab240",
        "001",
        dt.date(2011, 3, 21),
    )
    first = parsed.entries[0]
    assert first.nosso_numero == "32948600000000196"  # convênio 7 + 10, no DV
    assert first.kind is OccurrenceKind.LIQUIDATION
    assert (first.face_amount, first.paid_amount, first.fee) == (
        Decimal("40.00"),
        Decimal("40.00"),
        Decimal("5.00"),
    )
    assert (first.paid_on, first.credited_on) == (dt.date(2011, 3, 21), dt.date(2011, 3, 23))
    # The sample's lote header has 241 positions: reported, the titles still read.
    assert [p.line for p in parsed.problems] == [2]
    assert len(parsed.entries) == 5


def test_caixa_240_sample_reads_nosso_numero_and_its_dv_apart() -> None:
    parsed = parse_retorno(sample("cnab240_caixa"))
    assert (parsed.layout, parsed.bank) == ("cnab240", "104")
    first = parsed.entries[0]
    assert first.nn_candidates[0] == ("24000000011136997", "9")
    assert first.paid_amount == Decimal("80.00") and first.fee == Decimal("1.25")
    assert parsed.entries[2].discount == Decimal("10.00")
    assert parsed.problems == ()


def test_santander_240_sample_uses_its_shifted_positions() -> None:
    parsed = parse_retorno(sample("cnab240_santander"))
    (entry,) = parsed.entries
    assert entry.nosso_numero == "0000000001040" and entry.occurrence == "17"
    assert entry.kind is OccurrenceKind.LIQUIDATION
    assert (entry.face_amount, entry.paid_amount, entry.fee) == (
        Decimal("10.00"),
        Decimal("11.00"),
        Decimal("3.24"),
    )
    assert entry.due_date == dt.date(2014, 6, 4) and entry.credited_on == dt.date(2014, 6, 5)


def test_bb_cbr643_sample() -> None:
    parsed = parse_retorno(sample("cnab400_banco_brasil"))
    assert (parsed.layout, parsed.bank) == ("cnab400", "001")
    (entry,) = parsed.entries
    assert entry.nosso_numero == "11122450000000290"
    assert entry.kind is OccurrenceKind.LIQUIDATION
    assert (entry.paid_amount, entry.fee) == (Decimal("25.00"), Decimal("9.00"))
    assert (entry.paid_on, entry.credited_on) == (dt.date(2015, 9, 8), dt.date(2015, 9, 10))


def test_bradesco_400_sample_entries_and_liquidations() -> None:
    parsed = parse_retorno(sample("cnab400_bradesco"))
    kinds = [(e.occurrence, e.kind) for e in parsed.entries]
    assert kinds[:3] == [
        ("02", OccurrenceKind.ENTRY_CONFIRMED),
        ("06", OccurrenceKind.LIQUIDATION),
        ("17", OccurrenceKind.LIQUIDATION),
    ]
    assert parsed.entries[1].nn_candidates[0] == ("00000000009", "7")
    assert parsed.entries[1].credited_on == dt.date(2012, 4, 13)


def test_itau_400_sample() -> None:
    parsed = parse_retorno(sample("cnab400_itau"))
    first = parsed.entries[0]
    assert first.nn_candidates[0] == ("00231327", "0")
    assert first.occurrence_text == "Liquidação normal"
    assert first.paid_amount == Decimal("209.97") and first.fee == Decimal("3.33")
    assert parsed.entries[1].kind is OccurrenceKind.OTHER  # 25: tarifa, not a payment


# --------------------------------------------------------------------------- built files
NUMBERS_240 = {
    "001": "12345670000000042",
    "341": "00000042",
    "237": "000000000425",
    "104": "14000000000000042",
    "033": "0000000000425",
    "756": "0000000425",
    "748": "262000425",
}
NUMBERS_400 = {
    "001": "12345670000000042",
    "341": "00000042",
    "237": "000000000425",
    "104": "14000000000000042",
    "033": "00000425",
    "756": "00000000425",
    "748": "262000425",
}


@pytest.mark.parametrize("bank", BANKS)
def test_each_bank_240_liquidation_reads_every_figure(bank: str) -> None:
    title = Title(
        NUMBERS_240[bank],
        fee=Decimal("1.95"),
        interest=Decimal("2.10"),
        discount=Decimal("0.50"),
        paid=Decimal("101.50"),
        motives=("04",),
    )
    parsed = parse_retorno(cnab240(bank, [title]))
    assert (parsed.layout, parsed.bank, parsed.problems) == ("cnab240", bank, ())
    (entry,) = parsed.entries
    assert entry.kind is OccurrenceKind.LIQUIDATION and entry.occurrence == "06"
    assert NUMBERS_240[bank].lstrip("0") in entry.nosso_numero
    assert (entry.face_amount, entry.paid_amount, entry.fee, entry.interest, entry.discount) == (
        Decimal("99.90"),
        Decimal("101.50"),
        Decimal("1.95"),
        Decimal("2.10"),
        Decimal("0.50"),
    )
    assert (entry.due_date, entry.paid_on, entry.credited_on) == (
        dt.date(2026, 11, 10),
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 2),
    )
    assert entry.motives == ("04",) and "Compensação eletrônica" in entry.describe()
    assert not entry.pix


@pytest.mark.parametrize("bank", BANKS)
def test_each_bank_400_liquidation_reads_every_figure(bank: str) -> None:
    occurrence = {"104": "21"}.get(bank, "06")
    title = Title(
        NUMBERS_400[bank],
        occurrence=occurrence,
        fee=Decimal("1.95"),
        interest=Decimal("2.10"),
        paid=Decimal("102.00"),
    )
    parsed = parse_retorno(cnab400(bank, [title]))
    assert (parsed.layout, parsed.bank, parsed.problems) == ("cnab400", bank, ())
    (entry,) = parsed.entries
    assert entry.kind is OccurrenceKind.LIQUIDATION
    assert (entry.paid_amount, entry.fee, entry.interest) == (
        Decimal("102.00"),
        Decimal("1.95"),
        Decimal("2.10"),
    )
    assert (entry.paid_on, entry.credited_on) == (dt.date(2026, 12, 1), dt.date(2026, 12, 2))


def test_occurrence_codes_are_read_per_bank() -> None:
    itau = parse_retorno(cnab400("341", [Title("00000042", occurrence="10")])).entries[0]
    bradesco = parse_retorno(cnab400("237", [Title("000000000425", occurrence="10")])).entries[0]
    caixa = parse_retorno(cnab400("104", [Title("14000000000000042", occurrence="01")])).entries[0]
    assert itau.kind is OccurrenceKind.LIQUIDATION  # baixa por ter sido liquidado
    assert bradesco.kind is OccurrenceKind.WRITE_OFF
    assert caixa.kind is OccurrenceKind.ENTRY_CONFIRMED


def test_rejection_keeps_its_motives_in_words() -> None:
    title = Title("262000425", occurrence="03", paid=None, motives=("08", "48"))
    (entry,) = parse_retorno(cnab240("748", [title])).entries
    assert entry.kind is OccurrenceKind.ENTRY_REJECTED
    assert entry.describe() == "Entrada rejeitada — 08 Nosso número inválido; 48 CEP inválido"


def test_pix_marker_of_a_hybrid_boleto() -> None:
    (entry,) = parse_retorno(cnab240("756", [Title("0000000425", motives=("PX",))])).entries
    assert entry.pix and entry.kind is OccurrenceKind.LIQUIDATION
    (itau,) = parse_retorno(cnab400("341", [Title("00000042", channel="PX")])).entries
    assert itau.pix


def test_lf_cr_and_no_line_breaks_read_alike() -> None:
    titles = [Title("0000000425"), Title("0000000433")]
    expected = parse_retorno(cnab240("756", titles)).entries
    for newline in ("\n", "\r"):
        assert parse_retorno(cnab240("756", titles, newline=newline)).entries == expected
    assert parse_retorno(cnab240("756", titles, newline="")).entries == expected


# --------------------------------------------------------------------------- bad input
def test_damaged_lines_are_reported_and_the_rest_is_read() -> None:
    good = [Title("0000000425"), Title("0000000433"), Title("0000000441"), Title("0000000458")]
    lines = cnab240("756", good).decode("latin-1").split("\r\n")
    lines[2] = lines[2][:200]  # T of the 1st title truncated: its U is then an orphan
    lines[5] = lines[5][:100] + "12X4" + lines[5][104:]  # U of the 2nd: letters in a value
    lines[6] = lines[6][:73] + "31022026" + lines[6][81:]  # T of the 3rd: 31/02
    parsed = parse_retorno("\r\n".join(lines).encode("latin-1"))
    assert [e.nosso_numero for e in parsed.entries] == ["0000000458"]
    reasons = {p.line: p.reason for p in parsed.problems}
    assert "240" in reasons[3] and "U sem o segmento T" in reasons[4]
    assert "não numérico" in reasons[5] and "inválida" in reasons[7]


def test_t_without_u_and_missing_trailer() -> None:
    lines = cnab240("756", [Title("0000000425"), Title("0000000433")]).decode().split("\r\n")
    del lines[3]  # the first U
    del lines[-3:]  # both trailers (and the final empty string)
    parsed = parse_retorno("\r\n".join(lines).encode())
    assert [e.nosso_numero for e in parsed.entries] == ["0000000433"]
    assert parsed.problems[0].line == 3 and "T sem o segmento U" in parsed.problems[0].reason
    assert "trailer" in parsed.problems[-1].reason and not parsed.problems[-1].entry


def test_400_bad_occurrence_and_length() -> None:
    lines = cnab400("237", [Title("000000000425"), Title("000000000433")]).decode().split("\r\n")
    lines[1] = lines[1][:108] + "X6" + lines[1][110:]
    lines[2] = lines[2] + " "
    parsed = parse_retorno("\r\n".join(lines).encode())
    assert parsed.entries == ()
    assert [p.line for p in parsed.problems] == [2, 3]
    assert "ocorrência" in parsed.problems[0].reason and "401" in parsed.problems[1].reason


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "vazio"),
        (b"\r\n\r\n", "vazio"),
        ("02RETORNO".encode("utf-16"), "UTF-16"),
        (cnab240("756", [Title("0000000425")]).decode().encode("utf-16-le"), "UTF-16"),
        (("0" * 241 + "\r\n") * 3, "241 posições"),
        (cnab240("422", [Title("1")]), "banco 422"),
        (cnab400("237", [Title("1")]).replace(b"02RETORNO", b"01REMESSA", 1), "remessa"),
    ],
)
def test_files_that_are_not_return_files(data: bytes | str, words: str) -> None:
    raw = data.encode() if isinstance(data, str) else data
    with pytest.raises(RetornoUnreadable, match=words):
        parse_retorno(raw)


# --------------------------------------------------------------------------- brcobranca samples
def brc(name: str) -> bytes:
    return (DATA / f"brcobranca_{name}").read_bytes()


def test_sicoob_240_with_trailing_blanks_stripped() -> None:
    # brcobranca spec/brcobranca/retorno/cnab240/sicoob_spec.rb gives these values.
    parsed = parse_retorno(brc("CNAB240SICOOB.RET"))
    assert (parsed.layout, parsed.bank, parsed.problems) == ("cnab240", "756", ())
    assert len(parsed.entries) == 3
    first = parsed.entries[0]
    assert first.nosso_numero == "0000000083" and first.occurrence == "06"
    assert (first.face_amount, first.paid_amount, first.fee) == (
        Decimal("2.00"),
        Decimal("2.00"),
        Decimal("1.70"),
    )
    assert (first.due_date, first.paid_on, first.credited_on) == (
        dt.date(2015, 8, 13),
        dt.date(2015, 8, 10),
        dt.date(2015, 8, 10),
    )
    assert first.motives == ("03",)


def test_santander_and_sicredi_240_samples() -> None:
    santander = parse_retorno(brc("CNAB240SANTANDER.RET"))
    assert [(e.nosso_numero, e.occurrence) for e in santander.entries] == [
        ("0000000001406", "02"),
        ("0000000001406", "06"),
    ]
    assert santander.entries[0].fee == Decimal("3.92")
    sicredi = parse_retorno(brc("CNAB240SICREDI.CRT"))
    assert sicredi.bank == "748" and sicredi.entries[0].nosso_numero == "172000595"
    assert sicredi.entries[0].nn_candidates[0] == ("17200059", "5")
    assert sicredi.entries[0].face_amount == Decimal("9.95")
    tariff = sicredi.entries[1]
    assert tariff.occurrence == "28" and "Tarifa de outras instruções" in tariff.describe()


def test_bb_240_and_cbr643_samples() -> None:
    bb240 = parse_retorno(brc("CNAB240.RET"))
    assert (bb240.bank, len(bb240.entries), bb240.problems) == ("001", 35, ())
    assert bb240.entries[0].nosso_numero == "14499570000020673"
    assert bb240.entries[0].paid_amount == Decimal("344.00")
    cbr643 = parse_retorno(brc("CBR64310.RET"))
    assert (cbr643.layout, cbr643.bank, len(cbr643.entries)) == ("cnab400", "001", 26)
    assert cbr643.entries[0].nosso_numero == "16224200000000003"
    assert (cbr643.entries[0].paid_amount, cbr643.entries[0].fee) == (
        Decimal("90.64"),
        Decimal("5.00"),
    )


def test_a_short_line_in_a_file_of_full_lines_is_still_damaged() -> None:
    lines = cnab240("756", [Title("0000000425")]).decode().split("\r\n")
    lines[3] = lines[3].rstrip()  # the U without its trailing blanks, the rest intact
    parsed = parse_retorno("\r\n".join(lines).encode())
    assert parsed.entries == () and "truncada" in parsed.problems[0].reason
