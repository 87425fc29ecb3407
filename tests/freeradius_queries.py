"""FreeRADIUS 3.2's own accounting queries, run as rlm_sql runs them.

``tests/data/freeradius_queries.conf`` is ``raddb/mods-config/sql/main/postgresql/queries.conf``
verbatim, from FreeRADIUS/freeradius-server branch v3.2.x at 0ee591a (GPL-2.0).  This module
takes the active ``query`` entries of an accounting section (the ``-query`` ones are
disabled in the stock file), fills in the configuration references and the ``%{…}``
attribute expansions (including ``%{%{A}:-B}`` defaults) the way the server does for the
default configuration (class column off), and runs them in order until one changes a row:
rlm_sql's rule for a section with several queries.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CONF = Path(__file__).resolve().parent / "data" / "freeradius_queries.conf"
_QUERY = re.compile(r'^\s*query\s*=\s*"((?:[^"\\]|\\.)*)"', re.MULTILINE | re.DOTALL)
_REF = re.compile(r"\$\{\.*([\w.-]+)\}")


def _accounting() -> str:
    text = CONF.read_text(encoding="utf-8")
    return text[text.index("\naccounting {") :]


def _section(name: str) -> str:
    body = _accounting()
    start = body.index(f"\t\t{name} {{")
    end = body.index("\n\t\t}", start)
    return body[start:end]


def _column_list() -> str:
    match = re.search(r'column_list = "((?:[^"\\]|\\.)*)"', _accounting(), re.DOTALL)
    assert match
    return _join(match.group(1))


def _join(raw: str) -> str:
    return re.sub(r"\\\n\s*", " ", raw)


def queries(section: str) -> list[str]:
    """The section's active query templates, continuation lines joined."""
    return [_join(m.group(1)) for m in _QUERY.finditer(_section(section))]


def _refs(template: str, epoch: int) -> str:
    values = {
        "column_list": _column_list(),
        "acct_table1": "radacct",
        "acct_table2": "radacct",
        "event_timestamp": "TO_TIMESTAMP(%{%{integer:Event-Timestamp}:-%l})",
        "event_timestamp_epoch": "%{%{integer:Event-Timestamp}:-%l}",
        "class.column_name": "",  # the stock file leaves the class column commented out
        "class.packet_xlat": "",
        "class.reply_xlat": "",
    }
    previous = None
    while previous != template:  # a reference may expand into another one
        previous = template
        template = _REF.sub(lambda m: values[m.group(1)], template)
    return template.replace("%l", str(epoch))


def _close(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        if text.startswith("%{", i):
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"unbalanced xlat in {text[start:]!r}")


def _xlat(text: str, attrs: dict[str, str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("%{", i):
            end = _close(text, i)
            out.append(_expand(text[i + 2 : end], attrs))
            i = end + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _expand(inner: str, attrs: dict[str, str]) -> str:
    if inner.startswith("%{"):  # %{%{A}:-B}: A, or B when A is empty
        end = _close(inner, 0)
        first = _expand(inner[2:end], attrs)
        rest = inner[end + 1 :]
        if rest.startswith(":-") and not first:
            return _xlat(rest[2:], attrs)
        return first
    name, _, default = inner.partition(":-")
    for prefix in ("integer:", "tolower:"):
        name = name.removeprefix(prefix)
    value = attrs.get(name, "")
    return value if value else _xlat(default, attrs)


def render(template: str, attrs: dict[str, Any]) -> str:
    values = {k: str(v) for k, v in attrs.items()}
    assert all("'" not in v and "\\" not in v for v in values.values())  # rlm_sql escapes
    return _xlat(_refs(template, int(values["Event-Timestamp"])), values)


def account(conn: Any, section: str, attrs: dict[str, Any]) -> int:
    """Run ``section`` (start, interim-update, stop) as rlm_sql would, on a psycopg
    connection; the number of the query that changed a row (1-based), or 0."""
    for number, template in enumerate(queries(section), start=1):
        if conn.execute(render(template, attrs)).rowcount > 0:
            return number
    return 0
