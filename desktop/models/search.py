"""The word index of subscriber names: what makes a name search fast at 1 million.

``subscriber_words`` has one row per word of each subscriber's folded name, keyed
(word, name_search, subscriber_id): for any word, the subscribers whose name has it come out
of the index already in name order, so the first page of a search reads 50 index entries
per matching word, however common the word.  ``name_words`` is the vocabulary, to expand a
typed prefix ("mar") into the words it starts ("maria", "mariana", "marcos"…).

Both are filled by database triggers on ``subscribers`` (``desktop.models.unmodelled``), so
every writer — the app, ``import customers``, the demo's bulk load — keeps them current.
On PostgreSQL the text columns use the "C" collation: the prefix range (``word >= 'mar' AND
word < 'mas'``) and the name order must be code-point order, whatever the database's locale.
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

# A tuple, as SQLAlchemy takes __table_args__ too (a dict literal there is a mutable class default).
WITHOUT_ROWID = ({"sqlite_with_rowid": False},)
CodePointText = String(120).with_variant(String(120, collation="C"), "postgresql")


class SubscriberWord(Base):
    __tablename__ = "subscriber_words"
    # One B-tree on SQLite, not the rows plus a key index repeating them (migration 0014).
    __table_args__ = WITHOUT_ROWID

    word: Mapped[str] = mapped_column(CodePointText, primary_key=True)
    name_search: Mapped[str] = mapped_column(CodePointText, primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class NameWord(Base):
    __tablename__ = "name_words"
    __table_args__ = WITHOUT_ROWID

    word: Mapped[str] = mapped_column(CodePointText, primary_key=True)
