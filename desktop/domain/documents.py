"""CPF and CNPJ (alphanumeric CNPJ included): validation through validate-docbr, masking."""

from __future__ import annotations

import re

from validate_docbr import CNPJ, CPF

from desktop.errors import InvalidInput

_cpf = CPF()  # refuses repeated-digit CPFs such as 111.111.111-11
_cnpj = CNPJ()  # accepts the alphanumeric CNPJ of IN RFB 2.229/2024


def normalize_document(text: str) -> str:
    """Strip the mask and spaces; upper-case letters (alphanumeric CNPJ)."""
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


def is_cpf(document: str) -> bool:
    return len(document) == 11 and document.isdigit() and bool(_cpf.validate(document))


def is_cnpj(document: str) -> bool:
    return len(document) == 14 and bool(_cnpj.validate(document))


def parse_document(text: str) -> str:
    """Return the bare CPF or CNPJ, or refuse with a message in Portuguese."""
    document = normalize_document(text)
    shown = text.strip()[:40]  # a pasted page is not repeated back in the message
    if len(document) == 11 and document.isdigit():
        if is_cpf(document):
            return document
        raise InvalidInput("documents.cpf_invalido", shown=shown)
    if len(document) == 14:
        if is_cnpj(document):
            return document
        raise InvalidInput("documents.cnpj_invalido", shown=shown)
    raise InvalidInput("documents.cpf_cnpj_invalido_informe", shown=shown)


def looks_like_document(text: str) -> bool:
    document = normalize_document(text)
    return len(document) in (11, 14) and any(ch.isdigit() for ch in document)


def format_document(document: str) -> str:
    if len(document) == 11:
        return f"{document[:3]}.{document[3:6]}.{document[6:9]}-{document[9:]}"
    if len(document) == 14:
        return f"{document[:2]}.{document[2:5]}.{document[5:8]}/{document[8:12]}-{document[12:]}"
    return document


def mask_document(document: str) -> str:
    """Masked for kiosk screens (LGPD): ***.456.789-** or 12.***.***/0001-**."""
    if len(document) == 11:
        return f"***.{document[3:6]}.{document[6:9]}-**"
    if len(document) == 14:
        return f"{document[:2]}.***.***/{document[8:12]}-**"
    return "*" * len(document)
