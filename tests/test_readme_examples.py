"""The README's command examples use documents the demo creates (issue 15, item 22): the
trial copied `--subscriber 529.982.247-25` and got "not found"."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from desktop.db import Database
from desktop.demo import create_demo
from desktop.domain.documents import format_document
from desktop.models import Contract, Subscriber

README = Path(__file__).resolve().parent.parent / "README.md"


def example_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = text[text.index("central-assinante demo --subscribers 1000 --seed 7") :]
    block = block[: block.index("```")]
    return [line for line in block.splitlines() if line.startswith("central-assinante")]


def test_every_readme_subscriber_and_contract_is_in_the_seed_7_demo(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'demo.db'}")
    db.upgrade()
    result = create_demo(db, subscribers=10, seed=7)
    shown = {format_document(doc) for _what, doc in result.highlights}
    shown |= {doc for _what, doc in result.highlights}
    with db.session() as session:
        for line in example_lines():
            found = re.search(r"--subscriber (\S+)", line)
            if found is None:
                continue
            document = found.group(1)
            assert document in shown, line
            contract = re.search(r"--contract (\d+)", line)
            if contract:
                digits = re.sub(r"[^0-9A-Z]", "", document)
                owner = session.scalar(
                    select(Subscriber.id)
                    .join(Contract, Contract.subscriber_id == Subscriber.id)
                    .where(Contract.id == int(contract.group(1)), Subscriber.document == digits)
                )
                assert owner is not None, line
