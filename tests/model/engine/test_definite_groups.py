"""Only a definite group noun stands for the countries named before with it (issue 15, ``discourse.definite``):
"the ministers", "both leaders", "all three nations" do; "African leaders", "54 nations", "Many other partners"
name others."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources

_LEAD = "The foreign ministers of Chile and Peru signed a border treaty in Lima on Monday. "


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_resources())


def _sentences(engine: Engine, text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in engine.document(Document(id="d", text=text)):
        out.setdefault(str(r["sentence"]), set()).add(str(r["actor"]))
    return out


@pytest.mark.parametrize("later", [
    "South American ministers have negotiated such treaties for decades.",
    "Many other ministers also took part in the talks.",
])
def test_an_indefinite_group_is_not_the_countries_before(engine: Engine, later: str) -> None:
    assert not ({"CHL", "PER"} & _sentences(engine, _LEAD + later).get(later, set()))


@pytest.mark.parametrize("later", [
    "The ministers also agreed to reopen two border crossings.",
    "Both ministers also agreed to reopen two border crossings.",
])
def test_a_definite_group_is_the_countries_before(engine: Engine, later: str) -> None:
    assert {"CHL", "PER"} <= _sentences(engine, _LEAD + later).get(later, set())
