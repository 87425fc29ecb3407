"""The API Pix client against the local HTTPS PSP: mutual TLS both ways, OAuth2, errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import socket
from collections.abc import Iterator
from decimal import Decimal

import pytest

from desktop.adapters import pix_psp
from desktop.adapters.pix_psp import Failure, PspClient, PspConfig, PspUnavailable
from tests.fakes.pix_pki import Pki, make_pki
from tests.fakes.pix_psp_server import CLIENT_ID, CLIENT_SECRET, PIX_KEY, PspServer

TXID = "CAR0000000001V0000009990N000"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def psp(pki: Pki) -> Iterator[PspServer]:
    pix_psp.forget_tokens()
    with PspServer(pki.ca_cert, pki.server_cert, pki.server_key) as server:
        yield server


def config(server: PspServer, pki: Pki, **changes: object) -> PspConfig:
    base = PspConfig(
        server.url,
        server.token_url,
        CLIENT_ID,
        CLIENT_SECRET,
        str(pki.client_cert),
        str(pki.client_key),
        str(pki.ca_cert),
        timeout_s=1.0,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def failure_of(cfg: PspConfig) -> PspUnavailable:
    pix_psp.forget_tokens()
    with pytest.raises(PspUnavailable) as caught, PspClient(cfg) as client:
        client.get_cob(TXID)
    return caught.value


def test_the_whole_conversation_over_mutual_tls(psp: PspServer, pki: Pki) -> None:
    with PspClient(config(psp, pki)) as client:
        cob = client.create_cob(TXID, Decimal("99.90"), key=PIX_KEY, expiry_s=600, description="Fatura")
        assert (cob.status, cob.amount, cob.expiry_s) == ("ATIVA", Decimal("99.90"), 600)
        assert cob.expires_at == cob.created_at + dt.timedelta(seconds=600)
        e2eid = psp.state.pay(TXID)
        [paid] = client.get_cob(TXID).pix
        assert (paid.end_to_end_id, paid.txid, paid.amount) == (e2eid, TXID, Decimal("99.90"))
        refund = client.refund(e2eid, "D" + e2eid, Decimal("99.90"), "duplicidade")
        psp.state.settle_refund(e2eid, refund.id)
        assert client.get_refund(e2eid, refund.id).status == "DEVOLVIDO"
    token_request = next(r for r in psp.state.requests if r["path"] == "/oauth/token")
    assert token_request["headers"]["Authorization"].startswith("Basic ")
    assert "grant_type=client_credentials" in token_request["body"]
    assert psp.state.tokens_issued == 1


def test_the_token_is_fetched_again_only_when_it_expires(psp: PspServer, pki: Pki) -> None:
    psp.state.token_lifetime_s = 300
    now = [1000.0]
    with PspClient(config(psp, pki), clock=lambda: now[0]) as client:
        client.create_cob(TXID, Decimal("1.00"), key=PIX_KEY, expiry_s=600, description="x")
        now[0] += 250  # within 300 s less the margin
        client.get_cob(TXID)
        assert psp.state.tokens_issued == 1
        now[0] += 30
        client.get_cob(TXID)
    assert psp.state.tokens_issued == 2


def test_every_page_of_the_pix_list_is_read(psp: PspServer, pki: Pki) -> None:
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    for _ in range(230):
        psp.state.pay(None, "1.00")
    with PspClient(config(psp, pki)) as client:
        received = list(client.received(start, dt.datetime.now(dt.UTC)))
    assert len({p.end_to_end_id for p in received}) == 230
    pages = [r["query"] for r in psp.state.requests if r["path"] == "/api/v2/pix"]
    assert len(pages) == 3 and "paginacao.paginaAtual=2" in pages[-1]


def test_a_server_whose_certificate_we_do_not_trust(psp: PspServer, pki: Pki) -> None:
    refused = failure_of(config(psp, pki, ca_file=str(pki.other_ca_cert)))
    assert refused.failure is Failure.TLS_UNTRUSTED and "não é confiável" in refused.message
    assert psp.state.requests == []


def test_a_rogue_server_with_another_ca(pki: Pki) -> None:
    with PspServer(pki.ca_cert, pki.rogue_server_cert, pki.rogue_server_key) as rogue:
        refused = failure_of(config(rogue, pki))
    assert refused.failure is Failure.TLS_UNTRUSTED and rogue.state.requests == []


@pytest.mark.parametrize("which", ["none", "stranger"])
def test_the_psp_refuses_a_client_without_our_certificate(
    psp: PspServer, pki: Pki, which: str
) -> None:
    cert, key = ("", "") if which == "none" else (str(pki.stranger_cert), str(pki.stranger_key))
    refused = failure_of(config(psp, pki, client_cert=cert, client_key=key))
    assert refused.failure is Failure.TLS_REFUSED and "recusou o certificado" in refused.message
    assert "pague pelo boleto" in refused.message
    assert psp.state.requests == []


def test_missing_certificate_files_are_named(psp: PspServer, pki: Pki, tmp_path: object) -> None:
    refused = failure_of(config(psp, pki, client_cert="/nao/existe.crt"))
    assert refused.failure is Failure.CERT_FILES and "pix.client_cert" in refused.message


def test_wrong_credentials(psp: PspServer, pki: Pki) -> None:
    refused = failure_of(config(psp, pki, client_secret="errado"))
    assert refused.failure is Failure.AUTH and refused.status == 401
    assert "pix.client_secret" in refused.message


def test_problem_json_is_told_in_words(psp: PspServer, pki: Pki) -> None:
    with pytest.raises(PspUnavailable) as caught, PspClient(config(psp, pki)) as client:
        client.create_cob("curto", Decimal("1.00"), key=PIX_KEY, expiry_s=600, description="x")
    problem = caught.value
    assert problem.failure is Failure.REJECTED and problem.status == 400
    assert problem.problem_type == "CobOperacaoInvalida" and "txid fora do padrão" in problem.message
    missing = failure_of(config(psp, pki))
    assert missing.status == 404 and missing.problem_type == "CobNaoEncontrado"


@pytest.mark.parametrize(
    ("behaviour", "failure"),
    [("late", Failure.TIMEOUT), ("503", Failure.SERVER), ("html", Failure.INVALID)],
)
def test_slow_down_or_not_json(psp: PspServer, pki: Pki, behaviour: str, failure: Failure) -> None:
    with PspClient(config(psp, pki)) as client:
        client.create_cob(TXID, Decimal("1.00"), key=PIX_KEY, expiry_s=600, description="x")
    psp.state.fail("GET", "/api/v2/cob/", behaviour)
    assert failure_of(config(psp, pki)).failure is failure


def test_nobody_listening(pki: Pki) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cfg = PspConfig(
        f"https://127.0.0.1:{port}/api/v2", f"https://127.0.0.1:{port}/oauth/token",
        CLIENT_ID, CLIENT_SECRET, str(pki.client_cert), str(pki.client_key), str(pki.ca_cert), 1.0,
    )
    refused = failure_of(cfg)
    assert refused.failure is Failure.UNREACHABLE and "pague pelo boleto" in refused.message
