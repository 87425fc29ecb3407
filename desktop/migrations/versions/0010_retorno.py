"""bank occurrences from return files (CNAB 240/400)

Revision ID: 0010_retorno
Revises: 0006_pix
Create Date: 2026-12-07 12:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_retorno"
down_revision: str | None = "0006_pix"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bank_occurrences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.String(length=120), nullable=False),
        sa.Column("bank_code", sa.String(length=3), nullable=False),
        sa.Column("nosso_numero", sa.String(length=20), nullable=False),
        sa.Column("occurrence", sa.String(length=2), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=400), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivables.id"],
            name=op.f("fk_bank_occurrences_receivable_id_receivables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_occurrences")),
        sa.UniqueConstraint("source_key", name=op.f("uq_bank_occurrences_source_key")),
    )
    op.create_index(
        "ix_bank_occurrences_receivable",
        "bank_occurrences",
        ["receivable_id", "occurred_on"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_bank_occurrences_receivable", table_name="bank_occurrences")
    op.drop_table("bank_occurrences")
