"""The provider's PSP through the Banco Central's "API Pix" (v2): the five calls a store needs.

Which client, and why: a thin client of our own on ``httpx`` (already a dependency).  PyPI has
no maintained client for the *standard* API: ``efipay`` (formerly ``gerencianet``),
``inter-pixpy`` and ``bb-wrapper`` each wrap one bank's variant and its own login, and
``pix-api`` 0.5.2 was last released in 2020.  The standard is small, identical on every PSP,
and published as an OpenAPI document (``bacen/pix-api``); writing to it keeps the provider free
to change banks by changing settings.

* OAuth2 client credentials (RFC 6749 §4.4, HTTP Basic with ``client_id``/``client_secret``)
  at ``pix.token_url``; the token is cached per process until shortly before it expires and
  fetched again once when a call answers 401 (a PSP may revoke it early).
* Mutual TLS everywhere (BCB "Manual de Segurança"): the company's certificate and key
  (``pix.client_cert``/``pix.client_key``), the PSP's CA in ``pix.ca_file`` or the system's.
* ``PUT /cob/{txid}`` (we choose the txid, so a retry after a timeout re-sends the same one
  and, if the PSP already created it, reads it back), ``GET /cob/{txid}``, ``GET /pix`` for a
  period with paging, ``PUT``/``GET /pix/{e2eid}/devolucao/{id}``.

Every failure (PSP down, slow, 4xx/5xx with ``application/problem+json``, a body that is not
JSON, a certificate refused either way) raises :class:`PspUnavailable`, a ``UserError`` with
a message for the person at the screen: nothing was paid or settled because of it.
"""

from __future__ import annotations

import datetime as dt
import json
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import httpx

from desktop.adapters.pix_psp_data import (
    HINT_CHARGE,
    HINT_REFUND,
    Cob,
    Failure,
    PspConfig,
    PspUnavailable,
    ReceivedPix,
    Refund,
    as_object,
    config_from_settings,
    invalid_answer,
    parse_cob,
    parse_pix,
    parse_refund,
    rfc3339,
)
from desktop.errors import Message

__all__ = [
    "HINT_CHARGE",
    "HINT_REFUND",
    "Cob",
    "Failure",
    "PspClient",
    "PspConfig",
    "PspUnavailable",
    "ReceivedPix",
    "Refund",
    "config_from_settings",
    "forget_tokens",
]

SCOPES = "cob.write cob.read pix.write pix.read"
TOKEN_MARGIN_S = 30  # fetch a new token this long before the PSP's expires
PAGE_SIZE = 100
MAX_PAGES = 1000  # a runaway paginação never loops for ever


# --------------------------------------------------------------------------- tokens
_tokens: dict[tuple[str, str, str], tuple[str, float]] = {}
_tokens_lock = threading.Lock()


def forget_tokens() -> None:
    """Drop every cached token (tests, and a change of credentials in the Painel)."""
    with _tokens_lock:
        _tokens.clear()


# --------------------------------------------------------------------------- the client
_CERT_WORDS = (
    "certificate required",
    "certificate_required",
    "bad certificate",
    "bad_certificate",
    "unknown ca",
    "unknown_ca",
    "handshake failure",
    "certificate unknown",
    "certificate_unknown",
    "access denied",
)


def _chain_text(exc: BaseException) -> str:
    parts: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(parts) < 5:
        parts.append(str(current))
        current = current.__cause__ or current.__context__
    return " ".join(parts).lower()


class PspClient:
    """One conversation with the PSP; use as a context manager (closes the connection)."""

    def __init__(
        self,
        config: PspConfig,
        *,
        hint: str = HINT_CHARGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not config.configured:
            raise PspUnavailable(
                Failure.NOT_CONFIGURED, Message("pix_psp.motivo_nao_configurada"), hint=hint
            )
        self.config = config
        self.hint = hint
        self._clock = clock
        self._client = httpx.Client(verify=self._ssl_context(), timeout=config.timeout_s)

    def __enter__(self) -> PspClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _fail(self, failure: Failure, reason: Message, **extra: Any) -> PspUnavailable:
        return PspUnavailable(failure, reason, hint=self.hint, **extra)

    def _ssl_context(self) -> ssl.SSLContext:
        config = self.config
        try:
            context = ssl.create_default_context(cafile=config.ca_file or None)
            if config.client_cert:
                context.load_cert_chain(config.client_cert, config.client_key or None)
        except (OSError, ssl.SSLError) as exc:
            raise self._fail(
                Failure.CERT_FILES, Message("pix_psp.motivo_certificado_ilegivel", detail=str(exc))
            ) from None
        return context

    # ----------------------------------------------------------------- transport
    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise self._fail(Failure.TIMEOUT, Message("pix_psp.motivo_sem_resposta")) from None
        except httpx.HTTPError as exc:
            text = _chain_text(exc)
            if "certificate verify failed" in text or "certificate_verify_failed" in text:
                raise self._fail(
                    Failure.TLS_UNTRUSTED, Message("pix_psp.motivo_servidor_nao_confiavel")
                ) from None
            if any(word in text for word in _CERT_WORDS):
                raise self._fail(
                    Failure.TLS_REFUSED, Message("pix_psp.motivo_certificado_recusado")
                ) from None
            raise self._fail(Failure.UNREACHABLE, Message("pix_psp.motivo_inacessivel")) from None

    def _answer(self, response: httpx.Response, *, token: bool = False) -> Any:
        """The JSON of a 2xx answer, or the problem+json of an error as a PspUnavailable."""
        try:
            body = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            body = None
        status = response.status_code
        if 200 <= status < 300:
            if body is None:
                raise self._fail(
                    Failure.INVALID, Message("pix_psp.motivo_nao_json", status=status)
                )
            return body
        problem = body if isinstance(body, dict) else {}
        kind = str(problem.get("type", "")).rstrip("/").rsplit("/", 1)[-1]
        said = "; ".join(
            str(p)
            for p in (
                problem.get("title"),
                problem.get("detail"),
                *(v.get("razao") for v in problem.get("violacoes") or () if isinstance(v, dict)),
            )
            if p
        )
        said = f": {said}" if said else ""
        if token or status in (401, 403):
            raise self._fail(
                Failure.AUTH,
                Message("pix_psp.motivo_acesso_recusado", status=status, said=said),
                status=status,
                problem_type=kind,
            )
        failure = Failure.SERVER if status >= 500 else Failure.REJECTED
        reason = (
            Message("pix_psp.motivo_com_problemas", status=status, said=said)
            if status >= 500
            else Message("pix_psp.motivo_pedido_recusado", status=status, said=said)
        )
        raise self._fail(failure, reason, status=status, problem_type=kind)

    def _token(self) -> str:
        config = self.config
        key = (config.token_url, config.client_id, config.client_cert)
        with _tokens_lock:
            cached = _tokens.get(key)
        if cached is not None and cached[1] > self._clock():
            return cached[0]
        if not config.token_url:
            raise self._fail(
                Failure.NOT_CONFIGURED, Message("pix_psp.motivo_sem_token_url")
            )
        response = self._send(
            "POST",
            config.token_url,
            data={"grant_type": "client_credentials", "scope": SCOPES},
            auth=(config.client_id, config.client_secret),
            headers={"Accept": "application/json"},
        )
        body = as_object(self._answer(response, token=True), "token")
        access = body.get("access_token")
        if not isinstance(access, str) or not access:
            raise invalid_answer("token sem access_token")
        try:
            lifetime = float(body.get("expires_in", 300))
        except (TypeError, ValueError):
            lifetime = 300.0
        until = self._clock() + max(lifetime - TOKEN_MARGIN_S, lifetime / 2)
        with _tokens_lock:
            _tokens[key] = (access, until)
        return access

    def _forget_token(self) -> None:
        config = self.config
        with _tokens_lock:
            _tokens.pop((config.token_url, config.client_id, config.client_cert), None)

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        url = self.config.api_url + path
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {self._token()}", "Accept": "application/json"}
            response = self._send(method, url, headers=headers, **kwargs)
            if response.status_code == 401 and attempt == 1:
                self._forget_token()  # revoked or expired early: one new token, once
                continue
            return self._answer(response)
        raise AssertionError("unreachable")  # pragma: no cover

    # ----------------------------------------------------------------- the API
    def create_cob(
        self,
        txid: str,
        amount: Decimal,
        *,
        key: str,
        expiry_s: int,
        description: str,
        debtor: tuple[str, str] | None = None,  # (CPF or CNPJ, name)
    ) -> Cob:
        """``PUT /cob/{txid}``; when the PSP already has this txid (our earlier attempt whose
        answer was lost), the existing charge is read back if it is the same amount."""
        body: dict[str, Any] = {
            "calendario": {"expiracao": expiry_s},
            "valor": {"original": f"{amount:.2f}"},
            "chave": key,
            "solicitacaoPagador": description[:140],
        }
        if debtor is not None:
            document, name = debtor
            body["devedor"] = {
                "cpf" if len(document) == 11 else "cnpj": document,
                "nome": name[:200],
            }
        try:
            return parse_cob(self._call("PUT", f"/cob/{txid}", json=body))
        except PspUnavailable as exc:
            if exc.failure is not Failure.REJECTED:
                raise
            try:
                existing = self.get_cob(txid)
            except PspUnavailable:
                raise exc from None
            if existing.amount != amount.quantize(Decimal("0.01")):
                raise exc from None
            return existing

    def get_cob(self, txid: str) -> Cob:
        return parse_cob(self._call("GET", f"/cob/{txid}"))

    def received(
        self, start: dt.datetime, end: dt.datetime, *, txid: str | None = None
    ) -> Iterator[ReceivedPix]:
        """``GET /pix?inicio&fim[&txid]``, every page (``paginacao.paginaAtual`` from 0)."""
        page = 0
        while page < MAX_PAGES:
            params: dict[str, str | int] = {
                "inicio": rfc3339(start),
                "fim": rfc3339(end, up=True),
                "paginacao.paginaAtual": page,
                "paginacao.itensPorPagina": PAGE_SIZE,
            }
            if txid:
                params["txid"] = txid
            body = as_object(self._call("GET", "/pix", params=params), "lista de pix")
            items = body.get("pix") or []
            if not isinstance(items, list):
                raise invalid_answer("lista de pix")
            yield from (parse_pix(item) for item in items)
            paging = as_object(body.get("parametros") or {}, "parâmetros").get("paginacao") or {}
            try:
                pages = int(paging.get("quantidadeDePaginas", 1))
            except (TypeError, ValueError):
                pages = 1
            page += 1
            if not items or page >= pages:
                return

    def refund(self, e2eid: str, refund_id: str, amount: Decimal, description: str) -> Refund:
        """``PUT /pix/{e2eid}/devolucao/{id}``; our id is deterministic, so a repeat after a
        lost answer finds the devolução already requested (read back) and never makes two."""
        body = {"valor": f"{amount:.2f}", "natureza": "ORIGINAL", "descricao": description[:140]}
        path = f"/pix/{e2eid}/devolucao/{refund_id}"
        try:
            return parse_refund(self._call("PUT", path, json=body))
        except PspUnavailable as exc:
            if exc.failure is not Failure.REJECTED:
                raise
            try:
                return self.get_refund(e2eid, refund_id)
            except PspUnavailable:
                raise exc from None

    def get_refund(self, e2eid: str, refund_id: str) -> Refund:
        return parse_refund(self._call("GET", f"/pix/{e2eid}/devolucao/{refund_id}"))
