"""runs of the ERP imports (customers, contracts, receivables) and their refused lines

Revision ID: 0012_erp_import
Revises: 0004_two_systems
Create Date: 2026-12-07 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_erp_import"
down_revision: str | None = "0013_partitions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "erp_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("operator", sa.String(length=80), nullable=False),
        sa.Column("station", sa.String(length=60), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("read", sa.BigInteger(), nullable=False),
        sa.Column("created", sa.BigInteger(), nullable=False),
        sa.Column("updated", sa.BigInteger(), nullable=False),
        sa.Column("unchanged", sa.BigInteger(), nullable=False),
        sa.Column("rejected", sa.BigInteger(), nullable=False),
        sa.Column("conflicts", sa.BigInteger(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erp_imports")),
    )
    op.create_index("ix_erp_imports_started", "erp_imports", ["started_at", "id"])
    op.create_table(
        "erp_import_problems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["erp_imports.id"],
            name=op.f("fk_erp_import_problems_import_id_erp_imports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erp_import_problems")),
    )
    op.create_index(
        "ix_erp_import_problems_run", "erp_import_problems", ["import_id", "kind", "line"]
    )


def downgrade() -> None:
    op.drop_index("ix_erp_import_problems_run", table_name="erp_import_problems")
    op.drop_table("erp_import_problems")
    op.drop_index("ix_erp_imports_started", table_name="erp_imports")
    op.drop_table("erp_imports")
