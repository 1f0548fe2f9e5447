"""A speaker's first-person positions in a speech are the speaker's statements (issue 15: "we underline
the need to …", "we will not abandon …", "we are deeply concerned about …" gave nothing)."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.mark.parametrize(("sentence", "sign"), [
    ("We underline the need to reform the Security Council.", 0),
    ("We will not abandon the people of Afghanistan.", 1),
    ("We are deeply concerned about the humanitarian situation in Yemen.", -1),
    ("My country stands in solidarity with the people of Pakistan after the floods.", 1),
    ("Our Government has long championed the reform of the international financial architecture.", 1),
    ("We regret that the Conference ended without an outcome document.", -1),
    ("My government keeps supporting the reconstruction of the region.", 1),
    ("I wish to convey my condolences to the people of Morocco.", 1),
    ("We reaffirm our support for the two-State solution.", 1),
])
def test_first_person_position_is_the_speakers(engine: Engine, sentence: str, sign: int) -> None:
    text = f"Mr. President, it is a pleasure to be here. {sentence}"
    rows = engine.document(Document(id="s", text=text, speaker_country="DEU"))
    held = [r for r in rows if r["sentence"] == sentence]
    assert [r["actor"] for r in held] == ["DEU"]
    if sign:
        assert (held[0]["polarity"] > 0) == (sign > 0)


def test_a_noun_is_not_a_position(engine: Engine) -> None:
    """"it is my honour", "the disputed areas": nouns of position words are not cues."""
    text = "It is my honour to address this Assembly. There are twenty disputed areas along the border."
    assert engine.document(Document(id="s", text=text, speaker_country="KGZ")) == []


def test_first_person_clause_without_a_known_cue_is_a_candidate() -> None:
    """"We are actively pursuing new ventures …": no cue word, but the speaker's own clause (scored like any)."""
    rules = Engine(load_resources(), holder_model=False)
    sentence = "We are actively pursuing new ventures in renewable energy."
    text = f"Mr. President, it is a pleasure to be here. {sentence}"
    rows = [r for r in rules.document(Document(id="s", text=text, speaker_country="GEO")) if r["sentence"] == sentence]
    assert [(r["actor"], r["cue"]) for r in rows] == [("GEO", "pursuing")]
    # outside a speech "we" is nobody's country
    assert [r for r in rules.document(Document(id="n", text=text)) if r["sentence"] == sentence] == []
