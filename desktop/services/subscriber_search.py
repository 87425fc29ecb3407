"""Finding a subscriber at the counter: the most frequent action, on every keystroke.

What the text may be, looked up by its own index each (never a scan, at 1 million
subscribers and more):

- a CPF/CNPJ (masked or not): ``subscribers.document``; an invalid one typed with its mask,
  or 11 digits that are neither a valid CPF nor a phone, is said to be invalid;
- a contract number, a RADIUS login: their unique indexes;
- a phone or voice terminal, with or without DDD, leading 0, carrier code or +55: the exact
  stored numbers it may name (``domain.phones``; without DDD, one per DDD: 67 index probes);
- words of the name (accent- and case-insensitive, each a word or the prefix of a word,
  anywhere in the name): the longest typed word is expanded through the vocabulary
  (``name_words``) into the words it starts, and each of those is read in name order off
  the word index (``subscriber_words``: word, name_search, id), a page at most, with the
  other typed words as a filter on the same index entries; the streams are merged and cut
  to a page.  So a page costs about one page of index entries per matching word, however
  common the word.  A prefix that starts more than ``MAX_STREAMS`` words ("ma") matches
  names everywhere, and the name index walked in order gives the page at once.

Why not the trigram / full-text indexes first tried (pg_trgm, FTS5): they answer "which rows
contain this" but the counter needs "the first 50 in name order", so a common name made them
fetch and sort tens of thousands of rows (70-460 ms per keystroke at 1 million subscribers,
``benchmarks/search.py``); a word index returns the rows already in that order.

Results are in name order and keyset-paged by (name_search, id), both sources merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Select, and_, or_, select, tuple_, union
from sqlalchemy.orm import InstrumentedAttribute

from desktop.db import Database
from desktop.domain.phones import phone_keys
from desktop.errors import AccessDenied, InvalidInput
from desktop.models import (
    Contract,
    NameWord,
    Plan,
    RadiusLogin,
    Subscriber,
    SubscriberWord,
    Terminal,
)
from desktop.models.enums import ContractStatus
from desktop.services.access import require_subscriber
from desktop.services.actors import Actor, KioskActor
from desktop.services.documents import is_cnpj, is_cpf, normalize_document
from desktop.services.text import clean_input, like_escape, search_key

MAX_SEARCH_LENGTH = 120
# A typed prefix that starts more words than this is common: walk the name index instead.
MAX_STREAMS = 150
_CPF_MASK = re.compile(r"^\s*\d{3}\.\d{3}\.\d{3}-\d{2}\s*$")
_CNPJ_MASK = re.compile(
    r"^\s*[0-9A-Za-z]{2}\.[0-9A-Za-z]{3}\.[0-9A-Za-z]{3}/[0-9A-Za-z]{4}-\d{2}\s*$"
)


@dataclass(frozen=True)
class ContractSummary:
    id: int
    number: str
    plan: str
    status: ContractStatus
    terminals: tuple[str, ...]
    radius_login: str | None


@dataclass(frozen=True)
class SubscriberHit:
    id: int
    name: str
    document: str
    name_search: str
    contracts: tuple[ContractSummary, ...]

    @property
    def sort_key(self) -> tuple[str, int]:
        return (self.name_search, self.id)


Row = tuple[int, str, str, str]  # id, name, document, name_search


def _columns() -> Select[int, str, str, str]:
    return select(Subscriber.id, Subscriber.name, Subscriber.document, Subscriber.name_search)


def _after(after: tuple[str, int] | None) -> list[ColumnElement[bool]]:
    if after is None:
        return []
    name_key, last_id = after
    return [
        or_(
            Subscriber.name_search > name_key,
            and_(Subscriber.name_search == name_key, Subscriber.id > last_id),
        )
    ]


def _exact_rows(conn: Connection, typed: str) -> list[Row]:
    """Subscribers named by a key: document, contract, login, phone or terminal.

    Each key is its own indexed lookup; they go to the database as one UNION, one round trip.
    """
    lookups: list[Select[int]] = []
    document = normalize_document(typed)
    if len(document) in (11, 14):
        lookups.append(select(Subscriber.id).where(Subscriber.document == document))
    raw = typed.strip()
    if raw and " " not in raw and len(raw) <= 64:
        if any(ch.isdigit() for ch in raw):  # contract numbers carry digits
            lookups.append(select(Contract.subscriber_id).where(Contract.number == raw.upper()))
        lookups.append(
            select(Contract.subscriber_id)
            .join(RadiusLogin, RadiusLogin.contract_id == Contract.id)
            .where(RadiusLogin.username == raw.lower())
        )
    numbers = phone_keys(typed)
    if numbers:
        lookups.append(select(Subscriber.id).where(Subscriber.phone.in_(numbers)))
        lookups.append(
            select(Contract.subscriber_id)
            .join(Terminal, Terminal.contract_id == Contract.id)
            .where(Terminal.number.in_(numbers))
        )
    if not lookups:
        return []
    ids = union(*lookups).subquery() if len(lookups) > 1 else lookups[0].subquery()
    stmt = _columns().where(Subscriber.id.in_(select(ids.c[0])))
    return [tuple(r) for r in conn.execute(stmt)]  # type: ignore[misc]


def _word_filter(column: InstrumentedAttribute[str], words: list[str]) -> list[ColumnElement[bool]]:
    """Each word is the start of the name or of a word in it."""
    conditions: list[ColumnElement[bool]] = []
    for word in words:
        escaped = like_escape(word)
        conditions.append(
            or_(
                column.like(f"{escaped}%", escape="\\"),
                column.like(f"% {escaped}%", escape="\\"),
            )
        )
    return conditions


def _prefix_words(conn: Connection, prefix: str) -> list[str] | None:
    """Vocabulary words starting with ``prefix``; None when too many to merge."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    stmt = (
        select(NameWord.word)
        .where(NameWord.word >= prefix, NameWord.word < upper)
        .limit(MAX_STREAMS + 1)
    )
    words = list(conn.scalars(stmt))
    return None if len(words) > MAX_STREAMS else words


def _name_rows(conn: Connection, key: str, after: tuple[str, int] | None, limit: int) -> list[Row]:
    words = key.split()
    if not words:
        return []
    probe = max(words, key=len)
    others = list(words)
    others.remove(probe)
    expanded = _prefix_words(conn, probe)
    if expanded is None:
        # A prefix so common (hundreds of words start with it) that matching names are
        # everywhere: walking the name index in order reaches a page at once.
        conditions = [*_word_filter(Subscriber.name_search, words), *_after(after)]
        stmt = (
            _columns()
            .where(*conditions)
            .order_by(Subscriber.name_search, Subscriber.id)
            .limit(limit)
        )
        return [tuple(r) for r in conn.execute(stmt)]  # type: ignore[misc]
    if not expanded:
        return []
    # One ordered stream per word the prefix names, each read straight off the
    # (word, name_search, subscriber_id) index up to a page, merged and cut to a page.
    streams = []
    for word in expanded:
        conditions = [
            SubscriberWord.word == word,
            *_word_filter(SubscriberWord.name_search, others),
        ]
        if after is not None:
            conditions.append(
                tuple_(SubscriberWord.name_search, SubscriberWord.subscriber_id) > after
            )
        streams.append(
            select(SubscriberWord.name_search, SubscriberWord.subscriber_id)
            .where(*conditions)
            .order_by(SubscriberWord.name_search, SubscriberWord.subscriber_id)
            .limit(limit)
            .subquery()
            .select()
        )
    merged = union(*streams).subquery() if len(streams) > 1 else streams[0].subquery()
    page = (
        select(merged.c.subscriber_id)
        .order_by(merged.c.name_search, merged.c.subscriber_id)
        .limit(limit)
    )
    ids = list(conn.scalars(page))
    if not ids:
        return []
    return [tuple(r) for r in conn.execute(_columns().where(Subscriber.id.in_(ids)))]  # type: ignore[misc]


def _check_document_typed(typed: str) -> None:
    """An invalid CPF or CNPJ typed at the counter is said to be invalid, not "not found"."""
    document = normalize_document(typed)
    if _CPF_MASK.match(typed) or (
        len(document) == 11 and document.isdigit() and not phone_keys(typed)
    ):
        if not is_cpf(document):
            raise InvalidInput(f"CPF inválido: {typed.strip()} (confira os dígitos).")
    elif (
        (_CNPJ_MASK.match(typed) or (len(document) == 14 and not document.isdigit()))
        and not is_cnpj(document)
    ) or (len(document) == 14 and document.isdigit() and not is_cnpj(document)):
        raise InvalidInput(f"CNPJ inválido: {typed.strip()} (confira os dígitos).")


def search(
    db: Database,
    actor: Actor,
    typed: str,
    *,
    after: tuple[str, int] | None = None,
    limit: int = 50,
) -> list[SubscriberHit]:
    """Subscribers matching ``typed``, ordered by name; counter users only."""
    if isinstance(actor, KioskActor):
        raise AccessDenied("A busca de assinantes é exclusiva do balcão de atendimento.")
    require_subscriber(actor, 0)  # checks the counter role
    typed = clean_input(typed, MAX_SEARCH_LENGTH)
    limit = max(1, min(limit, 500))
    key = search_key(typed)
    with db.read_session() as conn:
        exact = _exact_rows(conn, typed)
        # Names have letters: a number (phone, CPF) is not looked up as a name.
        names = _name_rows(conn, key, after, limit) if re.search(r"[^\W\d]", key) else []
        rows = sorted({r[0]: r for r in [*exact, *names]}.values(), key=lambda r: (r[3], r[0]))
        if after is not None:
            rows = [r for r in rows if (r[3], r[0]) > after]
        rows = rows[:limit]
        if not rows:
            _check_document_typed(typed)
            return []
        contracts = contracts_of(conn, [r[0] for r in rows])
    return [SubscriberHit(r[0], r[1], r[2], r[3], contracts.get(r[0], ())) for r in rows]


def contracts_of(
    conn: Connection, subscriber_ids: list[int]
) -> dict[int, tuple[ContractSummary, ...]]:
    """Contracts with plan, terminals and login for a page of subscribers, in three queries."""
    if not subscriber_ids:
        return {}
    contract_rows = conn.execute(
        select(Contract.id, Contract.subscriber_id, Contract.number, Contract.status, Plan.name)
        .join(Plan, Plan.id == Contract.plan_id)
        .where(Contract.subscriber_id.in_(subscriber_ids))
        .order_by(Contract.subscriber_id, Contract.id)
    ).all()
    contract_ids = [row.id for row in contract_rows]
    terminals: dict[int, list[str]] = {}
    logins: dict[int, str] = {}
    if contract_ids:
        for contract_id, number in conn.execute(
            select(Terminal.contract_id, Terminal.number)
            .where(Terminal.contract_id.in_(contract_ids))
            .order_by(Terminal.number)
        ):
            terminals.setdefault(contract_id, []).append(number)
        for contract_id, username in conn.execute(
            select(RadiusLogin.contract_id, RadiusLogin.username).where(
                RadiusLogin.contract_id.in_(contract_ids)
            )
        ):
            logins.setdefault(contract_id, username)
    result: dict[int, list[ContractSummary]] = {}
    for row in contract_rows:
        result.setdefault(row.subscriber_id, []).append(
            ContractSummary(
                row.id,
                row.number,
                row.name,
                row.status,
                tuple(terminals.get(row.id, ())),
                logins.get(row.id),
            )
        )
    return {key: tuple(value) for key, value in result.items()}
