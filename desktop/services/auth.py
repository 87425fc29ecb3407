"""Logins (counter users and kiosk subscribers), lockout, and counter user management."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from desktop.db import Database, rows_affected, serialize
from desktop.domain.actors import Actor, CounterActor, KioskActor
from desktop.domain.clock import to_local, utcnow
from desktop.domain.documents import parse_document
from desktop.domain.enums import Channel, Role
from desktop.domain.passwords import hash_password, needs_rehash, verify_password
from desktop.domain.text import clean_input
from desktop.errors import AccessDenied, Conflict, InvalidInput, NotFound
from desktop.models import CounterUser, Subscriber
from desktop.services import audit, settings
from desktop.services.access import require_role

LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,59}")
MIN_PASSWORD = 8
WRONG_CREDENTIALS = "auth.usuario_ou_senha_incorretos"  # catalog code
USERS_LOCK_KEY = 0x55534552  # "USER": advisory lock key of counter user creation


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    name: str
    role: Role
    active: bool


def _locked(until: dt.datetime) -> AccessDenied:
    return AccessDenied("auth.acesso_bloqueado_ate", until=to_local(until))


def _kiosk_refusal(attempts: int, minutes: int) -> AccessDenied:
    # One answer for a wrong password, an unknown CPF/CNPJ and a locked account: a kiosk
    # must not learn whether someone is a subscriber.
    return AccessDenied("auth.quiosque_cpf_ou_senha_incorretos", attempts=attempts, minutes=minutes)


@dataclass(frozen=True)
class _Attempt:
    account_id: int | None  # None: unknown, inactive or locked (not counted)
    ok: bool
    locked_now: bool  # this attempt reached the limit and locked the account
    limits: dict[str, int]


_Model = type[CounterUser] | type[Subscriber]


def _attempt(db: Database, model: _Model, match: ColumnElement[bool], password: str) -> _Attempt:
    """Count the attempt in SQL *before* the password is checked, and decide from the count.

    ``failed_logins = failed_logins + 1 … RETURNING`` is committed on its own, so parallel
    attempts each see the others' (a Python ``+= 1`` on a row read earlier lost them: 40
    parallel wrong passwords left the counter at 3).  Only attempts numbered up to the limit
    verify the real password; the rest, unknown accounts and locked ones verify a dummy
    argon2id hash, the same work.  The password is checked outside any transaction: on
    SQLite the write lock is not held through argon2.
    """
    now = utcnow()
    with db.session() as session:
        limits = settings.get_many(session, "kiosk.lockout")
        row = session.execute(
            update(model)
            .where(match, or_(model.locked_until.is_(None), model.locked_until <= now))
            .values(failed_logins=model.failed_logins + 1)
            .returning(model.id, model.failed_logins, model.password_hash)
            .execution_options(synchronize_session=False)
        ).one_or_none()
    limit = limits["kiosk.lockout_attempts"]
    within = row is not None and row.failed_logins <= limit
    ok = verify_password(row.password_hash if within and row else None, password)
    if row is None:
        return _Attempt(None, False, False, limits)
    rehash = hash_password(password) if ok and needs_rehash(row.password_hash or "") else None
    with db.session() as session:
        if ok:
            values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
            if rehash:
                values["password_hash"] = rehash
            session.execute(update(model).where(model.id == row.id).values(**values))
            return _Attempt(row.id, True, False, limits)
        locked_now = False
        if row.failed_logins >= limit:
            until = now + dt.timedelta(minutes=limits["kiosk.lockout_minutes"])
            # Only the attempt that finds the account unlocked locks it: stragglers of the
            # same burst do not push the end of the lock further.
            locked_now = bool(
                rows_affected(
                    session.execute(
                        update(model)
                        .where(
                            model.id == row.id,
                            or_(model.locked_until.is_(None), model.locked_until <= now),
                        )
                        .values(locked_until=until, failed_logins=0)
                    )
                )
            )
    return _Attempt(row.id, False, locked_now, limits)


def _audit_login(db: Database, actor: Actor, ok: bool, subject: str, subject_id: int) -> None:
    with db.session() as session:
        audit.record(session, actor, "login" if ok else "login.falhou", subject, subject_id)


def login_counter(db: Database, login: str, password: str, station: str) -> CounterActor:
    """Check a counter user's password; lock the account after repeated failures."""
    login = clean_input(login, 100).strip().lower()  # a NUL or a lone surrogate finds nobody
    match = and_(CounterUser.login == login, CounterUser.active.is_(True))
    attempt = _attempt(db, CounterUser, match, password)
    if attempt.account_id is None:
        with db.read_session() as conn:
            until = conn.scalar(select(CounterUser.locked_until).where(match))
        if until is not None and until > utcnow():
            raise _locked(until)
        raise AccessDenied(WRONG_CREDENTIALS)
    with db.read_session() as conn:
        user = conn.execute(
            select(CounterUser.login, CounterUser.role, CounterUser.locked_until).where(
                CounterUser.id == attempt.account_id
            )
        ).one()
    actor = CounterActor(attempt.account_id, user.login, user.role, station)
    _audit_login(db, actor, attempt.ok, "counter_user", attempt.account_id)
    if attempt.ok:
        return actor
    if user.locked_until is not None and user.locked_until > utcnow():
        raise _locked(user.locked_until)
    raise AccessDenied(WRONG_CREDENTIALS)


def login_kiosk(db: Database, document_text: str, password: str, station: str) -> KioskActor:
    """A subscriber at the kiosk: CPF/CNPJ and password; lockout after repeated failures.

    A wrong password, an unknown CPF/CNPJ, a subscriber without a kiosk password and a
    locked account get the same answer after the same work (one argon2id verification).
    """
    document = parse_document(document_text)
    attempt = _attempt(db, Subscriber, Subscriber.document == document, password)
    if attempt.account_id is not None:
        actor = KioskActor(attempt.account_id, station)
        _audit_login(db, actor, attempt.ok, "subscriber", attempt.account_id)
        if attempt.ok:
            return actor
    raise _kiosk_refusal(
        attempt.limits["kiosk.lockout_attempts"], attempt.limits["kiosk.lockout_minutes"]
    )


def _check_new_user(login: str, password: str) -> str:
    login = login.strip().lower()
    if not LOGIN_PATTERN.fullmatch(login):
        raise InvalidInput("auth.login_invalido_use_letras")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("auth.senha_muito_curta_use", min_password=MIN_PASSWORD)
    return login


def add_user(
    db: Database, actor: Actor | None, login: str, name: str, role: Role, password: str
) -> UserInfo:
    """Create a counter user.  Only an admin may, except for the very first user (bootstrap)."""
    login = _check_new_user(login, password)
    password_hash = hash_password(password)  # before the write lock: argon2 takes a while
    with db.session() as session:
        # Two stations installing at once must not both create "the first user" with no
        # admin's say: the count and the insert run one station at a time.
        serialize(session, USERS_LOCK_KEY)
        has_users = session.scalar(select(func.count()).select_from(CounterUser)) or 0
        if has_users:
            if actor is None:
                raise AccessDenied("auth.apenas_administrador_pode_cadastrar")
            require_role(actor, Role.ADMIN)
        user = CounterUser(login=login, name=name or login, role=role, password_hash=password_hash)
        session.add(user)
        try:
            session.flush()
        except IntegrityError:
            raise Conflict("auth.existe_usuario_login", login=login) from None
        who = actor or CounterActor(user.id, user.login, role, "instalacao", Channel.CLI)
        audit.record(
            session, who, "usuario.criado", "counter_user", user.id, login=login, perfil=role.value
        )
        return UserInfo(user.id, user.login, user.name, user.role, user.active)


def actor_for_operator(db: Database, login: str, station: str) -> CounterActor:
    """The command line acts as a named back-office operator, with that operator's role."""
    with db.query_session() as session:
        user = session.scalar(select(CounterUser).where(CounterUser.login == login.strip().lower()))
        if user is None or not user.active:
            raise NotFound("auth.operador_nao_cadastrado_use", login=login)
        return CounterActor(user.id, user.login, user.role, station, Channel.CLI)


def set_subscriber_password(db: Database, actor: Actor, subscriber_id: int, password: str) -> None:
    """Define the kiosk password of a subscriber (counter staff, audited)."""
    require_role(actor, Role.ATTENDANT, Role.SUPPORT)
    if len(password) < 6:
        raise InvalidInput("auth.senha_quiosque_muito_curta")
    with db.session() as session:
        sub = session.get(Subscriber, subscriber_id)
        if sub is None:
            raise NotFound("comum.assinante_nao_encontrado")
        sub.password_hash = hash_password(password)
        sub.failed_logins = 0
        sub.locked_until = None
        audit.record(session, actor, "assinante.senha_definida", "subscriber", subscriber_id)
