"""FreeRADIUS 3.2's own SQL tables, with its table names, column names and types.

These mirror ``raddb/mods-config/sql/main/postgresql/schema.sql`` (release_3_2_x) so that a
real FreeRADIUS can write accounting into them and read the suspension groups we set.  The
CamelCase names of that file are unquoted there, so PostgreSQL folds them to lower case,
which is what we declare.  ``RadiusLogin`` is the only table of our own here: it ties a
FreeRADIUS ``UserName`` to a contract.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, BigIntPK, Inet
from desktop.models.subscribers import Contract


class RadiusLogin(Base):
    __tablename__ = "radius_logins"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), index=True
    )
    username: Mapped[str] = mapped_column(String(64), unique=True)

    contract: Mapped[Contract] = relationship()


class RadAcct(Base):
    __tablename__ = "radacct"
    __table_args__ = (
        Index(
            "radacct_active_session_idx",
            "acctuniqueid",
            postgresql_where=text("acctstoptime IS NULL"),
            sqlite_where=text("acctstoptime IS NULL"),
        ),
        Index(
            "radacct_bulk_close",
            "nasipaddress",
            "acctstarttime",
            postgresql_where=text("acctstoptime IS NULL"),
            sqlite_where=text("acctstoptime IS NULL"),
        ),
        Index("radacct_start_user_idx", "acctstarttime", "username"),
        Index("radacct_calss_idx", "class"),  # (sic) FreeRADIUS's own index name
        # Ours: the connection statement reads one login's period in start order.
        Index("radacct_user_start_idx", "username", "acctstarttime", "radacctid"),
    )

    radacctid: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    acctsessionid: Mapped[str] = mapped_column(Text)
    acctuniqueid: Mapped[str] = mapped_column(Text, unique=True)
    username: Mapped[str | None] = mapped_column(Text)
    realm: Mapped[str | None] = mapped_column(Text)
    nasipaddress: Mapped[str] = mapped_column(Inet)
    nasportid: Mapped[str | None] = mapped_column(Text)
    nasporttype: Mapped[str | None] = mapped_column(Text)
    acctstarttime: Mapped[dt.datetime | None]
    acctupdatetime: Mapped[dt.datetime | None]
    acctstoptime: Mapped[dt.datetime | None]
    acctinterval: Mapped[int | None] = mapped_column(BigInteger)
    acctsessiontime: Mapped[int | None] = mapped_column(BigInteger)
    acctauthentic: Mapped[str | None] = mapped_column(Text)
    connectinfo_start: Mapped[str | None] = mapped_column(Text)
    connectinfo_stop: Mapped[str | None] = mapped_column(Text)
    acctinputoctets: Mapped[int | None] = mapped_column(BigInteger)
    acctoutputoctets: Mapped[int | None] = mapped_column(BigInteger)
    calledstationid: Mapped[str | None] = mapped_column(Text)
    callingstationid: Mapped[str | None] = mapped_column(Text)
    acctterminatecause: Mapped[str | None] = mapped_column(Text)
    servicetype: Mapped[str | None] = mapped_column(Text)
    framedprotocol: Mapped[str | None] = mapped_column(Text)
    framedipaddress: Mapped[str | None] = mapped_column(Inet)
    framedipv6address: Mapped[str | None] = mapped_column(Inet)
    framedipv6prefix: Mapped[str | None] = mapped_column(Inet)
    framedinterfaceid: Mapped[str | None] = mapped_column(Text)
    delegatedipv6prefix: Mapped[str | None] = mapped_column(Inet)
    class_: Mapped[str | None] = mapped_column("class", Text)


class RadCheck(Base):
    __tablename__ = "radcheck"
    __table_args__ = (Index("radcheck_username", "username", "attribute"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(Text, default="", server_default="")
    attribute: Mapped[str] = mapped_column(Text, default="", server_default="")
    op: Mapped[str] = mapped_column(String(2), default="==", server_default="==")
    value: Mapped[str] = mapped_column(Text, default="", server_default="")


class RadReply(Base):
    __tablename__ = "radreply"
    __table_args__ = (Index("radreply_username", "username", "attribute"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(Text, default="", server_default="")
    attribute: Mapped[str] = mapped_column(Text, default="", server_default="")
    op: Mapped[str] = mapped_column(String(2), default="=", server_default="=")
    value: Mapped[str] = mapped_column(Text, default="", server_default="")


class RadGroupCheck(Base):
    __tablename__ = "radgroupcheck"
    __table_args__ = (Index("radgroupcheck_groupname", "groupname", "attribute"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    groupname: Mapped[str] = mapped_column(Text, default="", server_default="")
    attribute: Mapped[str] = mapped_column(Text, default="", server_default="")
    op: Mapped[str] = mapped_column(String(2), default="==", server_default="==")
    value: Mapped[str] = mapped_column(Text, default="", server_default="")


class RadGroupReply(Base):
    __tablename__ = "radgroupreply"
    __table_args__ = (Index("radgroupreply_groupname", "groupname", "attribute"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    groupname: Mapped[str] = mapped_column(Text, default="", server_default="")
    attribute: Mapped[str] = mapped_column(Text, default="", server_default="")
    op: Mapped[str] = mapped_column(String(2), default="=", server_default="=")
    value: Mapped[str] = mapped_column(Text, default="", server_default="")


class RadUserGroup(Base):
    __tablename__ = "radusergroup"
    __table_args__ = (Index("radusergroup_username", "username"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(Text, default="", server_default="")
    groupname: Mapped[str] = mapped_column(Text, default="", server_default="")
    priority: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
