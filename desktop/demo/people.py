"""Subscribers (people and companies) with valid CPF/CNPJ, addresses, phones and contacts."""

from __future__ import annotations

import datetime as dt
import random
import string

from desktop.demo.pools import (
    CITIES,
    CITY_WEIGHTS,
    COMPLEMENTS,
    MAIL_DOMAINS,
    RELATIONS_COMPANY,
    RELATIONS_PERSON,
    slug,
)
from desktop.demo.state import ContactInfo, Demo, SubscriberInfo
from desktop.domain.documents import is_cnpj, is_cpf
from desktop.domain.text import search_key

_CPF_WEIGHTS_1 = range(10, 1, -1)
_CPF_WEIGHTS_2 = range(11, 1, -1)
_CNPJ_WEIGHTS_1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_CNPJ_WEIGHTS_2 = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_ALNUM = string.digits + string.ascii_uppercase


def _mod11(values: list[int], weights: tuple[int, ...] | range) -> int:
    rest = sum(v * w for v, w in zip(values, weights, strict=True)) % 11
    return 0 if rest < 2 else 11 - rest


def make_cpf(rng: random.Random) -> str:
    """A CPF with valid check digits (the Receita's mod-11 rule), never all digits equal."""
    while True:
        base = f"{rng.randrange(10**9):09d}"
        if len(set(base)) > 1:
            break
    digits = [int(c) for c in base]
    digits.append(_mod11(digits, _CPF_WEIGHTS_1))
    digits.append(_mod11(digits, _CPF_WEIGHTS_2))
    return "".join(map(str, digits))


def make_cnpj(rng: random.Random, alphanumeric: bool = False) -> str:
    """A CNPJ: 8-character root, branch 0001..0003, two check digits.

    The alphanumeric CNPJ (IN RFB 2.229/2024) uses the same mod-11 rule with each character
    worth its ASCII code minus 48; the check digits stay numeric.
    """
    if alphanumeric:
        root = "".join(rng.choice(_ALNUM) for _ in range(8))
    else:
        root = f"{rng.randrange(1, 10**8):08d}"
    base = root + f"{rng.choice((1, 1, 1, 1, 2, 3)):04d}"
    values = [ord(c) - 48 for c in base]
    values.append(_mod11(values, _CNPJ_WEIGHTS_1))
    values.append(_mod11(values, _CNPJ_WEIGHTS_2))
    return base + f"{values[-2]}{values[-1]}"


def _document(demo: Demo, company: bool, alphanumeric: bool) -> str:
    while True:
        document = make_cnpj(demo.rng, alphanumeric) if company else make_cpf(demo.rng)
        if document not in demo.documents:
            break
    valid = is_cnpj(document) if company else is_cpf(document)
    if not valid:  # the generator above is wrong: stop rather than write bad data
        raise AssertionError(f"demo generated an invalid document {document}")
    demo.documents.add(document)
    return document


def mobile(rng: random.Random, ddd: str) -> str:
    """DDD + 9 + 8 digits (11 digits), as Anatel numbers mobiles."""
    return f"{ddd}9{rng.randint(6, 9)}{rng.randrange(10**7):07d}"


def create_subscriber(
    demo: Demo, index: int, company: bool, alphanumeric: bool, created_on: dt.date
) -> SubscriberInfo:
    rng, pools = demo.rng, demo.pools
    if company:
        name, short = pools.company_name(rng)
        first, last = short, short
    else:
        name, first, last = pools.person_name(rng)
        short = slug(f"{first}.{last}")
    city = CITIES[rng.choices(range(len(CITIES)), CITY_WEIGHTS)[0]]
    document = _document(demo, company, alphanumeric)
    phone = mobile(rng, city.ddd)
    email: str | None
    if company:
        email = f"contato@{short}.com.br"
    elif rng.random() < 0.9:
        suffix = str(rng.randint(1, 99)) if rng.random() < 0.4 else ""
        email = f"{slug(first)}.{slug(last)}{suffix}@{rng.choice(MAIL_DOMAINS)}"
    else:
        email = None
    street = demo.pools.street(rng)
    number = str(rng.randint(1, 4999)) if rng.random() < 0.97 else "S/N"
    info = SubscriberInfo(
        index=index,
        id=demo.out.next_id("subscribers"),
        company=company,
        name=name,
        first=first,
        last=last,
        slug=short,
        document=document,
        city=city,
        address=f"{street}, {number}",
        phone=phone,
        email=email,
        created_on=created_on,
    )
    cep_root = rng.randint(city.cep_from, city.cep_to)
    demo.out.add(
        "subscribers",
        {
            "id": info.id,
            "document": document,
            "person_type": "J" if company else "F",
            "name": name,
            "name_search": search_key(name),
            "email": email,
            "phone": phone,
            "street": street,
            "number": number,
            "complement": rng.choice(COMPLEMENTS),
            "district": rng.choice(demo.pools.districts),
            "city": city.name,
            "city_ibge": city.ibge,
            "state": city.state,
            "cep": f"{cep_root:05d}{rng.randrange(1000):03d}",
            # A few subscribers can log in at the kiosk (password printed by the command).
            "password_hash": demo.kiosk_hash() if index < 4 or rng.random() < 0.02 else None,
            "failed_logins": 0,
            "locked_until": None,
            "created_at": demo.business_time(created_on),
        },
    )
    _contacts(demo, info)
    return info


def _contacts(demo: Demo, info: SubscriberInfo) -> None:
    """The titular first, then 0-3 people allowed to speak for the account."""
    rng = demo.rng
    people: list[tuple[str, str, str, str | None]] = [
        (info.name, "titular", info.phone, info.email)
    ]
    extra = rng.choices((0, 1, 2, 3), (40, 35, 18, 7))[0]
    if info.index < 4:
        extra = max(extra, 2)  # the highlighted subscribers show the contact filter
    relations = RELATIONS_COMPANY if info.company else RELATIONS_PERSON
    for relation in rng.sample(relations, extra):
        if info.company:
            name = demo.pools.person_name(rng)[0]
        else:
            female = relation.endswith(("mãe", "(ã)")) or rng.random() < 0.5
            name, _first, _last = demo.pools.person_name(rng, female)
            if relation != "procurador(a)":  # family shares the last name
                name = f"{name.rsplit(' ', 1)[0]} {info.last}"
        address = f"{slug(name.split()[0])}.{info.slug[:20]}@{rng.choice(MAIL_DOMAINS)}"
        people.append((name, relation, mobile(rng, info.city.ddd), address))
    for name, relation, phone, email in people:
        contact_id = demo.out.next_id("contacts")
        demo.out.add(
            "contacts",
            {
                "id": contact_id,
                "subscriber_id": info.id,
                "name": name,
                "relation": relation,
                "phone": phone,
                "email": email if rng.random() < 0.8 or relation == "titular" else None,
            },
        )
        info.contacts.append(ContactInfo(contact_id, name))
