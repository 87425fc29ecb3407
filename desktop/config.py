"""Typed settings registry and the one place where paths are resolved.

Two kinds of configuration exist:

* **Station configuration** (this machine): database URL, station name, local printer. It
  lives in an INI file in the user's config directory (``CENTRAL_CONFIG_DIR`` overrides it,
  which tests and portable kiosk images use).
* **Shared settings** (every station of the provider): company data, fine and interest,
  tariffs, rules... They live in the database table ``settings`` and are declared here, each
  with a type, a default and a validation, so the *Painel de Configurações* can be generated
  from this registry (Picard's ``picard/config.py`` pattern).
"""

from __future__ import annotations

import configparser
import datetime as dt
import os
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import platformdirs

from desktop.errors import InvalidInput

APP_NAME = "central-assinante"
APP_AUTHOR = "CentralAssinante"
TIMEZONE = "America/Sao_Paulo"


# --------------------------------------------------------------------------- paths
def data_dir() -> Path:
    """Where the embedded SQLite database and generated files live."""
    override = os.environ.get("CENTRAL_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get("CENTRAL_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """``resources/`` beside the package (source tree) or inside the PyInstaller bundle."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'central.sqlite3'}"


# --------------------------------------------------------------------------- station
@dataclass(frozen=True)
class StationConfig:
    """What belongs to this machine, not to the provider."""

    database_url: str
    station: str
    printer: str  # empty: the system default printer
    # The 80 mm ESC/POS receipt printer (SPEC §3): "usb:VID:PID", "serial:/dev/ttyS0[:baud]",
    # "tcp://host:9100" or "host:9100", "cups:QUEUE" (a raw queue); empty: receipts go to
    # ``printer`` as A4 PDFs.  Checked when a receipt prints (desktop.adapters.escpos_printer).
    receipt_printer: str = ""


def station_config_path() -> Path:
    return config_dir() / "station.ini"


def load_station_config(database_url: str | None = None) -> StationConfig:
    """Read ``station.ini``; ``--db``/``CENTRAL_DB_URL`` win over the file."""
    parser = configparser.ConfigParser(interpolation=None)  # URLs may hold %-escapes
    parser.read(station_config_path(), encoding="utf-8")
    url = (
        database_url
        or os.environ.get("CENTRAL_DB_URL")
        or parser.get("database", "url", fallback="")
        or default_database_url()
    )
    station = parser.get("station", "name", fallback="") or socket.gethostname()
    printer = parser.get("station", "printer", fallback="")
    receipt_printer = parser.get("station", "receipt_printer", fallback="").strip()
    return StationConfig(
        database_url=url, station=station, printer=printer, receipt_printer=receipt_printer
    )


def save_station_config(config: StationConfig) -> None:
    parser = configparser.ConfigParser(interpolation=None)  # URLs may hold %-escapes
    parser["database"] = {"url": config.database_url}
    parser["station"] = {"name": config.station, "printer": config.printer}
    if config.receipt_printer:
        parser["station"]["receipt_printer"] = config.receipt_printer
    with station_config_path().open("w", encoding="utf-8") as fh:
        parser.write(fh)


# --------------------------------------------------------------------------- shared settings
Parser = Callable[[str], Any]


def _parse_decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidInput(f"Valor numérico inválido: {text!r}.") from None
    if not value.is_finite():
        raise InvalidInput(f"Valor numérico inválido: {text!r}.")
    return value


def _parse_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput(f"Número inteiro inválido: {text!r}.") from None


def _parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in {"1", "true", "sim", "s", "yes"}:
        return True
    if lowered in {"0", "false", "nao", "não", "n", "no", ""}:
        return False
    raise InvalidInput(f"Valor sim/não inválido: {text!r}.")


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"Data inválida (use AAAA-MM-DD): {text!r}.") from None


PARSERS: dict[type, Parser] = {
    Decimal: _parse_decimal,
    int: _parse_int,
    bool: _parse_bool,
    str: lambda text: text,
    dt.date: _parse_date,
}


def _shown(bound: Any) -> str:
    """A limit as the person types it: decimals with a comma (pt-BR)."""
    return str(bound).replace(".", ",") if isinstance(bound, Decimal) else str(bound)


@dataclass(frozen=True)
class SettingDef:
    key: str
    type: type
    default: Any
    group: str
    label: str
    minimum: Any = None
    maximum: Any = None
    choices: tuple[str, ...] = ()
    pattern: str = ""
    secret: bool = False
    help: str = ""
    extra_check: Callable[[Any], str | None] | None = field(default=None, compare=False)

    def parse(self, text: str) -> Any:
        """Turn the text typed in the panel (or stored) into the typed value, or refuse."""
        value = PARSERS[self.type](text)
        self.validate(value)
        return value

    def validate(self, value: Any) -> None:
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            raise InvalidInput(f"{self.label}: tipo inválido.")
        if self.minimum is not None and value < self.minimum:
            raise InvalidInput(f"{self.label}: o mínimo é {_shown(self.minimum)}.")
        if self.maximum is not None and value > self.maximum:
            raise InvalidInput(f"{self.label}: o máximo é {_shown(self.maximum)}.")
        if self.choices and value not in self.choices:
            raise InvalidInput(f"{self.label}: escolha uma de {', '.join(self.choices)}.")
        if (
            self.pattern
            and isinstance(value, str)
            and value
            and not re.fullmatch(self.pattern, value)
        ):
            raise InvalidInput(f"{self.label}: formato inválido.")
        if self.extra_check is not None:
            problem = self.extra_check(value)
            if problem:
                raise InvalidInput(f"{self.label}: {problem}")

    def dump(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)


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
    SettingDef("pix.client_cert", str, "", GROUP_PIX, "Certificado da empresa (PEM, TLS mútuo)"),
    SettingDef("pix.client_key", str, "", GROUP_PIX, "Chave privada do certificado (PEM)"),
    SettingDef(
        "pix.ca_file", str, "", GROUP_PIX, "CA do PSP (PEM; vazio: as autoridades do sistema)"
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
        raise InvalidInput(f"Configuração desconhecida: {key}.") from None
