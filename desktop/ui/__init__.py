"""Qt only: main window, login, one module per tab, the shared query model, small widgets."""

from desktop.ui import qt_fixes

qt_fixes.apply()
