"""STFC classification of dialled numbers and the 3 s / 30 s / 6 s rating rule."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.db import Database
from desktop.domain.enums import CallType
from desktop.errors import InvalidInput
from desktop.services import rating
from desktop.services import settings as settings_service
from desktop.services.rating import Classification, classify, rate

LF, LM, NF, NM = CallType.LOCAL_FIXO, CallType.LOCAL_MOVEL, CallType.LDN_FIXO, CallType.LDN_MOVEL
LDI, FREE, SPECIAL = CallType.LDI, CallType.GRATUITA, CallType.ESPECIAL

WHEN = dt.datetime(2025, 5, 1, 15, 0, tzinfo=dt.UTC)

# (dialled, caller's DDD, type, normalized, tariff zone)
CASES = [
    # fixed, caller's own DDD: with and without DDD, with 0, 0+CSP, +55 and 55
    ("30459876", "44", LF, "4430459876", None),
    ("3045-9876", "44", LF, "4430459876", None),
    ("(44) 3045-9876", "44", LF, "4430459876", None),
    ("4430459876", "44", LF, "4430459876", None),
    ("04430459876", "44", LF, "4430459876", None),
    ("0154430459876", "44", LF, "4430459876", None),
    ("+554430459876", "44", LF, "4430459876", None),
    ("+55 44 3045-9876", "44", LF, "4430459876", None),
    ("554430459876", "44", LF, "4430459876", None),
    ("0021554430459876", "44", LF, "4430459876", None),  # Brazil dialled as international
    ("22223333", "21", LF, "2122223333", None),
    ("53334444", "11", LF, "1153334444", None),
    # fixed, other DDD (LDN)
    ("4133334444", "44", NF, "4133334444", None),
    ("0214133334444", "44", NF, "4133334444", None),
    ("04133334444", "44", NF, "4133334444", None),
    ("+551133334444", "44", NF, "1133334444", None),
    ("5533334444", "44", NF, "5533334444", None),  # DDD 55 (Santa Maria), not the country
    ("555533334444", "44", NF, "5533334444", None),  # country 55 + DDD 55
    ("0 41 11 2345-6789", "44", NF, "1123456789", None),
    ("4430459876", "41", NF, "4430459876", None),
    # mobiles: VC1 same DDD, VC2 same first digit, VC3 different first digit
    ("999123456", "44", LM, "44999123456", "VC1"),
    ("99912-3456", "44", LM, "44999123456", "VC1"),
    ("44999123456", "44", LM, "44999123456", "VC1"),
    ("+5544999123456", "44", LM, "44999123456", "VC1"),
    ("01444999123456", "44", LM, "44999123456", "VC1"),
    ("11987654321", "11", LM, "11987654321", "VC1"),
    ("43999887766", "44", NM, "43999887766", "VC2"),
    ("04143999887766", "44", NM, "43999887766", "VC2"),
    ("41988776655", "44", NM, "41988776655", "VC2"),
    ("19987654321", "11", NM, "19987654321", "VC2"),
    ("79999887766", "71", NM, "79999887766", "VC2"),
    ("11987654321", "44", NM, "11987654321", "VC3"),
    ("02111987654321", "44", NM, "11987654321", "VC3"),
    ("+5521987654321", "44", NM, "21987654321", "VC3"),
    ("51999887766", "21", NM, "51999887766", "VC3"),
    # free: 0800 and public-utility / emergency numbers, collect calls
    ("08007071234", "44", FREE, "08007071234", None),
    ("0800 707 1234", "44", FREE, "08007071234", None),
    ("0800123456", "44", FREE, "0800123456", None),  # old 6-digit 0800
    ("+558007071234", "44", FREE, "08007071234", None),
    ("190", "44", FREE, "190", None),
    ("192", "44", FREE, "192", None),
    ("193", "44", FREE, "193", None),
    ("199", "44", FREE, "199", None),
    ("100", "44", FREE, "100", None),
    ("128", "44", FREE, "128", None),
    ("153", "44", FREE, "153", None),
    ("90144133334444", "44", FREE, "4133334444", None),  # collect: 90 + CSP + DDD + number
    ("909030459876", "44", FREE, "4430459876", None),  # local collect: 9090 + number
    # special: 0300/0303/0500/0900, 300X/400X, 1XX services, 10XYY
    ("03001234567", "44", SPECIAL, "03001234567", None),
    ("0300 123 4567", "44", SPECIAL, "03001234567", None),
    ("03031234567", "44", SPECIAL, "03031234567", None),
    ("05001234567", "44", SPECIAL, "05001234567", None),
    ("09001234567", "44", SPECIAL, "09001234567", None),
    ("40041234", "44", SPECIAL, "40041234", None),
    ("4004-1234", "44", SPECIAL, "40041234", None),
    ("40031234", "44", SPECIAL, "40031234", None),
    ("30031234", "44", SPECIAL, "30031234", None),
    ("1140041234", "44", SPECIAL, "40041234", None),
    ("01130031234", "44", SPECIAL, "30031234", None),
    ("102", "44", SPECIAL, "102", None),
    ("156", "44", SPECIAL, "156", None),
    ("10315", "44", SPECIAL, "10315", None),
    # international: 00 + CSP + country, or + other than 55
    ("002112125551234", "44", LDI, "+12125551234", None),
    ("00 21 1 212 555 1234", "44", LDI, "+12125551234", None),
    ("+12125551234", "44", LDI, "+12125551234", None),
    ("+1 (212) 555-1234", "44", LDI, "+12125551234", None),
    ("+351213456789", "44", LDI, "+351213456789", None),
    ("0014351213456789", "44", LDI, "+351213456789", None),
    ("00415491234567", "44", LDI, "+5491234567", None),
]


@pytest.mark.parametrize(("dialled", "own", "kind", "normalized", "zone"), CASES)
def test_classify(
    dialled: str, own: str, kind: CallType, normalized: str, zone: str | None
) -> None:
    result = classify(dialled, own, WHEN)
    assert (result.call_type, result.normalized, result.tariff_zone) == (kind, normalized, zone)
    assert result.hidden is False
    assert result.mobile is (zone is not None)


def test_there_are_many_cases() -> None:
    assert len(CASES) >= 50


def test_geographic_numbers_carry_their_area_code() -> None:
    assert classify("0214133334444", "44", WHEN).area_code == "41"
    assert classify("30459876", "44", WHEN).area_code == "44"
    assert classify("08007071234", "44", WHEN).area_code is None


@pytest.mark.parametrize("dialled", ["181", "+55181", "181 "])
def test_disque_denuncia_is_hidden(dialled: str) -> None:
    result = classify(dialled, "44", WHEN)
    assert result == Classification(CallType.GRATUITA, "181", hidden=True)
    assert "181" in rating.HIDDEN_NUMBERS


def test_every_hidden_number_is_hidden_whatever_its_type() -> None:
    for number in rating.HIDDEN_NUMBERS:
        assert classify(number, "44", WHEN).hidden


# --------------------------------------------------------------------------- dated local area
PARANAVAI = "4430451234"  # caller in the Paranavaí local area (illustrative table)


@pytest.mark.parametrize(
    ("dialled", "when", "origin", "kind"),
    [
        # Paranavaí -> Maringá, same DDD, different pre-2026 local areas: intra-sector LDN
        ("30261234", dt.datetime(2025, 6, 2, 17, 0, tzinfo=dt.UTC), PARANAVAI, NF),
        ("4430261234", dt.datetime(2025, 6, 2, 17, 0, tzinfo=dt.UTC), PARANAVAI, NF),
        # ... and local after the unification (Anatel Res. 768/2024)
        ("30261234", dt.datetime(2026, 7, 15, 17, 0, tzinfo=dt.UTC), PARANAVAI, LF),
        # 2026-01-01 01:00 UTC is still 2025-12-31 in São Paulo
        ("30261234", dt.datetime(2026, 1, 1, 1, 0, tzinfo=dt.UTC), PARANAVAI, NF),
        ("30261234", dt.datetime(2026, 1, 1, 3, 0, tzinfo=dt.UTC), PARANAVAI, LF),
        ("30261234", dt.datetime(2025, 12, 31, 23, 59), PARANAVAI, NF),  # naive = local
        # same local area before 2026: local
        ("30459999", dt.datetime(2025, 6, 2, tzinfo=dt.UTC), PARANAVAI, LF),
        ("34221234", dt.datetime(2025, 6, 2, tzinfo=dt.UTC), PARANAVAI, LF),
        # a prefix nobody listed, no caller number, or a DDD not in the table: one area
        ("35551234", dt.datetime(2025, 6, 2, tzinfo=dt.UTC), PARANAVAI, LF),
        ("30261234", dt.datetime(2025, 6, 2, tzinfo=dt.UTC), None, LF),
        ("32221234", dt.datetime(2025, 6, 2, tzinfo=dt.UTC), "4133334444", LF),
        # a mobile is VC1 whatever the fixed local areas were
        ("999123456", dt.datetime(2025, 6, 2, tzinfo=dt.UTC), PARANAVAI, LM),
    ],
)
def test_local_area_is_dated(
    dialled: str, when: dt.datetime, origin: str | None, kind: CallType
) -> None:
    own = origin[:2] if origin else "44"
    assert classify(dialled, own, when, origin=origin).call_type is kind


def test_local_area_table_shape() -> None:
    assert dt.date(2026, 1, 1) == rating.LOCAL_AREA_UNIFIED_SINCE_DEFAULT
    for ddd, areas in rating.LOCAL_AREAS_BEFORE_UNIFICATION.items():
        assert ddd in rating.VALID_AREA_CODES
        assert all(p.isdigit() and p[0] in "2345" for prefixes in areas.values() for p in prefixes)


def test_there_are_67_area_codes() -> None:
    assert len(rating.VALID_AREA_CODES) == 67
    assert {"11", "44", "55", "99"} <= rating.VALID_AREA_CODES
    assert not {"10", "20", "23", "50", "90"} & rating.VALID_AREA_CODES


# --------------------------------------------------------------------------- malformed
@pytest.mark.parametrize(
    "dialled",
    [
        "",
        "   ",
        "abc",
        "s",
        "44a30459876",
        "*97",
        "#31#30459876",
        "2",
        "23",
        "2045",
        "12345",
        "1234567",
        "3045987",
        "0",
        "00",
        "0800",
        "080012",
        "60459876",
        "12345678",
        "4412345678",
        "44812345678",
        "2030451234",
        "2330451234",
        "123456789012345678",
        "+",
        "+1234",
        "00211",
        "+55",
        "03001234",
        "+5544",
    ],
)
def test_malformed_destinations_raise_invalid_input(dialled: str) -> None:
    with pytest.raises(InvalidInput) as info:
        classify(dialled, "44", WHEN)
    assert "destino" in info.value.message


@pytest.mark.parametrize("own", ["", "4", "20", "444", "ab"])
def test_bad_own_area_code(own: str) -> None:
    with pytest.raises(InvalidInput, match="DDD de origem"):
        classify("30459876", own, WHEN)


# --------------------------------------------------------------------------- rating
@pytest.mark.parametrize(
    ("duration", "price", "billed", "amount"),
    [
        (0, "0.10", 0, "0.00"),
        (1, "0.10", 0, "0.00"),
        (3, "1.90", 0, "0.00"),
        (4, "0.10", 30, "0.05"),
        (29, "0.10", 30, "0.05"),
        (30, "0.10", 30, "0.05"),
        (31, "0.10", 36, "0.06"),
        (36, "0.10", 36, "0.06"),
        (37, "0.10", 42, "0.07"),
        (61, "0.45", 66, "0.50"),  # 0.495 rounds half up
        (125, "0.10", 126, "0.21"),
        (180, "0.89", 180, "2.67"),
        (600, "1.90", 600, "19.00"),
        (3600, "0.00", 3600, "0.00"),
        (20, "0.25", 30, "0.13"),  # 0.125 rounds half up
    ],
)
def test_rate_table(duration: int, price: str, billed: int, amount: str) -> None:
    assert rate(duration, Decimal(price)) == (billed, Decimal(amount))


def test_rate_refuses_negative_values() -> None:
    with pytest.raises(InvalidInput):
        rate(-1, Decimal("0.10"))
    with pytest.raises(InvalidInput):
        rate(10, Decimal("-0.10"))


durations = st.integers(min_value=0, max_value=10 * 24 * 3600)
prices = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@given(durations, durations, prices)
def test_rate_is_monotonic(a: int, b: int, price: Decimal) -> None:
    short, long_ = sorted((a, b))
    billed_short, amount_short = rate(short, price)
    billed_long, amount_long = rate(long_, price)
    assert billed_short <= billed_long
    assert amount_short <= amount_long


@given(durations, prices)
def test_rate_rule(duration: int, price: Decimal) -> None:
    billed, amount = rate(duration, price)
    if duration <= 3:
        assert (billed, amount) == (0, Decimal("0.00"))
        return
    assert billed >= duration
    assert billed >= 30
    assert billed % 6 == 0
    assert billed == 30 or billed - duration < 6  # never more than one step above
    assert amount == (price * billed / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert amount.as_tuple().exponent == -2


# --------------------------------------------------------------------------- tariffs
def test_tariffs_come_from_settings(db: Database) -> None:
    with db.session() as session:
        defaults = rating.tariffs(session)
        assert set(defaults) == set(CallType)
        assert defaults[CallType.GRATUITA] == Decimal("0.00")
        settings_service.put(session, "tariff.ldi", Decimal("2.35"))
    with db.session() as session:
        assert rating.tariffs(session)[CallType.LDI] == Decimal("2.35")
