"""The members listed after a possessor's group hold, not the possessor (issue 15, ``phrases.subject_mentions``):
"Chile's neighbours, including Peru and Bolivia, imposed bans" is Peru's and Bolivia's act."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources())


def _actors(engine: Engine, text: str) -> set[str]:
    return {str(r["actor"]) for r in engine.document(Document(id="d", text=text))}


@pytest.mark.parametrize(("text", "actors"), [
    ("Chile's neighbours, including Peru and Bolivia, imposed bans on imports.", {"PER", "BOL"}),
    ("Russia's allies such as Belarus condemned the sanctions.", {"BLR"}),
])
def test_the_listed_members_of_a_possessors_group_hold(engine: Engine, text: str, actors: set[str]) -> None:
    got = _actors(engine, text)
    assert actors <= got and not (got - actors)  # (the possessor does not act)
