"""The self-signed homologation certificate, made on first use and cached in the data directory.

The certificate itself is made by :func:`desktop.domain.fiscal.make_self_signed_certificate`;
this adapter only keeps it as a file (mode 0600) and in memory, so demo data and tests sign
with one certificate per CNPJ instead of generating an RSA key per document.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from desktop.config.paths import data_dir
from desktop.domain.fiscal.certificate import (
    TEST_CERTIFICATE_PASSWORD,
    Signer,
    load_signer,
    make_self_signed_certificate,
)
from desktop.errors import InvalidInput

TEST_CERTIFICATE_FILE = "certificado-teste.pfx"

_lock = threading.Lock()
_signers: dict[tuple[str, float, str], Signer] = {}


def homologation_certificate_path() -> Path:
    return data_dir() / TEST_CERTIFICATE_FILE


def homologation_signer(company_name: str, cnpj: str) -> Signer:
    """The cached test certificate of the data directory, made on first use.

    A certificate made for another CNPJ, expired or unreadable is replaced.  The loaded signer
    is kept in memory per (file, modification time, CNPJ).
    """
    path = homologation_certificate_path()
    with _lock:
        signer = _cached(path, cnpj)
        if signer is not None:
            return signer
        pfx = make_self_signed_certificate(company_name, cnpj)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pfx)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        signer = load_signer(pfx, TEST_CERTIFICATE_PASSWORD)
        _signers[(str(path), path.stat().st_mtime, cnpj)] = signer
        return signer


def _cached(path: Path, cnpj: str) -> Signer | None:
    if not path.exists():
        return None
    cache_key = (str(path), path.stat().st_mtime, cnpj)
    if cache_key in _signers:
        return _signers[cache_key]
    try:
        signer = load_signer(path.read_bytes(), TEST_CERTIFICATE_PASSWORD)
    except (InvalidInput, OSError):
        return None
    if not signer.holder.endswith(":" + cnpj):
        return None
    _signers[cache_key] = signer
    return signer
