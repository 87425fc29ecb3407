"""The Cielo client reads the TLS trust store once per process, not once per card void."""

from __future__ import annotations

import ssl

import pytest

from desktop.adapters import cielo
from desktop.adapters.cielo import CieloClient, CieloConfig


def test_clients_share_one_trust_store(monkeypatch: pytest.MonkeyPatch) -> None:
    cielo._trust.cache_clear()
    reads: list[object] = []
    original = ssl.SSLContext.load_verify_locations

    def counting(self: ssl.SSLContext, *args: object, **kwargs: object) -> None:
        reads.append(args or kwargs)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counting)
    config = CieloConfig("m", "k", "https://api.example", "https://query.example", 5.0)
    clients = [CieloClient(config) for _ in range(3)]
    for client in clients:
        client.close()
    assert len(reads) == 1  # the certificates still verified, the bundle read once
    assert cielo._trust().verify_mode is ssl.CERT_REQUIRED
