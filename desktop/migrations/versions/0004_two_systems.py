"""outbox of FreeRADIUS suspension-group changes (two systems, one outcome)

Revision ID: 0004_two_systems
Revises: 0010_retorno
Create Date: 2026-12-07 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_two_systems"
down_revision: str | None = "0010_retorno"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "radius_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("logins", sa.Text(), nullable=False),
        sa.Column("groupname", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("disconnect", sa.Boolean(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contracts.id"],
            name=op.f("fk_radius_changes_contract_id_contracts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_radius_changes_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_radius_changes")),
    )
    with op.batch_alter_table("radius_changes", schema=None) as batch_op:
        batch_op.create_index("ix_radius_changes_contract_id", ["contract_id", "id"], unique=False)
        batch_op.create_index("ix_radius_changes_state_id", ["state", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("radius_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_radius_changes_state_id")
        batch_op.drop_index("ix_radius_changes_contract_id")
    op.drop_table("radius_changes")
