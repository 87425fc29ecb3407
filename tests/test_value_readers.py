"""The readers that turn driver values into the app's: UTC datetimes and exact Decimals.

Statement pages apply them to raw driver rows, and the column types use them as result
processors, so a wrong reading would show a wrong hour or a wrong amount at the counter."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from desktop.models.base import money_reader, utc_reader

SAO_PAULO = ZoneInfo("America/Sao_Paulo")


@pytest.mark.parametrize(
    "stored",
    [
        "2026-10-01 03:00:00.000000",  # as SQLAlchemy writes it
        "2026-10-01 03:00:00",  # as another tool (or sqlite3's datetime()) writes it
        "2026-10-01T03:00:00",
        "2026-10-01 03:00:00+00:00",
    ],
)
def test_sqlite_text_is_read_as_utc(stored: str) -> None:
    moment = utc_reader("sqlite")(stored)
    assert moment == dt.datetime(2026, 10, 1, 3, tzinfo=dt.UTC)
    assert moment is not None and moment.utcoffset() == dt.timedelta(0)


def test_postgres_values_in_another_zone_are_converted_to_utc() -> None:
    local = dt.datetime(2026, 10, 1, 0, 0, tzinfo=SAO_PAULO)
    moment = utc_reader("postgresql")(local)
    assert moment == local and moment is not None and moment.tzinfo is dt.UTC
    assert moment.hour == 3


def test_none_stays_none() -> None:
    for dialect in ("sqlite", "postgresql"):
        assert utc_reader(dialect)(None) is None
        assert money_reader(dialect)(None) is None


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (0.1 + 0.2, "0.30"),  # a float sum's binary noise is not money
        (12.34, "12.34"),
        (129.9, "129.90"),
        (100, "100.00"),  # NUMERIC affinity keeps whole amounts as INTEGER
        (99999999.99, "99999999.99"),  # the largest Numeric(12, 2) amount
        ("7.5", "7.50"),
        (-0.01, "-0.01"),
    ],
)
def test_sqlite_money_is_an_exact_decimal_of_cents(stored: object, expected: str) -> None:
    read = money_reader("sqlite")
    for _ in range(2):  # the second read comes from the memo
        value = read(stored)
        assert isinstance(value, Decimal) and str(value) == expected


def test_postgres_money_keeps_two_places() -> None:
    value = money_reader("postgresql")(Decimal("7.5"))
    assert str(value) == "7.50"
