"""A country word that qualifies a thing holds nothing in a sentence with no known act (issue 15,
model/engine/things.py): "Iran's air fleet is ageing" is about the fleet.  A role word ("Russian troops"), an act
("the Peruvian bid") or a known act elsewhere in the sentence keeps the country."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from tests.model.engine.helpers import actors_of


@pytest.mark.parametrize("text", [
    "Norway's oil fleet is ageing quickly.",
    "Chilean vaccination rates dropped sharply last year.",
    "The Danish monarchy was limited by a constitution in 1849.",
])
def test_a_country_word_qualifying_a_thing_holds_nothing(engine: Engine, text: str) -> None:
    assert actors_of(engine, text) == set()


@pytest.mark.parametrize(("text", "holder"), [
    ("The Peruvian bid won after long negotiations.", "PER"),              # an act of the country
    ("Russian troops entered the town on Monday.", "RUS"),                  # a role word
    ("Norway's fishing fleet is ageing, the Norwegian government said.", "NOR"),  # a known act: the saying
])
def test_a_role_word_an_act_or_a_known_act_keeps_the_country(engine: Engine, text: str, holder: str) -> None:
    assert holder in actors_of(engine, text)


@pytest.mark.parametrize("text", [
    "Russia's cruel and unprovoked war has now been raging for seven months.",  # an act judged ("and" joins)
    "Russia's unlawful act of aggression has heightened tensions.",             # an act noun
])
def test_a_possessive_naming_an_act_keeps_the_country(engine: Engine, text: str) -> None:
    assert "RUS" in actors_of(engine, text)


def test_in_a_speech_a_possessive_is_not_read_as_a_thing(engine: Engine) -> None:
    doc = Document(id="d", text="Russia's air fleet is ageing quickly.", speaker_country="FIN")
    assert "RUS" in {str(r["actor"]) for r in engine.document(doc)}
