"""The entry point ``central-assinante``: parse the command line, then run a command or a GUI.

The command line (:mod:`desktop.cli`) and the GUI (:mod:`desktop.app`) never import each
other; this module is the only one that knows both.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from desktop import cli

    args = cli.parse(argv)
    mode = cli.gui_mode(args)
    if mode is None:
        return cli.run(args)
    from desktop.app import run_counter, run_kiosk  # Qt only when a window is wanted

    return run_kiosk(args) if mode == "kiosk" else run_counter(args)
