"""Occurrence (movimento) and motive codes of CNAB return files, with their Portuguese texts.

What each code *does* differs per bank and layout: "10" is a write-off (baixa) everywhere
except Itaú, where it is "baixa por ter sido liquidado" — a payment; Caixa's 400-position
layout has its own numbering (01 entrada, 21 liquidação, 99 rejeição).  So the kind of an
occurrence is looked up per (layout, bank), never from the code alone.

Sources (REFERENCE.md §2.2/§2.3): FEBRABAN CNAB 240 v10.6 notes C044 (movimento) and C047
(motivos); the banks' 400-position manuals as collected in eduardokum/laravel-boleto
``manuais/`` and its ``src/Cnab/Retorno/Cnab400/Banco/*.php`` tables (MIT).
"""

from __future__ import annotations

import enum


class OccurrenceKind(enum.StrEnum):
    LIQUIDATION = "liquidation"  # money received: settles the receivable
    ENTRY_CONFIRMED = "entry_confirmed"  # entrada confirmada (the boleto is registered)
    ENTRY_REJECTED = "entry_rejected"  # entrada rejeitada / comando recusado (see motives)
    WRITE_OFF = "write_off"  # baixa (the bank no longer collects it)
    OTHER = "other"  # tarifas, alterações, protesto...


# --------------------------------------------------------------------------- CNAB 240 (C044)
FEBRABAN_240 = {
    "02": "Entrada confirmada",
    "03": "Entrada rejeitada",
    "04": "Transferência de carteira/entrada",
    "05": "Transferência de carteira/baixa",
    "06": "Liquidação",
    "07": "Confirmação do recebimento da instrução de desconto",
    "08": "Confirmação do recebimento do cancelamento do desconto",
    "09": "Baixa",
    "11": "Títulos em carteira (em ser)",
    "12": "Confirmação recebimento instrução de abatimento",
    "13": "Confirmação recebimento instrução de cancelamento abatimento",
    "14": "Confirmação recebimento instrução alteração de vencimento",
    "15": "Franco de pagamento",
    "17": "Liquidação após baixa ou liquidação de título não registrado",
    "19": "Confirmação recebimento instrução de protesto",
    "20": "Confirmação recebimento instrução de sustação/cancelamento de protesto",
    "23": "Remessa a cartório (aponte em cartório)",
    "24": "Retirada de cartório e manutenção em carteira",
    "25": "Protestado e baixado (baixa por ter sido protestado)",
    "26": "Instrução rejeitada",
    "27": "Confirmação do pedido de alteração de outros dados",
    "28": "Débito de tarifas/custas",
    "29": "Ocorrências do pagador",
    "30": "Alteração de dados rejeitada",
    "33": "Confirmação da alteração dos dados do rateio de crédito",
    "36": "Confirmação de envio de e-mail/SMS",
    "44": "Título pago com cheque devolvido",
    "45": "Título pago com cheque compensado",
}
ITAU_240 = {**FEBRABAN_240, "08": "Liquidação em cartório", "10": "Baixa por ter sido liquidado"}

# --------------------------------------------------------------------------- CNAB 400, per bank
ITAU_400 = {
    "02": "Entrada confirmada",
    "03": "Entrada rejeitada",
    "04": "Alteração de dados – nova entrada ou alteração/exclusão de dados acatada",
    "05": "Alteração de dados – baixa",
    "06": "Liquidação normal",
    "07": "Liquidação parcial – cobrança inteligente",
    "08": "Liquidação em cartório",
    "09": "Baixa simples",
    "10": "Baixa por ter sido liquidado",
    "11": "Em ser",
    "12": "Abatimento concedido",
    "13": "Abatimento cancelado",
    "14": "Vencimento alterado",
    "15": "Baixas rejeitadas",
    "16": "Instruções rejeitadas",
    "17": "Alteração/exclusão de dados rejeitados",
    "18": "Cobrança contratual – instruções/alterações rejeitadas/pendentes",
    "19": "Confirmação recebimento de instrução de protesto",
    "20": "Confirmação recebimento de instrução de sustação de protesto/tarifa",
    "23": "Tarifa de envio a cartório",
    "25": "Tarifa de manutenção de título vencido",
    "28": "Débito de tarifas/custas",
    "32": "Baixa por ter sido protestado",
    "47": "Baixa com transferência para desconto",
    "59": "Baixa por crédito em C/C através do SISPAG",
}
BRADESCO_400 = {
    "02": "Entrada confirmada",
    "03": "Entrada rejeitada",
    "06": "Liquidação normal",
    "09": "Baixado automaticamente via arquivo",
    "10": "Baixado conforme instruções da agência",
    "11": "Em ser – arquivo de títulos pendentes",
    "12": "Abatimento concedido",
    "13": "Abatimento cancelado",
    "14": "Vencimento alterado",
    "15": "Liquidação em cartório",
    "16": "Título pago em cheque – vinculado",
    "17": "Liquidação após baixa ou título não registrado",
    "18": "Acerto de depositária",
    "19": "Confirmação recebimento instrução de protesto",
    "20": "Confirmação recebimento instrução sustação de protesto",
    "22": "Título com pagamento cancelado",
    "23": "Entrada do título em cartório",
    "24": "Entrada rejeitada por CEP irregular",
    "27": "Baixa rejeitada",
    "28": "Débito de tarifas/custas",
    "30": "Alteração de outros dados rejeitados",
    "32": "Instrução rejeitada",
    "33": "Confirmação pedido alteração outros dados",
    "34": "Retirado de cartório e manutenção carteira",
    "35": "Desagendamento do débito automático",
    "40": "Estorno de pagamento",
}
SANTANDER_400 = {
    "01": "Título não existe",
    "02": "Entrada título confirmada",
    "03": "Entrada título rejeitada",
    "06": "Liquidação",
    "07": "Liquidação por conta",
    "08": "Liquidação por saldo",
    "09": "Baixa automática",
    "10": "Título baixado conforme instrução ou por título protestado",
    "11": "Em ser",
    "12": "Abatimento concedido",
    "13": "Abatimento cancelado",
    "14": "Prorrogação de vencimento",
    "15": "Enviado para cartório",
    "16": "Título já baixado/liquidado",
    "17": "Liquidado em cartório",
    "21": "Entrada em cartório",
    "22": "Retirado de cartório",
    "24": "Custas de cartório",
    "25": "Protestar título",
    "26": "Sustar protesto",
}
BB_400 = {
    "02": "Confirmação de entrada de título",
    "03": "Comando recusado",
    "05": "Liquidado sem registro",
    "06": "Liquidação normal",
    "07": "Liquidação por conta",
    "08": "Liquidação por saldo",
    "09": "Baixa de título",
    "10": "Baixa solicitada",
    "11": "Títulos em ser",
    "12": "Abatimento concedido",
    "13": "Abatimento cancelado",
    "14": "Alteração de vencimento do título",
    "15": "Liquidação em cartório",
    "16": "Confirmação de alteração de juros de mora",
    "19": "Confirmação de recebimento de instruções para protesto",
    "20": "Débito em conta",
    "21": "Alteração do nome do sacado",
    "22": "Alteração do endereço do sacado",
    "23": "Indicação de encaminhamento a cartório",
    "24": "Sustar protesto",
    "25": "Dispensar juros de mora",
    "28": "Manutenção de título vencido",
    "44": "Título pago com cheque devolvido",
    "46": "Título pago com cheque, aguardando compensação",
    "96": "Despesas de protesto",
    "98": "Débito de custas antecipadas",
}
CAIXA_400 = {
    "01": "Entrada confirmada",
    "02": "Baixa confirmada",
    "03": "Abatimento concedido",
    "04": "Abatimento cancelado",
    "05": "Vencimento alterado",
    "06": "Uso da empresa alterado",
    "09": "Alteração confirmada",
    "20": "Em ser",
    "21": "Liquidação",
    "22": "Liquidação em cartório",
    "23": "Baixa por devolução",
    "24": "Baixa por franco pagamento",
    "25": "Baixa por protesto",
    "26": "Título enviado para cartório",
    "31": "Tarifa sobre título vencido",
    "32": "Outras tarifas de alteração",
    "33": "Estorno de baixa/liquidação",
    "99": "Rejeição do título",
}
SICOOB_400 = {
    "02": "Confirmação entrada título",
    "03": "Entrada rejeitada",
    "05": "Liquidação sem registro",
    "06": "Liquidação normal",
    "09": "Baixa de título",
    "10": "Baixa solicitada (pedido do beneficiário)",
    "11": "Títulos em ser",
    "14": "Alteração de vencimento",
    "15": "Liquidação em cartório",
    "23": "Encaminhado a protesto",
    "27": "Confirmação alteração dados",
    "48": "Confirmação de instrução de transferência de carteira/modalidade de cobrança",
}
SICREDI_400 = {
    "02": "Entrada confirmada",
    "03": "Entrada rejeitada",
    "06": "Liquidação normal",
    "09": "Baixado automaticamente via arquivo",
    "10": "Baixado conforme instruções da cooperativa de crédito",
    "12": "Abatimento concedido",
    "13": "Abatimento cancelado",
    "14": "Vencimento alterado",
    "15": "Liquidação em cartório",
    "17": "Liquidação após baixa",
    "19": "Confirmação de recebimento de instrução de protesto",
    "23": "Entrada de título em cartório",
    "24": "Entrada rejeitada por CEP irregular",
    "27": "Baixa rejeitada",
    "28": "Tarifa",
    "30": "Alteração rejeitada",
    "32": "Instrução rejeitada",
}

_TEXTS: dict[tuple[str, str], dict[str, str]] = {
    ("cnab400", "341"): ITAU_400,
    ("cnab400", "237"): BRADESCO_400,
    ("cnab400", "033"): SANTANDER_400,
    ("cnab400", "001"): BB_400,
    ("cnab400", "104"): CAIXA_400,
    ("cnab400", "756"): SICOOB_400,
    ("cnab400", "748"): SICREDI_400,
    ("cnab240", "341"): ITAU_240,
}

# Liquidation codes per (layout, bank); 07 "por conta"/"parcial" is a partial payment that
# leaves the bill open, so it is recorded, not settled.
_LIQUIDATION: dict[tuple[str, str], frozenset[str]] = {
    ("cnab400", "341"): frozenset({"06", "08", "10"}),
    ("cnab400", "237"): frozenset({"06", "15", "17"}),
    ("cnab400", "033"): frozenset({"06", "08", "17"}),
    ("cnab400", "001"): frozenset({"05", "06", "08", "15"}),
    ("cnab400", "104"): frozenset({"21", "22"}),
    ("cnab400", "756"): frozenset({"05", "06", "15"}),
    ("cnab400", "748"): frozenset({"06", "15", "17"}),
    ("cnab240", "341"): frozenset({"06", "08", "10", "17"}),
}
_LIQUIDATION_240 = frozenset({"06", "17"})
_WRITE_OFF: dict[tuple[str, str], frozenset[str]] = {
    ("cnab400", "341"): frozenset({"05", "09", "32", "47"}),
    ("cnab400", "104"): frozenset({"02", "23", "24", "25"}),
    ("cnab400", "033"): frozenset({"09", "10"}),
    ("cnab240", "341"): frozenset({"09", "25"}),
}
_WRITE_OFF_DEFAULT = frozenset({"09", "10", "25"})
_CONFIRMED = {("cnab400", "104"): "01"}
_REJECTED = {("cnab400", "104"): "99"}


def occurrence_text(layout: str, bank: str, code: str) -> str:
    table = _TEXTS.get((layout, bank), FEBRABAN_240)
    return table.get(code, f"Ocorrência {code}")


def occurrence_kind(layout: str, bank: str, code: str) -> OccurrenceKind:
    key = (layout, bank)
    if code in _LIQUIDATION.get(key, _LIQUIDATION_240):
        return OccurrenceKind.LIQUIDATION
    if code == _CONFIRMED.get(key, "02"):
        return OccurrenceKind.ENTRY_CONFIRMED
    if code == _REJECTED.get(key, "03"):
        return OccurrenceKind.ENTRY_REJECTED
    if code in _WRITE_OFF.get(key, _WRITE_OFF_DEFAULT):
        return OccurrenceKind.WRITE_OFF
    return OccurrenceKind.OTHER


def liquidation_codes(layout: str, bank: str) -> frozenset[str]:
    return _LIQUIDATION.get((layout, bank), _LIQUIDATION_240)


# --------------------------------------------------------------------------- motives (C047)
REJECTION_MOTIVES = {
    "01": "Código do banco inválido",
    "02": "Código do registro detalhe inválido",
    "03": "Código do segmento inválido",
    "04": "Código de movimento não permitido para a carteira",
    "05": "Código de movimento inválido",
    "06": "Tipo/número de inscrição do beneficiário inválidos",
    "07": "Agência/conta/DV inválido",
    "08": "Nosso número inválido",
    "09": "Nosso número duplicado",
    "10": "Carteira inválida",
    "11": "Forma de cadastramento do título inválida",
    "12": "Tipo de documento inválido",
    "13": "Identificação da emissão do boleto inválida",
    "14": "Identificação da distribuição do boleto inválida",
    "15": "Características da cobrança incompatíveis",
    "16": "Data de vencimento inválida",
    "17": "Data de vencimento anterior à data de emissão",
    "18": "Vencimento fora do prazo de operação",
    "19": "Título a cargo de bancos correspondentes com vencimento inferior a XX dias",
    "20": "Valor do título inválido",
    "21": "Espécie do título inválida",
    "22": "Espécie do título não permitida para a carteira",
    "23": "Aceite inválido",
    "24": "Data da emissão inválida",
    "25": "Data da emissão posterior à data de entrada",
    "26": "Código de juros de mora inválido",
    "27": "Valor/taxa de juros de mora inválido",
    "28": "Código do desconto inválido",
    "29": "Valor do desconto maior ou igual ao valor do título",
    "30": "Desconto a conceder não confere",
    "32": "Valor do IOF inválido",
    "33": "Valor do abatimento inválido",
    "34": "Valor do abatimento maior ou igual ao valor do título",
    "37": "Código para protesto inválido",
    "38": "Prazo para protesto inválido",
    "39": "Pedido de protesto não permitido para o título",
    "44": "Código da moeda inválido",
    "45": "Nome do pagador não informado",
    "46": "Tipo/número de inscrição do pagador inválidos",
    "47": "Endereço do pagador não informado",
    "48": "CEP inválido",
    "49": "CEP sem praça de cobrança (não localizado)",
    "52": "Unidade da federação inválida",
    "53": "Tipo/número de inscrição do sacador/avalista inválidos",
    "54": "Sacador/avalista não informado",
    "57": "Código da multa inválido",
    "58": "Data da multa inválida",
    "59": "Valor/percentual da multa inválido",
    "60": "Movimento para título não cadastrado",
    "61": "Alteração da agência cobradora/DV inválida",
    "62": "Tipo de impressão inválido",
    "63": "Entrada para título já cadastrado",
    "A4": "Pagador é cliente DDA",
}
LIQUIDATION_MOTIVES = {
    "01": "Por saldo",
    "02": "Por conta",
    "03": "Liquidação no guichê de caixa em dinheiro",
    "04": "Compensação eletrônica",
    "05": "Compensação convencional",
    "06": "Por meio eletrônico",
    "07": "Após feriado local",
    "08": "Em cartório",
    "30": "Liquidação no guichê de caixa em cheque",
    "31": "Liquidação em banco correspondente",
    "32": "Liquidação terminal de autoatendimento",
    "33": "Liquidação na internet (home banking)",
    "34": "Liquidado office banking",
    "35": "Liquidado correspondente em dinheiro",
    "36": "Liquidado correspondente em cheque",
    "37": "Liquidado por meio de central de atendimento (telefone)",
    "PX": "Liquidado por PIX (boleto híbrido)",
}
WRITE_OFF_MOTIVES = {
    "09": "Comandada banco",
    "10": "Comandada cliente arquivo",
    "11": "Comandada cliente on-line",
    "12": "Decurso prazo – cliente",
    "13": "Decurso prazo – banco",
    "14": "Protestado",
    "15": "Título excluído",
}
TARIFF_MOTIVES = {  # motives of 28 "débito de tarifas/custas"
    "01": "Tarifa de extrato de posição",
    "02": "Tarifa de manutenção de título vencido",
    "03": "Tarifa de sustação",
    "04": "Tarifa de protesto",
    "05": "Tarifa de outras instruções",
    "06": "Tarifa de outras ocorrências",
    "07": "Tarifa de envio de duplicata ao pagador",
    "08": "Custas de protesto",
    "09": "Custas de sustação de protesto",
    "10": "Custas de cartório distribuidor",
    "11": "Custas de edital",
    "12": "Tarifa sobre devolução de título vencido",
    "13": "Tarifa sobre registro cobrada na baixa/liquidação",
    "14": "Tarifa sobre reapresentação automática",
    "15": "Tarifa sobre rateio de crédito",
    "17": "Tarifa sobre informações via fax",
    "18": "Tarifa sobre prorrogação de vencimento",
    "19": "Tarifa sobre alteração de abatimento/desconto",
    "20": "Tarifa sobre arquivo mensal (em ser)",
}
# Channel markers that say a liquidation was a PIX payment of a hybrid boleto (the QR code on
# the boleto): the motive "PX" some banks put among the liquidation motives, and Itaú's
# 400-position "código de liquidação" (393-394).  L: inferred from the banks' notes on the
# boleto híbrido; a liquidation without a marker is a boleto payment, which settles the same.
PIX_MARKERS = frozenset({"PX", "PI"})


def motive_text(kind: OccurrenceKind, code: str, occurrence: str = "") -> str:
    if occurrence == "28" and kind is OccurrenceKind.OTHER:
        table = TARIFF_MOTIVES
    elif kind is OccurrenceKind.LIQUIDATION:
        table = LIQUIDATION_MOTIVES
    elif kind is OccurrenceKind.WRITE_OFF:
        table = WRITE_OFF_MOTIVES
    else:
        table = REJECTION_MOTIVES
    return table.get(code, f"motivo {code}")
