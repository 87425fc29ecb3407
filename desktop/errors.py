"""Error classes shared by every layer.

A :class:`UserError` is a *known* failure (bad input, missing permission, a printer that is
off, a database that went away): it is shown to the person as such.  Anything else is a bug
and goes to the crash path with a log (qutebrowser's KnownError / BugError split).

An error carries a **code** from the catalog (``desktop.domain.vocabulary``) and named
**params**, not words: ``InvalidInput("documento.cpf_invalido", documento="123")``.  Its
:attr:`UserError.message` puts it into words when it is read, in the interface language in
effect at that moment: the template is passed through the one translator hook of this module
(identity, i.e. Portuguese, unless the Qt interface installed ``QCoreApplication.translate``
at start-up), and only then are the params put in, so a translation can move them.  A param
that is itself a word of the vocabulary (a :class:`~desktop.domain.vocabulary.Word`: a
status, a call type) is translated too, under its own table's context; a :class:`Message`
or another :class:`UserError` given as a param is rendered the same way (messages built of
parts, such as "could not record it here: <the database's reason>").

The command line never installs a translator: it prints Portuguese, as SPEC §4 promises.
A first argument that is not a catalog code is shown as it is (kept for the transition;
tests/test_error_catalog.py refuses it outside ``desktop/ui``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Self

from desktop.domain.vocabulary import ERRORS, ERRORS_CONTEXT, Word

#: ``(context, Portuguese text) -> text in the interface language``.
Translator = Callable[[str, str], str]


def _portuguese(context: str, text: str) -> str:
    return text


_translate: Translator = _portuguese


def install_translator(translate: Translator | None) -> None:
    """Make messages follow the interface language; ``None`` puts back Portuguese."""
    global _translate
    _translate = translate or _portuguese


def translate(context: str, text: str) -> str:
    """``text`` (Portuguese) in the interface language, through the installed hook."""
    return _translate(context, text)


def _shown(value: object) -> object:
    if isinstance(value, Word):
        return _translate(value.context, str.__str__(value))
    if isinstance(value, Message | UserError):
        return value.message
    return value


def render(code: str, params: Mapping[str, object]) -> str:
    """The catalog template of ``code`` translated, then filled with ``params``."""
    template = ERRORS.get(code)
    if template is None:  # a literal message (the transition, or a Qt-side text)
        return code
    values = {name: _shown(value) for name, value in params.items()}
    try:
        return _translate(ERRORS_CONTEXT, template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that broke a placeholder
        return template.format(**values)


class Message:
    """A catalog message not yet put into words (a part of a bigger one, a hint)."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        return render(self.code, self.params)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"Message({self.code!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash(self.code)


def _rebuild(cls: type[UserError], code: str, state: dict[str, Any]) -> UserError:
    error = cls.__new__(cls)
    Exception.__init__(error, code)
    error.__dict__.update(state)
    return error


class UserError(Exception):
    """A failure the person can understand and act on: a catalog ``code`` and ``params``."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    @classmethod
    def of(cls, message: Message) -> Self:
        """The error saying ``message`` (a refusal worked out before it is raised)."""
        return cls(message.code, **message.params)

    @property
    def message(self) -> str:
        """The message in the interface language (Portuguese on the command line)."""
        return render(self.code, self.params)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Crosses process boundaries (the race tests) with its params and extra attributes;
        # Exception's own pickling would call __init__ with the code alone.
        return (_rebuild, (type(self), self.code, dict(self.__dict__)))


class InvalidInput(UserError):
    """The input is malformed (a wrong CPF, reversed dates, an unknown call type...)."""


class NotFound(UserError):
    """The thing asked for does not exist (or the actor may not know it exists)."""


class AccessDenied(UserError):
    """The actor's role or scope does not allow the action."""


class Conflict(UserError):
    """The action conflicts with the current state (already paid, already voided...)."""


class DatabaseUnavailable(UserError):
    """The database cannot be reached; nothing was changed."""


class SchemaTooNew(UserError):
    """The database was migrated by a newer version of the application."""


class PrinterError(UserError):
    """The printer is missing, stopped or refused the job; the document is kept."""


class DatabaseBusy(DatabaseUnavailable):
    """Another station holds the write lock (or a deadlock/serialization failure); retry."""


class DatabaseFull(DatabaseUnavailable):
    """The disk (or the server's resources) is full; nothing was changed."""


class DatabaseReadOnly(DatabaseUnavailable):
    """The file or the server refuses writes; nothing was changed."""


class DatabaseCorrupt(DatabaseUnavailable):
    """The file is damaged or is not a database; restore a backup."""
