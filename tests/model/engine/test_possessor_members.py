"""The members listed after a possessor's group hold, not the possessor (issue 15, ``phrases.subject_mentions``):
"Chile's neighbours, including Peru and Bolivia, imposed bans" is Peru's and Bolivia's act."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import actors_of


@pytest.mark.parametrize(("text", "actors"), [
    ("Chile's neighbours, including Peru and Bolivia, imposed bans on imports.", {"PER", "BOL"}),
    ("Russia's allies such as Belarus condemned the sanctions.", {"BLR"}),
])
def test_the_listed_members_of_a_possessors_group_hold(engine: Engine, text: str, actors: set[str]) -> None:
    got = actors_of(engine, text)
    assert actors <= got and not (got - actors)  # (the possessor does not act)
