"""ledger of SMS balance movements (sms_movements)

Revision ID: 0011_integrity
Revises: 0004_two_systems
Create Date: 2026-12-07 16:00:00

Each existing account gets one opening movement equal to its balance, so that from now on
the sum of an account's movements is its balance.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_integrity"
down_revision: str | None = "0012_erp_import"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sms_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("purchase_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "saldo_inicial",
                "transferencia",
                name="smsmovementkind_values",
                native_enum=False,
                length=20,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["sms_accounts.id"],
            name=op.f("fk_sms_movements_account_id_sms_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["purchase_id"],
            ["sms_purchases.id"],
            name=op.f("fk_sms_movements_purchase_id_sms_purchases"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_movements")),
        sa.UniqueConstraint("purchase_id", "kind", name=op.f("uq_sms_movements_purchase_id_kind")),
    )
    with op.batch_alter_table("sms_movements", schema=None) as batch_op:
        batch_op.create_index("ix_sms_movements_account_at", ["account_id", "at"], unique=False)
    op.execute(
        "INSERT INTO sms_movements (account_id, purchase_id, quantity, kind, at, actor) "
        "SELECT id, NULL, balance, 'saldo_inicial', created_at, 'migracao' "
        "FROM sms_accounts WHERE balance <> 0"
    )


def downgrade() -> None:
    with op.batch_alter_table("sms_movements", schema=None) as batch_op:
        batch_op.drop_index("ix_sms_movements_account_at")
    op.drop_table("sms_movements")
