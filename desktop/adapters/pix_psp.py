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
import enum
import json
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from desktop.errors import UserError

SCOPES = "cob.write cob.read pix.write pix.read"
TOKEN_MARGIN_S = 30  # fetch a new token this long before the PSP's expires
PAGE_SIZE = 100
MAX_PAGES = 1000  # a runaway paginação never loops for ever
HINT_CHARGE = "O boleto continua valendo: pague pelo boleto ou tente o PIX de novo em instantes."
HINT_REFUND = "A devolução não foi feita; tente de novo mais tarde."


class Failure(enum.StrEnum):
    NOT_CONFIGURED = "not_configured"
    CERT_FILES = "cert_files"  # our certificate or key cannot be read
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    TLS_UNTRUSTED = "tls_untrusted"  # the PSP's certificate is not trusted by us
    TLS_REFUSED = "tls_refused"  # the PSP refused our client certificate
    AUTH = "auth"  # credentials or token refused
    REJECTED = "rejected"  # 4xx
    SERVER = "server"  # 5xx
    INVALID = "invalid"  # not JSON, or JSON without what the standard requires


class PspUnavailable(UserError):
    """The PSP could not do what was asked; ``message`` says why, in Portuguese."""

    def __init__(
        self,
        failure: Failure,
        reason: str,
        *,
        hint: str = HINT_CHARGE,
        status: int | None = None,
        problem_type: str = "",
    ) -> None:
        super().__init__(f"PIX indisponível: {reason}. {hint}")
        self.failure = failure
        self.reason = reason
        self.status = status
        self.problem_type = problem_type  # last part of the problem's ``type`` URI


@dataclass(frozen=True)
class PspConfig:
    api_url: str
    token_url: str
    client_id: str
    client_secret: str
    client_cert: str
    client_key: str
    ca_file: str
    timeout_s: float = 10.0

    @property
    def configured(self) -> bool:
        return bool(self.api_url)


def config_from_settings(values: dict[str, Any]) -> PspConfig:
    return PspConfig(
        api_url=str(values.get("pix.api_url", "")).rstrip("/"),
        token_url=str(values.get("pix.token_url", "")),
        client_id=str(values.get("pix.client_id", "")),
        client_secret=str(values.get("pix.client_secret", "")),
        client_cert=str(values.get("pix.client_cert", "")),
        client_key=str(values.get("pix.client_key", "")),
        ca_file=str(values.get("pix.ca_file", "")),
        timeout_s=float(values.get("pix.timeout_s", 10)),
    )


@dataclass(frozen=True)
class Refund:
    id: str
    rtr_id: str
    amount: Decimal
    status: str  # EM_PROCESSAMENTO | DEVOLVIDO | NAO_REALIZADO
    reason: str  # ``motivo`` (when not done)


@dataclass(frozen=True)
class ReceivedPix:
    end_to_end_id: str
    txid: str | None
    amount: Decimal
    paid_at: dt.datetime
    refunds: tuple[Refund, ...]


@dataclass(frozen=True)
class Cob:
    txid: str
    status: str  # ATIVA | CONCLUIDA | REMOVIDA_PELO_USUARIO_RECEBEDOR | REMOVIDA_PELO_PSP
    amount: Decimal
    created_at: dt.datetime
    expiry_s: int
    location: str
    copy_paste: str  # ``pixCopiaECola`` ("" when the PSP does not send it)
    pix: tuple[ReceivedPix, ...]

    @property
    def expires_at(self) -> dt.datetime:
        return self.created_at + dt.timedelta(seconds=self.expiry_s)


# --------------------------------------------------------------------------- parsing
def _invalid(what: str) -> PspUnavailable:
    return PspUnavailable(Failure.INVALID, f"o PSP respondeu fora do padrão da API Pix ({what})")


def _money(value: Any, what: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise _invalid(f"{what} inválido: {value!r}") from None
    if not amount.is_finite():
        raise _invalid(f"{what} inválido: {value!r}")
    return amount.quantize(Decimal("0.01"))


def _moment(value: Any, what: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise _invalid(f"{what} inválido: {value!r}") from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


def _object(body: Any, what: str) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise _invalid(f"{what} não é um objeto")
    return body


def _refund(body: Any) -> Refund:
    data = _object(body, "devolução")
    return Refund(
        id=str(data.get("id", "")),
        rtr_id=str(data.get("rtrId", "")),
        amount=_money(data.get("valor"), "valor da devolução"),
        status=str(data.get("status", "")),
        reason=str(data.get("motivo", "")),
    )


def _pix(body: Any) -> ReceivedPix:
    data = _object(body, "pix")
    e2e = data.get("endToEndId")
    if not isinstance(e2e, str) or not e2e:
        raise _invalid("pix sem endToEndId")
    txid = data.get("txid")
    return ReceivedPix(
        end_to_end_id=e2e,
        txid=str(txid) if txid else None,
        amount=_money(data.get("valor"), "valor do pix"),
        paid_at=_moment(data.get("horario"), "horário do pix"),
        refunds=tuple(_refund(r) for r in data.get("devolucoes") or ()),
    )


def _cob(body: Any) -> Cob:
    data = _object(body, "cobrança")
    calendar = _object(data.get("calendario"), "calendário")
    value = _object(data.get("valor"), "valor")
    txid = data.get("txid")
    if not isinstance(txid, str) or not txid:
        raise _invalid("cobrança sem txid")
    loc: dict[str, Any] = data["loc"] if isinstance(data.get("loc"), dict) else {}
    try:
        expiry = int(calendar.get("expiracao", 86400))  # the standard's default
    except (TypeError, ValueError):
        raise _invalid("expiração inválida") from None
    return Cob(
        txid=txid,
        status=str(data.get("status", "")),
        amount=_money(value.get("original"), "valor original"),
        # ``criacao`` is optional in CobGerada (only ``expiracao`` is required): then now.
        created_at=(
            _moment(calendar["criacao"], "criação")
            if calendar.get("criacao")
            else dt.datetime.now(dt.UTC)
        ),
        expiry_s=expiry,
        location=str(data.get("location") or loc.get("location") or ""),
        copy_paste=str(data.get("pixCopiaECola") or ""),
        pix=tuple(_pix(p) for p in data.get("pix") or ()),
    )


def _rfc3339(moment: dt.datetime, *, up: bool = False) -> str:
    """Whole seconds (what every PSP accepts); an end rounded *up*, so a PIX at 10:00:00.6
    is inside a period that ends "now" at 10:00:00.7."""
    moment = moment.astimezone(dt.UTC)
    if up and moment.microsecond:
        moment = moment.replace(microsecond=0) + dt.timedelta(seconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


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
                Failure.NOT_CONFIGURED,
                "a cobrança por PIX não está configurada (Painel: PIX, endereço da API)",
                hint=hint,
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

    def _fail(self, failure: Failure, reason: str, **extra: Any) -> PspUnavailable:
        return PspUnavailable(failure, reason, hint=self.hint, **extra)

    def _ssl_context(self) -> ssl.SSLContext:
        config = self.config
        try:
            context = ssl.create_default_context(cafile=config.ca_file or None)
            if config.client_cert:
                context.load_cert_chain(config.client_cert, config.client_key or None)
        except (OSError, ssl.SSLError) as exc:
            raise self._fail(
                Failure.CERT_FILES,
                "o certificado da empresa ou a CA do PSP não pôde ser lido "
                f"(confira pix.client_cert, pix.client_key e pix.ca_file: {exc})",
            ) from None
        return context

    # ----------------------------------------------------------------- transport
    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise self._fail(Failure.TIMEOUT, "o PSP não respondeu a tempo") from None
        except httpx.HTTPError as exc:
            text = _chain_text(exc)
            if "certificate verify failed" in text or "certificate_verify_failed" in text:
                raise self._fail(
                    Failure.TLS_UNTRUSTED,
                    "o certificado do servidor do PSP não é confiável (confira pix.ca_file)",
                ) from None
            if any(word in text for word in _CERT_WORDS):
                raise self._fail(
                    Failure.TLS_REFUSED,
                    "o PSP recusou o certificado da empresa (confira pix.client_cert e pix.client_key)",
                ) from None
            raise self._fail(Failure.UNREACHABLE, "não foi possível falar com o PSP") from None

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
                    Failure.INVALID, f"o PSP respondeu algo que não é JSON (HTTP {status})"
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
                f"o PSP recusou o acesso (HTTP {status}{said}; confira pix.client_id e pix.client_secret)",
                status=status,
                problem_type=kind,
            )
        failure = Failure.SERVER if status >= 500 else Failure.REJECTED
        where = "está com problemas" if status >= 500 else "recusou o pedido"
        raise self._fail(
            failure, f"o PSP {where} (HTTP {status}{said})", status=status, problem_type=kind
        )

    def _token(self) -> str:
        config = self.config
        key = (config.token_url, config.client_id, config.client_cert)
        with _tokens_lock:
            cached = _tokens.get(key)
        if cached is not None and cached[1] > self._clock():
            return cached[0]
        if not config.token_url:
            raise self._fail(
                Failure.NOT_CONFIGURED, "falta o endereço do token OAuth2 (pix.token_url)"
            )
        response = self._send(
            "POST",
            config.token_url,
            data={"grant_type": "client_credentials", "scope": SCOPES},
            auth=(config.client_id, config.client_secret),
            headers={"Accept": "application/json"},
        )
        body = _object(self._answer(response, token=True), "token")
        access = body.get("access_token")
        if not isinstance(access, str) or not access:
            raise _invalid("token sem access_token")
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
            return _cob(self._call("PUT", f"/cob/{txid}", json=body))
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
        return _cob(self._call("GET", f"/cob/{txid}"))

    def received(
        self, start: dt.datetime, end: dt.datetime, *, txid: str | None = None
    ) -> Iterator[ReceivedPix]:
        """``GET /pix?inicio&fim[&txid]``, every page (``paginacao.paginaAtual`` from 0)."""
        page = 0
        while page < MAX_PAGES:
            params: dict[str, str | int] = {
                "inicio": _rfc3339(start),
                "fim": _rfc3339(end, up=True),
                "paginacao.paginaAtual": page,
                "paginacao.itensPorPagina": PAGE_SIZE,
            }
            if txid:
                params["txid"] = txid
            body = _object(self._call("GET", "/pix", params=params), "lista de pix")
            items = body.get("pix") or []
            if not isinstance(items, list):
                raise _invalid("lista de pix")
            yield from (_pix(item) for item in items)
            paging = _object(body.get("parametros") or {}, "parâmetros").get("paginacao") or {}
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
            return _refund(self._call("PUT", path, json=body))
        except PspUnavailable as exc:
            if exc.failure is not Failure.REJECTED:
                raise
            try:
                return self.get_refund(e2eid, refund_id)
            except PspUnavailable:
                raise exc from None

    def get_refund(self, e2eid: str, refund_id: str) -> Refund:
        return _refund(self._call("GET", f"/pix/{e2eid}/devolucao/{refund_id}"))
