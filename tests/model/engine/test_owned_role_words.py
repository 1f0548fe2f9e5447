"""A role word whose possessive owns someone else or a thing names no actor (issue 15, context.owning_agents): "a
diplomat's wife" is a private person, "the army's records" a thing; neither the home candidate's words nor the
scorer's "role word before the cue" read them, while "the army's chief" and "the court's ruling" keep theirs."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.engine.holders import FEATURES
from model.resources import load_resources

LEAD = "A landslide buried a village in Peru on Monday. The government of Peru sent soldiers to the area. "
_AGENT_BEFORE_CUE = FEATURES.index("agent_before_cue")


@pytest.fixture(scope="module")
def every() -> Engine:
    """The engine with every candidate written and collected (as tools/train_holders.py reads them)."""
    engine = Engine(load_resources(), holder_model=False)
    engine.collect = []
    return engine


def home_candidate(engine: Engine, sentence: str) -> tuple[set[str], list[float]]:
    """The words of the sentence's home candidates and the features of the first."""
    assert engine.collect is not None
    engine.collect.clear()
    rows = engine.document(Document(id="d", text=LEAD + sentence))
    words = {str(r["actor_text"]) for r in rows if r["actor_kind"] == "home" and r["sentence"] == sentence}
    x = next(x for _d, s, _e, _a, source, x in engine.collect if source == "home" and s >= len(LEAD))
    return words, x


@pytest.mark.parametrize("sentence", [
    "Mamani, who has immunity as a diplomat's wife, was involved in a collision which killed a cyclist.",
    "The trucks stopped far from where the army's records had predicted.",
    "The police's car was damaged when the crowd attacked it.",
])
def test_a_role_word_owning_someone_else_or_a_thing_names_no_actor(every: Engine, sentence: str) -> None:
    words, x = home_candidate(every, sentence)
    assert words == {""}
    assert x[_AGENT_BEFORE_CUE] == 0.0


@pytest.mark.parametrize(("sentence", "role"), [
    ("The army's chief ordered the evacuation of the school.", "army"),
    ("The ministry's spokesman criticised the delay.", "ministry"),
])
def test_a_role_word_owning_a_role_or_an_act_keeps_it(every: Engine, sentence: str, role: str) -> None:
    words, x = home_candidate(every, sentence)
    assert words == {role}
    assert x[_AGENT_BEFORE_CUE] == 1.0
