"""``card list`` JSON flags duplicates; ``card void`` cancels through the local Cielo server."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Role
from desktop.services import settings
from tests.conftest import make_user
from tests.factories import CPFS, receivable, subscriber
from tests.fakes.cielo_server import MERCHANT_ID, MERCHANT_KEY, CieloServer
from tests.services.test_cards import T0, pay


def test_list_then_void_the_duplicate(db: Database, admin: CounterActor, capsys: pytest.CaptureFixture[str]) -> None:
    make_user(db, "fin", Role.FINANCE)
    sub_id, _ = subscriber(db, "Cliente Cartão", CPFS[0])
    rec = receivable(db, sub_id, dt.date(2026, 11, 10))
    pay(db, sub_id, rec, T0)
    _, duplicate = pay(db, sub_id, rec, T0 + dt.timedelta(minutes=1))
    assert main(["--db", db.url, "--operator", "fin", "card", "list", "--subscriber", CPFS[0], "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    flagged = [i for i in items if i["duplicate_of"]]
    assert len(items) == 2 and flagged[0]["payment_id"] == duplicate and flagged[0]["amount"] == "99.90"
    with CieloServer() as server:
        server.state.amounts[duplicate] = 9990
        for key, value in {"cielo.merchant_id": MERCHANT_ID, "cielo.merchant_key": MERCHANT_KEY,
                           "cielo.api_url": server.url, "cielo.query_url": server.url}.items():
            settings.change(db, admin, key, value)
        assert main(["--db", db.url, "--operator", "fin", "card", "void", duplicate]) == 0
        assert "cancelado na Cielo" in capsys.readouterr().out
        assert main(["--db", db.url, "--operator", "fin", "card", "void", duplicate]) == 2
        assert "já foi cancelado" in capsys.readouterr().err
        assert server.state.void_count(duplicate) == 1


def test_attendant_may_not_void(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    make_user(db, "balcao", Role.ATTENDANT)
    sub_id, _ = subscriber(db, "Cliente Cartão", CPFS[0])
    _, payment_id = pay(db, sub_id, None, T0)
    assert main(["--db", db.url, "--operator", "balcao", "card", "void", payment_id]) == 2
    assert "não permite" in capsys.readouterr().err
