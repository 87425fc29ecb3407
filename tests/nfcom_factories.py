"""Real signed NFCom XML for tests (nfelib + erpbrasil.assinatura, homologation certificate)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from desktop.adapters import homologation_certificate
from desktop.config.registry import SETTINGS
from desktop.domain import fiscal
from desktop.domain.fiscal import builder

COMPANY_CNPJ = SETTINGS["company.cnpj"].default
ISSUED = dt.datetime(2026, 3, 5, 11, 0, tzinfo=dt.UTC)  # 08:00 in São Paulo


def emitter() -> fiscal.Party:
    d = {key: s.default for key, s in SETTINGS.items() if key.startswith("company.")}
    return fiscal.Party(
        document=d["company.cnpj"],
        name=d["company.name"],
        trade_name=d["company.trade_name"],
        state_registration=d["company.ie"],
        address=fiscal.Address(
            d["company.street"],
            d["company.number"],
            d["company.district"],
            d["company.city"],
            d["company.city_ibge"],
            d["company.state"],
            d["company.cep"],
            phone=d["company.phone"],
            email=d["company.email"],
        ),
    )


def recipient(document: str, name: str = "Maria da Silva") -> fiscal.Party:
    return fiscal.Party(
        document=document,
        name=name,
        address=fiscal.Address(
            "Rua das Flores", "10", "Centro", "Paranavaí", "4118402", "PR", "87700000"
        ),
    )


def draft(
    document: str,
    *,
    name: str = "Maria da Silva",
    number: int = 1,
    series: int = 1,
    amount: str = "99.90",
    issued_at: dt.datetime = ISSUED,
    random_code: int = 1234567,
    environment: str = "2",
    lines: tuple[fiscal.Line, ...] | None = None,
) -> fiscal.Draft:
    return fiscal.Draft(
        emitter=emitter(),
        recipient=recipient(document, name),
        subscriber_code="1001",
        series=series,
        number=number,
        random_code=random_code,
        issued_at=issued_at,
        lines=lines or (fiscal.Line("PLANO300", "Internet 300 Mega - 03/2026", Decimal(amount)),),
        contract_number="C000001",
        competence=dt.date(issued_at.year, issued_at.month, 1),
        due_date=(issued_at + dt.timedelta(days=5)).date(),
        barcode="23793381286000000000000000000000000000000000000",
        environment=environment,
        additional_info="Documento de teste.",
    )


_PFX: list[bytes] = []


def install_certificate() -> Path:
    """Put one session-wide test certificate in this test's data dir (RSA keygen is slow)."""
    if not _PFX:
        e = emitter()
        _PFX.append(fiscal.make_self_signed_certificate(e.name, e.document))
    path = homologation_certificate.homologation_certificate_path()
    path.write_bytes(_PFX[0])
    return path


def signer() -> fiscal.Signer:
    e = emitter()
    return homologation_certificate.homologation_signer(e.name, e.document)


def authorize(
    signed: str, number: int = 1, issued_at: dt.datetime = ISSUED, environment: str = "2"
) -> str:
    protocol = fiscal.Protocol(
        number=fiscal.protocol_number("41", issued_at.year, number),
        received_at=issued_at + dt.timedelta(seconds=30),
        status_code="100",
        reason="Autorizado o uso da NFCom",
    )
    return fiscal.simulate_authorization(signed, protocol, environment=environment)


def nfcom_proc(document: str, **kwargs: object) -> str:
    """An authorized (simulated protocol) nfcomProc for ``document``."""
    d = draft(document, **kwargs)  # type: ignore[arg-type]
    return authorize(fiscal.build_nfcom(d, signer()), d.number, d.issued_at, d.environment)


def with_wrong_dv(document: str, number: int = 7) -> str:
    """Signed and authorized, valid against the XSD, but the key's check digit is wrong."""
    d = draft(document, number=number)
    binding = fiscal.build_binding(d)
    inf = binding.infNFCom
    good = inf.Id[5:]
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    inf.Id = "NFCom" + wrong
    inf.ide.cDV = wrong[-1]
    binding.infNFComSupl.qrCodNFCom = fiscal.qr_code_url(wrong, "2")
    unsigned = builder._serializer.render(obj=binding, ns_map={None: builder.NS})
    return authorize(signer().sign(unsigned, inf.Id), number)


def write(directory: Path, name: str, xml: str) -> Path:
    path = directory / name
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + xml, encoding="utf-8")
    return path
