"""Who is the subject of a speech's clause when a country is named near a first-person subject (issue 15: held-out UN
sentences): a country in a phrase before "we", or after a preposition in the speaker's predicate, holds nothing; a
country right before its own verb keeps its act."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources())


def _actors(engine: Engine, text: str, speaker: str = "KEN") -> set[object]:
    return {r["actor"] for r in engine.document(Document(id="d", text=text, speaker_country=speaker))}


@pytest.mark.parametrize("text", [
    "With regard to the crisis in the friendly nation of Peru, we reiterate our support for the mediation efforts.",
    "As a longtime partner of Chile, we call for the lifting of all unilateral measures.",
    "On the question of Bolivia, my government continues to stand with the people.",
    "This year we built two hospitals in Uganda to provide care to displaced families.",
])
def test_a_country_beside_the_first_person_subject_holds_nothing(engine: Engine, text: str) -> None:
    assert _actors(engine, text) == {"KEN"}


def test_a_country_before_its_own_verb_keeps_its_act(engine: Engine) -> None:
    """"We know Peru attacked …": Peru is the subject of the verb (not after a preposition)."""
    assert "PER" in _actors(engine, "We know Peru attacked the border post last week.")


@pytest.mark.parametrize("text", [
    "Sadly, we are facing a growing number of droughts across the continent.",
    "Peru continues to face a difficult economic and social situation.",
    "As a result, Kenya suffered heavy losses, with 40 soldiers killed and 90 wounded.",
    "This forum matters more than ever because of the many challenges we face.",
])
def test_a_subject_that_faces_or_suffers_holds_nothing(engine: Engine, text: str) -> None:
    assert _actors(engine, text) == set()


def test_a_second_verb_after_suffering_is_the_subjects_act(engine: Engine) -> None:
    assert "PER" in _actors(engine, "Peru suffered losses and attacked the border posts.")
