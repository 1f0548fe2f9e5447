"""The members of an international organisation that act in a passive are the organisation's, not the countries named
before (issue 15, attribution._clause): in "The deal was criticised by members of the European Union", "members" does
not stand for the United States and Turkey of the sentence before; a country named as the agent still holds."""

from __future__ import annotations

from model.engine.extract import Engine
from tests.model.engine.helpers import sentence_actors

_LEAD = "The United States and Turkey agreed on a ceasefire on Thursday. "


def test_members_of_an_organisation_are_not_the_countries_before(engine: Engine) -> None:
    passive = "The deal was criticised by members of the European Union."
    assert passive not in sentence_actors(engine, _LEAD + passive)


def test_a_country_as_the_agent_holds(engine: Engine) -> None:
    passive = "The deal was criticised by the Greek foreign ministry on Friday."
    assert "GRC" in sentence_actors(engine, _LEAD + passive).get(passive, set())
