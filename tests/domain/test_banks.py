"""Bank free fields against worked examples from the banks' layouts as published in the test
suites of open-source implementations (each case says where it comes from), plus properties.

Sources (read through the project's code search):
* BB-n, ITAU-n, BRAD-n, CEF-n, SANT-n, SICREDI-n "boleto_bancario": tomas-stefano/boleto_bancario
  ``spec/boleto_bancario/core/<bank>_spec.rb`` (Ruby).
* "pyboleto": eduardocereto/pyboleto ``tests/test_banco_<bank>.py``.
* "python-boleto": Trust-Code/python-boleto ``tests/test_banco_<bank>.py``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import febraban
from desktop.domain.banks import (
    BankAccountData,
    agency_code,
    bank_code_with_dv,
    free_field,
    sicredi_free_field,
)
from desktop.errors import InvalidInput

A = BankAccountData
ANY_DAY = dt.date(2026, 1, 15)

# (source, account, sequence, due date, amount, expected barcode, expected linha or None,
#  expected nosso número or None)
# fmt: off
FULL_EXAMPLES = [
    (  # BB convênio 4: boleto_bancario "'codigo_cedente' with 4 digits"
        "boleto_bancario BB conv4",
        A("001", "7123", "19345", wallet="18", agreement="4321"), 90801,
        dt.date(2012, 12, 28), "2952.95",
        "00193556100002952954321009080171230001934518",
        "00194.32103 09080.171235 00019.345180 3 55610000295295", None,
    ),
    (  # BB convênio 6: boleto_bancario "'codigo_cedente' with 6 digits"
        "boleto_bancario BB conv6",
        A("001", "5030", "14204195", wallet="18", agreement="555444"), 12901,
        dt.date(2012, 12, 28), "14001.99",
        "00197556100014001995554441290150301420419518",
        "00195.55440 41290.150303 14204.195185 7 55610001400199", None,
    ),
    (  # BB convênio 7: boleto_bancario "'codigo_cedente' with 7 digits"
        "boleto_bancario BB conv7",
        A("001", "9999", "99999", wallet="18", agreement="7777777"), 87654,
        dt.date(2012, 12, 28), "2952.95",
        "00197556100002952950000007777777000008765418",
        "00190.00009 07777.777009 00087.654182 7 55610000295295", "77777770000087654",
    ),
    (  # BB convênio 7: pyboleto tests/test_banco_do_brasil.py
        "pyboleto BB conv7",
        A("001", "9999", "99999", wallet="18", agreement="7777777"), 87654,
        dt.date(2011, 3, 8), "2952.95",
        "00196490000002952950000007777777000008765418",
        "00190.00009 07777.777009 00087.654182 6 49000000295295", None,
    ),
    (  # Itaú carteira 175: boleto_bancario "#linha_digitavel"
        "boleto_bancario Itaú 175",
        A("341", "1565", "13877", wallet="175"), 12345678,
        dt.date(2012, 12, 21), "2952.95",
        None, "34191.75124 34567.861561 51387.710000 1 55540000295295", None,
    ),
    (  # Itaú carteira 109: pyboleto tests/test_banco_itau.py (DACs 1 and 0)
        "pyboleto Itaú 109",
        A("341", "0293", "01328", account_dv="0", wallet="109"), 157,
        dt.date(2009, 10, 19), "29.80",
        "34199439500000029801090000015710293013280000",
        "34191.09008 00015.710296 30132.800001 9 43950000002980", "109/00000157-1",
    ),
    (  # Bradesco carteira 06: boleto_bancario "more examples"
        "boleto_bancario Bradesco 06",
        A("237", "1172", "403005", wallet="06"), 75896452,
        dt.date(2012, 12, 28), "2952.95",
        "23796556100002952951172060007589645204030050",
        "23791.17209 60007.589645 52040.300502 6 55610000295295", "06/00075896452-5",
    ),
    (  # Bradesco carteira 09: boleto_bancario "when carteira '09'"
        "boleto_bancario Bradesco 09",
        A("237", "1172", "403005", wallet="09"), 175896451,
        dt.date(2012, 12, 28), "2959.78",
        "23791556100002959781172090017589645104030050",
        "23791.17209 90017.589640 51040.300504 1 55610000295978", None,
    ),
    (  # Bradesco: pyboleto tests/test_banco_bradesco.py
        "pyboleto Bradesco 06",
        A("237", "0278", "0039232", wallet="06"), 2125525,
        dt.date(2011, 2, 5), "8280.00",
        "23794486900008280000278060000212552500392320",
        "23790.27804 60000.212559 25003.923205 4 48690000828000", None,
    ),
    (  # Caixa SIGCB: boleto_bancario caixa_spec "#codigo_de_barras"
        "boleto_bancario Caixa SIGCB",
        A("104", "1333", "", wallet="14", agreement="792157"), 946375189643625,
        dt.date(2015, 3, 16), "2952.95",
        "10492636900002952957921578946137541896436250",
        "10497.92151 78946.137540 18964.362505 2 63690000295295", None,
    ),
    (  # Santander: boleto_bancario santander_spec and pyboleto test_banco_santander.py
        "boleto_bancario Santander 102",
        A("033", "1333", "", wallet="102", agreement="0707077"), 1234567,
        dt.date(2012, 12, 28), "2952.95",
        "03391556100002952959070707700000123456790102",
        "03399.07073 07700.000123 34567.901029 1 55610000295295", "000001234567-9",
    ),
    (  # Sicoob: python-boleto tests/test_banco_sicoob.py (linha of a real boleto; DV 5)
        "python-boleto Sicoob",
        A("756", "3069", "84725", wallet="3", agreement="225"), 3,
        dt.date(2016, 5, 6), "97.50",
        None, "75693.30694 03000.022503 00000.350017 3 67860000009750", "0000003-5",
    ),
]
# fmt: on


@pytest.mark.parametrize("example", FULL_EXAMPLES, ids=[e[0] for e in FULL_EXAMPLES])
def test_worked_examples(example: tuple[object, ...]) -> None:
    _source, account, sequence, due, amount, barcode, line, nosso_numero = example
    assert isinstance(account, BankAccountData) and isinstance(sequence, int)
    assert isinstance(due, dt.date) and isinstance(amount, str)
    field = free_field(account, sequence, issued_on=ANY_DAY)
    built = febraban.build_barcode(account.bank_code, due, Decimal(amount), field.campo_livre)
    if barcode is not None:
        assert built == barcode
    if line is not None:
        assert febraban.format_line(febraban.digitable_line(built)) == line
    if nosso_numero is not None:
        assert field.nosso_numero == nosso_numero


@pytest.mark.parametrize(
    ("source", "account", "sequence", "nosso_numero"),
    [
        (
            "boleto_bancario BB conv4",
            A("001", "1", "1", wallet="18", agreement="1234"),
            1984,
            "12340001984-7",
        ),
        (
            "boleto_bancario BB conv6",
            A("001", "1", "1", wallet="18", agreement="123456"),
            1984,
            "12345601984-2",
        ),
        (
            "boleto_bancario BB conv7",
            A("001", "1", "1", wallet="18", agreement="1234567"),
            1984,
            "12345670000001984",
        ),
        ("boleto_bancario Itaú 126", A("341", "1", "1", wallet="126"), 12345, "126/00012345-8"),
        ("boleto_bancario Itaú 131", A("341", "1", "1", wallet="131"), 6789, "131/00006789-5"),
        ("boleto_bancario Itaú 146", A("341", "1", "1", wallet="146"), 147890, "146/00147890-9"),
        ("boleto_bancario Itaú 150", A("341", "1", "1", wallet="150"), 18765476, "150/18765476-2"),
        ("boleto_bancario Itaú 168", A("341", "1", "1", wallet="168"), 12784698, "168/12784698-3"),
        (
            "boleto_bancario Itaú 110",
            A("341", "0057", "12345", wallet="110"),
            12345678,
            "110/12345678-8",
        ),
        ("boleto_bancario Bradesco doc", A("237", "1", "1", wallet="19"), 2, "19/00000000002-8"),
        ("boleto_bancario Bradesco doc P", A("237", "1", "1", wallet="19"), 1, "19/00000000001-P"),
        (
            "boleto_bancario Caixa SR",
            A("104", "1", "", wallet="SR", agreement="162546"),
            863245679215648,
            "24863245679215648-2",
        ),
        (
            "boleto_bancario Santander",
            A("033", "1", "", wallet="101", agreement="1"),
            566612457800,
            "566612457800-2",
        ),
    ],
)
def test_nosso_numero_check_digits(
    source: str, account: BankAccountData, sequence: int, nosso_numero: str
) -> None:
    assert free_field(account, sequence, issued_on=ANY_DAY).nosso_numero == nosso_numero


def test_itau_free_field_of_the_default_wallet() -> None:
    # boleto_bancario itau_spec "#codigo_de_barras_do_banco when default carteira"
    account = A("341", "0057", "12345", wallet="109")
    assert (
        free_field(account, 12345678, issued_on=ANY_DAY).campo_livre == "1091234567800057123457000"
    )


def test_caixa_seven_digit_beneficiary_has_no_dv() -> None:
    field = free_field(A("104", "1", "", wallet="RG", agreement="1234567"), 1, issued_on=ANY_DAY)
    assert field.campo_livre.startswith("1234567" + "000" + "1" + "000" + "4" + "000000001")


def test_sicredi_registered_example() -> None:
    # python-boleto tests/test_banco_sicredi.py: barcode 74891741500000090751118324121904340836699106
    field = sicredi_free_field("0434", "08", "36699", 18, 3, 24121)
    assert field.campo_livre == "1118324121904340836699106"
    assert field.nosso_numero == "18/324121-9"
    barcode = febraban.build_barcode(
        "748", dt.date(2018, 1, 25), Decimal("90.75"), field.campo_livre
    )
    assert barcode == "74891741500000090751118324121904340836699106"
    assert febraban.format_line(febraban.digitable_line(barcode)) == (
        "74891.11836 24121.904346 08366.991068 1 74150000009075"
    )


def test_sicredi_unregistered_example_and_nosso_numero() -> None:
    # boleto_bancario sicredi_spec "#codigo_de_barras" (tipo 3, sem registro) and "#nosso_numero"
    field = sicredi_free_field("8136", "34", "62918", 2015, 3, 87264, registered=False)
    barcode = febraban.build_barcode(
        "748", dt.date(2006, 10, 29), Decimal("8013.65"), field.campo_livre
    )
    assert barcode == "74894330900008013653115387264581363462918104"
    assert sicredi_free_field("4927", "99", "24837", 15, 9, 72815).nosso_numero == "15/972815-9"


def test_sicredi_from_an_account_uses_the_issue_year_and_byte_2() -> None:
    field = free_field(
        A("748", "0434", "36699", wallet="1", agreement="08"), 7, issued_on=dt.date(2026, 3, 1)
    )
    assert field.nosso_numero.startswith("26/200007-")
    assert field.campo_livre[:11] == "11" + "26200007" + field.nosso_numero[-1]


def test_bank_codes_with_check_digit() -> None:
    assert [bank_code_with_dv(b) for b in ("001", "341", "237", "104", "033", "756", "748")] == [
        "001-9",
        "341-7",
        "237-2",
        "104-0",
        "033-7",
        "756-0",
        "748-X",
    ]


def test_agency_code_boxes() -> None:
    assert (
        agency_code(A("001", "1234", "12345678", account_dv="9", agency_dv="5"))
        == "1234-5 / 12345678-9"
    )
    assert agency_code(A("104", "1333", "", agreement="792157")) == "1333 / 792157"
    assert agency_code(A("748", "0434", "36699", agreement="08")) == "0434.08.36699"
    # boleto_bancario itau_spec "#agencia_codigo_cedente"
    assert agency_code(A("341", "0057", "12345", agency_dv="5")) == "0057 / 12345-7"


@pytest.mark.parametrize(
    ("account", "sequence", "message"),
    [
        (A("999", "1", "1"), 1, "Banco 999 não configurado"),
        (A("001", "1", "1", wallet="17", agreement="12345"), 1, "4, 6 ou 7 dígitos"),
        (A("001", "1", "1", wallet="17", agreement="123456"), 100000, "se esgotou"),
        (A("341", "1", "1", wallet="198"), 1, "carteira especial"),
        (A("341", "0057", "12345", account_dv="3", wallet="109"), 1, "não confere"),
        (A("237", "12345", "1", wallet="09"), 1, "mais de 4 dígitos"),
        (A("237", "1A", "1", wallet="09"), 1, "numérico"),
        (A("033", "1", "1", wallet="101", agreement="1"), 0, "positiva"),
    ],
)
def test_bad_configuration_is_refused_in_portuguese(
    account: BankAccountData, sequence: int, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        free_field(account, sequence, issued_on=ANY_DAY)


# --------------------------------------------------------------------------- properties
ACCOUNTS = [
    A("001", "1234", "12345678", wallet="17", agreement="1234"),
    A("001", "1234", "12345678", wallet="17", agreement="123456"),
    A("001", "1234", "12345678", wallet="17", agreement="1234567"),
    A("341", "0057", "12345", wallet="109"),
    A("237", "1172", "403005", wallet="09"),
    A("104", "1333", "", wallet="RG", agreement="792157"),
    A("033", "1333", "", wallet="101", agreement="0707077"),
    A("756", "3069", "", wallet="1", agreement="225"),
    A("748", "0434", "36699", wallet="1", agreement="08"),
]


@given(st.sampled_from(ACCOUNTS), st.integers(1, 99_999), st.integers(1, 99_999))
def test_free_fields_are_25_digits_and_distinct_per_sequence(
    account: BankAccountData, a: int, b: int
) -> None:
    fa = free_field(account, a, issued_on=ANY_DAY)
    fb = free_field(account, b, issued_on=ANY_DAY)
    assert len(fa.campo_livre) == 25 and fa.campo_livre.isdigit()
    assert (fa == fb) == (a == b)


@given(st.integers(1, 99_999))
def test_check_digits_recompute(sequence: int) -> None:
    """The DVs inside the free fields are what their rules give (Caixa and Sicredi carry a
    mod-11 DV of the whole field; Itaú two mod-10 DACs)."""
    caixa = free_field(ACCOUNTS[5], sequence, issued_on=ANY_DAY).campo_livre
    remainder = febraban.weighted_sum(caixa[:24]) % 11
    assert caixa[24] == ("0" if remainder in (0, 1) else str(11 - remainder))
    sicredi = free_field(ACCOUNTS[8], sequence, issued_on=ANY_DAY).campo_livre
    remainder = febraban.weighted_sum(sicredi[:24]) % 11
    assert sicredi[24] == ("0" if remainder in (0, 1) else str(11 - remainder))
    itau = free_field(ACCOUNTS[3], sequence, issued_on=ANY_DAY).campo_livre
    assert int(itau[11]) == febraban.mod10("0057" + "12345" + itau[:11])
    assert int(itau[21]) == febraban.mod10("005712345")
