"""Check one authorized NFCom XML file (``nfcomProc``) before it is stored.

No database here: :func:`check_nfcom` says whether a file is an NFCom the Central may keep and
what it says; :func:`desktop.services.invoices.import_nfcom` stores it.  The checks, in order
(the first failure is the reason reported, in Portuguese):

1. well-formed XML without DOCTYPE, at most :data:`MAX_FILE_BYTES`;
2. valid against the official XSD shipped in nfelib (``procNFCom_v1.00.xsd``);
3. the access key's check digit, and the key against the fields it repeats;
4. the XML-DSig signature holds (the content was not changed after signing);
5. the protocol: an ``nfcomProc`` whose protNFCom authorizes this key (cStat 100 or 150)
   and whose digVal is the signature's digest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from desktop.errors import InvalidInput
from desktop.services import fiscal
from desktop.services.fiscal.access_key import MODEL_NFCOM
from desktop.services.fiscal.reader import parse_xml, root_name

MAX_FILE_BYTES = 5 * 1024 * 1024
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


@dataclass(frozen=True)
class NfcomFile:
    """An NFCom that passed every check: the XML text to store and what it says."""

    xml: str  # without the XML declaration
    info: fiscal.NfcomInfo


def _text(data: bytes, root: object) -> str:
    """The document as text: the file's own characters when it is UTF-8, else re-serialized."""
    match = _DECLARED_ENCODING.match(data)
    encoding = match.group(1).decode().lower() if match else "utf-8"
    if encoding in ("utf-8", "utf8"):
        text = data.decode("utf-8-sig")
        return re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", text, count=1)
    return str(etree.tostring(root, encoding="unicode"))


def _first(errors: list[str]) -> str:
    more = f" (e mais {len(errors) - 1} erro(s))" if len(errors) > 1 else ""
    return errors[0] + more


def check_nfcom(data: bytes) -> NfcomFile:
    """The NFCom in ``data``, or :class:`InvalidInput` with the reason in Portuguese."""
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput("arquivo grande demais para uma NFCom (mais de 5 MB)")
    root = parse_xml(data)
    name = root_name(root)
    if not name:
        raise InvalidInput("o arquivo não é uma NFCom (modelo 62)")
    errors = fiscal.validate_nfcom(data)
    if errors:
        raise InvalidInput("não confere com o XSD da NFCom: " + _first(errors))
    if name != "nfcomProc":
        raise InvalidInput(
            "NFCom sem o protocolo de autorização: importe o XML autorizado (nfcomProc)"
        )
    info = fiscal.parse_nfcom(data)
    problem = fiscal.key_problem(info.access_key)
    if problem is not None:
        raise InvalidInput(problem)
    if info.model != MODEL_NFCOM:
        raise InvalidInput(f"modelo {info.model} não é NFCom (62)")
    problems = fiscal.consistency_problems(info)
    if problems:
        raise InvalidInput(_first(problems))
    problem = fiscal.signature_problem(data)
    if problem is not None:
        raise InvalidInput(problem)
    protocol = info.protocol
    if protocol is None or protocol.status_code not in fiscal.AUTHORIZED_STATUS:
        status = f"{protocol.status_code} - {protocol.reason}" if protocol else "sem protocolo"
        raise InvalidInput(f"NFCom não autorizada ({status})")
    if fiscal.protocol_key(data) != info.access_key:
        raise InvalidInput("o protocolo de autorização é de outra chave de acesso")
    if not fiscal.protocol_digest_matches(data):
        raise InvalidInput("o digVal do protocolo não confere com a assinatura da NFCom")
    return NfcomFile(_text(data, root), info)


def read_nfcom_file(path: str | Path) -> NfcomFile:
    """Read and check one file; a file that cannot be read is an :class:`InvalidInput`."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput("arquivo grande demais para uma NFCom (mais de 5 MB)")
        data = file.read_bytes()
    except FileNotFoundError:
        raise InvalidInput("arquivo não encontrado") from None
    except IsADirectoryError:
        raise InvalidInput("é uma pasta, não um arquivo") from None
    except OSError as exc:
        raise InvalidInput(f"não foi possível ler o arquivo ({exc.strerror})") from None
    return check_nfcom(data)
