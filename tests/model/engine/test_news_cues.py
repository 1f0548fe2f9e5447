"""Acts news reports by verbs the cue table lacked: a candidate ending a campaign, a lawyer arguing, a leader
expressing sadness at a death, a weather service issuing alerts (made-up sentences)."""

from __future__ import annotations

import pytest

from model.engine.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.mark.parametrize(("text", "category"), [
    ("The senator ended her campaign for the presidency on Friday.", "CONCEDE"),
    ("The former governor suspended his campaign after the debate.", "CONCEDE"),
    ("The mayor dropped out of the race for the nomination.", "CONCEDE"),
    ("The minister's lawyer argued the ruling should be overturned.", "SAY"),
    ("Prosecutors contend the payments were bribes.", "SAY"),
    ("The president expressed his sadness at the death of the former premier.", "SUPPORT"),
    ("The meteorological service issued weather alerts for the coast.", "THREATEN"),
])
def test_the_act_has_its_cue(lexicon: Lexicon, text: str, category: str) -> None:
    cues = {h.value.category for h in lexicon.scan(text.lower()) if h.kind == "cue"}
    assert category in cues
