"""Period filters shared by every statement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.errors import InvalidInput

MAX_PERIOD_DAYS = 366
# Dates a person may type.  Far beyond any record, yet far from datetime's year 9999, where
# "the day after" or "the month's end" no longer exist (9999-12-31 ended in OverflowError).
FIRST_YEAR = 1900
LAST_YEAR = 2999


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput(
                "periods.periodo_invalido_data_final", end=self.end, start=self.start
            )

    def limited(self, max_days: int = MAX_PERIOD_DAYS) -> Period:
        if (self.end - self.start).days + 1 > max_days:
            raise InvalidInput("periods.periodo_muito_longo_maximo", max_days=max_days)
        return self


def parse_date(text: str, label: str = "data") -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = dt.datetime.strptime(text.strip(), fmt).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise InvalidInput(
                "periods.fora_intervalo_aceito_anos",
                capitalize=label.capitalize(),
                text=text,
                first_year=FIRST_YEAR,
                last_year=LAST_YEAR,
            )
        return day
    raise InvalidInput("periods.invalida_use_aaaa_mm", capitalize=label.capitalize(), text=text)


def current_month(today: dt.date) -> Period:
    start = today.replace(day=1)
    if start.month == 12:
        return Period(start, start.replace(day=31))  # no "next month" after December 9999
    next_month = (start + dt.timedelta(days=32)).replace(day=1)
    return Period(start, next_month - dt.timedelta(days=1))
