"""What a sayer says in tribute or sympathy is cooperative (issue 15, polarity from the content: CAMEO 051
praise, 018 empathetic comment), unless the sentence also names something hostile."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine


def _polarities(engine: Engine, text: str) -> list[float]:
    return [float(r["polarity"]) for r in engine.document(Document(id="d", text=text))]


@pytest.mark.parametrize("text", [
    'Polish President Andrzej Duda said, "Our deepest condolences are with the families of the victims."',
    "Indian Prime Minister Narendra Modi said the late minister had been an iconic leader of the party.",
    'The French President Emmanuel Macron said: "I am saddened by the passing of a great friend of France."',
])
def test_tribute_is_cooperative(engine: Engine, text: str) -> None:
    pols = _polarities(engine, text)
    assert pols and all(p > 0 for p in pols)


@pytest.mark.parametrize("text", [
    "Polish President Andrzej Duda said the attack was a sad day and condemned the killing of the mayor.",
    "Indian Prime Minister Narendra Modi said the talks would resume next week.",
])
def test_other_sayings_keep_their_sign(engine: Engine, text: str) -> None:
    pols = _polarities(engine, text)
    assert pols and all(p <= 0 for p in pols)
