"""Kiosk logins under parallel attempts, and what a kiosk can learn from the answer.

Before: ``failed_logins += 1`` in Python on a row read without a lock: 40 parallel wrong
passwords left the counter at 3 and 58 passwords were checked against a limit of 5; an
unknown CPF, a locked account and a wrong password each answered differently (message and
work).  Verifications are counted (``passwords.VERIFICATIONS``), never timed.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain import passwords
from desktop.domain.clock import utcnow
from desktop.domain.passwords import DUMMY_HASH, hash_password_fast, needs_rehash
from desktop.errors import AccessDenied
from desktop.models import CounterUser, Subscriber
from desktop.services import auth
from tests.factories import CPFS, subscriber
from tests.services import integrity_workers as workers
from tests.services.concurrency import run_processes

PASSWORD = "segredo-1"
LIMIT = 5  # kiosk.lockout_attempts default


def _with_password(db: Database, document: str, name: str) -> int:
    sub_id, _ = subscriber(db, name, document)
    with db.session() as session:
        sub = session.get(Subscriber, sub_id)
        assert sub is not None
        sub.password_hash = hash_password_fast(PASSWORD)
    return sub_id


def test_forty_parallel_wrong_passwords_check_at_most_the_limit_and_lock(db: Database) -> None:
    sub_id = _with_password(db, CPFS[0], "Alvo")
    results = run_processes(workers.kiosk_login, [(db.url, CPFS[0], "errada-00")] * 40)
    assert {r[0] for r in results} == {"refused"}
    assert len({r[1] for r in results}) == 1  # one answer for every attempt
    checked = sum(r[2].get("stored", 0) for r in results)
    dummy = sum(r[2].get("dummy", 0) for r in results)
    assert checked <= LIMIT, f"{checked} passwords checked against a limit of {LIMIT}"
    assert checked + dummy == 40  # each attempt did the same work: one argon2 verification
    with db.session() as session:
        sub = session.get(Subscriber, sub_id)
        assert sub is not None and sub.locked_until is not None and sub.locked_until > utcnow()
    with pytest.raises(AccessDenied):  # locked: even the right password is refused
        auth.login_kiosk(db, CPFS[0], PASSWORD, "quiosque")


def _refusal(db: Database, document: str, password: str) -> tuple[type, str, int]:
    before = sum(passwords.VERIFICATIONS.values())
    with pytest.raises(AccessDenied) as caught:
        auth.login_kiosk(db, document, password, "quiosque")
    return type(caught.value), caught.value.message, sum(passwords.VERIFICATIONS.values()) - before


def test_unknown_locked_and_wrong_get_the_same_answer_after_the_same_work(db: Database) -> None:
    _with_password(db, CPFS[0], "Com senha")
    subscriber(db, "Sem senha do quiosque", CPFS[2])
    locked_id = _with_password(db, CPFS[3], "Bloqueado")
    for _ in range(LIMIT):
        _refusal(db, CPFS[3], "errada-00")
    answers = {
        "senha errada": _refusal(db, CPFS[0], "errada-00"),
        "CPF sem cadastro": _refusal(db, CPFS[1], PASSWORD),
        "sem senha do quiosque": _refusal(db, CPFS[2], PASSWORD),
        "conta bloqueada (senha certa)": _refusal(db, CPFS[3], PASSWORD),
    }
    assert len(set(answers.values())) == 1, answers
    kind, message, verifications = answers["senha errada"]
    assert kind is AccessDenied and verifications == 1
    assert message.startswith("CPF/CNPJ ou senha incorretos.")
    with db.session() as session:
        locked = session.get(Subscriber, locked_id)
        assert locked is not None and locked.locked_until is not None


def test_a_success_resets_the_count(db: Database) -> None:
    sub_id = _with_password(db, CPFS[0], "Cliente")
    for _ in range(LIMIT - 1):
        _refusal(db, CPFS[0], "errada-00")
    assert auth.login_kiosk(db, CPFS[0], PASSWORD, "quiosque").subscriber_id == sub_id
    for _ in range(LIMIT - 1):  # a fresh count: not locked by the next failure
        _refusal(db, CPFS[0], "errada-00")
    assert auth.login_kiosk(db, CPFS[0], PASSWORD, "quiosque").subscriber_id == sub_id


def test_the_dummy_hash_has_the_real_parameters() -> None:
    assert DUMMY_HASH.startswith("$argon2id$") and not needs_rehash(DUMMY_HASH)


def test_stations_installing_at_once_create_one_first_user(db: Database) -> None:
    logins = [f"admin{n}" for n in range(6)]
    results = run_processes(workers.add_first_user, [(db.url, login) for login in logins])
    assert sorted(r[0] for r in results) == ["ok"] + ["refused"] * 5
    assert {r[1] for r in results if r[0] == "refused"} == {
        "Apenas um administrador pode cadastrar usuários."
    }
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(CounterUser)) == 1
