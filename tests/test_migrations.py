"""Alembic owns the schema: the revisions produce exactly the mapped models, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from desktop.db import Database, head_revision
from desktop.errors import SchemaTooNew
from desktop.models import Base


def test_migrations_match_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    assert db.current_revision() == head_revision()


def test_freeradius_tables_keep_their_own_column_names(db: Database) -> None:
    columns = {c["name"] for c in inspect(db.engine).get_columns("radacct")}
    assert {"acctinputoctets", "acctoutputoctets", "acctstarttime", "acctstoptime", "username",
            "nasipaddress", "framedipaddress", "framedipv6prefix", "callingstationid", "class"} <= columns
    for table in ("radcheck", "radreply", "radusergroup", "radgroupcheck", "radgroupreply"):
        assert inspect(db.engine).has_table(table)


def test_upgrade_creates_an_empty_sqlite_file(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'novo' / 'central.sqlite3'}")
    assert db.current_revision() is None
    assert db.upgrade() == head_revision()
    assert db.is_current()


def test_refuses_a_database_newer_than_the_app(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    db.upgrade()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    try:
        db.upgrade()
    except SchemaTooNew as exc:
        assert "versão mais nova" in exc.message
    else:
        raise AssertionError("a newer schema was accepted")
