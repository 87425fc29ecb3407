"""the word index of subscriber names (subscriber_words, name_words) and its triggers

Revision ID: 0003_search
Revises: 0002_outbox
Create Date: 2026-12-07 12:30:00

See ``desktop.models.search`` for why a word index (and not a trigram or full-text index).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop.models.unmodelled import create_name_word_triggers, drop_name_word_triggers

revision: str = "0003_search"
down_revision: str | None = "0002_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT = sa.String(length=120).with_variant(sa.String(length=120, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "subscriber_words",
        sa.Column("word", TEXT, nullable=False),
        sa.Column("name_search", TEXT, nullable=False),
        sa.Column("subscriber_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint(
            "word", "name_search", "subscriber_id", name=op.f("pk_subscriber_words")
        ),
    )
    op.create_table(
        "name_words",
        sa.Column("word", TEXT, nullable=False),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_name_words")),
    )
    create_name_word_triggers(op.get_bind())


def downgrade() -> None:
    drop_name_word_triggers(op.get_bind())
    op.drop_table("name_words")
    op.drop_table("subscriber_words")
