"""Who is the subject of a speech's clause when a country is named near a first-person subject (issue 15: held-out UN
sentences): a country in a phrase before "we", or after a preposition in the speaker's predicate, holds nothing; a
country right before its own verb keeps its act."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine


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


def _rows(engine: Engine, text: str, speaker: str = "KEN") -> list[dict[str, object]]:
    return engine.document(Document(id="d", text=text, speaker_country=speaker))


@pytest.mark.parametrize(("text", "cue"), [
    ("We have welcomed the new agreement. It must allow the refugees to return home.", "allow"),
    ("I thank the Secretary-General for his report. It rightly condemns the attacks on civilians.", "condemns"),
])
def test_it_after_the_speakers_sentence_is_not_the_speaker(engine: Engine, text: str, cue: str) -> None:
    """"We … . It must allow …": "it" is not the speaker of the sentence before."""
    assert not any(r["cue"] == cue for r in _rows(engine, text))


def test_what_another_subject_did_is_the_speakers_saying(engine: Engine) -> None:
    """"I will not tell the Assembly how many people it killed": the speaker says it, the killing is not its act."""
    rows = _rows(engine, "I will not tell the Assembly how many elderly people it killed in the camps.")
    assert {r["actor"] for r in rows} == {"KEN"}
    assert all("tell" in str(r["stance"]) for r in rows)


def test_a_sayer_in_the_first_person_possessive_is_the_speaker(engine: Engine) -> None:
    rows = _rows(engine, "It would be no exaggeration on my part to say that Peru is threatened by a crisis.")
    assert "KEN" in {r["actor"] for r in rows}


@pytest.mark.parametrize("text", [
    "In Peru, we are building a development that leaves nobody behind.",
    "As an elected member of the regional forum on the climate, we are working with our neighbours on the forests.",
])
def test_a_first_person_clause_without_a_known_verb_is_the_speakers_beside_a_name(engine: Engine, text: str) -> None:
    """A country that is not the subject ("In Peru, we …") leaves the speaker's first-person clause its own."""
    assert "KEN" in _actors(engine, text)


def test_the_first_person_as_an_object_is_no_subject(engine: Engine) -> None:
    assert _actors(engine, "The plan to divide my country into pieces, which formally started in 2008, failed.") == set()


def test_a_country_that_remains_occupied_is_acted_upon(engine: Engine) -> None:
    """"remain occupied" is a passive as "are occupied" is: the countries named are the victims."""
    assert not {"PER", "CHL"} & _actors(engine, "Parts of Peru and Chile remain occupied to this day.")


def test_remaining_committed_is_still_a_position(engine: Engine) -> None:
    assert _actors(engine, "We remain committed to the Charter and its principles.") == {"KEN"}


@pytest.mark.parametrize("text", [
    "Some openly declare their intention to defeat Kenya militarily and to destroy it.",
    "Their militias attacked Kenya and burned the border villages.",
])
def test_the_speakers_country_as_the_object_of_an_act_holds_nothing(engine: Engine, text: str) -> None:
    """The speaker's own country named right after an act's verb undergoes the act (issue 15: "to defeat Russia
    militarily but to destroy and dismember it" was Russia's own act on its card)."""
    assert "KEN" not in _actors(engine, text)


def test_the_first_person_after_an_organisation_is_the_subject(engine: Engine) -> None:
    """"As a member of the Group of Seven Plus, we will work …": the speaker acts, not the organisation."""
    text = "As a member of the working group of the Group of Seven Plus (G7+), we will work together on ending hunger."
    assert _actors(engine, text) == {"KEN"}


def test_an_organisation_as_the_subject_still_holds_no_country(engine: Engine) -> None:
    assert _actors(engine, "The Security Council must work together on ending hunger.") == set()
