"""``kiosk``: the self-service kiosk (full screen, touch, the subscriber's own data only)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "kiosk",
        help="abre o quiosque de autoatendimento (tela cheia, toque)",
        description=(
            "Quiosque de autoatendimento: o assinante entra com CPF/CNPJ e senha e vê apenas "
            "os próprios dados. Para fechar: cinco toques no canto superior direito e o login "
            "de um administrador."
        ),
    )
    parser.add_argument(
        "--windowed",
        action="store_true",
        help="em janela, não em tela cheia (desenvolvimento e capturas de tela)",
    )
    parser.set_defaults(gui="kiosk")  # desktop.main starts the window
