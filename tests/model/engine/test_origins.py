"""Countries named where a target usually stands, but who act (issue 15, ``model/engine/origins.py``): the agents
of a passive relative clause ("a mission which was joined by Italy and Spain") and the home of a state's agents
named after "from" ("Officials from Italy and Chile joined the inquiry")."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from tests.model.engine.helpers import actors_of


@pytest.mark.parametrize(("text", "actors"), [
    ("Last month, France announced a maritime mission in the Red Sea which was joined by Italy, Greece and Spain.",
     {"FRA", "ITA", "GRC", "ESP"}),
    ("Chile welcomed the envoy, who was sent by Peru to the talks.", {"CHL", "PER"}),
    ("Norway praised the new pipeline, which was financed by Denmark and Sweden.", {"NOR", "DNK", "SWE"}),
])
def test_the_agents_of_a_passive_relative_clause_hold(engine: Engine, text: str, actors: set[str]) -> None:
    assert actors <= actors_of(engine, text)


def test_a_relative_clause_without_a_country_agent_adds_nobody(engine: Engine) -> None:
    assert actors_of(engine, "Chile welcomed the report, which was written by independent experts.") == {"CHL"}


@pytest.mark.parametrize(("text", "actors"), [
    ("Officials from Italy and Chile joined the investigation.", {"ITA", "CHL"}),
    ("Police agencies from Italy, Chile and Canada took part in the investigation.", {"ITA", "CHL", "CAN"}),
    ("Army units from Portugal and Spain joined the rescue operation.", {"PRT", "ESP"}),
])
def test_a_states_agents_from_a_country_act_for_it(engine: Engine, text: str, actors: set[str]) -> None:
    assert actors <= actors_of(engine, text)


@pytest.mark.parametrize("text", [
    "Students from Italy and Chile joined the protest.",  # no state's role word before "from"
    "The United Nations received letters from Italy and Chile.",  # "from" after the object, not the subject
    "Aid from Italy arrived in the port on Monday.",
])
def test_from_after_anything_else_marks_no_holder(engine: Engine, text: str) -> None:
    assert not ({"ITA", "CHL"} & actors_of(engine, text))


@pytest.mark.parametrize(("text", "actors"), [
    ("Chile condemned the strike; Peru welcomed it.", {"CHL", "PER"}),
    ("The Italian institute reported a magnitude of 5.1; the Greek ministry of defence reported 5.4.", {"ITA", "GRC"}),
])
def test_the_subject_of_a_clause_after_a_semicolon_holds(engine: Engine, text: str, actors: set[str]) -> None:
    # proposed as the clause's own holder (the scorer weighs it: a bare "Peru welcomed it." after a semicolon
    # reads near the threshold)
    assert actors <= _engine_candidates(engine, text)


def _engine_candidates(engine: Engine, text: str) -> set[str]:
    """The countries the rules propose as holders of an act of ``text`` (not the scorer's choice)."""
    engine.collect = []
    try:
        engine.rows(Document(id="d", text=text))
        return {str(c[3]) for c in engine.collect if c[4] == "engine"}
    finally:
        engine.collect = None


def test_a_place_after_a_semicolon_holds_nothing(engine: Engine) -> None:
    assert "PER" not in actors_of(engine, "Chile condemned the strike; the ships were seized near Peru.")


def test_the_agent_of_a_later_participle_does_not_hold_the_relative_clause(engine: Engine) -> None:
    text = ("Chile welcomed the truce, which was brokered under the auspices of the United Nations and within the "
            "context of the peace initiative announced by the sisterly Republic of Peru in March 2022.")
    engine.collect = []
    try:
        engine.rows(Document(id="d", text=text))
        assert ("PER", "engine") not in {(c[3], c[4]) for c in engine.collect}  # (not even a candidate)
    finally:
        engine.collect = None


@pytest.mark.parametrize(("text", "actors"), [
    ("Chile hosted a regional summit in Santiago where on Friday Presidents Luis Arce of Bolivia and Pedro Castillo "
     "of Peru signed the trade agreement.", {"CHL", "BOL", "PER"}),
    ("Leaders of European Union member states met in Brussels for an EU summit where on Sunday the prime ministers "
     "of Portugal and Greece signed the pact.", {"PRT", "GRC"}),
])
def test_the_named_subject_of_a_where_clause_holds(engine: Engine, text: str, actors: set[str]) -> None:
    assert actors <= actors_of(engine, text)


@pytest.mark.parametrize(("text", "actors"), [
    ("The bombing was claimed by Hamas, but both Egypt and Jordan have alleged foreign involvement.",
     {"PSE", "EGY", "JOR"}),
    ("The ambush was claimed by the Taliban, but Pakistan has accused India of arming the attackers.", {"AFG", "PAK"}),
])
def test_a_passive_saying_verb_is_its_agents_and_a_but_clause_its_subjects(
        engine: Engine, text: str, actors: set[str]) -> None:
    assert actors <= actors_of(engine, text)
