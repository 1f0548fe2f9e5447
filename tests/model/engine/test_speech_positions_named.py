"""A speech's pledges and appeals by the speaker's country named as the subject, and appeals to all ("Let us …")
(issue 15: held-out UN sentences "Cuba will continue to raise its voice …", "Let us work together …" gave nothing)."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine


def _rows(engine: Engine, text: str, speaker: str = "PER") -> list[dict[str, object]]:
    return engine.document(Document(id="d", text=text, speaker_country=speaker))


@pytest.mark.parametrize("text", [
    "Peru will continue to raise its voice for the small island nations.",
    "As the chair of the regional group, Peru will pursue its advocacy for a fairer trade system.",
    "Let us build bridges between the generations.",
    "Let’s embrace our differences and respect each other.",
])
def test_the_speakers_pledge_or_appeal_is_its_own(engine: Engine, text: str) -> None:
    assert {r["actor"] for r in _rows(engine, text)} == {"PER"}


@pytest.mark.parametrize("text", [
    "Let me now turn to the climate.",
    "Let us look at the Horn of Africa.",
    "The people of Peru will never forget those days.",
    "Whether Peru will ever recover its forests is unclear.",
])
def test_no_pledge_where_the_speaker_orders_the_speech_or_is_no_subject(engine: Engine, text: str) -> None:
    assert _rows(engine, text) == []


def test_another_country_named_with_will_is_no_pledge_of_the_speaker(engine: Engine) -> None:
    assert "PER" not in {r["actor"] for r in _rows(engine, "Chile will keep raising its voice for the islands.")}


@pytest.mark.parametrize("text", [
    "We value the steady support of our regional partners.",
    "We stand firmly for the right of every nation to choose its path.",
    "Together, we can build an economy that serves the young.",
    "We are proud of our peaceful political transition.",
])
def test_a_first_person_verb_in_the_present_is_the_speakers(engine: Engine, text: str) -> None:
    assert {r["actor"] for r in _rows(engine, text)} == {"PER"}


@pytest.mark.parametrize("text", [
    "The choices we make today will shape the future of the young.",
    "But there is still time if we act now.",
    "I have the honour to speak on behalf of the President.",
    "Because we can’t undo the mistakes of the past.",
])
def test_a_first_person_that_is_no_main_subject_or_has_no_verb_holds_nothing(engine: Engine, text: str) -> None:
    assert _rows(engine, text) == []


@pytest.mark.parametrize("text", [
    "Chile launched military operations against its neighbour last week.",
    "Chile is waging a brutal war on its neighbour.",
])
def test_launching_or_waging_a_war_is_the_subjects_act(engine: Engine, text: str) -> None:
    """(read as a fight, not through the bare verb: "launched" alone is no act of a known kind)"""
    rows = [r for r in _rows(engine, text) if r["actor"] == "CHL"]
    assert rows and all(float(str(r["polarity"])) <= -0.5 and " " in str(r["cue"]) for r in rows)


@pytest.mark.parametrize("text", [
    "Protecting the oceans from plastic must be our first priority.",
    "It also affirms our strong and lasting belief in the rule of law.",
])
def test_our_position_named_by_a_noun_is_the_speakers(engine: Engine, text: str) -> None:
    assert {r["actor"] for r in _rows(engine, text)} == {"PER"}


def test_our_thing_that_is_no_position_holds_nothing(engine: Engine) -> None:
    assert _rows(engine, "Our economy grew by five per cent last year.") == []


@pytest.mark.parametrize("text", [
    "Peru assures him of its steadfast cooperation.",
    "Peru can also speak to its engagement on gender equality.",
    "We stand firmly for Chile’s recovery because when Chile recovers the region recovers.",
])
def test_the_speakers_present_tense_clause_is_its_own(engine: Engine, text: str) -> None:
    assert "PER" in {r["actor"] for r in _rows(engine, text)}


@pytest.mark.parametrize("text", [
    "We have witnessed the soldiers perpetrate further violations in the buffer zone.",
    "We see it everywhere, from the heat waves to the floods.",
])
def test_what_the_speaker_sees_is_no_position(engine: Engine, text: str) -> None:
    assert "PER" not in {r["actor"] for r in _rows(engine, text)}


@pytest.mark.parametrize("text", [
    "Let us say a lion in that story.",
    "Let us take a look at what kind of peace was built.",
    "We were not among the first.",
    "Our country ranks eighth in the world for clean energy.",
    "Yet we are not being heard by the lenders.",
    "It displaced thousands of Peruvian families, half of the Peruvian population at the time.",
])
def test_descriptions_and_the_speechs_own_order_are_no_positions(engine: Engine, text: str) -> None:
    assert _rows(engine, text) == []


@pytest.mark.parametrize("text", [
    "But at times we have also been deeply frustrated by the slow pace of reform.",
    "During the past year we have doubled our aid to the region.",
])
def test_a_phrase_of_time_before_the_first_person_keeps_it_the_subject(engine: Engine, text: str) -> None:
    assert {r["actor"] for r in _rows(engine, text)} == {"PER"}


def test_the_first_person_of_a_relative_clause_is_no_subject(engine: Engine) -> None:
    assert _rows(engine, "All the things we do matter to the young.") == []


@pytest.mark.parametrize("text", [
    "New technologies could solve many of our old problems, but could also disrupt our social orders.",
    "We are neither the largest nor the wealthiest nation on earth.",
    "While the drought persists, we are confronted these days with the fallout of the floods.",
])
def test_an_our_at_the_end_descriptions_and_what_confronts_us_are_no_positions(engine: Engine, text: str) -> None:
    assert _rows(engine, text) == []
