"""NFCom (modelo 62): access key, signed XML through nfelib, XSD validation, parsing.

``from desktop.services import fiscal`` then ``fiscal.build_nfcom``, ``fiscal.validate_nfcom``,
``fiscal.parse_nfcom``...  The modules: :mod:`.access_key` (chave de acesso and its DV),
:mod:`.certificate` (signers; the self-signed homologation certificate), :mod:`.builder`
(XML through nfelib's bindings, signed), :mod:`.reader` (XSD, signature, parsing),
:mod:`.types` (plain dataclasses, no fiscal library).
"""

from __future__ import annotations

from desktop.domain.fiscal.access_key import (
    AccessKey,
    build_key,
    check_digit,
    format_key,
    is_valid_key,
    key_problem,
    parse_key,
)
from desktop.domain.fiscal.builder import (
    access_key_for,
    build_binding,
    build_nfcom,
    protocol_number,
    qr_code_url,
    simulate_authorization,
    xml_text,
)
from desktop.domain.fiscal.certificate import (
    Signer,
    load_signer,
    make_self_signed_certificate,
)
from desktop.domain.fiscal.reader import (
    AUTHORIZED_STATUS,
    consistency_problems,
    parse_nfcom,
    protocol_digest_matches,
    protocol_key,
    signature_problem,
    validate_nfcom,
)
from desktop.domain.fiscal.types import (
    ENV_HOMOLOGATION,
    ENV_PRODUCTION,
    HOMOLOGATION_NOTICE,
    Address,
    Draft,
    Item,
    Line,
    NfcomInfo,
    Party,
    Protocol,
    Totals,
)

__all__ = [
    "AUTHORIZED_STATUS",
    "ENV_HOMOLOGATION",
    "ENV_PRODUCTION",
    "HOMOLOGATION_NOTICE",
    "AccessKey",
    "Address",
    "Draft",
    "Item",
    "Line",
    "NfcomInfo",
    "Party",
    "Protocol",
    "Signer",
    "Totals",
    "access_key_for",
    "build_binding",
    "build_key",
    "build_nfcom",
    "check_digit",
    "consistency_problems",
    "format_key",
    "is_valid_key",
    "key_problem",
    "load_signer",
    "make_self_signed_certificate",
    "parse_key",
    "parse_nfcom",
    "protocol_digest_matches",
    "protocol_key",
    "protocol_number",
    "qr_code_url",
    "signature_problem",
    "simulate_authorization",
    "validate_nfcom",
    "xml_text",
]
