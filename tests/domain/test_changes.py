"""``desktop.domain.changes``: a service declares what it changed; a screen records it."""

from __future__ import annotations

import pytest

from desktop.domain.changes import OpChanges, note, recording, writes


@writes(OpChanges(tickets=True))
def open_something() -> str:
    return "aberto"


@writes(OpChanges(sms=True))
def fail() -> None:
    raise ValueError("recusado")


def test_a_declared_write_is_recorded_once_it_returned() -> None:
    with recording() as record:
        assert open_something() == "aberto"
        note(OpChanges(receivables=True))  # what only some runs change
    assert record.changes == OpChanges(tickets=True, receivables=True)
    assert open_something.__name__ == "open_something"
    assert open_something.changes == OpChanges(tickets=True)  # type: ignore[attr-defined]


def test_a_write_that_raised_records_nothing() -> None:
    with recording() as record, pytest.raises(ValueError):
        fail()
    assert record.changes.empty


def test_nested_recordings_reach_the_outer_one_and_nothing_outside() -> None:
    open_something()  # the command line: nobody records, nothing happens
    with recording() as outer:
        with recording() as inner:
            open_something()
        assert inner.changes == OpChanges(tickets=True)
        note(OpChanges(cards=True))
    assert outer.changes == OpChanges(tickets=True, cards=True)
