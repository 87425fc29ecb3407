"""The shared settings of every station, declared: the registry the Painel is generated from.

Each :class:`~desktop.config.setting_def.SettingDef` gives a key, type, default, group and
validation; the values themselves live in the database table ``settings``
(desktop.services.settings reads and writes them through this registry).
"""

from __future__ import annotations

from decimal import Decimal

from desktop.config.setting_def import SettingDef
from desktop.errors import InvalidInput

GROUP_COMPANY = "Dados da empresa"
GROUP_BILLING = "Cobrança"
GROUP_PIX = "PIX"
GROUP_TARIFFS = "Tarifas de telefonia"
GROUP_ENABLEMENT = "Habilitação Provisória"
GROUP_RADIUS = "RADIUS"
GROUP_CIELO = "Cielo"
GROUP_SMTP = "E-mail (SMTP)"
GROUP_KIOSK = "Quiosque"
GROUP_INTERFACE = "Interface"
GROUP_FISCAL = "Nota fiscal"
GROUP_RETENTION = "Retenção e partições (PostgreSQL)"

_D = Decimal
_SETTINGS: tuple[SettingDef, ...] = (
    SettingDef(
        "company.name", str, "Provedor Exemplo Telecomunicações Ltda", GROUP_COMPANY, "Razão social"
    ),
    SettingDef("company.trade_name", str, "Exemplo Net", GROUP_COMPANY, "Nome fantasia"),
    SettingDef(
        "company.cnpj",
        str,
        "06117473000150",
        GROUP_COMPANY,
        "CNPJ",
        pattern=r"[0-9A-Z]{12}[0-9]{2}",
    ),
    SettingDef("company.ie", str, "9012345678", GROUP_COMPANY, "Inscrição estadual"),
    SettingDef("company.street", str, "Avenida Paraná", GROUP_COMPANY, "Logradouro"),
    SettingDef("company.number", str, "1200", GROUP_COMPANY, "Número"),
    SettingDef("company.district", str, "Centro", GROUP_COMPANY, "Bairro"),
    SettingDef("company.city", str, "Paranavaí", GROUP_COMPANY, "Município"),
    SettingDef(
        "company.city_ibge",
        str,
        "4118402",
        GROUP_COMPANY,
        "Código IBGE do município",
        pattern=r"\d{7}",
    ),
    SettingDef("company.state", str, "PR", GROUP_COMPANY, "UF", pattern=r"[A-Z]{2}"),
    SettingDef("company.cep", str, "87701000", GROUP_COMPANY, "CEP", pattern=r"\d{8}"),
    SettingDef("company.phone", str, "4430451000", GROUP_COMPANY, "Telefone"),
    SettingDef("company.email", str, "atendimento@exemplo.net.br", GROUP_COMPANY, "E-mail"),
    SettingDef("company.logo_path", str, "", GROUP_COMPANY, "Logotipo (arquivo PNG)"),
    SettingDef(
        "billing.fine_percent",
        Decimal,
        _D("2.00"),
        GROUP_BILLING,
        "Multa por atraso (%)",
        minimum=_D(0),
        maximum=_D("2.00"),
        help="O CDC limita a multa a 2 %.",
    ),
    SettingDef(
        "billing.interest_month_percent",
        Decimal,
        _D("1.00"),
        GROUP_BILLING,
        "Juros de mora ao mês (%)",
        minimum=_D(0),
        maximum=_D("10.00"),
        help="Aplicados pro rata die (mês de 30 dias).",
    ),
    SettingDef(
        "billing.payment_limit_days",
        int,
        59,
        GROUP_BILLING,
        "Prazo para pagamento após o vencimento (dias)",
        minimum=0,
        maximum=365,
    ),
    SettingDef(
        "billing.reprint_days_ahead",
        int,
        45,
        GROUP_BILLING,
        "Segunda via: boletos a vencer em até (dias)",
        minimum=1,
        maximum=365,
    ),
    SettingDef("pix.key", str, "financeiro@exemplo.net.br", GROUP_PIX, "Chave PIX"),
    SettingDef(
        "pix.merchant_name",
        str,
        "EXEMPLO NET",
        GROUP_PIX,
        "Nome do recebedor (até 25)",
        pattern=r".{1,25}",
    ),
    SettingDef(
        "pix.merchant_city",
        str,
        "PARANAVAI",
        GROUP_PIX,
        "Cidade do recebedor (até 15)",
        pattern=r".{1,15}",
    ),
    # Cobrança imediata through the PSP's API Pix (SPEC §7); empty api_url: PIX charges off.
    SettingDef(
        "pix.api_url",
        str,
        "",
        GROUP_PIX,
        "Endereço da API Pix do PSP (vazio: cobrança PIX desligada)",
        pattern=r"https://\S+",
        help="Base da API, ex.: https://pix.banco.example/api/v2 (/cob, /pix são acrescentados).",
    ),
    SettingDef(
        "pix.token_url", str, "", GROUP_PIX, "Endereço do token OAuth2", pattern=r"https://\S+"
    ),
    SettingDef("pix.client_id", str, "", GROUP_PIX, "Client ID"),
    SettingDef("pix.client_secret", str, "", GROUP_PIX, "Client secret", secret=True),
    SettingDef(
        "pix.client_cert",
        str,
        "",
        GROUP_PIX,
        "Certificado da empresa (PEM, TLS mútuo)",
        existing_file=True,
    ),
    SettingDef(
        "pix.client_key",
        str,
        "",
        GROUP_PIX,
        "Chave privada do certificado (PEM)",
        existing_file=True,
    ),
    SettingDef(
        "pix.ca_file",
        str,
        "",
        GROUP_PIX,
        "CA do PSP (PEM; vazio: as autoridades do sistema)",
        existing_file=True,
    ),
    SettingDef(
        "pix.charge_expiry_s",
        int,
        3600,
        GROUP_PIX,
        "Validade da cobrança PIX (s)",
        minimum=60,
        maximum=86400,
    ),
    SettingDef(
        "pix.timeout_s",
        int,
        10,
        GROUP_PIX,
        "Tempo máximo de espera pelo PSP (s)",
        minimum=1,
        maximum=60,
    ),
    SettingDef(
        "tariff.local_fixo",
        Decimal,
        _D("0.10"),
        GROUP_TARIFFS,
        "Local fixo (R$/min)",
        minimum=_D(0),
    ),
    SettingDef(
        "tariff.local_movel",
        Decimal,
        _D("0.45"),
        GROUP_TARIFFS,
        "Local móvel VC1 (R$/min)",
        minimum=_D(0),
    ),
    SettingDef(
        "tariff.ldn_fixo",
        Decimal,
        _D("0.25"),
        GROUP_TARIFFS,
        "Longa distância fixo (R$/min)",
        minimum=_D(0),
    ),
    SettingDef(
        "tariff.ldn_movel",
        Decimal,
        _D("0.89"),
        GROUP_TARIFFS,
        "Longa distância móvel VC2/VC3 (R$/min)",
        minimum=_D(0),
    ),
    SettingDef(
        "tariff.ldi", Decimal, _D("1.90"), GROUP_TARIFFS, "Internacional (R$/min)", minimum=_D(0)
    ),
    SettingDef(
        "tariff.gratuita",
        Decimal,
        _D("0.00"),
        GROUP_TARIFFS,
        "Gratuita (R$/min)",
        minimum=_D(0),
        maximum=_D(0),
    ),
    SettingDef(
        "tariff.especial",
        Decimal,
        _D("0.60"),
        GROUP_TARIFFS,
        "Serviços especiais (R$/min)",
        minimum=_D(0),
    ),
    SettingDef(
        "enablement.days", int, 3, GROUP_ENABLEMENT, "Dias de habilitação", minimum=1, maximum=15
    ),
    SettingDef(
        "enablement.min_interval_days",
        int,
        30,
        GROUP_ENABLEMENT,
        "Intervalo mínimo entre habilitações (dias)",
        minimum=0,
        maximum=365,
    ),
    SettingDef(
        "radius.database_url",
        str,
        "",
        GROUP_RADIUS,
        "Banco do FreeRADIUS (vazio: o banco da Central)",
        secret=True,
    ),
    SettingDef(
        "radius.suspension_group",
        str,
        "bloqueado",
        GROUP_RADIUS,
        "Grupo de suspensão (radusergroup)",
        pattern=r"[\w.-]{1,64}",
    ),
    SettingDef("radius.nas_ip", str, "", GROUP_RADIUS, "IP do NAS para CoA/Disconnect"),
    SettingDef("radius.nas_secret", str, "", GROUP_RADIUS, "Segredo do NAS", secret=True),
    SettingDef("radius.coa_port", int, 3799, GROUP_RADIUS, "Porta CoA", minimum=1, maximum=65535),
    SettingDef(
        "cielo.environment",
        str,
        "sandbox",
        GROUP_CIELO,
        "Ambiente",
        choices=("sandbox", "production"),
    ),
    SettingDef("cielo.merchant_id", str, "", GROUP_CIELO, "MerchantId"),
    SettingDef("cielo.merchant_key", str, "", GROUP_CIELO, "MerchantKey", secret=True),
    SettingDef(
        "cielo.api_url", str, "", GROUP_CIELO, "Endereço da API (vazio: o oficial do ambiente)"
    ),
    SettingDef("cielo.query_url", str, "", GROUP_CIELO, "Endereço da consulta (vazio: o oficial)"),
    SettingDef(
        "cielo.timeout_s",
        int,
        20,
        GROUP_CIELO,
        "Tempo máximo de espera (s)",
        minimum=1,
        maximum=120,
    ),
    SettingDef(
        "cielo.establishment_number", str, "1234567890", GROUP_CIELO, "Número do estabelecimento"
    ),
    SettingDef("smtp.host", str, "", GROUP_SMTP, "Servidor"),
    SettingDef("smtp.port", int, 587, GROUP_SMTP, "Porta", minimum=1, maximum=65535),
    SettingDef("smtp.user", str, "", GROUP_SMTP, "Usuário"),
    SettingDef("smtp.password", str, "", GROUP_SMTP, "Senha", secret=True),
    SettingDef("smtp.sender", str, "nao-responda@exemplo.net.br", GROUP_SMTP, "Remetente"),
    SettingDef("smtp.starttls", bool, True, GROUP_SMTP, "Usar STARTTLS"),
    SettingDef(
        "kiosk.idle_timeout_s",
        int,
        90,
        GROUP_KIOSK,
        "Tempo ocioso até sair (s)",
        minimum=30,
        maximum=900,
    ),
    SettingDef(
        "kiosk.lockout_attempts",
        int,
        5,
        GROUP_KIOSK,
        "Tentativas de senha antes do bloqueio",
        minimum=3,
        maximum=20,
    ),
    SettingDef(
        "kiosk.lockout_minutes",
        int,
        15,
        GROUP_KIOSK,
        "Minutos de bloqueio",
        minimum=1,
        maximum=1440,
    ),
    SettingDef(
        "retention.radacct_months",
        int,
        12,
        GROUP_RETENTION,
        "Guardar registros de conexão (meses)",
        maximum=240,
        extra_check=lambda months: (
            "o Marco Civil da Internet (Art. 13) exige guardar os registros de conexão por "
            "pelo menos 12 meses."
            if months < 12
            else None
        ),
        help="Meses completos de sessões (radacct) guardados antes de o mês mais antigo ser "
        "apagado pelo 'jobs run'. Nunca menos de 12: o Marco Civil da Internet (Lei "
        "12.965/2014, Art. 13) obriga o provedor a guardar os registros de conexão por 1 ano.",
    ),
    SettingDef(
        "retention.calls_months",
        int,
        60,
        GROUP_RETENTION,
        "Guardar ligações tarifadas (meses)",
        maximum=240,
        extra_check=lambda months: (
            "o RGC da Anatel exige guardar os detalhes das chamadas por pelo menos 36 meses."
            if months < 36
            else None
        ),
        help="Meses completos de ligações guardados antes de o mês mais antigo ser apagado. "
        "Mínimo de 36: o RGC da Anatel exige os detalhes das chamadas por pelo menos 3 anos. "
        "O padrão de 60 cobre os 5 anos em que o consumidor pode reclamar (CDC, Art. 27) e "
        "em que o fisco pode rever o faturamento (CTN, Art. 173).",
    ),
    SettingDef(
        "partitions.months_ahead",
        int,
        3,
        GROUP_RETENTION,
        "Meses de partições criados com antecedência",
        minimum=1,
        maximum=24,
        help="O 'jobs run' cria as partições mensais de radacct e ligações até este número "
        "de meses à frente; rode-o ao menos uma vez por mês.",
    ),
    SettingDef(
        "partitions.radacct_move_days",
        int,
        7,
        GROUP_RETENTION,
        "Dias até a sessão encerrada ir para o histórico",
        minimum=1,
        maximum=90,
        help="Sessões encerradas há mais dias que isto saem da tabela radacct do FreeRADIUS "
        "para o histórico particionado por mês (o extrato lê as duas).",
    ),
    SettingDef("ui.language", str, "pt_BR", GROUP_INTERFACE, "Idioma", choices=("pt_BR", "en")),
    SettingDef(
        "fiscal.icp_brasil_roots",
        str,
        "",
        GROUP_FISCAL,
        "Cadeia ICP-Brasil (arquivo PEM ou pasta de certificados)",
        help="As ACs raiz e intermediárias publicadas pelo ITI. Sem elas, NFCom de produção "
        "(tpAmb=1) não é importada: a assinatura do emitente não pode ser conferida.",
    ),
)

SETTINGS: dict[str, SettingDef] = {s.key: s for s in _SETTINGS}


def setting(key: str) -> SettingDef:
    try:
        return SETTINGS[key]
    except KeyError:
        raise InvalidInput("config.configuracao_desconhecida", key=key) from None
