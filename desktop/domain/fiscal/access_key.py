"""Chave de acesso (44 characters) of the NFCom and its check digit.

Layout (MOC NFCom; REFERENCE.md §1)::

    cUF(2) AAMM(4) CNPJ(14) mod(2) serie(3) nNF(9) tpEmis(1) nSiteAutoriz(1) cNF(7) cDV(1)

``cDV`` is modulo 11 over the 43 other characters with weights 2..9 from the right; a
remainder of 0 or 1 gives 0 (the boleto's general DV maps those to 1 instead: don't mix them).
Since the alphanumeric CNPJ (IN RFB 2.229/2024) the CNPJ part may hold letters; each character
is worth ``ord(c) - 48`` (so digits keep their value), as for the CNPJ's own check digits.

Written by hand: it is a few lines, and no maintained library computes the NFCom key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.errors import InvalidInput

KEY_LENGTH = 44
MODEL_NFCOM = "62"
# Same pattern as the XSD's TChDFe: numeric except the CNPJ part.
_KEY_PATTERN = re.compile(r"[0-9]{6}[A-Z0-9]{12}[0-9]{26}")


def check_digit(first43: str) -> int:
    """The cDV of the first 43 characters of a key."""
    if len(first43) != KEY_LENGTH - 1:
        raise ValueError("a chave sem o DV tem 43 caracteres")
    total = 0
    weight = 2
    for ch in reversed(first43):
        total += (ord(ch) - 48) * weight
        weight = 2 if weight == 9 else weight + 1
    remainder = total % 11
    return 0 if remainder < 2 else 11 - remainder


@dataclass(frozen=True)
class AccessKey:
    """The parts of a chave de acesso (numbers as printed in the key, without padding)."""

    uf_code: str  # cUF (IBGE code of the state)
    year_month: str  # AAMM of the issue date
    cnpj: str
    model: str
    series: int
    number: int
    emission_type: str  # tpEmis
    site: str  # nSiteAutoriz
    random_code: str  # cNF, 7 digits
    dv: int

    @property
    def key(self) -> str:
        body = self.body
        return body + str(self.dv)

    @property
    def body(self) -> str:
        return (
            f"{self.uf_code}{self.year_month}{self.cnpj}{self.model}{self.series:03d}"
            f"{self.number:09d}{self.emission_type}{self.site}{self.random_code}"
        )


def build_key(
    *,
    uf_code: str,
    year: int,
    month: int,
    cnpj: str,
    series: int,
    number: int,
    random_code: int,
    model: str = MODEL_NFCOM,
    emission_type: str = "1",
    site: str = "0",
) -> AccessKey:
    """Compose a key and compute its check digit."""
    if not (0 <= series <= 999 and 1 <= number <= 999_999_999 and 0 <= random_code <= 9_999_999):
        raise InvalidInput("fiscal_access_key.serie_numero_codigo_numerico")
    parts = AccessKey(
        uf_code=uf_code,
        year_month=f"{year % 100:02d}{month:02d}",
        cnpj=cnpj,
        model=model,
        series=series,
        number=number,
        emission_type=emission_type,
        site=site,
        random_code=f"{random_code:07d}",
        dv=0,
    )
    body = parts.body
    if len(body) != KEY_LENGTH - 1 or not _KEY_PATTERN.fullmatch(body + "0"):
        raise InvalidInput("fiscal_access_key.dados_insuficientes_compor_chave")
    return AccessKey(**{**parts.__dict__, "dv": check_digit(body)})


def key_problem(key: str) -> str | None:
    """Why ``key`` is not a valid chave de acesso (Portuguese), or None when it is."""
    if len(key) != KEY_LENGTH:
        return f"a chave de acesso deve ter 44 caracteres (tem {len(key)})"
    if not _KEY_PATTERN.fullmatch(key):
        return "a chave de acesso tem caracteres inválidos"
    expected = check_digit(key[:-1])
    if int(key[-1]) != expected:
        return f"dígito verificador da chave de acesso errado (é {key[-1]}, deveria ser {expected})"
    return None


def is_valid_key(key: str) -> bool:
    return key_problem(key) is None


def parse_key(key: str) -> AccessKey:
    """Split a key into its parts; refuse a malformed key or a wrong DV."""
    problem = key_problem(key)
    if problem is not None:
        raise InvalidInput(
            "fiscal_access_key.chave_invalida", problem=problem[0].upper() + problem[1:]
        )
    return AccessKey(
        uf_code=key[0:2],
        year_month=key[2:6],
        cnpj=key[6:20],
        model=key[20:22],
        series=int(key[22:25]),
        number=int(key[25:34]),
        emission_type=key[34],
        site=key[35],
        random_code=key[36:43],
        dv=int(key[43]),
    )


def format_key(key: str) -> str:
    """Groups of four, as the DANFE prints it."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
