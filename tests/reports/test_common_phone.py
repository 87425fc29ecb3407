"""Dialled numbers as a person reads them (issue 15, item 9: 0800/0300/300X unformatted)."""

from __future__ import annotations

import pytest

from desktop.reports.common import phone


@pytest.mark.parametrize(
    ("dialled", "shown"),
    [
        ("08007771234", "0800 777 1234"),
        ("03003334444", "0300 333 4444"),
        ("09005556666", "0900 555 6666"),
        ("40031234", "4003-1234"),
        ("30049999", "3004-9999"),
        ("4430451234", "(44) 3045-1234"),
        ("44999887766", "(44) 99988-7766"),
        ("181", "181"),
        ("+4933462574841", "+4933462574841"),
    ],
)
def test_phone(dialled: str, shown: str) -> None:
    assert phone(dialled) == shown
