"""``import customers``: one batch of customer rows into ``subscribers`` and ``contacts``.

Matching: by ``external_id``; a customer not known by it whose CPF/CNPJ is already here with
no external id (typed at the counter before going live) is adopted and takes the ERP's id;
a CPF/CNPJ that belongs to another ERP customer is refused (CPF/CNPJ are unique).

The name word index (``subscriber_words``) is kept by the triggers on ``subscribers``
(``desktop.models.unmodelled``): a batch's INSERT (COPY on PostgreSQL) fills it in one
statement (``bulk_subscriber_insert``), and an UPDATE names ``name_search`` only when the
name changed, because the trigger re-indexes on any UPDATE that sets that column.

Contacts: without a ``contacts`` cell, a new customer gets themself as *titular* (what the
counter needs to open a ticket) and a known one keeps theirs.  With it, the list becomes the
ERP's, in its order, rows updated in place (tickets point at them).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.clock import utcnow
from desktop.domain.documents import format_document
from desktop.models import Base
from desktop.models.unmodelled import bulk_subscriber_insert
from desktop.services import bulk_rows
from desktop.services.erp_batch import (
    CREATED,
    REJECTED,
    UNCHANGED,
    UPDATED,
    BatchContext,
    Outcome,
)
from desktop.services.erp_rows import ContactData, CustomerData

SUBSCRIBERS = Base.metadata.tables["subscribers"]
CONTACTS = Base.metadata.tables["contacts"]
FIELDS = (
    "external_id",
    "document",
    "person_type",
    "name",
    "name_search",
    "email",
    "phone",
    "street",
    "number",
    "complement",
    "district",
    "city",
    "state",
    "cep",
)
# Updated without name_search (see the module): the name goes with it only when it changed.
PLAIN = tuple(f for f in FIELDS if f not in ("name", "name_search"))
CONTACT_FIELDS = ("name", "relation", "phone", "email")


def _values(data: CustomerData) -> tuple[Any, ...]:
    return tuple(getattr(data, f) for f in FIELDS)


def _existing(session: Session, column: Any, keys: list[str]) -> dict[str, tuple[Any, ...]]:
    """Stored rows by ``column``: (id, *FIELDS)."""
    stmt = select(SUBSCRIBERS.c.id, *(SUBSCRIBERS.c[f] for f in FIELDS))
    return {
        row._mapping[column.key]: tuple(row)
        for row in bulk_rows.rows_by_keys(session, stmt, column, keys)
    }


def _contacts_of(session: Session, ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    out: dict[int, list[tuple[Any, ...]]] = {i: [] for i in ids}
    stmt = select(
        CONTACTS.c.subscriber_id, CONTACTS.c.id, *(CONTACTS.c[f] for f in CONTACT_FIELDS)
    ).order_by(CONTACTS.c.subscriber_id, CONTACTS.c.id)
    for row in bulk_rows.rows_by_keys(session, stmt, CONTACTS.c.subscriber_id, ids):
        out[row[0]].append(tuple(row[1:]))
    return out


def write(
    session: Session, ctx: BatchContext, rows: list[tuple[int, CustomerData]]
) -> list[Outcome]:
    by_ext = _existing(session, SUBSCRIBERS.c.external_id, [d.external_id for _, d in rows])
    by_doc = _existing(session, SUBSCRIBERS.c.document, [d.document for _, d in rows])
    outcomes: list[Outcome] = []
    new: list[tuple[int, CustomerData]] = []
    changed: list[tuple[int, CustomerData, tuple[Any, ...]]] = []  # (line, data, stored)
    docs_in_batch: dict[str, str] = {}
    for line, data in rows:
        stored = by_ext.get(data.external_id)
        owner = by_doc.get(data.document)
        other = docs_in_batch.get(data.document)
        if other is not None and other != data.external_id:
            reason = f"CPF/CNPJ {format_document(data.document)} também está no cliente {other} deste arquivo"
            outcomes.append(Outcome(line, REJECTED, reason))
            continue
        if owner is not None and (stored is None or owner[0] != stored[0]) and owner[1] is not None:
            reason = f"CPF/CNPJ {format_document(data.document)} já é do cliente {owner[1]}"
            outcomes.append(Outcome(line, REJECTED, reason))
            continue
        if stored is None and owner is not None:
            stored = owner  # typed here before going live: it takes the ERP's id
        docs_in_batch[data.document] = data.external_id
        if stored is None:
            new.append((line, data))
        else:
            changed.append((line, data, stored))
    outcomes.extend(_create(session, new))
    outcomes.extend(_update(session, changed))
    return outcomes


def _create(session: Session, new: list[tuple[int, CustomerData]]) -> list[Outcome]:
    if not new:
        return []
    ids = bulk_rows.allocate_ids(session, SUBSCRIBERS, len(new))
    now = utcnow()
    records = [(i, *_values(d), 0, now) for i, (_, d) in zip(ids, new, strict=True)]
    with bulk_subscriber_insert(session.connection(), ids[0], ids[-1]):
        bulk_rows.insert_rows(
            session, SUBSCRIBERS, ("id", *FIELDS, "failed_logins", "created_at"), records
        )
    contacts: list[tuple[Any, ...]] = []
    for sub_id, (_, data) in zip(ids, new, strict=True):
        for c in data.contacts or (ContactData(data.name, "titular", data.phone, data.email),):
            contacts.append((sub_id, c.name, c.relation, c.phone, c.email))
    bulk_rows.insert_rows(session, CONTACTS, ("subscriber_id", *CONTACT_FIELDS), contacts)
    return [Outcome(line, CREATED) for line, _ in new]


def _update(
    session: Session, changed: list[tuple[int, CustomerData, tuple[Any, ...]]]
) -> list[Outcome]:
    if not changed:
        return []
    with_contacts = [stored[0] for _, d, stored in changed if d.contacts is not None]
    current = _contacts_of(session, with_contacts) if with_contacts else {}
    renamed: list[tuple[Any, ...]] = []
    plain: list[tuple[Any, ...]] = []
    contact_updates: list[tuple[Any, ...]] = []
    contact_inserts: list[tuple[Any, ...]] = []
    contact_deletes: list[int] = []
    outcomes = []
    for line, data, stored in changed:
        sub_id, before = stored[0], stored[1:]
        values = _values(data)
        differs = values != before
        if differs:
            if (
                data.name_search != before[FIELDS.index("name_search")]
                or data.name != before[FIELDS.index("name")]
            ):
                renamed.append((*values, sub_id))
            else:
                plain.append((*(getattr(data, f) for f in PLAIN), sub_id))
        if data.contacts is not None:
            have = current.get(sub_id, [])
            want = [(c.name, c.relation, c.phone, c.email) for c in data.contacts]
            if [tuple(h[1:]) for h in have] != want:
                differs = True
                for held, wanted in zip(have, want, strict=False):
                    if tuple(held[1:]) != wanted:
                        contact_updates.append((*wanted, held[0]))
                contact_inserts.extend((sub_id, *w) for w in want[len(have) :])
                contact_deletes.extend(h[0] for h in have[len(want) :])
        outcomes.append(Outcome(line, UPDATED if differs else UNCHANGED))
    bulk_rows.update_rows(session, SUBSCRIBERS, FIELDS, renamed)
    bulk_rows.update_rows(session, SUBSCRIBERS, PLAIN, plain)
    bulk_rows.update_rows(session, CONTACTS, CONTACT_FIELDS, contact_updates)
    bulk_rows.insert_rows(session, CONTACTS, ("subscriber_id", *CONTACT_FIELDS), contact_inserts)
    if contact_deletes:
        session.execute(CONTACTS.delete().where(CONTACTS.c.id.in_(contact_deletes)))
    return outcomes
