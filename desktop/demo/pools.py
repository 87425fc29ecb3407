"""Fixed catalogues (cities, plans, texts) and the pools of names drawn once from Faker.

Faker is slow per call (tens of microseconds), so the demo asks it once for a few thousand
names and streets and then combines them with the seeded ``random.Random``: 100 000
subscribers cost a few hundred milliseconds of names instead of minutes.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from faker import Faker

from desktop.domain.text import search_key

T = TypeVar("T")


@dataclass(frozen=True)
class City:
    name: str
    state: str
    ibge: str  # IBGE municipality code (7 digits, check digit included)
    ddd: str
    cep_from: int  # first 5 digits of the city's CEP range
    cep_to: int
    weight: int
    fixed_prefixes: tuple[str, ...]  # first digits of fixed lines there (8-digit numbers)
    nas_ip: str


# fmt: off
# A regional provider in the north-west of Paraná, with a few subscribers elsewhere.
CITIES: tuple[City, ...] = (
    City("Paranavaí", "PR", "4118402", "44", 87700, 87719, 30, ("342", "344", "3045"), "10.0.0.1"),
    City("Maringá", "PR", "4115200", "44", 87000, 87119, 20, ("302", "303", "322", "326"), "10.0.0.2"),
    City("Umuarama", "PR", "4128104", "44", 87500, 87519, 6, ("362", "363"), "10.0.0.3"),
    City("Cianorte", "PR", "4105508", "44", 87200, 87209, 5, ("3018", "3619", "3631"), "10.0.0.3"),
    City("Campo Mourão", "PR", "4104303", "44", 87300, 87319, 5, ("3016", "3518", "3525"), "10.0.0.3"),
    City("Londrina", "PR", "4113700", "43", 86000, 86099, 6, ("3027", "3324", "3339"), "10.0.1.1"),
    City("Curitiba", "PR", "4106902", "41", 80000, 82999, 5, ("3027", "3233", "3352"), "10.0.1.2"),
    City("Cascavel", "PR", "4104808", "45", 85800, 85819, 3, ("3035", "3225", "3226"), "10.0.1.2"),
    City("Ponta Grossa", "PR", "4119905", "42", 84001, 84099, 2, ("3025", "3223", "3224"), "10.0.1.2"),
    City("Foz do Iguaçu", "PR", "4108304", "45", 85850, 85869, 2, ("3025", "3523", "3574"), "10.0.1.2"),
    City("Presidente Prudente", "SP", "3541406", "18", 19000, 19099, 3, ("3221", "3222", "3903"), "10.0.1.3"),
    City("São Paulo", "SP", "3550308", "11", 1000, 5999, 4, ("2", "3", "5"), "10.0.2.1"),
    City("Campinas", "SP", "3509502", "19", 13000, 13139, 2, ("3231", "3252", "3794"), "10.0.2.1"),
    City("Campo Grande", "MS", "5002704", "67", 79000, 79129, 2, ("3025", "3321", "3382"), "10.0.2.1"),
    City("Florianópolis", "SC", "4205407", "48", 88000, 88099, 1, ("3024", "3222", "3334"), "10.0.2.2"),
    City("Porto Alegre", "RS", "4314902", "51", 90000, 91999, 1, ("3012", "3221", "3330"), "10.0.2.2"),
    City("Belo Horizonte", "MG", "3106200", "31", 30000, 31999, 1, ("3024", "3213", "3456"), "10.0.2.2"),
    City("Rio de Janeiro", "RJ", "3304557", "21", 20000, 23799, 1, ("2220", "2532", "3344"), "10.0.2.3"),
    City("Goiânia", "GO", "5208707", "62", 74000, 74899, 1, ("3088", "3224", "3241"), "10.0.2.3"),
    City("Brasília", "DF", "5300108", "61", 70000, 72799, 1, ("3034", "3321", "3443"), "10.0.2.3"),
    City("Salvador", "BA", "2927408", "71", 40000, 42499, 1, ("3012", "3241", "3354"), "10.0.2.3"),
    City("Recife", "PE", "2611606", "81", 50000, 52999, 1, ("3031", "3221", "3428"), "10.0.2.3"),
    City("Fortaleza", "CE", "2304400", "85", 60000, 61599, 1, ("3021", "3224", "3261"), "10.0.2.3"),
)
# fmt: on
CITY_WEIGHTS = tuple(c.weight for c in CITIES)

# DDDs other subscribers call (long distance), and the carriers picked with 0 + CSP.
# fmt: off
OTHER_DDDS = ("11", "21", "31", "41", "43", "44", "45", "47", "48", "51", "61", "62", "67", "71", "81", "85", "91", "92", "19", "18")
CARRIERS = ("12", "14", "15", "21", "31", "41", "43")
COUNTRIES = (("1", 10), ("351", 9), ("54", 10), ("598", 8), ("34", 9), ("39", 10), ("49", 11), ("81", 10))
# fmt: on


@dataclass(frozen=True)
class PlanDef:
    key: str
    name: str
    price: Decimal
    internet: bool = False
    voice: bool = False
    sms: bool = False
    down: int = 0
    up: int = 0
    group: str | None = None


# fmt: off
PLANS: tuple[PlanDef, ...] = (
    PlanDef("net100", "Internet 100 Mega", Decimal("79.90"), internet=True, down=100, up=50, group="plano-100m"),
    PlanDef("net300", "Internet 300 Mega", Decimal("99.90"), internet=True, down=300, up=150, group="plano-300m"),
    PlanDef("net500", "Internet 500 Mega", Decimal("119.90"), internet=True, down=500, up=250, group="plano-500m"),
    PlanDef("net1g", "Internet 1 Giga", Decimal("179.90"), internet=True, down=1000, up=500, group="plano-1g"),
    PlanDef("fone", "Fone Fixo Residencial", Decimal("34.90"), voice=True),
    PlanDef("fonepj", "Fone Fixo Empresarial", Decimal("59.90"), voice=True),
    PlanDef("combo300", "Combo 300 Mega + Fone", Decimal("129.90"), internet=True, voice=True, down=300, up=150, group="combo-300m"),
    PlanDef("combo500", "Combo 500 Mega + Fone", Decimal("149.90"), internet=True, voice=True, down=500, up=250, group="combo-500m"),
    PlanDef("pj600", "Empresarial 600 Mega", Decimal("299.90"), internet=True, down=600, up=300, group="empresarial-600m"),
    PlanDef("sms", "SMS Empresarial", Decimal("29.90"), sms=True),
)
# Plan keys and weights of a person's contract, and of a company's.
PERSON_PLANS = (("net100", 14), ("net300", 22), ("net500", 12), ("net1g", 5), ("fone", 12), ("combo300", 22), ("combo500", 13))
COMPANY_PLANS = (("net300", 10), ("net500", 10), ("pj600", 25), ("fonepj", 25), ("combo500", 30))

SUSPENSION_GROUP = "bloqueado"  # the default of the setting radius.suspension_group
CREDIT_VALUES = ((1000, Decimal("90.00"), True), (5000, Decimal("400.00"), True), (10000, Decimal("700.00"), True), (500, Decimal("50.00"), False))

RELATIONS_PERSON = ("cônjuge", "filho(a)", "pai", "mãe", "irmão(ã)", "procurador(a)")
RELATIONS_COMPANY = ("sócio(a)", "gerente", "financeiro", "funcionário(a)")
ACTIVITIES = (
    "Mercado", "Padaria", "Auto Peças", "Farmácia", "Comercial", "Distribuidora", "Clínica Odontológica",
    "Papelaria", "Materiais de Construção", "Restaurante", "Transportes", "Contabilidade", "Academia",
    "Pet Shop", "Oficina Mecânica", "Supermercado", "Agropecuária", "Advocacia", "Ótica", "Sorveteria",
)
COMPANY_SUFFIXES = ("Ltda", "Ltda", "ME", "EPP", "S/A", "SLU")
MAIL_DOMAINS = ("gmail.com", "gmail.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br", "bol.com.br", "terra.com.br")
COMPLEMENTS = ("", "", "", "", "", "Casa 2", "Fundos", "Apto 12", "Apto 304", "Bloco B Apto 21", "Sala 3", "Loja 1")
STREET_KINDS = (("Rua", 70), ("Avenida", 15), ("Travessa", 6), ("Alameda", 4), ("Praça", 2), ("Rodovia", 1))
FAMOUS_STREETS = ("Rua XV de Novembro", "Avenida Brasil", "Rua Sete de Setembro", "Avenida Paraná", "Rua Getúlio Vargas", "Avenida Tiradentes", "Rua Marechal Deodoro", "Rua Santos Dumont")

# Ticket types with the descriptions, follow-ups and resolutions the history uses.
TICKET_TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Suporte técnico": (
        ("Cliente relata lentidão na conexão à noite.", "Sem conexão desde ontem; ONU com luz LOS vermelha.", "Wi-Fi não alcança o quarto dos fundos.", "Telefone fixo sem linha.", "Quedas frequentes da internet durante o dia."),
        ("Testes remotos feitos; sinal óptico em -27 dBm.", "Agendada visita técnica.", "Orientado a reiniciar o roteador.", "Encaminhado para a equipe de rede."),
        ("Conector óptico trocado; sinal normalizado.", "Roteador substituído em visita técnica.", "Problema resolvido após manutenção na rede.", "Cliente confirmou que o serviço voltou ao normal."),
    ),
    "Financeiro": (
        ("Cliente questiona o valor da última fatura.", "Pedido de segunda via do boleto.", "Cliente informa pagamento em duplicidade.", "Solicita alteração do dia de vencimento.", "Cliente informa que pagou e o plano continua suspenso."),
        ("Comprovante de pagamento recebido.", "Encaminhado ao financeiro para conferência.", "Aguardando compensação bancária."),
        ("Baixa manual realizada após conferência.", "Vencimento alterado a partir do próximo mês.", "Estorno solicitado à operadora do cartão.", "Valores explicados ao cliente."),
    ),
    "Mudança de plano": (
        ("Interesse em mudar para um plano mais rápido.", "Cliente pede orçamento de linha fixa adicional.", "Dúvida sobre o plano combo."),
        ("Proposta enviada por e-mail.", "Cliente vai pensar e retornar."),
        ("Plano alterado conforme solicitado.", "Cliente desistiu da mudança."),
    ),
    "Mudança de endereço": (
        ("Cliente vai se mudar e quer levar o plano.", "Transferência de endereço da instalação."),
        ("Viabilidade técnica confirmada no novo endereço.", "Agendada a instalação no novo endereço."),
        ("Instalação concluída no novo endereço.",),
    ),
    "Cancelamento": (
        ("Cliente solicita o cancelamento do contrato.", "Cancelamento por mudança de cidade."),
        ("Oferta de retenção apresentada.", "Agendada a retirada dos equipamentos."),
        ("Contrato cancelado; equipamentos recolhidos.", "Cliente aceitou a oferta e manteve o plano."),
    ),
    "Reclamação": (
        ("Cliente reclama do tempo de espera no atendimento.", "Reclamação sobre visita técnica não realizada."),
        ("Registrado retorno ao cliente.",),
        ("Cliente recebeu retorno e a reclamação foi resolvida.",),
    ),
    "Segunda via de documento": (
        ("Cliente pede a segunda via do boleto do mês.", "Pedido de segunda via da nota fiscal.", "Cliente pede o extrato de ligações do mês passado."),
        ("Documento enviado por e-mail.",),
        ("Segunda via impressa e entregue ao cliente.", "Documento enviado para o e-mail cadastrado."),
    ),
    "Informação": (
        ("Cliente pergunta sobre a cobertura no bairro vizinho.", "Dúvida sobre o horário de atendimento da loja.", "Cliente pergunta como usar o quiosque."),
        ("Informação passada ao cliente.",),
        ("Dúvida esclarecida.",),
    ),
}
PARTICLES = {
    **dict.fromkeys(("Silva", "Costa", "Rocha", "Cruz", "Luz", "Conceição", "Paz", "Cunha", "Mota", "Fonseca", "Rosa"), "da"),
    **dict.fromkeys(("Souza", "Sousa", "Oliveira", "Almeida", "Jesus", "Lima", "Carvalho", "Melo", "Moraes", "Freitas", "Assis"), "de"),
    **dict.fromkeys(("Santos", "Reis", "Anjos", "Ramos", "Passos"), "dos"),
}
# The types come from desktop.domain.vocabulary.words.TICKET_TYPES (a test checks it).
TICKET_TYPE_WEIGHTS = (("Suporte técnico", 40), ("Financeiro", 22), ("Mudança de plano", 10), ("Mudança de endereço", 5), ("Cancelamento", 4), ("Reclamação", 6), ("Segunda via de documento", 9), ("Informação", 4))
# fmt: on


class Pools:
    """Names, streets and districts drawn from Faker once (seeded), reused with ``rng``."""

    def __init__(self, faker: Faker, size: int = 400) -> None:
        # dict.fromkeys removes repeats and keeps Faker's order (a set would not: hash seeds).
        self.female = _unique(faker.first_name_female() for _ in range(size))
        self.male = _unique(faker.first_name_male() for _ in range(size))
        self.last = _unique(faker.last_name() for _ in range(size))
        self.districts = ["Centro", "Zona 7", *_unique(faker.bairro() for _ in range(size))]
        people = [f"{faker.first_name()} {faker.last_name()}" for _ in range(size * 2)]
        titles = ("", "", "", "", "Dr. ", "Prof. ", "Padre ", "Vereador ")
        self.street_names = _unique(f"{titles[i % len(titles)]}{p}" for i, p in enumerate(people))

    def person_name(self, rng: random.Random, female: bool | None = None) -> tuple[str, str, str]:
        """(full name, first name, last name) like "Maria Eduarda Souza Lima"."""
        if female is None:
            female = rng.random() < 0.5
        firsts = self.female if female else self.male
        first = rng.choice(firsts)
        parts = [first]
        if rng.random() < 0.2:
            parts.append(rng.choice(firsts))
        last = rng.choice(self.last)
        if rng.random() < 0.6:
            parts.append(rng.choice(self.last))
        elif last in PARTICLES and rng.random() < 0.5:
            parts.append(PARTICLES[last])  # "da Silva", "de Souza", "dos Santos"
        parts.append(last)
        return " ".join(parts), first, last

    def company_name(self, rng: random.Random) -> tuple[str, str]:
        """(name, short slug) like ("Padaria Oliveira Ltda", "padariaoliveira")."""
        activity, last = rng.choice(ACTIVITIES), rng.choice(self.last)
        name = f"{activity} {last} {rng.choice(COMPANY_SUFFIXES)}"
        return name, slug(f"{activity}{last}")

    def street(self, rng: random.Random) -> str:
        if rng.random() < 0.05:
            return rng.choice(FAMOUS_STREETS)
        kind = weighted(rng, STREET_KINDS)
        return f"{kind} {rng.choice(self.street_names)}"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def slug(text: str) -> str:
    return "".join(ch for ch in search_key(text) if ch.isalnum())


def weighted(rng: random.Random, pairs: tuple[tuple[T, int], ...]) -> T:
    """One key of ``pairs`` (key, weight), using a single draw of ``rng``."""
    total = sum(w for _, w in pairs)
    pick = rng.random() * total
    for key, w in pairs:
        pick -= w
        if pick < 0:
            return key
    return pairs[-1][0]
