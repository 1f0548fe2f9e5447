"""Signs of statements as news reports them, second round (issue 15: document polarity on real articles).

Made-up sentences, one group per cause found on the Wikinews errors: harm that befell others, reported by a sayer;
blame and tribute in the words news uses.
"""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources())


def _rows(engine: Engine, text: str) -> list[dict[str, object]]:
    return engine.document(Document(id="d", text=text))


def _polarities(engine: Engine, text: str) -> list[float]:
    pols = [float(str(r["polarity"])) for r in _rows(engine, text)]
    assert pols, text
    return pols


@pytest.mark.parametrize("text", [
    "The French police said 12 civilians were wounded in the blast.",
    "The Kenyan interior minister said three soldiers were killed on Monday.",
    '"Our citizens and police have been injured during violent incidents," the Chilean president said.',
])
def test_harm_that_befell_others_is_reported_not_done(engine: Engine, text: str) -> None:
    assert all(-0.3 < p <= 0 for p in _polarities(engine, text))


@pytest.mark.parametrize("text", [
    "Israeli troops killed three militants near the border, the army said.",
    "The Syrian army said eight people were killed by rebel shelling.",
])
def test_harm_done_or_with_its_agent_stays_an_attack(engine: Engine, text: str) -> None:
    assert all(p < -0.5 for p in _polarities(engine, text))



@pytest.mark.parametrize("text", [
    "The Kenyan police chief said the rebel group are the likely perpetrators.",
    'The Brazilian senator said, "The whole inquiry is a hoax and a political ploy."',
    "The Mexican president called the report baseless propaganda.",
])
def test_a_saying_of_blame_in_news_words(engine: Engine, text: str) -> None:
    assert all(p < -0.3 for p in _polarities(engine, text))


@pytest.mark.parametrize("text", [
    'The Indian prime minister said, "He was a leader of deep humane values."',
    "The Irish president said the late singer made a great contribution to the nation.",
])
def test_a_saying_of_tribute_in_news_words(engine: Engine, text: str) -> None:
    assert all(p > 0 for p in _polarities(engine, text))
