"""Holders real documents name in ways the engine missed (issue 15): a mixed-case acronym, the Pope,
a mediation verb."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources())


@pytest.mark.parametrize(("text", "holder"), [
    ("Nasa said the launch would be delayed by a week.", "USA"),
    ("The Pope called for peace in Ukraine.", "VAT"),
    ("Pope Francis urged leaders to protect migrants.", "VAT"),
    ("Egypt tries to broker a truce between Israel and Hamas.", "EGY"),
])
def test_holder_found(engine: Engine, text: str, holder: str) -> None:
    assert holder in {r["actor"] for r in engine.document(Document(id="d", text=text))}


def test_a_lower_case_acronym_is_not_a_name(engine: Engine) -> None:
    """Only the capitalised form counts: "nasa" in running text is not NASA."""
    rows = engine.document(Document(id="d", text="The nasa plant said the harvest would be late."))
    assert rows == []


def test_every_agent_of_a_passive_listed_holds() -> None:
    """"was joined by A, B and C": each listed agent holds, not only the first."""
    rows = Engine(load_resources()).document(Document(
        id="d", text="The naval coalition was joined by Australia, Bahrain, Saudi Arabia and the United Kingdom."))
    assert {r["actor"] for r in rows} == {"AUS", "BHR", "SAU", "GBR"}
