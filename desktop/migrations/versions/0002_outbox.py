"""event outbox, ERP external ids, payments keyed by their source

Revision ID: 0002_outbox
Revises: 0001
Create Date: 2026-12-07 12:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_outbox"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_outbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("station", sa.String(length=60), nullable=False),
        sa.Column("operator", sa.String(length=80), nullable=False),
        sa.Column("subscriber_id", sa.Integer(), nullable=True),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("receivable_id", sa.Integer(), nullable=True),
        sa.Column("protocol", sa.String(length=30), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscriber_id"],
            ["subscribers.id"],
            name=op.f("fk_event_outbox_subscriber_id_subscribers"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contracts.id"],
            name=op.f("fk_event_outbox_contract_id_contracts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivables.id"],
            name=op.f("fk_event_outbox_receivable_id_receivables"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_outbox")),
    )
    for table in ("subscribers", "contracts", "receivables"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("external_id", sa.String(length=64), nullable=True))
            batch.create_unique_constraint(op.f(f"uq_{table}_external_id"), ["external_id"])
    with op.batch_alter_table("payments") as batch:
        batch.add_column(sa.Column("source_key", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("fee", sa.Numeric(precision=12, scale=2), nullable=True))
        batch.add_column(sa.Column("interest", sa.Numeric(precision=12, scale=2), nullable=True))
        batch.add_column(sa.Column("discount", sa.Numeric(precision=12, scale=2), nullable=True))
        batch.add_column(sa.Column("credited_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("duplicate", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # Payments recorded before this revision keep an identity of their own.
    op.execute("UPDATE payments SET source_key = 'legado:' || CAST(id AS VARCHAR(20))")
    with op.batch_alter_table("payments") as batch:
        batch.alter_column("source_key", existing_type=sa.String(length=120), nullable=False)
        batch.alter_column("duplicate", server_default=None)
        batch.create_unique_constraint(op.f("uq_payments_source_key"), ["source_key"])


def downgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.drop_constraint(op.f("uq_payments_source_key"), type_="unique")
        for column in ("duplicate", "credited_on", "discount", "interest", "fee", "source_key"):
            batch.drop_column(column)
    for table in ("receivables", "contracts", "subscribers"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"uq_{table}_external_id"), type_="unique")
            batch.drop_column("external_id")
    op.drop_table("event_outbox")
