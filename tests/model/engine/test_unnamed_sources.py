"""Unnamed sources hold nothing (issue 15, model/engine/sources.py): the body or country that qualifies the
source names where it sits, not who speaks, and a source that is the subject leaves the article's home country
out; a source a sayer cites leaves the sayer."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine


def _holders_of(engine: Engine, text: str, sentence: str) -> set[str]:
    return {str(r["actor"]) for r in engine.document(Document(id="d", text=text)) if r["sentence"] == sentence}


@pytest.mark.parametrize("sentence", [
    "Kenyan security sources said the militants had crossed the border overnight.",
    "A Chilean government source, who asked not to be named, said the talks would resume.",
    "Sources within the Norwegian Labour Party have indicated the leader will step down.",
    "An online news site claims Mossad sources have blamed the blast on a gas leak.",
])
def test_a_name_qualifying_an_unnamed_source_holds_nothing(engine: Engine, sentence: str) -> None:
    assert _holders_of(engine, sentence, sentence) == set()


def test_an_unnamed_source_as_subject_leaves_the_home_country_out(engine: Engine) -> None:
    said = "Instead, government sources confirmed the minister's resignation to several newspapers."
    text = ("Norway's prime minister met the opposition on Monday. Norway's parliament will vote next week. "
            "The Norwegian finance minister resigned on Tuesday. " + said)
    assert _holders_of(engine, text, said) == set()


@pytest.mark.parametrize(("sentence", "holder"), [
    ("The Kremlin, citing intelligence sources, said the convoy had been attacked.", "RUS"),
    ("According to sources, Kenyan police arrested two men near the border.", "KEN"),
    ("The Indian government said it would diversify the country's energy sources.", "IND"),
])
def test_a_sayer_citing_sources_still_holds(engine: Engine, sentence: str, holder: str) -> None:
    assert holder in _holders_of(engine, sentence, sentence)


@pytest.mark.parametrize("sentence", [
    "In a study published on Tuesday in Nature, researchers from the University of Lagos in Nigeria reported a new "
    "method to purify water.",
    "Scientists in Kenya reported that the glaciers of Mount Kenya have shrunk by half.",
])
def test_researchers_reporting_hold_nothing_for_their_country(engine: Engine, sentence: str) -> None:
    assert _holders_of(engine, sentence, sentence) == set()


@pytest.mark.parametrize(("sentence", "holder"), [
    ("Researchers said Russian hackers attacked the Ukrainian power grid in December.", "RUS"),  # what they report
    ("Officials in Nigeria reported a new outbreak of cholera in Lagos.", "NGA"),                # officials hold
])
def test_what_researchers_report_and_officials_keep_their_holders(engine: Engine, sentence: str, holder: str) -> None:
    assert holder in _holders_of(engine, sentence, sentence)
