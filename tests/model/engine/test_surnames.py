"""Later mentions of a person by surname only (model/engine/surnames.py)."""

from __future__ import annotations

import pytest

from model.engine.gazetteer import Gazetteer
from model.engine.surnames import surname_mentions


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_folder()


def _found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in surname_mentions(text, gaz.find(text))]


def test_a_surname_after_the_full_name_is_the_person(gaz: Gazetteer) -> None:
    text = "Boris Johnson met Leo Varadkar on Monday. Johnson said the talks were constructive."
    assert ("Johnson", "GBR") in _found(gaz, text)


def test_a_surname_before_the_full_name_is_not_read(gaz: Gazetteer) -> None:
    text = "Johnson said the talks were constructive, Boris Johnson told reporters."
    assert _found(gaz, text).count(("Johnson", "GBR")) == 0


@pytest.mark.parametrize("later", [
    "Johnson Controls said its plant would close.",   # the name goes on
    "Lyndon Johnson had signed the act in 1964.",       # another given name before it
])
def test_a_surname_inside_another_name_is_not_the_person(gaz: Gazetteer, later: str) -> None:
    text = "Boris Johnson met Leo Varadkar on Monday. " + later
    assert ("Johnson", "GBR") not in _found(gaz, text)


def test_a_surname_that_is_a_common_word_is_not_read(gaz: Gazetteer) -> None:
    text = "Theresa May spoke in London. May God protect them, the bishop said."
    assert ("May", "GBR") not in _found(gaz, text)


def test_a_document_with_no_person_is_left_as_it_is(gaz: Gazetteer) -> None:
    text = "Russia and China held talks in Beijing."
    assert surname_mentions(text, gaz.find(text)) == gaz.find(text)


def test_someone_else_of_the_surname_named_since_takes_it_until_the_person_is_named_again(gaz: Gazetteer) -> None:
    """"Boris Johnson … Ann Johnson … Johnson" is Ann's; after "Boris Johnson" again it is his."""
    text = ("Boris Johnson met Leo Varadkar on Monday. The driver, Ann Johnson, was arrested. Johnson was released "
            "on bail. Boris Johnson left on Tuesday. Johnson said the talks were constructive.")
    later = [m for m in surname_mentions(text, gaz.find(text)) if m.text == "Johnson"]
    assert [text[m.start:m.start + 30] for m in later] == ["Johnson said the talks were co"]
