"""The words of the vocabulary: how the product names its codes, in one place.

Services and the database speak in codes (``CallType.LOCAL_FIXO`` is ``"local_fixo"``, a
ticket action is ``"segunda_via"``); the PDF reports and the command line print these words
as they are (Portuguese, SPEC §4), and the Qt interface translates them.  Each table is keyed
by the code's text: the enums are ``StrEnum``, so ``CALL_TYPES[CallType.LDI]`` finds
``"ldi"`` without this package importing the enums (it imports nothing of ours, so
``desktop.errors`` may read it; tests/domain/test_vocabulary.py checks every member has its
word).

Each word is a :class:`Word` marked with the Qt context it is translated under: the context
of the screen that first showed it (kept, so the English ``.ts`` keeps its translations).
"""

from __future__ import annotations

from collections.abc import Iterator


class Word(str):
    """A Portuguese word that the interface translates under ``context``.

    It is a ``str`` (equal to the Portuguese, so code and the CLI use it as they would the
    plain text); given as a param of an error, the message translates it too.
    """

    context: str

    def __new__(cls, context: str, text: str) -> Word:
        word = super().__new__(cls, text)
        word.context = context
        return word

    def __reduce__(self) -> tuple[object, ...]:
        return (Word, (self.context, str(self)))


def _table(context: str, words: dict[str, str]) -> dict[str, Word]:
    return {code: Word(context, text) for code, text in words.items()}


def every_word() -> Iterator[Word]:
    """Each word of this module (the single ones, and those of every table and tuple): what
    scripts/update-translations.py hands lupdate, and what the English .ts must translate."""
    for value in list(globals().values()):
        items = value.values() if isinstance(value, dict) else value
        if isinstance(value, Word):
            yield value
        elif isinstance(value, dict | tuple):
            yield from (item for item in items if isinstance(item, Word))


# --------------------------------------------------------------------------- calls
#: ``CallType`` -> its name on the Extrato de Ligações (screen, PDF, CLI).
CALL_TYPES = _table(
    "CallsTab",
    {
        "local_fixo": "Local fixo",
        "local_movel": "Local móvel (VC1)",
        "ldn_fixo": "Longa distância fixo",
        "ldn_movel": "Longa distância móvel",
        "ldi": "Internacional",
        "gratuita": "Gratuita",
        "especial": "Serviço especial",
    },
)

# --------------------------------------------------------------------------- connections
#: FreeRADIUS Acct-Terminate-Cause values (RFC 2866 §5.10) in words; unknown ones are shown
#: as sent (``TERMINATE_CAUSES.get(cause, cause)``).
TERMINATE_CAUSES = _table(
    "ConnectionsTab",
    {
        "User-Request": "Pedido do usuário",
        "Lost-Carrier": "Perda de portadora",
        "Lost-Service": "Perda de serviço",
        "Idle-Timeout": "Tempo ocioso",
        "Session-Timeout": "Tempo de sessão",
        "Admin-Reset": "Reinício pelo provedor",
        "Admin-Reboot": "Reinício do equipamento",
        "Port-Error": "Erro de porta",
        "NAS-Error": "Erro no concentrador",
        "NAS-Request": "Pedido do concentrador",
        "NAS-Reboot": "Reinício do concentrador",
        "Port-Unneeded": "Porta desnecessária",
        "Port-Preempted": "Porta preemptada",
        "Port-Suspended": "Porta suspensa",
        "Service-Unavailable": "Serviço indisponível",
        "Callback": "Retorno de chamada",
        "User-Error": "Erro do usuário",
        "Host-Request": "Pedido do host",
    },
)

# --------------------------------------------------------------------------- tickets
# A ticket's type is stored as its word (``tickets.type``): these are the canonical
# spellings ``desktop.services.tickets.canonical_type`` accepts.  The application opens the
# session and enablement types itself; they may be chosen by hand too.
TICKET_TYPE_ENABLEMENT = Word("TicketTypes", "Habilitação provisória")
TICKET_TYPE_COUNTER_SESSION = Word("TicketTypes", "Atendimento presencial")
TICKET_TYPE_KIOSK_SESSION = Word("TicketTypes", "Autoatendimento (quiosque)")
#: The types offered when opening a ticket, in the order of the list.
TICKET_TYPES: tuple[Word, ...] = (
    Word("TicketTypes", "Suporte técnico"),
    Word("TicketTypes", "Financeiro"),
    Word("TicketTypes", "Segunda via de documento"),
    Word("TicketTypes", "Reclamação"),
    Word("TicketTypes", "Informação"),
    Word("TicketTypes", "Mudança de plano"),
    Word("TicketTypes", "Mudança de endereço"),
    Word("TicketTypes", "Cancelamento"),
    TICKET_TYPE_ENABLEMENT,
    TICKET_TYPE_COUNTER_SESSION,
    TICKET_TYPE_KIOSK_SESSION,
    Word("TicketTypes", "Outros"),
)

#: History actions (the stable codes in ``ticket_events.action``, named by the ``ACTION_*``
#: constants of desktop.services.tickets) in words.
TICKET_ACTIONS = _table(
    "TicketsTab",
    {
        "abertura": "Abertura",
        "observacao": "Observação",
        "segunda_via": "Segunda via de boleto",
        "extrato": "Extrato",
        "nota_fiscal": "Nota fiscal",
        "habilitacao": "Habilitação provisória",
        "radius": "Rede (RADIUS)",
        "fim_habilitacao": "Fim da habilitação provisória",
        "compra": "Compra",
        "cancelamento": "Cancelamento",
        "comprovante": "Comprovante impresso",
        "envio_email": "Comprovante por e-mail",
        "encerramento": "Encerramento",
        "pagamento_pix": "Pagamento por PIX",  # desktop.services.pix_charges.ACTION_PIX
    },
)

#: ``TicketStatus`` in words.
TICKET_STATUSES = _table(
    "TicketsTab",
    {"aberto": "Aberto", "em_andamento": "Em andamento", "encerrado": "Encerrado"},
)

#: ``Channel``: where a ticket was opened.
CHANNELS = _table(
    "TicketsTab",
    {
        "balcao": "Balcão de atendimento",
        "quiosque": "Quiosque de autoatendimento",
        "retaguarda": "Retaguarda",
        "linha_de_comando": "Retaguarda (linha de comando)",
    },
)

# --------------------------------------------------------------------------- statuses
#: ``ContractStatus`` in words (the badge of the subscriber's contracts).
CONTRACT_STATUSES = _table(
    "Formatting",
    {
        "ativo": "Ativo",
        "suspenso_debito": "Suspenso por débito",
        "suspenso_outro": "Suspenso",
        "habilitado_provisorio": "Habilitado provisoriamente",
        "cancelado": "Cancelado",
    },
)

#: ``ContractStatus`` inside a sentence ("o plano está suspenso por débito"): the text the
#: enablement job writes in the ticket history.
CONTRACT_STATUSES_IN_TEXT = _table(
    "Formatting",
    {
        "ativo": "ativo",
        "suspenso_debito": "suspenso por débito",
        "suspenso_outro": "suspenso por outro motivo",
        "habilitado_provisorio": "habilitado provisoriamente",
        "cancelado": "cancelado",
    },
)

#: ``ReceivableStatus`` of one item (an open one overdue is said with its days, in the UI).
RECEIVABLE_STATUSES = _table(
    "Formatting",
    {"aberto": "Em aberto", "baixado": "Baixado", "cancelado": "Cancelado"},
)

#: ``ReceivableStatus`` for a group of items (the totals panel).
RECEIVABLE_STATUSES_PLURAL = _table(
    "Formatting",
    {"aberto": "Em aberto", "baixado": "Baixados", "cancelado": "Cancelados"},
)

#: ``ReceivableStatus`` of one bill inside a sentence ("esta conta já está baixada").
RECEIVABLE_STATES_IN_TEXT = _table(
    "Formatting",
    {"aberto": "em aberto", "baixado": "baixada", "cancelado": "cancelada"},
)

#: ``ReceivableStatus`` as the printed Relatório financeiro says it (column, filter line,
#: totals): "Pago" where the screen says "Baixado".
RECEIVABLE_STATUSES_PRINTED = _table(
    "Formatting",
    {"aberto": "Em aberto", "baixado": "Pago", "cancelado": "Cancelado"},
)

#: ``ReceivableStatus`` of a bill on the printed declaração de quitação (Lei 12.007/2009):
#: a fatura "Paga" or "Cancelada" (an open one is never declared paid).
QUITACAO_STATUSES = _table(
    "Formatting",
    {"aberto": "Em aberto", "baixado": "Paga", "cancelado": "Cancelada"},
)

#: ``PaymentMethod`` in words.
PAYMENT_METHODS = _table(
    "Formatting",
    {"boleto": "Boleto", "pix": "PIX", "cartao": "Cartão", "dinheiro": "Dinheiro"},
)

#: ``Role`` of a counter user in words.
ROLES = _table(
    "Formatting",
    {
        "atendente": "Atendente",
        "financeiro": "Financeiro",
        "suporte": "Suporte",
        "admin": "Administrador",
    },
)

#: ``Role`` inside a sentence ("Seu perfil (atendente) não permite esta operação").
ROLES_IN_TEXT = _table(
    "Formatting",
    {
        "atendente": "atendente",
        "financeiro": "financeiro",
        "suporte": "suporte",
        "admin": "administrador",
    },
)

# --------------------------------------------------------------------------- SMS credits
#: ``SmsPurchaseStatus``: where a purchase of SMS credits stands (the tab and the queue).
SMS_PURCHASE_STATUSES = _table(
    "SmsCreditsTab",
    {
        "aguardando_pagamento": "Aguardando pagamento",
        "pago": "Pago, a transferir",
        "transferido": "Créditos transferidos",
        "cancelado": "Cancelada",
    },
)

#: Who bought or confirmed, when it was the subscriber at a kiosk (``assinante:<id>``).
KIOSK_ACTOR = Word("SmsCreditsTab", "quiosque")

# --------------------------------------------------------------------------- imports
#: The kinds of ERP file (``desktop.services.erp_import.KINDS``) inside a sentence.
ERP_IMPORT_KINDS = _table(
    "Imports",
    {"customers": "clientes", "contracts": "contratos", "receivables": "contas a receber"},
)

#: What a line of a CNAB return file came to (``desktop.services.retorno`` results).
RETORNO_RESULTS = _table(
    "Retorno",
    {
        "settled": "baixado",
        "already_settled": "já baixado",
        "recorded": "registrado",
        "unmatched": "não encontrado",
        "rejected": "recusado",
    },
)

#: ``SettleOutcome`` (desktop.services.settlement): what a PIX found paid did to its bill
#: (``pix check``).
SETTLE_OUTCOMES = _table(
    "Retorno",
    {
        "settled": "baixado",
        "already_settled": "já baixado",
        "duplicate": "DUPLICIDADE",
        "not_open": "conta não estava em aberto",
    },
)

# --------------------------------------------------------------------------- invoices
#: What was done with a nota fiscal at the counter (the Nota Fiscal tab's history line:
#: "Nota fiscal 12/1: DANFE impresso.").
INVOICE_ACTIONS = _table(
    "InvoicesTab",
    {"preview": "visualizada", "xml": "XML entregue", "print": "DANFE impresso"},
)
