"""What the API Pix says, as our types: the answers (charge, PIX, devolução) parsed from the
PSP's JSON, the configuration, and the one error every failure becomes (see ``pix_psp``)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.errors import Message, UserError

HINT_CHARGE = "pix_psp.dica_cobranca"
HINT_REFUND = "pix_psp.dica_devolucao"


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
    """The PSP could not do what was asked; ``message`` says why (``reason``: a catalog
    message, one per kind of failure, so the English interface says it too)."""

    def __init__(
        self,
        failure: Failure,
        reason: Message,
        *,
        hint: str = HINT_CHARGE,
        status: int | None = None,
        problem_type: str = "",
    ) -> None:
        super().__init__("pix_psp.indisponivel", reason=reason, hint=Message(hint))
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
def invalid_answer(what: str) -> PspUnavailable:
    return PspUnavailable(Failure.INVALID, Message("pix_psp.motivo_fora_do_padrao", what=what))


def parse_money(value: Any, what: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise invalid_answer(f"{what} inválido: {value!r}") from None
    if not amount.is_finite():
        raise invalid_answer(f"{what} inválido: {value!r}")
    return amount.quantize(Decimal("0.01"))


def parse_moment(value: Any, what: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise invalid_answer(f"{what} inválido: {value!r}") from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


def as_object(body: Any, what: str) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise invalid_answer(f"{what} não é um objeto")
    return body


def parse_refund(body: Any) -> Refund:
    data = as_object(body, "devolução")
    return Refund(
        id=str(data.get("id", "")),
        rtr_id=str(data.get("rtrId", "")),
        amount=parse_money(data.get("valor"), "valor da devolução"),
        status=str(data.get("status", "")),
        reason=str(data.get("motivo", "")),
    )


def parse_pix(body: Any) -> ReceivedPix:
    data = as_object(body, "pix")
    e2e = data.get("endToEndId")
    if not isinstance(e2e, str) or not e2e:
        raise invalid_answer("pix sem endToEndId")
    txid = data.get("txid")
    return ReceivedPix(
        end_to_end_id=e2e,
        txid=str(txid) if txid else None,
        amount=parse_money(data.get("valor"), "valor do pix"),
        paid_at=parse_moment(data.get("horario"), "horário do pix"),
        refunds=tuple(parse_refund(r) for r in data.get("devolucoes") or ()),
    )


def parse_cob(body: Any) -> Cob:
    data = as_object(body, "cobrança")
    calendar = as_object(data.get("calendario"), "calendário")
    value = as_object(data.get("valor"), "valor")
    txid = data.get("txid")
    if not isinstance(txid, str) or not txid:
        raise invalid_answer("cobrança sem txid")
    loc: dict[str, Any] = data["loc"] if isinstance(data.get("loc"), dict) else {}
    try:
        expiry = int(calendar.get("expiracao", 86400))  # the standard's default
    except (TypeError, ValueError):
        raise invalid_answer("expiração inválida") from None
    return Cob(
        txid=txid,
        status=str(data.get("status", "")),
        amount=parse_money(value.get("original"), "valor original"),
        # ``criacao`` is optional in CobGerada (only ``expiracao`` is required): then now.
        created_at=(
            parse_moment(calendar["criacao"], "criação")
            if calendar.get("criacao")
            else dt.datetime.now(dt.UTC)
        ),
        expiry_s=expiry,
        location=str(data.get("location") or loc.get("location") or ""),
        copy_paste=str(data.get("pixCopiaECola") or ""),
        pix=tuple(parse_pix(p) for p in data.get("pix") or ()),
    )


def rfc3339(moment: dt.datetime, *, up: bool = False) -> str:
    """Whole seconds (what every PSP accepts); an end rounded *up*, so a PIX at 10:00:00.6
    is inside a period that ends "now" at 10:00:00.7."""
    moment = moment.astimezone(dt.UTC)
    if up and moment.microsecond:
        moment = moment.replace(microsecond=0) + dt.timedelta(seconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
