"""One shared setting's declaration: key, type, default, limits, and how its text is read.

The text is what the *Painel de Configurações* and ``settings set`` receive and what the
``settings`` table stores; :meth:`SettingDef.parse` turns it into the typed value or refuses
it with a catalog code, so every way in checks the same rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.errors import InvalidInput

Parser = Callable[[str], Any]


def _parse_decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidInput("config.valor_numerico_invalido", text=text) from None
    if not value.is_finite():
        raise InvalidInput("config.valor_numerico_invalido", text=text)
    return value


def _parse_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput("config.numero_inteiro_invalido", text=text) from None


def _parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in {"1", "true", "sim", "s", "yes"}:
        return True
    if lowered in {"0", "false", "nao", "não", "n", "no", ""}:
        return False
    raise InvalidInput("config.valor_sim_nao_invalido", text=text)


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("config.data_invalida_use_aaaa", text=text) from None


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
    # A path on this machine: checked when it is set (Painel, ``settings set``), not when read,
    # so a station without the file still reads the others' settings.
    existing_file: bool = False

    def parse(self, text: str) -> Any:
        """Turn the text typed in the panel (or stored) into the typed value, or refuse."""
        value = PARSERS[self.type](text)
        self.validate(value)
        return value

    def validate(self, value: Any) -> None:
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            raise InvalidInput("config.tipo_invalido", label=self.label)
        if self.minimum is not None and value < self.minimum:
            raise InvalidInput("config.minimo", label=self.label, minimum=_shown(self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise InvalidInput("config.maximo", label=self.label, maximum=_shown(self.maximum))
        if self.choices and value not in self.choices:
            raise InvalidInput("config.escolha", label=self.label, choices=", ".join(self.choices))
        if (
            self.pattern
            and isinstance(value, str)
            and value
            and not re.fullmatch(self.pattern, value)
        ):
            raise InvalidInput("config.formato_invalido", label=self.label)
        if self.extra_check is not None:
            problem = self.extra_check(value)
            if problem:
                raise InvalidInput("config.erro", label=self.label, problem=problem)

    def check_change(self, value: Any) -> None:
        """What a new value must also satisfy when someone sets it."""
        if self.existing_file and value and not Path(str(value)).expanduser().is_file():
            raise InvalidInput("config.arquivo_nao_encontrado", label=self.label, value=value)

    def dump(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)
