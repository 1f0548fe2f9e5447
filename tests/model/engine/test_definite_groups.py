"""Only a definite group noun stands for the countries named before with it (issue 15, ``discourse.definite``):
"the ministers", "both leaders", "all three nations" do; "African leaders", "54 nations", "Many other partners"
name others."""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import sentence_actors

_LEAD = "The foreign ministers of Chile and Peru signed a border treaty in Lima on Monday. "


@pytest.mark.parametrize("later", [
    "South American ministers have negotiated such treaties for decades.",
    "Many other ministers also took part in the talks.",
])
def test_an_indefinite_group_is_not_the_countries_before(engine: Engine, later: str) -> None:
    assert not ({"CHL", "PER"} & sentence_actors(engine, _LEAD + later).get(later, set()))


@pytest.mark.parametrize("later", [
    "The ministers also agreed to reopen two border crossings.",
    "Both ministers also agreed to reopen two border crossings.",
])
def test_a_definite_group_is_the_countries_before(engine: Engine, later: str) -> None:
    assert {"CHL", "PER"} <= sentence_actors(engine, _LEAD + later).get(later, set())
