"""SQLAlchemy 2 mapped classes, one module per aggregate.  Importing this registers them all."""

from desktop.models.bank_returns import BankOccurrence
from desktop.models.base import Base
from desktop.models.billing import BankAccount, Boleto, CardPayment, Payment, Receivable
from desktop.models.erp_imports import ErpImport, ErpImportProblem
from desktop.models.events import OutboxEvent
from desktop.models.fiscal import Invoice
from desktop.models.pix import PixCharge, PixRefund
from desktop.models.radius import (
    RadAcct,
    RadCheck,
    RadGroupCheck,
    RadGroupReply,
    RadiusLogin,
    RadReply,
    RadUserGroup,
)
from desktop.models.radius_changes import RadiusAction, RadiusChange, RadiusChangeState
from desktop.models.search import NameWord, SubscriberWord
from desktop.models.sms import CreditValue, SmsAccount, SmsMovement, SmsPurchase
from desktop.models.staff import AuditEntry, CounterUser, Setting
from desktop.models.subscribers import Contact, Contract, Plan, Subscriber
from desktop.models.support import ProvisionalEnablement, Ticket, TicketContact, TicketEvent
from desktop.models.telephony import Call, CdrImport, Terminal

__all__ = [
    "AuditEntry",
    "BankAccount",
    "BankOccurrence",
    "Base",
    "Boleto",
    "Call",
    "CardPayment",
    "CdrImport",
    "Contact",
    "Contract",
    "CounterUser",
    "CreditValue",
    "ErpImport",
    "ErpImportProblem",
    "Invoice",
    "NameWord",
    "OutboxEvent",
    "Payment",
    "PixCharge",
    "PixRefund",
    "Plan",
    "ProvisionalEnablement",
    "RadAcct",
    "RadCheck",
    "RadGroupCheck",
    "RadGroupReply",
    "RadReply",
    "RadUserGroup",
    "RadiusAction",
    "RadiusChange",
    "RadiusChangeState",
    "RadiusLogin",
    "Receivable",
    "Setting",
    "SmsAccount",
    "SmsMovement",
    "SmsPurchase",
    "Subscriber",
    "SubscriberWord",
    "Terminal",
    "Ticket",
    "TicketContact",
    "TicketEvent",
]
