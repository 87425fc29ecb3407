"""Usage history: FreeRADIUS accounting sessions (``radacct``) and rated calls."""

from __future__ import annotations

import datetime as dt
from bisect import bisect
from datetime import timedelta
from itertools import accumulate

from desktop.demo.pools import CARRIERS, COUNTRIES, OTHER_DDDS
from desktop.demo.state import ContractInfo, Demo, SubscriberInfo
from desktop.domain.enums import ContractStatus
from desktop.services import rating

GIB = 1024**3
# Download per day by plan speed (bytes); each login gets its own appetite around it.
DAILY_BYTES = {100: 3 * GIB, 300: 5 * GIB, 500: 7 * GIB, 600: 9 * GIB, 1000: 12 * GIB}
BLOCKED_BYTES_PER_S = 512 * 1024 // 8 // 20  # a suspended login on 512k, mostly idle
LONG_CAUSES = ("User-Request", "Lost-Carrier", "NAS-Reboot", "Idle-Timeout")
SHORT_CAUSES = ("Lost-Carrier", "Idle-Timeout", "User-Request")
ROUTER_OUIS = ("C4:6E:1F", "70:4F:57", "F4:F2:6D", "D8:0D:17", "E4:8D:8C", "3C:84:6A", "98:DA:C4")
HOUR_WEIGHTS = (1, 0.5, 0.3, 0.2, 0.2, 0.5, 1, 3, 6, 8, 9, 9, 7, 7, 8, 8, 8, 7, 6, 5, 4, 3, 2, 1.5)
CALL_KINDS = (
    ("local_fixo", 34),
    ("local_movel", 30),
    ("ldn_fixo", 12),
    ("ldn_movel", 12),
    ("0800", 4),
    ("4004", 2),
    ("0300", 1),
    ("emergencia", 1.2),
    ("ldi", 1.5),
    ("181", 0.3),
)
_KIND_NAMES = tuple(kind for kind, _ in CALL_KINDS)
_KIND_CUM = tuple(accumulate(weight for _, weight in CALL_KINDS))
_HOUR_CUM = tuple(accumulate(HOUR_WEIGHTS))
# The highlighted voice subscriber gets one call of each kind, 181 included.
SHOWCASE_CALLS = ("181", "emergencia", "0800", "4004", "0300", "ldi", "ldn_movel", "ldn_fixo")


def connections(demo: Demo, sub: SubscriberInfo, info: ContractInfo) -> None:
    """Back-to-back PPPoE sessions of one to three days; the last one still open."""
    rng = demo.rng
    rnd = rng.random  # int(rnd() * n) instead of randrange: this loop writes millions of rows
    if info.login is None:
        return
    start = max(demo.usage_start(sub.index), demo.at(info.activated_on, 14))
    stop = demo.end if info.stopped_on is None else min(demo.end, demo.at(info.stopped_on, 10))
    if start >= stop:
        return
    keep_open = info.stopped_on is None and (sub.index < 4 or rnd() < 0.92)
    suspended_at = info.status_changed_at if info.status is ContractStatus.SUSPENDED_DEBT else None
    appetite = DAILY_BYTES.get(info.plan.down, 4 * GIB) * rng.lognormvariate(0, 0.4) / 86400
    mac = rng.choice(ROUTER_OUIS) + "".join(f":{int(rnd() * 256):02X}" for _ in range(3))
    prefix6 = f"2804:1f4c:{(info.id >> 8) & 0xFFFF:x}:{info.id & 0xFF:x}00::/56"
    port = f"vlan{100 + int(rnd() * 40)}"
    login, nas = info.login, sub.city.nas_ip
    add, next_id = demo.out.add, demo.out.next_id
    moment = start + timedelta(seconds=int(rnd() * 86400))
    while moment < stop:
        if rnd() < 0.15:
            length, cause = 300 + int(rnd() * 6 * 3600), SHORT_CAUSES[int(rnd() * 3)]
        else:
            length, cause = 20 * 3600 + int(rnd() * 52 * 3600), LONG_CAUSES[int(rnd() * 4)]
        ended = moment + timedelta(seconds=length)
        if suspended_at is not None and moment < suspended_at < ended:
            ended, cause = suspended_at + timedelta(seconds=1 + int(rnd() * 30)), "Admin-Reset"
        last = ended >= stop
        is_open = last and keep_open
        if is_open:
            ended = stop - timedelta(seconds=int(rnd() * 300))  # the last interim update
        elif last:
            ended = max(moment + timedelta(minutes=5), stop - timedelta(hours=1 + int(rnd() * 10)))
            cause = "User-Request"
        seconds = int((ended - moment).total_seconds())
        if suspended_at is not None and moment >= suspended_at:
            download = int(seconds * BLOCKED_BYTES_PER_S * (0.2 + rnd() * 1.3))
        else:
            download = int(seconds * appetite * (0.4 + rnd() * 1.2))
        add(
            "radacct",
            {
                "radacctid": next_id("radacct"),
                "acctsessionid": f"{rng.getrandbits(32):08x}",
                "acctuniqueid": f"{rng.getrandbits(128):032x}",
                "username": login,
                "realm": "",
                "nasipaddress": nas,
                "nasportid": port,
                "nasporttype": "Ethernet",
                "acctstarttime": moment,
                "acctupdatetime": ended,
                "acctstoptime": None if is_open else ended,
                "acctinterval": 300,
                "acctsessiontime": seconds,
                "acctauthentic": "RADIUS",
                "connectinfo_start": None,
                "connectinfo_stop": None,
                "acctinputoctets": int(download * (0.06 + rnd() * 0.19)),  # upload
                "acctoutputoctets": download,  # NAS to user
                "calledstationid": "pppoe-central",
                "callingstationid": mac,
                "acctterminatecause": "" if is_open else cause,
                "servicetype": "Framed-User",
                "framedprotocol": "PPP",
                "framedipaddress": f"100.{64 + int(rnd() * 64)}.{int(rnd() * 256)}.{1 + int(rnd() * 254)}",
                "framedipv6address": None,
                "framedipv6prefix": prefix6,
                "framedinterfaceid": None,
                "delegatedipv6prefix": None,
                "class": None,
            },
        )
        if last:
            break
        gap = 3 + int(rnd() * 88) if rnd() < 0.92 else 600 + int(rnd() * 12 * 3600)
        moment = ended + timedelta(seconds=gap)


def calls(demo: Demo, sub: SubscriberInfo, info: ContractInfo) -> None:
    """20-60 answered calls a month per terminal, rated as the CDR import would."""
    rng = demo.rng
    rnd = rng.random
    start = max(demo.usage_start(sub.index), demo.at(info.activated_on, 12))
    stop = demo.end
    if info.status is ContractStatus.SUSPENDED_DEBT:
        stop = info.status_changed_at  # outgoing calls are blocked from the suspension on
    elif info.stopped_on is not None:
        stop = min(stop, demo.at(info.stopped_on, 10))
    if start >= stop:
        return
    first_day = start.date()
    days = (stop - start).days + 1
    for terminal_id, number, ddd in info.terminals:
        per_month = rng.randint(20, 60) * (1.5 if sub.company else 1)
        planned = []
        for _ in range(int(per_month * days / 30.4)):
            day = first_day + timedelta(days=int(rnd() * days))
            hour = bisect(_HOUR_CUM, rnd() * _HOUR_CUM[-1])
            moment = demo.midnight(day) + timedelta(seconds=hour * 3600 + int(rnd() * 3600))
            kind = _KIND_NAMES[bisect(_KIND_CUM, rnd() * _KIND_CUM[-1])]
            planned.append((moment, kind, day))
        if sub.index == 0 and terminal_id == info.terminals[0][0]:
            for n, kind in enumerate(SHOWCASE_CALLS):
                day = max(first_day, demo.today - timedelta(days=2 + 2 * n))
                planned.append((demo.at(day, 10 + n % 8, int(rnd() * 60)), kind, day))
        planned.sort()
        for moment, kind, day in planned:
            if start <= moment < stop:
                _call(demo, terminal_id, number, ddd, moment, day, kind, sub)


def _call(
    demo: Demo,
    terminal_id: int,
    number: str,
    ddd: str,
    moment: dt.datetime,
    day: dt.date,
    kind: str,
    sub: SubscriberInfo,
) -> None:
    rnd = demo.rng.random
    destination = _destination(demo, kind, ddd, sub)
    if kind == "181":
        duration = 60 + int(rnd() * 840)
    elif kind == "emergencia":
        duration = 20 + int(rnd() * 220)
    elif rnd() < 0.05:
        duration = 1 + int(rnd() * 3)  # answered and hung up: not charged
    else:
        duration = min(7200, max(4, int(demo.rng.lognormvariate(4.5, 0.9))))
    # classify() wants the São Paulo day; given naive, it takes the day as it is (cheaper
    # than converting millions of aware times).
    local_day = dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001
    found = rating.classify(destination, ddd, local_day, origin=number)
    key = (duration, found.call_type)
    rated = demo.rated.get(key)
    if rated is None:  # a few thousand distinct (duration, type) pairs: rate each once
        rated = demo.rated[key] = rating.rate(duration, demo.tariffs[found.call_type])
    billed, amount = rated
    demo.call_seq += 1
    demo.out.add(
        "calls",
        {
            "id": demo.out.next_id("calls"),
            "terminal_id": terminal_id,
            "started_at": moment,
            # Stored as the importer stores it (normalised), so statements look the same.
            "destination": found.normalized,
            "call_type": found.call_type,
            "duration_s": duration,
            "billed_s": billed,
            "amount": amount,
            "hidden": found.hidden,
            "source_key": f"demo-{demo.seed}-{demo.call_seq:010d}",
            "imported_at": min(
                demo.end, moment + timedelta(seconds=duration + 300 + int(rnd() * 6900))
            ),
        },
    )


def _destination(demo: Demo, kind: str, ddd: str, sub: SubscriberInfo) -> str:
    """The number as dialled: local without DDD, long distance with 0 + CSP + DDD."""
    rnd = demo.rng.random
    seven = f"{int(rnd() * 10_000_000):07d}"
    if kind == "local_fixo":
        prefixes = sub.city.fixed_prefixes
        prefix = prefixes[int(rnd() * len(prefixes))]
        return (prefix + seven + "0000000")[:8]
    if kind == "local_movel":
        return f"9{6 + int(rnd() * 4)}{seven}"
    if kind in ("ldn_fixo", "ldn_movel"):
        other = OTHER_DDDS[int(rnd() * len(OTHER_DDDS))]
        if other == ddd:
            other = "11" if ddd != "11" else "21"
        first = f"{2 + int(rnd() * 4)}" if kind == "ldn_fixo" else f"9{6 + int(rnd() * 4)}"
        return f"0{CARRIERS[int(rnd() * len(CARRIERS))]}{other}{first}{seven}"
    if kind == "0800":
        return f"0800{seven}"
    if kind == "0300":
        return f"0300{seven}"
    if kind == "4004":
        return ("4004", "4003", "3003")[int(rnd() * 3)] + seven[:4]
    if kind == "emergencia":
        return ("190", "192", "193")[int(rnd() * 3)]
    if kind == "ldi":
        country, length = COUNTRIES[int(rnd() * len(COUNTRIES))]
        digits = f"{int(rnd() * 10**length):0{length}d}"
        return f"00{CARRIERS[int(rnd() * len(CARRIERS))]}{country}{2 + int(rnd() * 8)}{digits[1:]}"
    if kind == "181":  # disque-denúncia: stored, never listed
        return "181"
    raise ValueError(f"unknown call kind {kind!r}")
