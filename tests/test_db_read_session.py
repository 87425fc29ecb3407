"""``Database.read_session``: the read-only unit of work used by statement pages and totals."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.errors import DatabaseUnavailable
from desktop.models import Setting
from desktop.services import settings


def test_reads_what_a_session_committed(db: Database) -> None:
    with db.session() as session:
        settings.put(session, "radius.database_url", "postgresql://radius@10.0.0.5/radius")
    with db.read_session() as conn:
        value = conn.execute(
            select(Setting.value).where(Setting.key == "radius.database_url")
        ).scalar()
    assert value == "postgresql://radius@10.0.0.5/radius"


def test_a_later_commit_is_seen_by_the_next_read(db: Database) -> None:
    query = select(Setting.value).where(Setting.key == "radius.database_url")
    with db.read_session() as conn:
        assert conn.execute(query).scalar() is None
    with db.session() as session:
        settings.put(session, "radius.database_url", "postgresql://x@h/r")
    with db.read_session() as conn:
        assert conn.execute(query).scalar() == "postgresql://x@h/r"


@pytest.mark.postgres
def test_an_unreachable_server_is_reported() -> None:
    dead = Database("postgresql+psycopg://postgres@127.0.0.1:1/nothing")
    try:
        with pytest.raises(DatabaseUnavailable), dead.read_session() as conn:
            conn.execute(select(1))
    finally:
        dead.dispose()
