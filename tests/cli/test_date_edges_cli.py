"""Dates at the edge of the calendar on the command line (issue 14 item 7): ``--to
9999-12-31`` and friends give one Portuguese line and a non-zero exit, never an
OverflowError traceback."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.clock import local_day_start, local_period_bounds
from desktop.domain.enums import Role
from desktop.domain.periods import current_month, parse_date
from desktop.errors import InvalidInput
from tests.conftest import make_user
from tests.factories import CPFS, subscriber

EDGES = [
    ["--to", "9999-12-31"],
    ["--from", "9999-12-01", "--to", "9999-12-31"],
    ["--from", "9999-12-31"],
    ["--from", "31/12/9999"],
    ["--from", "0001-01-01", "--to", "0001-01-31"],
]


@pytest.fixture
def served(db: Database) -> Database:
    make_user(db, "balcao", Role.ATTENDANT)
    subscriber(db, "Maria", CPFS[0], login="maria", voice=True, terminal="4430451234")
    return db


def _run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, "--operator", "balcao", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", ["calls", "connections", "financial"])
@pytest.mark.parametrize("dates", EDGES)
def test_statements_refuse_dates_beyond_the_calendar(
    capsys: pytest.CaptureFixture[str], served: Database, kind: str, dates: list[str]
) -> None:
    code, out, err = _run(capsys, served, "statement", kind, "--subscriber", CPFS[0], *dates)
    assert code == 2 and out == ""
    assert err.startswith("erro: ") and err.count("\n") == 1, err
    assert "fora do intervalo aceito" in err


@pytest.mark.parametrize("dates", EDGES)
def test_ticket_list_refuses_dates_beyond_the_calendar(
    capsys: pytest.CaptureFixture[str], served: Database, dates: list[str]
) -> None:
    code, out, err = _run(capsys, served, "ticket", "list", "--subscriber", CPFS[0], *dates)
    assert code == 2 and out == ""
    assert err.startswith("erro: ") and err.count("\n") == 1, err
    assert "fora do intervalo aceito" in err


def test_the_services_refuse_the_last_day_too() -> None:
    """The same through the screens' path (a date picker gives a ``date``, not text)."""
    with pytest.raises(InvalidInput, match="fora do intervalo"):
        local_period_bounds(dt.date(9999, 12, 1), dt.date(9999, 12, 31))
    assert local_day_start(dt.date.max).year == 9999  # 03:00 UTC still exists
    assert current_month(dt.date(9999, 12, 5)).end == dt.date(9999, 12, 31)
    assert parse_date("2999-12-31") == dt.date(2999, 12, 31)
    assert parse_date("01/01/1900") == dt.date(1900, 1, 1)
