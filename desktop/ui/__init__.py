"""Qt only: main window, login, one module per tab, the shared query model, small widgets."""
