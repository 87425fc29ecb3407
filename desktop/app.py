"""QApplication start-up for counter and kiosk mode (filled by the UI modules)."""

from __future__ import annotations

import argparse


def run_counter(args: argparse.Namespace) -> int:
    from desktop.ui.counter import run

    return run(args)
