"""Cues of concession and membership (issue 15, ``resources/stance_cues.tsv``): "The Dutch relinquished control of
the colony" is the Netherlands' act (CONCEDE), "Italy and Spain are part of the coalition" cooperation."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from tests.model.engine.helpers import actors_of


@pytest.mark.parametrize(("text", "actor"), [
    ("The Dutch relinquished control of the colony in 1975.", "NLD"),
    ("Portugal relinquished control of its last territory in Asia in 1999.", "PRT"),
])
def test_relinquishing_control_is_a_concession(engine: Engine, text: str, actor: str) -> None:
    rows = [r for r in engine.document(Document(id="d", text=text)) if r["actor"] == actor]
    assert rows and all(float(r["polarity"]) >= 0 for r in rows)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "actors"), [
    ("Italy and Spain are part of the naval coalition.", {"ITA", "ESP"}),
    ("Troops from Portugal and Chile were part of the peacekeeping mission.", {"PRT", "CHL"}),
])
def test_being_part_of_a_joint_effort_is_cooperation(engine: Engine, text: str, actors: set[str]) -> None:
    rows = [r for r in engine.document(Document(id="d", text=text)) if r["actor"] in actors]
    assert {r["actor"] for r in rows} == actors and all(float(r["polarity"]) > 0 for r in rows)  # type: ignore[arg-type]


def test_a_place_part_of_a_country_is_no_act(engine: Engine) -> None:
    assert not actors_of(engine, "The peninsula was part of Ukraine until 1954.")
