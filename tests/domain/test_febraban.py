"""FEBRABAN barcode and linha digitável: the shared vectors, the 2025 rollover, properties."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import febraban
from desktop.errors import InvalidInput

# Copy of /work/shared/vectors/boleto.json (cross-checked with python3-boleto and brazilian-utils).
VECTORS = json.loads(
    (Path(__file__).parent.parent / "data" / "boleto_vectors.json").read_text(encoding="utf-8")
)["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["due_date"] for v in VECTORS])
def test_vectors_build_and_decode(vector: dict[str, Any]) -> None:
    due = dt.date.fromisoformat(vector["due_date"])
    assert febraban.due_factor(due) == vector["factor"]
    assert febraban.amount_field(Decimal(vector["amount"])) == f"{vector['amount_cents']:010d}"
    barcode = febraban.build_barcode(
        vector["bank"], due, Decimal(vector["amount"]), vector["free_field"]
    )
    assert barcode == vector["barcode"]
    line = febraban.digitable_line(barcode)
    assert line == vector["linha_digitavel"]
    assert febraban.format_line(line) == vector["linha_digitavel_formatted"]
    assert febraban.barcode_from_line(vector["linha_digitavel_formatted"]) == barcode
    decoded = febraban.parse_line(vector["linha_digitavel"], reference=due + dt.timedelta(days=200))
    assert decoded.bank_code == vector["bank"]
    assert decoded.due_date == due
    assert decoded.amount == Decimal(vector["amount"])
    assert decoded.free_field == vector["free_field"]
    assert decoded.formatted_line == vector["linha_digitavel_formatted"]


@pytest.mark.parametrize(
    ("day", "factor"),
    [
        (dt.date(2000, 7, 3), "1000"),
        (dt.date(2012, 12, 28), "5561"),  # boleto_bancario spec examples use this date
        (dt.date(2025, 2, 21), "9999"),
        (dt.date(2025, 2, 22), "1000"),  # the rollover: factor 1000 again
        (dt.date(2025, 2, 23), "1001"),
        (dt.date(2049, 10, 13), "9999"),  # end of the second cycle
        (dt.date(2049, 10, 14), "1000"),
        (None, "0000"),  # no due date
    ],
)
def test_due_factor(day: dt.date | None, factor: str) -> None:
    assert febraban.due_factor(day) == factor


def test_factor_decoding_picks_the_cycle_nearest_the_reference() -> None:
    assert febraban.due_date_from_factor("1000", dt.date(2001, 1, 1)) == dt.date(2000, 7, 3)
    assert febraban.due_date_from_factor("1000", dt.date(2025, 3, 1)) == dt.date(2025, 2, 22)
    assert febraban.due_date_from_factor("9999", dt.date(2025, 3, 1)) == dt.date(2025, 2, 21)
    assert febraban.due_date_from_factor("9999", dt.date(2049, 1, 1)) == dt.date(2049, 10, 13)
    assert febraban.due_date_from_factor("0000", dt.date(2025, 3, 1)) is None
    with pytest.raises(InvalidInput):
        febraban.due_date_from_factor("0999", dt.date(2025, 3, 1))


def test_dates_before_the_first_factor_are_refused() -> None:
    with pytest.raises(InvalidInput, match="03/07/2000"):
        febraban.due_factor(dt.date(1999, 12, 31))


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("100000000.00"), "acima do limite"),
        (Decimal("-1.00"), "negativo"),
        (Decimal("10.001"), "dois decimais"),
    ],
)
def test_amount_field_refuses_what_does_not_fit(amount: Decimal, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as info:
        febraban.build_barcode("001", dt.date(2026, 1, 1), amount, "0" * 25)
    assert "R$" in info.value.message or message != "acima do limite"


def test_largest_amount_fits() -> None:
    assert febraban.amount_field(Decimal("99999999.99")) == "9999999999"
    assert febraban.amount_field(Decimal("0")) == "0000000000"


def test_general_dv_falls_back_to_one() -> None:
    # vector 1: remainder 1 (11 - 1 = 10); vector 4: remainder 0 (11 - 0 = 11); both give DV 1
    for vector, remainder in ((VECTORS[0], 1), (VECTORS[3], 0)):
        body = vector["barcode"][:4] + vector["barcode"][5:]
        assert febraban.weighted_sum(body) % 11 == remainder
        assert febraban.general_dv(body) == 1 == int(vector["barcode"][4])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("00190000090279672600400000017178199990000123457", "dígito verificador geral"),
        ("00190000090279672600400000017177199990000123456", "campo 3"),
        ("00190000080279672600400000017178199990000123456", "campo 1"),
        ("0019000009027967260040000001717819999000012345", "47 dígitos"),
        ("00190.00009 0279A.726004 00000.017178 1 99990000123456", "só pode ter números"),
    ],
)
def test_bad_lines_are_refused_in_portuguese(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        febraban.barcode_from_line(text)


def test_mod10_is_the_field_check_digit() -> None:
    # field 1 of vector 1: 001900000 → 9
    assert febraban.mod10("001900000") == 9
    assert febraban.mod10("0000000000") == 0


# --------------------------------------------------------------------------- properties
barcode_parts = st.tuples(
    st.sampled_from(["001", "033", "104", "237", "341", "748", "756"]),
    st.dates(dt.date(2000, 7, 3), dt.date(2049, 10, 13)),
    st.integers(0, febraban.MAX_CENTS),
    st.text("0123456789", min_size=25, max_size=25),
)


@given(barcode_parts)
def test_round_trip_barcode_line(parts: tuple[str, dt.date, int, str]) -> None:
    bank, due, cents, free = parts
    amount = Decimal(cents) / 100
    barcode = febraban.build_barcode(bank, due, amount, free)
    assert len(barcode) == 44 and barcode.isdigit()
    line = febraban.digitable_line(barcode)
    assert len(line) == 47
    assert febraban.barcode_from_line(line) == barcode
    assert febraban.barcode_from_line(febraban.format_line(line)) == barcode
    decoded = febraban.parse_barcode(barcode, reference=due)
    assert (decoded.bank_code, decoded.due_date, decoded.amount, decoded.free_field) == (
        bank,
        due,
        amount,
        free,
    )


def _dv_class(barcode: str) -> int:
    """Remainders 0, 1 and 10 all give general DV 1: a change between them goes unseen."""
    remainder = febraban.weighted_sum(barcode[:4] + barcode[5:]) % 11
    return -1 if remainder in (0, 1, 10) else remainder


def _change(text: str, position: int, delta: int) -> str:
    return text[:position] + str((int(text[position]) + delta) % 10) + text[position + 1 :]


@given(barcode_parts, st.integers(0, 46), st.integers(1, 9))
def test_a_changed_digit_of_the_line_is_detected(
    parts: tuple[str, dt.date, int, str], position: int, delta: int
) -> None:
    bank, due, cents, free = parts
    barcode = febraban.build_barcode(bank, due, Decimal(cents) / 100, free)
    line = febraban.digitable_line(barcode)
    changed = _change(line, position, delta)
    if position < 32:  # fields 1-3: mod 10 catches every single-digit change
        with pytest.raises(InvalidInput):
            febraban.barcode_from_line(changed)
        return
    # fields 4-5 are guarded by the general DV (mod 11) only
    try:
        other = febraban.barcode_from_line(changed)
    except InvalidInput:
        return
    assert _dv_class(barcode) == _dv_class(other) == -1, (line, changed)


@given(barcode_parts, st.integers(0, 43), st.integers(1, 9))
def test_a_changed_digit_of_the_barcode_is_detected(
    parts: tuple[str, dt.date, int, str], position: int, delta: int
) -> None:
    """Mod 11 with weights 2..9 sees every single-digit change, except (FEBRABAN's rule, not
    ours) between the remainders 0, 1 and 10 that all map to DV 1."""
    bank, due, cents, free = parts
    barcode = febraban.build_barcode(bank, due, Decimal(cents) / 100, free)
    changed = _change(barcode, position, delta)
    try:
        febraban.check_barcode(changed)
    except InvalidInput:
        return
    assert position != 4 and _dv_class(barcode) == _dv_class(changed) == -1
