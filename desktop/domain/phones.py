"""Brazilian phone numbers as people type them at the counter.

"(44) 99988-7766", "+55 44 99988-7766", "044 99988 7766", "0 15 44 99988-7766" (carrier
selection) and "99988-7766" all name the same line.  Terminals and phones are stored as
DDD + number (10 or 11 digits); a number typed without its DDD may be in any of the 67 DDDs,
which is a short list of exact keys, so it is still an index lookup, never a scan.
"""

from __future__ import annotations

import re

# The DDDs (códigos nacionais) in use: Anatel's plano de numeração.
DDDS: tuple[str, ...] = tuple(
    str(n)
    for n in (
        *range(11, 20),
        21,
        22,
        24,
        27,
        28,
        31,
        32,
        33,
        34,
        35,
        37,
        38,
        *range(41, 50),
        51,
        53,
        54,
        55,
        *range(61, 70),
        71,
        73,
        74,
        75,
        77,
        79,
        *range(81, 90),
        *range(91, 100),
    )
)
_DDD_SET = frozenset(DDDS)
_MASK = re.compile(r"[\s().\-+/]")
_NON_GEOGRAPHIC = ("0800", "0300", "0500", "0900", "0303")


def phone_keys(text: str) -> tuple[str, ...]:
    """The stored numbers (DDD + number) that ``text`` may name; empty if not a phone."""
    raw = _MASK.sub("", text)
    if not raw.isascii() or not raw.isdigit():
        return ()
    digits = raw
    if digits.startswith(_NON_GEOGRAPHIC):
        return (digits,) if len(digits) in (10, 11) else ()
    if text.lstrip().startswith("+") or (digits.startswith("55") and len(digits) in (12, 13)):
        if not digits.startswith("55"):
            return ()
        digits = digits[2:]
    elif digits.startswith("0") and len(digits) in (13, 14):
        digits = digits[3:]  # 0 + carrier (CSP) + DDD + number
    elif digits.startswith("0") and len(digits) in (11, 12):
        digits = digits[1:]  # national trunk prefix
    if len(digits) in (10, 11):
        if digits[:2] not in _DDD_SET or (len(digits) == 11 and digits[2] != "9"):
            return ()
        return (digits,)
    if len(digits) in (8, 9):
        if len(digits) == 9 and digits[0] != "9":
            return ()
        return tuple(ddd + digits for ddd in DDDS)
    return ()
