"""Error classes shared by every layer.

A :class:`UserError` is a *known* failure (bad input, missing permission, a printer that is
off, a database that went away): it carries a message in Portuguese for the person at the
counter and is shown as such.  Anything else is a bug and goes to the crash path with a log
(qutebrowser's KnownError / BugError split).
"""

from __future__ import annotations


class UserError(Exception):
    """A failure the person can understand and act on; ``message`` is Portuguese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
