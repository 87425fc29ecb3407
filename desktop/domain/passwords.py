"""argon2id password hashing (argon2-cffi's defaults are RFC 9106's low-memory profile)."""

from __future__ import annotations

import secrets
from collections import Counter
from contextlib import suppress

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


# How many argon2 verifications this process ran, against a stored hash or the dummy one:
# the lockout's promise ("at most N passwords are checked") is counted, not timed.
VERIFICATIONS: Counter[str] = Counter()


# The argon2id hash (default parameters) of a random secret nobody kept: verifying against
# it costs what a real check costs.  A constant, so that the first unknown CPF of a process
# is not slower than the rest (hashing one on demand would be); a test checks that its
# parameters are still the hasher's.
DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$1tFH60D/N29ay9hkfgs/oQ$0EzmAn"
    "yb4TQQyCvP/033gHf4AslMZWtI0ta+YVNhyA4"
)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Check ``password``; with no stored hash (unknown or locked account, no kiosk password)
    run the same argon2id verification against a dummy hash, so that the answer takes the
    same work whether or not the account exists."""
    if not stored_hash:
        VERIFICATIONS["dummy"] += 1
        with suppress(VerificationError, InvalidHashError):
            _hasher.verify(DUMMY_HASH, _bytes(password))
        return False
    VERIFICATIONS["stored"] += 1
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
