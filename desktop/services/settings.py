"""Shared settings stored in the database, typed by the registry in ``desktop.config``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.config.registry import SETTINGS, setting
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.enums import Role
from desktop.models import Setting
from desktop.services import audit
from desktop.services.access import require_role


def get(session: Session, key: str) -> Any:
    """The typed value of ``key`` (its default when nobody has set it)."""
    definition = setting(key)
    row = session.get(Setting, key)
    if row is None:
        return definition.default
    return definition.parse(row.value)


def get_many(session: Session, prefix: str) -> dict[str, Any]:
    """Every setting whose key starts with ``prefix`` (``"billing."``), typed."""
    values = {key: d.default for key, d in SETTINGS.items() if key.startswith(prefix)}
    rows = session.scalars(select(Setting).where(Setting.key.startswith(prefix)))
    for row in rows:
        if row.key in SETTINGS:
            values[row.key] = SETTINGS[row.key].parse(row.value)
    return values


def read(db: Database, key: str) -> Any:
    with db.query_session() as session:
        return get(session, key)


def change(db: Database, actor: Actor, key: str, text: str) -> Any:
    """Validate and store one setting (administrators only); audited with old and new value."""
    require_role(actor, Role.ADMIN)
    definition = setting(key)
    value = definition.parse(text)
    definition.check_change(value)
    with db.session() as session:
        old = get(session, key)
        row = session.get(Setting, key)
        stored = definition.dump(value)
        if row is None:
            session.add(Setting(key=key, value=stored, updated_at=utcnow(), updated_by=actor.label))
        else:
            row.value, row.updated_at, row.updated_by = stored, utcnow(), actor.label
        shown_old = "***" if definition.secret else definition.dump(old)
        shown_new = "***" if definition.secret else stored
        audit.record(
            session,
            actor,
            "configuracao.alterada",
            "setting",
            key,
            antes=shown_old,
            depois=shown_new,
        )
    return value


def put(session: Session, key: str, value: Any) -> None:
    """Store a typed value without an actor (demo data and migrations only)."""
    definition = setting(key)
    definition.validate(value)
    row = session.get(Setting, key)
    if row is None:
        session.add(
            Setting(
                key=key, value=definition.dump(value), updated_at=utcnow(), updated_by="sistema"
            )
        )
    else:
        row.value = definition.dump(value)


@dataclass(frozen=True)
class SettingView:
    """One row of the Painel de Configurações (secrets never leave the service in clear)."""

    key: str
    group: str
    label: str
    text: str
    secret: bool
    help: str
    choices: tuple[str, ...]
    kind: str  # "decimal", "int", "bool", "str", "date"


_KINDS = {Decimal: "decimal", int: "int", bool: "bool", str: "str", dt.date: "date"}


def _view(definition: Any, stored: str | None) -> SettingView:
    value = definition.parse(stored) if stored is not None else definition.default
    text = definition.dump(value)
    if definition.secret and text:
        text = "********"
    return SettingView(
        definition.key,
        definition.group,
        definition.label,
        text,
        definition.secret,
        definition.help,
        definition.choices,
        _KINDS[definition.type],
    )


def panel(db: Database, actor: Actor) -> list[SettingView]:
    """Every setting, grouped as SPEC §1.10 lists them, typed; administrators only."""
    require_role(actor, Role.ADMIN)
    with db.query_session() as session:
        stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return [_view(definition, stored.get(key)) for key, definition in SETTINGS.items()]


def view(db: Database, actor: Actor, key: str) -> SettingView:
    """One setting as the panel shows it (secrets masked); administrators only."""
    require_role(actor, Role.ADMIN)
    definition = setting(key)
    with db.session() as session:
        row = session.get(Setting, key)
        return _view(definition, row.value if row is not None else None)
