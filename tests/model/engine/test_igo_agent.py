"""The members of an international organisation that act in a passive are the organisation's, not the countries named
before (issue 15, attribution._clause): in "The deal was criticised by members of the European Union", "members" does
not stand for the United States and Turkey of the sentence before; a country named as the agent still holds."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources

_LEAD = "The United States and Turkey agreed on a ceasefire on Thursday. "


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources())


def _sentences(engine: Engine, text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in engine.document(Document(id="d", text=text)):
        out.setdefault(str(r["sentence"]), set()).add(str(r["actor"]))
    return out


def test_members_of_an_organisation_are_not_the_countries_before(engine: Engine) -> None:
    passive = "The deal was criticised by members of the European Union."
    assert passive not in _sentences(engine, _LEAD + passive)


def test_a_country_as_the_agent_holds(engine: Engine) -> None:
    passive = "The deal was criticised by the Greek foreign ministry on Friday."
    assert "GRC" in _sentences(engine, _LEAD + passive).get(passive, set())
