"""Classification and rating of STFC (fixed-line) calls by the Brazilian numbering rules.

Pure functions: no database except :func:`tariffs`, which reads the ``tariff.<type>`` settings.

Written by hand because no maintained library classifies Brazilian dialled numbers into STFC
call types; the rules come from REFERENCE.md §6 (Anatel numbering as reported by the trade
press, confidence M) and SPEC.md §1.1.  Rule order, as a switch applies it:

1. clean the text (spaces, dashes, dots and brackets are tolerated; letters are not);
2. strip the prefixes: ``+55``/``55`` (E.164), ``0 + CSP`` (LDN carrier selection),
   ``00 + CSP`` (LDI, then the country code), ``90 + CSP`` (collect call);
3. short and non-geographic numbers: ``1XX`` public services and emergency, ``10XYY`` carrier
   services, ``0800`` (free), ``0300``/``0303``/``0500``/``0900``, ``300X``/``400X``;
4. geographic numbers: DDD (CN) + 8-digit fixed (first digit 2–5) or 9-digit mobile (first
   digit 9); without a DDD the number is in the caller's own DDD;
5. compare with the caller's DDD: fixed → local/LDN, mobile → VC1/VC2/VC3.

The fixed-line *área local* is dated: since Anatel Res. 768/2024 it is the whole DDD.  Before
that, two numbers of the same DDD could be in different local areas and a call between them
was LDN (intra-sectorial).  See :data:`LOCAL_AREA_UNIFIED_SINCE_DEFAULT` and
:data:`LOCAL_AREAS_BEFORE_UNIFICATION`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.orm import Session

from desktop.domain.clock import to_local
from desktop.domain.enums import CallType
from desktop.errors import InvalidInput
from desktop.services import settings

# The 67 Brazilian DDDs (códigos nacionais, CN): 11–99 without the round tens and 14 gaps.
_UNASSIGNED_AREA_CODES = frozenset({23, 25, 26, 29, 36, 39, 52, 56, 57, 58, 59, 72, 76, 78})
VALID_AREA_CODES: frozenset[str] = frozenset(
    str(code) for code in range(11, 100) if code % 10 and code not in _UNASSIGNED_AREA_CODES
)

# Three-digit public-utility and emergency numbers that are free to call (everything else
# of the shape 1XX is a charged service number: 102 auxílio à lista, 156 prefeitura...).
FREE_SHORT_NUMBERS: frozenset[str] = frozenset(
    {
        "100",  # Disque Direitos Humanos
        "128",  # emergência Mercosul
        "136",  # Disque Saúde
        "153",  # Guarda Municipal
        "180",  # Central de Atendimento à Mulher
        "181",  # Disque-Denúncia
        "190",  # Polícia Militar
        "191",  # Polícia Rodoviária Federal
        "192",  # SAMU
        "193",  # Corpo de Bombeiros
        "194",  # Polícia Federal
        "197",  # Polícia Civil
        "198",  # Polícia Rodoviária Estadual
        "199",  # Defesa Civil
    }
)

# Anonymous-tip lines: kept in the database, never listed in a statement (RGC Art. 47).
HIDDEN_NUMBERS: frozenset[str] = frozenset({"181"})

# Non-geographic prefixes (written with the leading 0 when dialled nationally) + 7 digits.
FREE_NON_GEOGRAPHIC = frozenset({"800"})
SPECIAL_NON_GEOGRAPHIC = frozenset({"300", "303", "500", "900"})
# 8-digit "números de tarifação local" (3003-xxxx, 4004-xxxx, 4020-xxxx...).
LOCAL_RATE_PREFIXES = ("300", "400")

# Since Anatel Res. 768/2024 the fixed-line local area is the whole DDD.  The change was rolled
# out between January and June 2026 (São Paulo last, 2026-06-21 per REFERENCE.md, medium
# confidence).  We use one date for every DDD because no per-DDD schedule was read from an
# official source; put a DDD in LOCAL_AREA_UNIFIED_SINCE when its real date is confirmed.
LOCAL_AREA_UNIFIED_SINCE_DEFAULT = dt.date(2026, 1, 1)
LOCAL_AREA_UNIFIED_SINCE: Mapping[str, dt.date] = {}

# Local areas before the unification, keyed by DDD, then area name -> subscriber-number
# prefixes (longest prefix wins).  ILLUSTRATIVE, not Anatel's table: the prefixes were chosen
# to exercise the rule (the demo provider is in Paranavaí, 44 3045-xxxx).  A DDD that is not
# here is treated as one local area, and so is a number whose prefix is not listed.
LOCAL_AREAS_BEFORE_UNIFICATION: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "44": {
        "Paranavaí": ("3045", "342", "344"),
        "Maringá": ("302", "303", "3040", "322", "326"),
        "Umuarama": ("362", "363"),
    },
}

_SEPARATORS = re.compile(r"[\s().\-/]")
_DIGITS = re.compile(r"\+?\d+")


@dataclass(frozen=True)
class Classification:
    """What a dialled number is, seen from the caller's DDD."""

    call_type: CallType
    normalized: str  # DDD + number, 0800xxxxxxx, 190, 40041234 or +<country><number>
    hidden: bool = False
    area_code: str | None = None  # the destination's DDD (geographic numbers only)
    mobile: bool = False
    tariff_zone: str | None = None  # "VC1"/"VC2"/"VC3" for calls to mobiles


def classify(
    destination: str,
    own_area_code: str,
    when: dt.datetime,
    *,
    origin: str | None = None,
) -> Classification:
    """Classify ``destination`` dialled from a terminal in DDD ``own_area_code`` at ``when``.

    ``origin`` (the caller's DDD + number) is only needed for calls dated before the local-area
    unification, to tell two local areas of the same DDD apart.
    """
    own = own_area_code.strip()
    if own not in VALID_AREA_CODES:
        raise InvalidInput("rating.ddd_origem_invalido", own_area_code=own_area_code)
    text = _SEPARATORS.sub("", destination)
    if not text:
        raise InvalidInput("rating.numero_destino_vazio")
    if not _DIGITS.fullmatch(text):
        raise InvalidInput("rating.numero_destino_invalido_sao", destination=destination)
    day = _local_day(when)
    if text.startswith("+"):
        digits = text[1:]
        if digits.startswith("55"):
            return _national(digits[2:], own, day, origin, destination)
        return _international(digits, destination)
    digits = text
    n = len(digits)
    if digits.startswith("00"):  # 00 + CSP + country + number
        rest = digits[4:]
        if rest.startswith("55") and len(rest) in (12, 13):  # Brazil dialled as international
            return _national(rest[2:], own, day, origin, destination)
        return _international(rest, destination)
    if digits.startswith("0"):
        if n in (10, 11) and digits[1:4] in FREE_NON_GEOGRAPHIC | SPECIAL_NON_GEOGRAPHIC:
            return _non_geographic(digits[1:], destination)
        if n in (13, 14):  # 0 + CSP + DDD + number
            return _national(digits[3:], own, day, origin, destination)
        if n in (11, 12):  # 0 + DDD + number (carrier chosen by the PBX route)
            return _national(digits[1:], own, day, origin, destination)
        raise _invalid(destination, "prefixo 0 sem DDD válido")
    if digits.startswith("90") and n in (14, 15):  # collect call: 90 + CSP + DDD + number
        called = _national(digits[4:], own, day, origin, destination)
        return Classification(CallType.GRATUITA, called.normalized, area_code=called.area_code)
    if digits.startswith("9090") and n in (12, 13):  # local collect call: 9090 + number
        called = _national(digits[4:], own, day, origin, destination)
        return Classification(CallType.GRATUITA, called.normalized, area_code=called.area_code)
    if digits.startswith("55") and n in (12, 13):  # E.164 without the +
        return _national(digits[2:], own, day, origin, destination)
    return _national(digits, own, day, origin, destination)


def _national(
    nsn: str, own: str, day: dt.date, origin: str | None, destination: str
) -> Classification:
    """A national significant number: short, non-geographic, or [DDD] + subscriber number."""
    n = len(nsn)
    if n == 3 and nsn.startswith("1"):
        if nsn in FREE_SHORT_NUMBERS:
            return Classification(CallType.GRATUITA, nsn, hidden=nsn in HIDDEN_NUMBERS)
        return Classification(CallType.ESPECIAL, nsn, hidden=nsn in HIDDEN_NUMBERS)
    if n == 5 and nsn.startswith("10"):  # 10XYY: carrier services
        return Classification(CallType.ESPECIAL, nsn)
    if n < 8:
        raise _invalid(destination, "número curto demais")
    if n == 10 and nsn[:3] in FREE_NON_GEOGRAPHIC | SPECIAL_NON_GEOGRAPHIC:
        return _non_geographic(nsn, destination)
    if n in (8, 9):
        area, subscriber = own, nsn
    elif n in (10, 11):
        area, subscriber = nsn[:2], nsn[2:]
        if area not in VALID_AREA_CODES:
            raise _invalid(destination, f"DDD {area} não existe")
    else:
        raise _invalid(destination, "número longo demais")
    if len(subscriber) == 8 and subscriber.startswith(LOCAL_RATE_PREFIXES):
        return Classification(CallType.ESPECIAL, subscriber)
    normalized = area + subscriber
    if len(subscriber) == 8:
        if subscriber[0] not in "2345":
            raise _invalid(destination, "telefone fixo deve começar por 2, 3, 4 ou 5")
        local = area == own and _same_local_area(area, subscriber, origin, day)
        kind = CallType.LOCAL_FIXO if local else CallType.LDN_FIXO
        return Classification(kind, normalized, area_code=area)
    if not subscriber.startswith("9"):
        raise _invalid(destination, "celular deve ter 9 dígitos começando por 9")
    if area == own:
        kind, zone = CallType.LOCAL_MOVEL, "VC1"
    elif area[0] == own[0]:
        kind, zone = CallType.LDN_MOVEL, "VC2"
    else:
        kind, zone = CallType.LDN_MOVEL, "VC3"
    return Classification(kind, normalized, area_code=area, mobile=True, tariff_zone=zone)


def _non_geographic(nsn: str, destination: str) -> Classification:
    """``800``/``300``/``303``/``500``/``900`` + 7 digits (0800 also with the old 6 digits)."""
    prefix, rest = nsn[:3], nsn[3:]
    if not (len(rest) == 7 or (prefix in FREE_NON_GEOGRAPHIC and len(rest) == 6)):
        raise _invalid(destination, f"número 0{prefix} deve ter 7 dígitos depois do prefixo")
    kind = CallType.GRATUITA if prefix in FREE_NON_GEOGRAPHIC else CallType.ESPECIAL
    return Classification(kind, "0" + nsn)


def _international(digits: str, destination: str) -> Classification:
    # E.164 allows at most 15 digits; fewer than 7 cannot be a country code plus a number.
    if not 7 <= len(digits) <= 15:
        raise _invalid(destination, "número internacional com tamanho inválido")
    return Classification(CallType.LDI, "+" + digits)


def _same_local_area(area: str, subscriber: str, origin: str | None, day: dt.date) -> bool:
    """Whether two fixed numbers of the same DDD were in one local area on ``day``."""
    if day >= LOCAL_AREA_UNIFIED_SINCE.get(area, LOCAL_AREA_UNIFIED_SINCE_DEFAULT):
        return True
    areas = LOCAL_AREAS_BEFORE_UNIFICATION.get(area)
    if not areas or origin is None:
        return True
    caller = re.sub(r"\D", "", origin)
    if len(caller) == 10 and caller.startswith(area):
        caller = caller[2:]
    mine, theirs = _local_area_of(areas, caller), _local_area_of(areas, subscriber)
    # An unlisted prefix is given the benefit of the doubt (rated as the cheaper local call).
    return mine is None or theirs is None or mine == theirs


def _local_area_of(areas: Mapping[str, tuple[str, ...]], subscriber: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, prefixes in areas.items():
        for prefix in prefixes:
            if subscriber.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), name)
    return best[1] if best else None


def _local_day(when: dt.datetime) -> dt.date:
    """The calendar day in São Paulo (aware times) or as given (naive times)."""
    return to_local(when).date() if when.tzinfo is not None else when.date()


def _invalid(destination: str, why: str) -> InvalidInput:
    return InvalidInput("rating.numero_destino_invalido", destination=destination, why=why)


# --------------------------------------------------------------------------- rating
STFC_FREE_UP_TO_S = 3
STFC_MINIMUM_S = 30
STFC_STEP_S = 6
_CENT = Decimal("0.01")


def rate(duration_s: int, price_per_minute: Decimal) -> tuple[int, Decimal]:
    """STFC rating: ≤ 3 s free; otherwise at least 30 s, then 6 s steps (rounded up).

    Returns (billed seconds, amount rounded half-up to the cent).
    """
    if duration_s < 0:
        raise InvalidInput("rating.duracao_negativa_s", duration_s=duration_s)
    if price_per_minute < 0:
        raise InvalidInput("rating.tarifa_negativa", price_per_minute=price_per_minute)
    if duration_s <= STFC_FREE_UP_TO_S:
        return 0, Decimal("0.00")
    steps = -(-duration_s // STFC_STEP_S)  # integer ceiling
    billed = max(STFC_MINIMUM_S, steps * STFC_STEP_S)
    amount = (price_per_minute * billed / 60).quantize(_CENT, rounding=ROUND_HALF_UP)
    return billed, amount


def tariffs(session: Session) -> dict[CallType, Decimal]:
    """Price per minute of each call type, from the ``tariff.<type>`` settings."""
    values = settings.get_many(session, "tariff.")
    return {kind: Decimal(values[f"tariff.{kind.value}"]) for kind in CallType}
