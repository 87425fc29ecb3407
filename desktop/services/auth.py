"""Logins (counter users and kiosk subscribers), lockout, and counter user management."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desktop.db import Database
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
WRONG_CREDENTIALS = "Usuário ou senha incorretos."


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    name: str
    role: Role
    active: bool


def _locked_message(until: dt.datetime) -> str:
    return f"Acesso bloqueado por excesso de tentativas até {to_local(until):%H:%M}. Tente depois ou procure um administrador."


def login_counter(db: Database, login: str, password: str, station: str) -> CounterActor:
    """Check a counter user's password; lock the account after repeated failures."""
    now = utcnow()
    login = clean_input(login, 100).strip().lower()  # a NUL or a lone surrogate finds nobody
    with db.session() as session:
        limits = settings.get_many(session, "kiosk.lockout")
        user = session.scalar(select(CounterUser).where(CounterUser.login == login))
        if user is None or not user.active:
            verify_password(None, password)
            raise AccessDenied(WRONG_CREDENTIALS)
        if user.locked_until is not None and user.locked_until > now:
            raise AccessDenied(_locked_message(user.locked_until))
        if not verify_password(user.password_hash, password):
            user.failed_logins += 1
            if user.failed_logins >= limits["kiosk.lockout_attempts"]:
                user.locked_until = now + dt.timedelta(minutes=limits["kiosk.lockout_minutes"])
                user.failed_logins = 0
            actor = CounterActor(user.id, user.login, user.role, station)
            audit.record(session, actor, "login.falhou", "counter_user", user.id)
            session.commit()
            if user.locked_until is not None and user.locked_until > now:
                raise AccessDenied(_locked_message(user.locked_until))
            raise AccessDenied(WRONG_CREDENTIALS)
        user.failed_logins = 0
        user.locked_until = None
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        actor = CounterActor(user.id, user.login, user.role, station)
        audit.record(session, actor, "login", "counter_user", user.id)
        return actor


def login_kiosk(db: Database, document_text: str, password: str, station: str) -> KioskActor:
    """A subscriber at the kiosk: CPF/CNPJ and password; lockout after repeated failures."""
    document = parse_document(document_text)
    now = utcnow()
    wrong = "CPF/CNPJ ou senha incorretos."
    with db.session() as session:
        limits = settings.get_many(session, "kiosk.lockout")
        sub = session.scalar(select(Subscriber).where(Subscriber.document == document))
        if sub is None:
            verify_password(None, password)
            raise AccessDenied(wrong)
        if sub.locked_until is not None and sub.locked_until > now:
            raise AccessDenied(_locked_message(sub.locked_until))
        actor = KioskActor(sub.id, station)
        if not verify_password(sub.password_hash, password):
            sub.failed_logins += 1
            if sub.failed_logins >= limits["kiosk.lockout_attempts"]:
                sub.locked_until = now + dt.timedelta(minutes=limits["kiosk.lockout_minutes"])
                sub.failed_logins = 0
            audit.record(session, actor, "login.falhou", "subscriber", sub.id)
            session.commit()
            if sub.locked_until is not None and sub.locked_until > now:
                raise AccessDenied(_locked_message(sub.locked_until))
            raise AccessDenied(wrong)
        sub.failed_logins = 0
        sub.locked_until = None
        if sub.password_hash and needs_rehash(sub.password_hash):
            sub.password_hash = hash_password(password)
        audit.record(session, actor, "login", "subscriber", sub.id)
        return actor


def _check_new_user(login: str, password: str) -> str:
    login = login.strip().lower()
    if not LOGIN_PATTERN.fullmatch(login):
        raise InvalidInput(
            "Login inválido: use de 2 a 60 letras minúsculas, números, ponto, hífen ou sublinhado."
        )
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"Senha muito curta: use ao menos {MIN_PASSWORD} caracteres.")
    return login


def add_user(
    db: Database, actor: Actor | None, login: str, name: str, role: Role, password: str
) -> UserInfo:
    """Create a counter user.  Only an admin may, except for the very first user (bootstrap)."""
    login = _check_new_user(login, password)
    with db.session() as session:
        has_users = session.scalar(select(func.count()).select_from(CounterUser)) or 0
        if has_users:
            if actor is None:
                raise AccessDenied("Apenas um administrador pode cadastrar usuários.")
            require_role(actor, Role.ADMIN)
        user = CounterUser(
            login=login, name=name or login, role=role, password_hash=hash_password(password)
        )
        session.add(user)
        try:
            session.flush()
        except IntegrityError:
            raise Conflict(f"Já existe um usuário com o login {login!r}.") from None
        who = actor or CounterActor(user.id, user.login, role, "instalacao", Channel.CLI)
        audit.record(
            session, who, "usuario.criado", "counter_user", user.id, login=login, perfil=role.value
        )
        return UserInfo(user.id, user.login, user.name, user.role, user.active)


def actor_for_operator(db: Database, login: str, station: str) -> CounterActor:
    """The command line acts as a named back-office operator, with that operator's role."""
    with db.session() as session:
        user = session.scalar(select(CounterUser).where(CounterUser.login == login.strip().lower()))
        if user is None or not user.active:
            raise NotFound(
                f"Operador {login!r} não cadastrado. Use --operator com um login existente "
                "(crie com 'central-assinante user add')."
            )
        return CounterActor(user.id, user.login, user.role, station, Channel.CLI)


def set_subscriber_password(db: Database, actor: Actor, subscriber_id: int, password: str) -> None:
    """Define the kiosk password of a subscriber (counter staff, audited)."""
    require_role(actor, Role.ATTENDANT, Role.SUPPORT)
    if len(password) < 6:
        raise InvalidInput("Senha do quiosque muito curta: use ao menos 6 caracteres.")
    with db.session() as session:
        sub = session.get(Subscriber, subscriber_id)
        if sub is None:
            raise NotFound("Assinante não encontrado.")
        sub.password_hash = hash_password(password)
        sub.failed_logins = 0
        sub.locked_until = None
        audit.record(session, actor, "assinante.senha_definida", "subscriber", subscriber_id)
