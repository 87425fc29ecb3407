"""A small client for Cielo's e-commerce API 3.0 (void and query only).

No maintained Python SDK exists for API 3.0 (PyPI has cieloApi3 from 2017 and forks of
it), and we need only two calls, so this is ours, on ``httpx``:

* ``PUT {api}/1/sales/{PaymentId}/void[?amount=cents]`` — cancel a payment (full or partial);
* ``GET {apiquery}/1/sales/{PaymentId}`` — read its current state.

Requests carry ``MerchantId``, ``MerchantKey`` and a ``RequestId``; the caller keeps the
RequestId of a void, so a retry after a timeout is recognisable and a payment is never
voided twice (the service also queries before retrying).
"""

from __future__ import annotations

import enum
import functools
import json
import ssl
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx

HOSTS = {
    "production": (
        "https://api.cieloecommerce.cielo.com.br",
        "https://apiquery.cieloecommerce.cielo.com.br",
    ),
    "sandbox": (
        "https://apisandbox.cieloecommerce.cielo.com.br",
        "https://apiquerysandbox.cieloecommerce.cielo.com.br",
    ),
}

# Payment.Status codes of API 3.0 (11 and 15 are both "refunded" depending on the doc version).
STATUS_VOIDED = 10
STATUS_REFUNDED = (11, 15)
# Cancellation return codes meaning the void is done (0, 9) or was already done (17, 42).
VOID_APPROVED_CODES = {"0", "9"}
VOID_ALREADY_DONE_CODES = {"17", "42"}
# The error list's code for "Transaction already voided": a void we may have sent ourselves
# (a retry of the same RequestId, another station's click) and that Cielo did.
ERROR_ALREADY_VOIDED = {"309"}


class Outcome(enum.Enum):
    VOIDED = "voided"
    DENIED = "denied"
    TIMEOUT = "timeout"
    UNAVAILABLE = "unavailable"  # connection refused, 5xx, a body that is not JSON


@dataclass(frozen=True)
class CieloConfig:
    merchant_id: str
    merchant_key: str
    api_url: str
    query_url: str
    timeout_s: float = 20.0

    @property
    def configured(self) -> bool:
        return bool(self.merchant_id and self.merchant_key)


@dataclass(frozen=True)
class CieloAnswer:
    outcome: Outcome
    status: int | None  # Payment.Status when known
    code: str  # ReturnCode / error Code
    message: str  # what Cielo said (shown to finance staff, Portuguese or English)
    voided_amount: Decimal | None = None
    already: bool = False  # Cielo said the payment had been voided before this request


def config_from_settings(values: dict[str, Any]) -> CieloConfig:
    api, query = HOSTS[values["cielo.environment"]]
    return CieloConfig(
        merchant_id=values["cielo.merchant_id"],
        merchant_key=values["cielo.merchant_key"],
        api_url=(values.get("cielo.api_url") or api).rstrip("/"),
        query_url=(values.get("cielo.query_url") or query).rstrip("/"),
        timeout_s=float(values.get("cielo.timeout_s", 20)),
    )


@functools.cache
def _trust() -> ssl.SSLContext:
    """The TLS trust store, read once per process and shared by every client.

    ``httpx.Client()`` otherwise builds a context and reads the whole CA bundle each time:
    ~70 ms of CPU per card void, holding the GIL (the load benchmark found every other
    station of the process stalled meanwhile).  A context only verifies: safe to share.
    """
    return httpx.create_ssl_context()


class CieloClient:
    def __init__(self, config: CieloConfig, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self._client = httpx.Client(verify=_trust(), timeout=config.timeout_s, transport=transport)

    def close(self) -> None:
        self._client.close()

    def _headers(self, request_id: str) -> dict[str, str]:
        return {
            "MerchantId": self.config.merchant_id,
            "MerchantKey": self.config.merchant_key,
            "RequestId": request_id,
            "Content-Type": "application/json",
            "Accept": "application/json",
        }

    def void(
        self, payment_id: str, request_id: str, amount_cents: int | None = None
    ) -> CieloAnswer:
        url = f"{self.config.api_url}/1/sales/{payment_id}/void"
        params = {"amount": str(amount_cents)} if amount_cents is not None else None
        try:
            response = self._client.put(url, params=params, headers=self._headers(request_id))
        except httpx.TimeoutException:
            return CieloAnswer(Outcome.TIMEOUT, None, "", "A Cielo não respondeu a tempo.")
        except httpx.HTTPError as exc:
            return CieloAnswer(
                Outcome.UNAVAILABLE, None, "", f"Falha de comunicação com a Cielo: {exc}"
            )
        return _void_answer(response)

    def query(self, payment_id: str, request_id: str) -> CieloAnswer:
        url = f"{self.config.query_url}/1/sales/{payment_id}"
        try:
            response = self._client.get(url, headers=self._headers(request_id))
        except httpx.TimeoutException:
            return CieloAnswer(Outcome.TIMEOUT, None, "", "A Cielo não respondeu a tempo.")
        except httpx.HTTPError as exc:
            return CieloAnswer(
                Outcome.UNAVAILABLE, None, "", f"Falha de comunicação com a Cielo: {exc}"
            )
        body = _json(response)
        if response.status_code >= 500 or body is None:
            return CieloAnswer(
                Outcome.UNAVAILABLE, None, str(response.status_code), _not_json(response)
            )
        if response.status_code == 404 or not isinstance(body, dict):
            return CieloAnswer(
                Outcome.DENIED,
                None,
                str(response.status_code),
                _errors(body) or "Pagamento não encontrado na Cielo.",
            )
        payment = body.get("Payment") or {}
        status = _int(payment.get("Status"))
        voided = payment.get("VoidedAmount")
        outcome = (
            Outcome.VOIDED
            if status == STATUS_VOIDED or status in STATUS_REFUNDED
            else Outcome.DENIED
        )
        return CieloAnswer(
            outcome,
            status,
            str(payment.get("ReturnCode", "")),
            str(payment.get("ReturnMessage", "")),
            Decimal(voided) / 100 if isinstance(voided, int) else None,
        )


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError):
        return None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _not_json(response: httpx.Response) -> str:
    return f"Resposta inesperada da Cielo (HTTP {response.status_code})."


def _errors(body: Any) -> str:
    """Cielo answers invalid requests with ``[{"Code": 308, "Message": "..."}]``."""
    if isinstance(body, list):
        return "; ".join(
            f"{e.get('Code')}: {e.get('Message')}" for e in body if isinstance(e, dict)
        )
    return ""


def _void_answer(response: httpx.Response) -> CieloAnswer:
    body = _json(response)
    if response.status_code >= 500 or body is None:
        return CieloAnswer(
            Outcome.UNAVAILABLE, None, str(response.status_code), _not_json(response)
        )
    if response.status_code >= 400 or not isinstance(body, dict):
        codes = (
            [str(e.get("Code")) for e in body if isinstance(e, dict)]
            if isinstance(body, list)
            else []
        )
        message = _errors(body) or f"HTTP {response.status_code}"
        if ERROR_ALREADY_VOIDED & set(codes) or "already voided" in message.lower():
            return CieloAnswer(Outcome.VOIDED, None, ",".join(codes), message, already=True)
        return CieloAnswer(Outcome.DENIED, None, ",".join(codes), message)
    status = _int(body.get("Status"))
    code = str(body.get("ReasonCode") if body.get("ReturnCode") is None else body.get("ReturnCode"))
    message = str(body.get("ReturnMessage") or body.get("ReasonMessage") or "")
    if code in VOID_ALREADY_DONE_CODES:
        return CieloAnswer(Outcome.VOIDED, status, code, message, already=True)
    if status == STATUS_VOIDED or status in STATUS_REFUNDED or code in VOID_APPROVED_CODES:
        return CieloAnswer(Outcome.VOIDED, status, code, message)
    return CieloAnswer(Outcome.DENIED, status, code, message)
