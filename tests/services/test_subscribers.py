"""Finding a subscriber at the counter, and which menus their workspace shows."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ContractStatus
from desktop.errors import AccessDenied
from desktop.services import subscribers
from desktop.services.subscribers import Menu
from tests.conftest import kiosk
from tests.factories import CNPJ, CPFS, receivable, subscriber


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    ids = {}
    ids["joao"], _ = subscriber(db, "João Açaí Pereira", CPFS[0], terminal="4430451234", phone="44999887766")
    ids["maria"], _ = subscriber(db, "Maria José Pereira", CPFS[1], login="maria.jose")
    ids["empresa"], _ = subscriber(db, "Pereira & Filhos Ltda", CNPJ)
    ids["ana"], _ = subscriber(db, "Ana_Paula 100% Silva", CPFS[2])
    return ids


def names(hits: list[subscribers.SubscriberHit]) -> list[str]:
    return [h.name for h in hits]


def test_search_by_name_ignores_accents_and_case(db: Database, attendant: CounterActor, people: dict[str, int]) -> None:
    assert names(subscribers.search(db, attendant, "joao acai")) == ["João Açaí Pereira"]
    assert names(subscribers.search(db, attendant, "MARIA")) == ["Maria José Pereira"]


def test_search_by_a_later_word_of_the_name(db: Database, attendant: CounterActor, people: dict[str, int]) -> None:
    assert names(subscribers.search(db, attendant, "pereira")) == [
        "João Açaí Pereira", "Maria José Pereira", "Pereira & Filhos Ltda",
    ]


def test_search_by_document_with_or_without_mask(db: Database, attendant: CounterActor, people: dict[str, int]) -> None:
    assert [h.id for h in subscribers.search(db, attendant, "111.444.777-35")] == [people["maria"]]
    assert [h.id for h in subscribers.search(db, attendant, "11.222.333/0001-81")] == [people["empresa"]]


def test_search_by_terminal_phone_login_and_contract(db: Database, attendant: CounterActor, people: dict[str, int]) -> None:
    assert [h.id for h in subscribers.search(db, attendant, "(44) 3045-1234")] == [people["joao"]]
    assert [h.id for h in subscribers.search(db, attendant, "30451234")] == [people["joao"]]
    assert [h.id for h in subscribers.search(db, attendant, "44 99988-7766")] == [people["joao"]]
    assert [h.id for h in subscribers.search(db, attendant, "Maria.Jose")] == [people["maria"]]
    hit = subscribers.search(db, attendant, "maria")[0]
    assert hit.contracts[0].radius_login == "maria.jose"
    assert [h.id for h in subscribers.search(db, attendant, hit.contracts[0].number)] == [people["maria"]]


def test_wildcards_and_injection_strings_match_literally(db: Database, attendant: CounterActor, people: dict[str, int]) -> None:
    assert names(subscribers.search(db, attendant, "ana_paula 100%")) == ["Ana_Paula 100% Silva"]
    assert subscribers.search(db, attendant, "%") == []
    assert subscribers.search(db, attendant, "_") == []
    assert subscribers.search(db, attendant, "' OR 1=1 --") == []
    assert subscribers.search(db, attendant, "x" * 10_000) == []


def test_search_pages_with_a_keyset(db: Database, attendant: CounterActor) -> None:
    for i in range(5):
        subscriber(db, f"Carlos Souza {i}", CPFS[i])
    first = subscribers.search(db, attendant, "carlos", limit=2)
    second = subscribers.search(db, attendant, "carlos", limit=2, after=first[-1].sort_key)
    third = subscribers.search(db, attendant, "carlos", limit=2, after=second[-1].sort_key)
    assert names(first + second + third) == [f"Carlos Souza {i}" for i in range(5)]


def test_kiosk_cannot_search(db: Database, people: dict[str, int]) -> None:
    with pytest.raises(AccessDenied):
        subscribers.search(db, kiosk(people["joao"]), "maria")


def test_workspace_shows_only_the_menus_the_subscriber_has(db: Database, attendant: CounterActor) -> None:
    voice_only, _ = subscriber(db, "Voz Apenas", CPFS[3], plan="Fone Fixo", voice=True, internet=False, terminal="4430459999")
    ws = subscribers.workspace(db, attendant, voice_only)
    assert ws.menus == {Menu.CALLS, Menu.TICKETS}
    suspended, _ = subscriber(db, "Em Débito", CPFS[4], status=ContractStatus.SUSPENDED_DEBT, login="debito")
    receivable(db, suspended, dt.date(2026, 9, 10))
    ws = subscribers.workspace(db, attendant, suspended)
    assert ws.menus == {Menu.CONNECTIONS, Menu.FINANCIAL, Menu.BOLETOS, Menu.ENABLEMENT, Menu.TICKETS}
    assert ws.contracts[0].status is ContractStatus.SUSPENDED_DEBT
    assert "Paranavaí/PR" in ws.address and ws.contacts[0].relation == "titular"


def test_kiosk_workspace_only_for_itself(db: Database, people: dict[str, int]) -> None:
    assert subscribers.workspace(db, kiosk(people["joao"]), people["joao"]).name == "João Açaí Pereira"
    with pytest.raises(AccessDenied):
        subscribers.workspace(db, kiosk(people["joao"]), people["maria"])


# --------------------------------------------------------------------------- at scale (issue 11)
from desktop.errors import InvalidInput  # noqa: E402
from desktop.services import subscriber_search  # noqa: E402


@pytest.mark.parametrize(
    "typed",
    ["(44) 99988-7766", "+55 44 99988-7766", "044 99988-7766", "0 15 44 99988 7766", "99988-7766", "999887766"],
)
def test_a_phone_is_found_however_it_is_typed(
    db: Database, attendant: CounterActor, people: dict[str, int], typed: str
) -> None:
    assert [h.id for h in subscribers.search(db, attendant, typed)] == [people["joao"]]


def test_a_number_without_ddd_lists_it_in_every_ddd(db: Database, attendant: CounterActor) -> None:
    londrina, _ = subscriber(db, "Rui Londrina", CPFS[3], terminal="4330451234")
    sao_paulo, _ = subscriber(db, "Rui Paulista", CPFS[4], phone="1130451234")
    assert {h.id for h in subscribers.search(db, attendant, "3045-1234")} == {londrina, sao_paulo}
    assert [h.id for h in subscribers.search(db, attendant, "(43) 3045-1234")] == [londrina]


@pytest.mark.parametrize("typed", ["123.456.789-00", "12345678900", "11.222.333/0001-00"])
def test_an_invalid_document_says_so(db: Database, attendant: CounterActor, people: dict[str, int], typed: str) -> None:
    with pytest.raises(InvalidInput, match="inválido"):
        subscribers.search(db, attendant, typed)


def test_several_words_each_start_a_word_of_the_name(
    db: Database, attendant: CounterActor, people: dict[str, int]
) -> None:
    assert names(subscribers.search(db, attendant, "pereira jo")) == ["João Açaí Pereira", "Maria José Pereira"]
    assert names(subscribers.search(db, attendant, "jose maria")) == ["Maria José Pereira"]
    assert subscribers.search(db, attendant, "ereira") == []  # inside a word is not a word prefix
    assert subscribers.search(db, attendant, "zzzqqq") == []


def test_the_name_index_follows_renames_and_new_subscribers(db: Database, attendant: CounterActor) -> None:
    from sqlalchemy import update

    from desktop.domain.text import search_key
    from desktop.models import Subscriber

    sub_id, _ = subscriber(db, "Teodoro Quintanilha", CPFS[0])
    assert [h.id for h in subscribers.search(db, attendant, "quintanilha")] == [sub_id]
    with db.session() as session:
        session.execute(
            update(Subscriber).where(Subscriber.id == sub_id)
            .values(name="Teodoro Vasconcelos", name_search=search_key("Teodoro Vasconcelos"))
        )
    assert subscribers.search(db, attendant, "quintanilha") == []
    assert [h.id for h in subscribers.search(db, attendant, "vasconcelos")] == [sub_id]


@pytest.mark.parametrize("dense", [0, 150])
def test_common_and_rare_words_page_the_same_way(
    db: Database, attendant: CounterActor, monkeypatch: pytest.MonkeyPatch, dense: int
) -> None:
    """Word streams merged, or (a prefix starting too many words) the name index walked."""
    monkeypatch.setattr(subscriber_search, "MAX_STREAMS", dense)
    documents = [c for c in CPFS]
    for i, doc in enumerate(documents):
        subscriber(db, f"Carla Souza {chr(ord('a') + i)}", doc)
    seen: list[str] = []
    after = None
    while True:
        page = subscribers.search(db, attendant, "souza", limit=4, after=after)
        if not page:
            break
        seen += names(page)
        after = page[-1].sort_key
    assert seen == [f"Carla Souza {chr(ord('a') + i)}" for i in range(len(documents))]
