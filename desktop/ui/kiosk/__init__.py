"""Kiosk mode: a subscriber serves themself at an in-store touch screen (SPEC §2).

``KioskWindow`` (window.py) runs the screens of screens.py, the on-screen keys of
keypad.py, the idle logout of idle.py and the administrator's way out of admin_exit.py.
The menus themselves are the counter's subscriber tabs (``desktop.ui.tabs``), reused as they
are: they check ``isinstance(actor, KioskActor)`` where the kiosk behaves differently.
"""

from desktop.ui.kiosk.window import KioskWindow

__all__ = ["KioskWindow"]
