"""PIX charges (cobrança imediata) and refunds of PIX paid twice

Revision ID: 0006_pix
Revises: 0003_search
Create Date: 2026-12-07 12:00:01.407601
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_pix"
down_revision: str | None = "0003_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pix_charges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("txid", sa.String(length=35), nullable=False),
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("fine", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("interest", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pendente",
                "ativa",
                "concluida",
                "expirada",
                "recusada",
                name="pixchargestatus_values",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("copy_paste", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=140), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("station", sa.String(length=60), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivables.id"],
            name=op.f("fk_pix_charges_receivable_id_receivables"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_pix_charges_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pix_charges")),
        sa.UniqueConstraint(
            "receivable_id",
            "amount",
            "attempt",
            name=op.f("uq_pix_charges_receivable_id_amount_attempt"),
        ),
        sa.UniqueConstraint("txid", name=op.f("uq_pix_charges_txid")),
    )
    with op.batch_alter_table("pix_charges", schema=None) as batch_op:
        batch_op.create_index(
            "ix_pix_charges_status_created", ["status", "created_at"], unique=False
        )

    op.create_table(
        "pix_refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("end_to_end_id", sa.String(length=32), nullable=False),
        sa.Column("refund_id", sa.String(length=35), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("rtr_id", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payments.id"],
            name=op.f("fk_pix_refunds_payment_id_payments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pix_refunds")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_pix_refunds_payment_id")),
        sa.UniqueConstraint("refund_id", name=op.f("uq_pix_refunds_refund_id")),
    )


def downgrade() -> None:
    op.drop_table("pix_refunds")
    with op.batch_alter_table("pix_charges", schema=None) as batch_op:
        batch_op.drop_index("ix_pix_charges_status_created")

    op.drop_table("pix_charges")
