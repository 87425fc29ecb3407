"""argparse in Portuguese (issue 15, item 19): "error: argument --format: invalid choice",
"the following arguments are required", "show this help message and exit" and "options"
reached a Portuguese-speaking operator in English.

argparse translates its messages through the module-level ``_``/``ngettext`` (gettext) at the
moment it uses them; :func:`install` points those at this catalogue before the parser is
built.  Messages not listed stay as argparse has them.
"""

from __future__ import annotations

import argparse

MESSAGES = {
    "usage: ": "uso: ",
    "options": "opções",
    "positional arguments": "argumentos posicionais",
    "show this help message and exit": "mostra esta ajuda e sai",
    "show program's version number and exit": "mostra a versão do programa e sai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: erro: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "opção inválida: %(value)r (escolha entre %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valor inválido: %(value)r",
    "the following arguments are required: %s": "faltam os argumentos obrigatórios: %s",
    "one of the arguments %s is required": "informe um dos argumentos %s",
    "unrecognized arguments: %s": "argumentos desconhecidos: %s",
    "not allowed with argument %s": "não pode ser usado junto com o argumento %s",
    "expected one argument": "esperava um valor",
    "expected at most one argument": "esperava no máximo um valor",
    "expected at least one argument": "esperava ao menos um valor",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opção ambígua: %(option)s pode ser %(matches)s"
    ),
    "unexpected option string: %s": "opção inesperada: %s",
    "ignored explicit argument %r": "argumento explícito ignorado: %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "comando desconhecido %(parser_name)r (escolha entre %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "não foi possível abrir '%(filename)s': %(error)s",
    "subcommands": "comandos",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"): ("esperava %s valor", "esperava %s valores"),
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Make argparse speak Portuguese (idempotent)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
