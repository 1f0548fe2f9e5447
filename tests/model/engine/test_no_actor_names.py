"""Country names that stand for no actor (issue 15, :mod:`model.engine.standing`): a currency's sign ("US$5 million"),
the host country of a diplomat's post ("Ambassador to Germany")."""

from __future__ import annotations

from model.documents import Document
from model.engine.extract import Engine


def _candidates(engine: Engine, text: str) -> set[tuple[int, str]]:
    """(sentence start, country) of every holder candidate the scorer is asked about."""
    engine.collect = []
    try:
        engine.rows(Document(id="d", text=text))
        return {(start, actor) for _doc, start, _end, actor, _source, _x in engine.collect}
    finally:
        engine.collect = None


def test_a_currency_sign_names_no_actor(engine: Engine) -> None:
    text = "Kenyan police arrested two managers on Monday. A Nairobi court fined their company US$5 million for the spill."
    assert {actor for _start, actor in _candidates(engine, text)} == {"KEN"}


def test_a_diplomats_post_names_the_host_not_the_holder(engine: Engine) -> None:
    text = "Kenyan Ambassador to Germany Jane Roe alleged on Monday that the airline had smuggled weapons."
    actors = {actor for _start, actor in _candidates(engine, text)}
    assert "KEN" in actors
    assert "DEU" not in actors
