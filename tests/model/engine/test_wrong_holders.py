"""Categories of wrong holder from real documents (issue 15): a country acted upon in a passive, a name
that qualifies someone else, "Brussels" as the EU."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from tests.model.engine.helpers import actors_of


@pytest.mark.parametrize(("text", "holders"), [
    ("Russia was barred from the Olympic games.", set()),                     # passive: acted upon
    ("Yemenis were wounded in the Saudi-led strikes.", {"SAU"}),              # the attack's agent holds
    ("Iran was criticised by France over the missile test.", {"FRA"}),        # the by-agent holds
    ("Vietnam is committed to opening up its economy.", {"VNM"}),             # a stative participle
    ("A Beijing-based analyst said the talks would fail.", set()),            # the name qualifies a person
    ("A Paris-bound flight was diverted after the threat.", set()),
    ("Brussels criticised Hungary over the new law.", set()),                 # the EU, not Belgium
    ("In France, the storm killed twelve people.", set()),                   # a place phrase, no actor
    ("A fire in Russia killed twelve people on Monday.", set()),
    ("Police in Kenya arrested twelve protesters.", {"KEN"}),                 # an actor placed in its country
    ("A group based in Trinidad claims to be making weapons.", {"TTO"}),
])
def test_holder_category(engine: Engine, text: str, holders: set[str]) -> None:
    assert actors_of(engine, text) == holders



def _cues(engine: Engine, text: str, speaker: str) -> list[str]:
    return [str(r["cue"]) for r in engine.document(Document(id="d", text=text, speaker_country=speaker))]


@pytest.mark.parametrize(("text", "cues"), [
    ("The question is whether we will have a fair world, free from blackmail and intimidation.", []),
    ("Primary and secondary education are free.", []),
    ("Textbooks are free.", []),
    ("They are welcome.", []),
    ("We want free and fair elections in our region.", ["want"]),
    ("We will free the hostages.", ["free"]),                          # verbs stay verbs
    ("We welcome and support the agreement.", ["welcome"]),
])
def test_adjective_is_not_an_act(engine: Engine, text: str, cues: list[str]) -> None:
    """A verb cue that is also an adjective ("free from", "are free", "welcome") is not the speaker's act."""
    assert _cues(engine, text, "FJI") == cues


@pytest.mark.parametrize(("text", "holders"), [
    ("New South Wales is the most populated Australian state.", set()),              # "state", a noun here
    ("He helped build Zimbabwean State institutions, Putin said.", {"RUS"}),
    ("Australians state that the ban is lawful.", {"AUS"}),                          # a plural people says
])
def test_a_saying_verb_after_an_adjective_is_a_noun(engine: Engine, text: str, holders: set[str]) -> None:
    assert actors_of(engine, text) == holders


@pytest.mark.parametrize("text", [
    "Nickey Iyambo, former vice-president of Namibia, died on Sunday, early in the morning.",
    "Yesterday, former United States Representative John Conyers died in his sleep.",
])
def test_what_befalls_someone_is_not_a_stance(engine: Engine, text: str) -> None:
    """The fallback reads no act in a verb of what befalls its subject ("died", "was hospitalised")."""
    assert actors_of(engine, text) == set()


def test_the_fallback_still_reads_an_act(engine: Engine) -> None:
    assert actors_of(engine, "Nickey Iyambo, former vice-president of Namibia, inaugurated the new bridge.") == {"NAM"}


def test_a_capitalised_noun_after_a_bracket_is_not_a_verb(engine: Engine) -> None:
    """"as a permanent five (P5) State": "State" is the noun, not the saying verb."""
    rows = engine.document(Document(id="d", text=(
        "Russia's rhetoric contradicts its role as a permanent five (P5) State and the commitment it made.")))
    assert all(str(r["cue"]) != "State" for r in rows)


@pytest.mark.parametrize(("text", "holders"), [
    ("Contrary to such reckless actions of Armenia, Azerbaijan has always demonstrated good faith.", {"AZE"}),
    ("Despite the pressure of the United States, Turkey rejected the deal.", {"TUR"}),
    ("Russia, China and Iran condemned the strike.", {"RUS", "CHN", "IRN"}),            # a list stays a list
])
def test_names_in_an_introductory_phrase_are_not_the_subject(engine: Engine, text: str, holders: set[str]) -> None:
    assert actors_of(engine, text) == holders


def test_an_introductory_phrase_naming_the_only_country(engine: Engine) -> None:
    """No name after the phrase: nobody named holds (the phrase's name was the subject; an empty subject once
    stopped the document)."""
    text = "Regarding Trump's phone call, former federal prosecutor Elie Honig said it was improper."
    assert "USA" not in {r["actor"] for r in engine.document(Document(id="d", text=text)) if r["actor_text"] == "Trump"
                         and r["confidence"] >= 0.9}


@pytest.mark.parametrize(("text", "cue"), [
    ("Where Russia's forces have been pushed back, we have seen destruction.", "back"),   # a particle
    ("The charges were held back while he was president.", "back"),
])
def test_back_after_a_verb_is_a_particle(engine: Engine, text: str, cue: str) -> None:
    assert all(str(r["cue"]) != cue for r in engine.document(Document(id="d", text=text, speaker_country="IRL")))


def test_back_as_a_verb_is_support(engine: Engine) -> None:
    rows = engine.document(Document(id="d", text="The United States will back the resolution."))
    assert [(r["actor"], r["cue"]) for r in rows] == [("USA", "back")] and float(rows[0]["polarity"]) > 0
