"""Worker of the concurrent ``import cdr`` test (spawned children import only this module)."""

from __future__ import annotations

from typing import Any

from desktop.domain.enums import Role


def import_file(url: str, user_id: int, path: str, batch_size: int, barrier: Any, out: Any) -> None:
    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.errors import UserError
    from desktop.services import cdr_import

    cdr_import.BATCH_SIZE = batch_size  # many check-then-insert rounds per import
    db = Database(url)
    actor = CounterActor(user_id, "financeiro1", Role.FINANCE, "estacao")
    barrier.wait(timeout=60)
    try:
        report = cdr_import.import_cdr(db, actor, path)
        out.put(("ok", report.imported, report.duplicates, len(report.malformed)))
    except UserError as exc:
        out.put(("user_error", exc.message, 0, 0))
    except Exception as exc:  # the defect: IntegrityError reaching the person
        out.put(("crash", f"{type(exc).__name__}: {exc}"[:300], 0, 0))
    finally:
        db.dispose()
