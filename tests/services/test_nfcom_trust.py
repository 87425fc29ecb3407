"""Who signed an imported NFCom (issue 14 item 8) and NFCom in UTF-16 (item 7).

A forged file signed by a fresh self-signed certificate is refused; production documents need
a chain to the ICP-Brasil certificates the provider installed (a test root, intermediate and
holder made here); homologation ones import as *sem valor fiscal*; the protocol's digVal and
environment must be the document's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.domain import fiscal
from desktop.domain.enums import Role
from desktop.domain.fiscal.trust import certificate_cnpjs, load_trust_store
from desktop.models import Invoice
from desktop.services import invoices
from desktop.services import settings as settings_service
from tests.conftest import make_user
from tests.factories import CPFS, subscriber
from tests.icp_factories import (
    Issued,
    holder,
    intermediate,
    root,
    signed_proc,
    signer_for,
    write_bundle,
)
from tests.nfcom_factories import COMPANY_CNPJ, install_certificate, nfcom_proc, write

ATTACKER = "Atacante Ltda:11222333000181"


@pytest.fixture(autouse=True)
def _certificate() -> None:
    install_certificate()


@pytest.fixture
def finance(db: Database) -> Any:
    subscriber(db, "Maria da Silva", CPFS[0])
    return make_user(db, "financeiro1", Role.FINANCE)


@pytest.fixture(scope="module")
def pki() -> dict[str, Issued]:
    ca = root()
    ac = intermediate(ca)
    return {
        "root": ca,
        "ac": ac,
        "leaf": holder(ac, f"PROVEDOR EXEMPLO:{COMPANY_CNPJ}", san_cnpj=COMPANY_CNPJ),
        "other_root": root("Outra Raiz", key=3),
    }


def _configure(db: Database, location: str) -> None:
    with db.session() as session:
        settings_service.put(session, "fiscal.icp_brasil_roots", location)


def _import(db: Database, finance: Any, tmp_path: Path, xml: str, name: str = "n.xml") -> Any:
    return invoices.import_nfcom(db, finance, [write(tmp_path, name, xml)])


def _reason(report: Any) -> str:
    assert report.imported == 0, report
    (problem,) = report.rejected
    return str(problem.reason)


def test_a_forged_production_nfcom_is_refused(
    db: Database, finance: Any, tmp_path: Path, pki: dict[str, Issued]
) -> None:
    """The attack of the issue: a fresh self-signed certificate, someone else's CNPJ, tpAmb=1,
    R$ 1.234,56.  Refused whether or not ICP-Brasil roots are installed."""
    forged = signed_proc(signer_for(holder(None, ATTACKER)), CPFS[0], amount="1234.56")
    assert fiscal.signature_problem(forged) is None  # the XML signature itself holds...
    reason = _reason(_import(db, finance, tmp_path, forged))
    assert "outro CNPJ (11222333000181)" in reason and COMPANY_CNPJ in reason
    _configure(db, str(write_bundle(tmp_path / "icp.pem", pki["root"], pki["ac"])))
    assert "outro CNPJ" in _reason(_import(db, finance, tmp_path, forged))
    with db.session() as session:
        assert session.scalars(select(Invoice)).all() == []


def test_a_self_signed_certificate_with_the_emitters_cnpj_is_no_icp_brasil(
    db: Database, finance: Any, tmp_path: Path, pki: dict[str, Issued]
) -> None:
    forged = signed_proc(
        signer_for(holder(None, f"Quase o Provedor:{COMPANY_CNPJ}")), CPFS[0], amount="1234.56"
    )
    assert "raízes ICP-Brasil não estão configuradas" in _reason(
        _import(db, finance, tmp_path, forged)
    )
    _configure(db, str(write_bundle(tmp_path / "icp.pem", pki["root"], pki["ac"])))
    assert "não pertence à cadeia ICP-Brasil" in _reason(_import(db, finance, tmp_path, forged))


def test_a_chain_to_the_installed_root_imports_and_without_it_is_refused(
    db: Database, finance: Any, tmp_path: Path, pki: dict[str, Issued]
) -> None:
    good = signed_proc(signer_for(pki["leaf"]), CPFS[0])
    assert "não estão configuradas" in _reason(_import(db, finance, tmp_path, good))

    _configure(db, str(write_bundle(tmp_path / "outra.pem", pki["other_root"])))
    assert "não pertence à cadeia" in _reason(_import(db, finance, tmp_path, good))

    _configure(db, str(tmp_path / "nao-existe"))
    assert "não foram encontradas" in _reason(_import(db, finance, tmp_path, good))

    folder = tmp_path / "icp"
    folder.mkdir()
    write_bundle(folder / "raiz.pem", pki["root"])
    (folder / "ac.cer").write_bytes(pki["ac"].cert.public_bytes(_der()))  # DER, as ITI ships
    _configure(db, str(folder))
    report = _import(db, finance, tmp_path, good)
    assert (report.imported, report.rejected) == (1, ())
    (item,) = invoices.list_invoices(db, finance, report_subscriber(db))
    assert item.environment == "1" and item.has_fiscal_value and item.notice == ""


def test_the_holders_ac_must_be_installed_and_sign_the_holder(
    db: Database, finance: Any, tmp_path: Path, pki: dict[str, Issued]
) -> None:
    """The XSD allows only the holder's certificate in the signature: with the root alone the
    AC is unknown.  A certificate naming the AC but signed by another key is refused too."""
    good = signed_proc(signer_for(pki["leaf"]), CPFS[0])
    _configure(db, str(write_bundle(tmp_path / "raiz.pem", pki["root"])))
    assert "não pertence à cadeia" in _reason(_import(db, finance, tmp_path, good, "a.xml"))
    impostor_ac = intermediate(pki["root"], key=3)  # same name, another key
    fake = signed_proc(signer_for(holder(impostor_ac, f"PROVEDOR:{COMPANY_CNPJ}")), CPFS[0])
    _configure(db, str(write_bundle(tmp_path / "icp.pem", pki["root"], pki["ac"])))
    assert "não pertence à cadeia" in _reason(_import(db, finance, tmp_path, fake, "b.xml"))
    assert _import(db, finance, tmp_path, good, "c.xml").imported == 1


def test_the_path_must_end_at_an_installed_root(
    db: Database, finance: Any, tmp_path: Path, pki: dict[str, Issued]
) -> None:
    """An AC installed without its root, or beside another root, is no anchor."""
    good = signed_proc(signer_for(pki["leaf"]), CPFS[0])
    _configure(db, str(write_bundle(tmp_path / "so-ac.pem", pki["ac"])))
    assert "Nenhuma AC raiz" in _reason(_import(db, finance, tmp_path, good, "a.xml"))
    _configure(db, str(write_bundle(tmp_path / "outra.pem", pki["other_root"], pki["ac"])))
    assert "não pertence à cadeia" in _reason(_import(db, finance, tmp_path, good, "b.xml"))


def test_a_certificate_not_yet_valid_at_the_issue_date_is_refused(
    db: Database, finance: Any, tmp_path: Path, pki: dict[str, Issued]
) -> None:
    import datetime as dt

    late = holder(
        pki["ac"], f"PROVEDOR:{COMPANY_CNPJ}", not_before=dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    )
    xml = signed_proc(signer_for(late), CPFS[0])  # issued 2026-03-05
    _configure(db, str(write_bundle(tmp_path / "icp.pem", pki["root"], pki["ac"])))
    assert "não era válido na data de emissão" in _reason(_import(db, finance, tmp_path, xml))


def test_the_cnpj_is_read_from_the_cn_and_from_the_icp_brasil_other_name(
    pki: dict[str, Issued],
) -> None:
    assert certificate_cnpjs(pki["leaf"].cert) == {COMPANY_CNPJ}
    only_san = holder(pki["ac"], "PROVEDOR EXEMPLO", san_cnpj=COMPANY_CNPJ)
    assert certificate_cnpjs(only_san.cert) == {COMPANY_CNPJ}
    both = holder(pki["ac"], f"PROVEDOR:{COMPANY_CNPJ}", san_cnpj="11222333000181")
    assert certificate_cnpjs(both.cert) == {COMPANY_CNPJ, "11222333000181"}
    assert certificate_cnpjs(holder(None, "Sem CNPJ").cert) == set()


@pytest.mark.parametrize(
    ("cn", "san", "words"),
    [
        ("PROVEDOR EXEMPLO", COMPANY_CNPJ, None),  # otherName only: accepted
        (f"PROVEDOR:{COMPANY_CNPJ}", "11222333000181", "outro CNPJ"),  # the two disagree
        ("PROVEDOR EXEMPLO", None, "não identifica o CNPJ"),
    ],
)
def test_the_holder_must_be_the_emitter(
    db: Database,
    finance: Any,
    tmp_path: Path,
    pki: dict[str, Issued],
    cn: str,
    san: str | None,
    words: str | None,
) -> None:
    xml = signed_proc(signer_for(holder(pki["ac"], cn, san_cnpj=san)), CPFS[0])
    _configure(db, str(write_bundle(tmp_path / "icp.pem", pki["root"], pki["ac"])))
    report = _import(db, finance, tmp_path, xml)
    if words is None:
        assert report.imported == 1, report
    else:
        assert words in _reason(report)


def test_homologation_imports_without_a_chain_and_is_never_of_fiscal_value(
    db: Database, finance: Any, tmp_path: Path
) -> None:
    """The demo's case: tpAmb=2, self-signed test certificate with the emitter's CNPJ."""
    report = _import(db, finance, tmp_path, nfcom_proc(CPFS[0]))
    assert report.imported == 1, report
    (item,) = invoices.list_invoices(db, finance, report_subscriber(db))
    assert item.environment == "2" and not item.has_fiscal_value
    assert "SEM VALOR FISCAL" in item.notice
    attacker = signed_proc(signer_for(holder(None, ATTACKER)), CPFS[0], environment="2", number=2)
    assert "outro CNPJ" in _reason(_import(db, finance, tmp_path, attacker))


def test_the_protocol_must_carry_the_documents_digest_and_environment(
    db: Database, finance: Any, tmp_path: Path
) -> None:
    good = nfcom_proc(CPFS[0])
    digest = re.search(r"<digVal>([^<]+)</digVal>", good)
    assert digest is not None
    other = "A" * 27 + "="  # a well-formed SHA-1 digest of something else
    wrong = good.replace(f"<digVal>{digest.group(1)}</digVal>", f"<digVal>{other}</digVal>")
    assert "digVal do protocolo não confere" in _reason(_import(db, finance, tmp_path, wrong))
    missing = good.replace(f"<digVal>{digest.group(1)}</digVal>", "")
    assert "não traz o digVal" in _reason(_import(db, finance, tmp_path, missing))
    production_protocol = good.replace("<infProt><tpAmb>2</tpAmb>", "<infProt><tpAmb>1</tpAmb>", 1)
    assert production_protocol != good
    assert "outro ambiente" in _reason(_import(db, finance, tmp_path, production_protocol))


def test_utf16_nfcom_imports_and_a_bad_file_never_stops_the_batch(
    db: Database, finance: Any, tmp_path: Path
) -> None:
    utf16 = tmp_path / "utf16.xml"
    body = '<?xml version="1.0" encoding="UTF-16"?>\n' + nfcom_proc(CPFS[0], number=1)
    utf16.write_bytes(body.encode("utf-16"))  # with its byte order mark
    lying = tmp_path / "declara-utf8.xml"  # Latin-1 bytes under a UTF-8 declaration
    lying.write_bytes(
        ('<?xml version="1.0" encoding="UTF-8"?>\n' + nfcom_proc(CPFS[0], number=2)).encode(
            "latin-1"
        )
    )
    last = write(tmp_path, "ultima.xml", nfcom_proc(CPFS[0], number=3))
    report = invoices.import_nfcom(db, finance, [utf16, lying, last])
    assert report.files == 3
    assert report.imported == 2, report.rejected
    assert [Path(p.path).name for p in report.rejected] == ["declara-utf8.xml"]
    with db.session() as session:
        stored = session.scalars(select(Invoice).order_by(Invoice.number)).all()
        assert [i.number for i in stored] == ["1", "3"]
        assert fiscal.signature_problem(stored[0].xml) is None  # kept as valid signed text


def test_trust_store_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    from desktop.errors import InvalidInput

    (tmp_path / "lixo.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nxx\n")
    with pytest.raises(InvalidInput, match="ilegível"):
        load_trust_store(str(tmp_path))
    empty = tmp_path / "vazia"
    empty.mkdir()
    with pytest.raises(InvalidInput, match="Nenhum certificado"):
        load_trust_store(str(empty))


# --------------------------------------------------------------------------- helpers
def report_subscriber(db: Database) -> int:
    from desktop.models import Subscriber

    with db.session() as session:
        return int(session.scalars(select(Subscriber.id)).one())


def _der() -> Any:
    from cryptography.hazmat.primitives import serialization

    return serialization.Encoding.DER


def _sign_protocol(proc: str, signer: Any) -> str:
    """SEFAZ's enveloped signature on infProt (optional in the XSD)."""
    number = re.search(r"<nProt>([0-9]+)</nProt>", proc)
    assert number is not None
    reference = "ID" + number.group(1)
    with_id = proc.replace("<infProt>", f'<infProt Id="{reference}">', 1)
    # The signer replaces every signature of what it is given: sign protNFCom on its own.
    start, end = with_id.index("<protNFCom"), with_id.index("</protNFCom>") + len("</protNFCom>")
    prot = with_id[start:end].replace(
        "<protNFCom", '<protNFCom xmlns="http://www.portalfiscal.inf.br/nfcom"', 1
    )
    signed = signer.sign(prot, reference)
    signed = signed.replace(' xmlns="http://www.portalfiscal.inf.br/nfcom"', "", 1)
    return with_id[:start] + signed + with_id[end:]


def test_a_protocol_signed_by_sefaz_must_hold_and_chain_in_production(
    db: Database, finance: Any, tmp_path: Path, pki: dict[str, Issued]
) -> None:
    _configure(db, str(write_bundle(tmp_path / "icp.pem", pki["root"], pki["ac"])))
    proc = signed_proc(signer_for(pki["leaf"]), CPFS[0], number=1)
    sefaz = signer_for(holder(pki["ac"], "SEFAZ VIRTUAL RS:87958674000181", key=3))
    good = _sign_protocol(proc, sefaz)
    assert fiscal.validate_nfcom(good) == []
    assert _import(db, finance, tmp_path, good, "a.xml").imported == 1

    tampered = _sign_protocol(signed_proc(signer_for(pki["leaf"]), CPFS[0], number=2), sefaz)
    tampered = tampered.replace("Autorizado o uso da NFCom", "Autorizado o uso", 1)
    assert "protocolo de autorização: assinatura digital inválida" in _reason(
        _import(db, finance, tmp_path, tampered, "b.xml")
    )
    forged_sefaz = signer_for(holder(None, "SEFAZ VIRTUAL RS:87958674000181", key=4))
    forged = _sign_protocol(signed_proc(signer_for(pki["leaf"]), CPFS[0], number=3), forged_sefaz)
    assert "protocolo de autorização: o certificado da assinatura não pertence" in _reason(
        _import(db, finance, tmp_path, forged, "c.xml")
    )
