"""A word of the vocabulary, marked with the table (Qt context) it is translated under."""

from __future__ import annotations


class Word(str):
    """A Portuguese word that the interface translates under ``context``.

    It is a ``str`` (equal to the Portuguese, so code and the CLI use it as they would the
    plain text); given as a param of an error, the message translates it too.
    """

    context: str

    def __new__(cls, context: str, text: str) -> Word:
        word = super().__new__(cls, text)
        word.context = context
        return word

    def __reduce__(self) -> tuple[object, ...]:
        return (Word, (self.context, str(self)))
