"""Central do Assinante: counter and kiosk desktop application."""

__version__ = "0.1.0"
