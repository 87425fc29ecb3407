"""Worker functions for the integrity races (spawned children import only this module)."""

from __future__ import annotations

from typing import Any


def _counter(user_id: int, role: str) -> Any:
    from desktop.domain.actors import CounterActor
    from desktop.domain.enums import Role

    return CounterActor(user_id, f"u{user_id}", Role(role), "estacao")


def transfer(
    url: str, user_id: int, purchase_id: int, quantity: int, barrier: Any, out: Any
) -> None:
    """Support records the transfer of one purchase's credits."""
    from desktop.db import Database
    from desktop.errors import UserError
    from desktop.services import sms_credits

    db = Database(url)
    barrier.wait(timeout=60)
    try:
        result = sms_credits.record_transfer(
            db, _counter(user_id, "suporte"), purchase_id, quantity, f"REF-{purchase_id}"
        )
        out.put(("ok", result.balance))
    except UserError as exc:
        out.put(("refused", f"{type(exc).__name__}: {exc.message}"))
    finally:
        db.dispose()


def buy(
    url: str,
    user_id: int,
    subscriber_id: int,
    contract_id: int,
    value_id: int,
    key: str,
    barrier: Any,
    out: Any,
) -> None:
    """One station submits the purchase with the key every station shares (a double click)."""
    from desktop.db import Database
    from desktop.errors import UserError
    from desktop.services import sms_credits

    db = Database(url)
    barrier.wait(timeout=60)
    try:
        item = sms_credits.buy(
            db, _counter(user_id, "atendente"), subscriber_id, contract_id, value_id, key
        )
        out.put(("ok", item.id, item.receivable_id))
    except UserError as exc:
        out.put(("refused", f"{type(exc).__name__}: {exc.message}", None))
    finally:
        db.dispose()


def kiosk_login(url: str, document: str, password: str, barrier: Any, out: Any) -> None:
    """A kiosk tries a password; reports the message and how many argon2 checks it ran."""
    from desktop.db import Database
    from desktop.domain import passwords
    from desktop.errors import UserError
    from desktop.services import auth

    db = Database(url)
    barrier.wait(timeout=60)
    try:
        auth.login_kiosk(db, document, password, "quiosque")
        out.put(("ok", "", dict(passwords.VERIFICATIONS)))
    except UserError as exc:
        out.put(("refused", exc.message, dict(passwords.VERIFICATIONS)))
    finally:
        db.dispose()


def add_first_user(url: str, login: str, barrier: Any, out: Any) -> None:
    """Installation on several stations at once: each tries to create the first admin."""
    from desktop.db import Database
    from desktop.domain.enums import Role
    from desktop.errors import UserError
    from desktop.services import auth

    db = Database(url)
    barrier.wait(timeout=60)
    try:
        auth.add_user(db, None, login, login, Role.ADMIN, "senha-forte-1")
        out.put(("ok", login))
    except UserError as exc:
        out.put(("refused", exc.message))
    finally:
        db.dispose()


def add_ticket_contact(
    url: str, user_id: int, ticket_id: int, contact_id: int, barrier: Any, out: Any
) -> None:
    """A station lists one more contact on the same ticket."""
    from desktop.db import Database
    from desktop.services import tickets

    db = Database(url)
    barrier.wait(timeout=60)
    try:
        tickets.add_contact(db, _counter(user_id, "atendente"), ticket_id, contact_id)
        out.put(("ok", contact_id))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("error", repr(exc)))
    finally:
        db.dispose()


def erp_import(
    url: str, user_id: int, kind: str, path: str, batch_rows: int, barrier: Any, out: Any
) -> None:
    """A station imports one ERP file (small batches, so two stations' batches interleave)."""
    from desktop.db import Database
    from desktop.errors import UserError
    from desktop.services import erp_import as service

    db = Database(url)
    barrier.wait(timeout=60)
    try:
        report = service.import_file(
            db, _counter(user_id, "financeiro"), kind, path, batch_rows=batch_rows
        )
        out.put(("ok", report.created, report.updated, report.unchanged, len(report.rejected)))
    except UserError as exc:
        out.put(("refused", f"{type(exc).__name__}: {exc.message}"))
    finally:
        db.dispose()
