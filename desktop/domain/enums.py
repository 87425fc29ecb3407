"""Status and kind codes stored in the database (stable strings, shown through the UI's words)."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Enum


class ContractStatus(enum.StrEnum):
    ACTIVE = "ativo"
    SUSPENDED_DEBT = "suspenso_debito"
    SUSPENDED_OTHER = "suspenso_outro"
    PROVISIONAL = "habilitado_provisorio"
    CANCELLED = "cancelado"


class ReceivableStatus(enum.StrEnum):
    OPEN = "aberto"
    PAID = "baixado"
    CANCELLED = "cancelado"


class PaymentMethod(enum.StrEnum):
    BOLETO = "boleto"
    PIX = "pix"
    CARD = "cartao"
    CASH = "dinheiro"


class CardPaymentStatus(enum.StrEnum):
    AUTHORIZED = "autorizado"
    CAPTURED = "capturado"
    VOID_PENDING = "cancelamento_pendente"
    VOIDED = "cancelado"
    MANUAL_REQUESTED = "cancelamento_manual_solicitado"
    DENIED = "negado"


class InvoiceStatus(enum.StrEnum):
    AUTHORIZED = "autorizada"
    CANCELLED = "cancelada"


class TicketStatus(enum.StrEnum):
    OPEN = "aberto"
    IN_PROGRESS = "em_andamento"
    CLOSED = "encerrado"


class Channel(enum.StrEnum):
    COUNTER = "balcao"
    KIOSK = "quiosque"
    BACK_OFFICE = "retaguarda"
    CLI = "linha_de_comando"


class SmsPurchaseStatus(enum.StrEnum):
    AWAITING_PAYMENT = "aguardando_pagamento"
    PAID = "pago"
    TRANSFERRED = "transferido"
    CANCELLED = "cancelado"


class SmsMovementKind(enum.StrEnum):
    """Why an SMS balance moved (the ledger ``sms_movements``)."""

    OPENING = "saldo_inicial"  # the balance an account had before the ledger existed
    TRANSFER = "transferencia"  # credits of a paid purchase transferred at the gateway


class EventKind(enum.StrEnum):
    """What the stores did, as the ERP reads it (``export events``, SPEC §6)."""

    PAYMENT = "payment"
    PIX_PAYMENT = "pix_payment"
    CARD_VOID = "card_void"
    ENABLEMENT = "enablement"
    ENABLEMENT_EXPIRED = "enablement_expired"
    TICKET_OPENED = "ticket_opened"
    TICKET_CLOSED = "ticket_closed"
    SMS_PURCHASE = "sms_purchase"
    SMS_TRANSFER = "sms_transfer"


class Role(enum.StrEnum):
    ATTENDANT = "atendente"
    FINANCE = "financeiro"
    SUPPORT = "suporte"
    ADMIN = "admin"


class CallType(enum.StrEnum):
    LOCAL_FIXO = "local_fixo"
    LOCAL_MOVEL = "local_movel"
    LDN_FIXO = "ldn_fixo"
    LDN_MOVEL = "ldn_movel"
    LDI = "ldi"
    GRATUITA = "gratuita"
    ESPECIAL = "especial"


def db_enum(enum_cls: type[enum.StrEnum], length: int = 32) -> Enum:
    """Store the *value* as a short string, portable between SQLite and PostgreSQL."""
    values: Any = lambda cls: [member.value for member in cls]  # noqa: E731
    return Enum(
        enum_cls,
        native_enum=False,
        length=length,
        values_callable=values,
        validate_strings=True,
        create_constraint=True,
        name=f"{enum_cls.__name__.lower()}_values",
    )
