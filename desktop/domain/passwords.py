"""argon2id password hashing (argon2-cffi's defaults are RFC 9106's low-memory profile)."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id, t=3, m=64 MiB, p=4
# Fast parameters for bulk demo data only; real logins re-hash to the defaults on success.
_demo_hasher = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)


def _bytes(password: str) -> bytes:
    # UTF-8 as argon2-cffi would encode it; "surrogatepass" so that a lone surrogate (which
    # strict UTF-8 refuses with an exception) is just a wrong password, not a crash.
    return password.encode("utf-8", "surrogatepass")


def hash_password(password: str) -> str:
    return _hasher.hash(_bytes(password))


def hash_password_fast(password: str) -> str:
    """Still argon2id, with light parameters: for generating thousands of demo accounts."""
    return _demo_hasher.hash(_bytes(password))


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        # Spend the same time as a real check, so a missing account is not revealed by timing.
        _hasher.hash(_bytes(password))
        return False
    try:
        return _hasher.verify(stored_hash, _bytes(password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def generate_password(length: int = 10) -> str:
    """Readable generated password (no look-alike characters) for slips handed to clients."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(length))
