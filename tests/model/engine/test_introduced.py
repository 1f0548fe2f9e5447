"""Officials introduced by office and full name, and named by surname after that."""

import pytest

from model.engine.extract import Engine
from model.engine.introduced import introduced_mentions
from model.resources import load_resources

from .helpers import sentence_actors


@pytest.fixture(scope="module")
def gazetteer():  # type: ignore[no-untyped-def]
    return load_resources().gazetteer


def _later(gazetteer, text: str, home: str = "", place: str = "") -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    mentions = gazetteer.find(text)
    agents = [(a.start, a.end, a.role) for a in gazetteer.find_agents(text)]
    before = {(m.start, m.end) for m in mentions}
    return [(m.text, m.code) for m in introduced_mentions(text, mentions, agents, home, place)
            if (m.start, m.end) not in before]


@pytest.mark.parametrize(("text", "expected"), [
    # the country before the office
    ("Portuguese Justice Minister Rui Tavares Lemos spoke on Monday. Lemos said the law would pass.",
     [("Lemos", "PRT")]),
    # across another office word ("… District Court Judge")
    ("United States District Court Judge Miriam Okafor ruled on Tuesday. Okafor rejected the appeal.",
     [("Okafor", "USA")]),
    # "of <country>" after the office
    ("The Foreign Minister of Ghana Kwame Asante Boateng arrived. Boateng met the delegation.",
     [("Boateng", "GHA")]),
    # a possessive country
    ("Chile's Interior Minister Paula Carrasco Vidal resigned. Vidal said she was proud of her work.",
     [("Vidal", "CHL")]),
])
def test_the_office_gives_the_country_of_later_surnames(gazetteer, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _later(gazetteer, text) == expected


def test_an_office_without_a_country_is_the_home_countrys(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Interior Minister Tomasz Wielgosz visited the site. Wielgosz promised help."
    assert _later(gazetteer, text, home="POL") == [("Wielgosz", "POL")]
    assert _later(gazetteer, text) == []  # no home: no country to give


def test_police_and_prosecutors_belong_to_where_the_story_happens(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The case was brought by prosecutor Dana Whitcombe. Whitcombe called it terrorism."
    assert _later(gazetteer, text, home="MEX", place="USA") == [("Whitcombe", "USA")]
    minister = "Interior Minister Tomasz Wielgosz visited. Wielgosz promised help."
    assert _later(gazetteer, minister, home="POL", place="DEU") == [("Wielgosz", "POL")]


@pytest.mark.parametrize("text", [
    # no office: an expert or a private person
    "Professor Anna Kowalczyk of Warsaw University said the data were clear. Kowalczyk added more.",
    # the surname goes on as another name
    "Portuguese Justice Minister Rui Tavares Lemos spoke. Lemos Construction won the contract.",
    # no full name after the office
    "Portuguese Justice Minister Lemos spoke. Lemos said the law would pass.",
])
def test_no_person_without_an_office_and_a_full_name(gazetteer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _later(gazetteer, text, home="PRT") == []


def test_two_people_of_one_surname_and_two_countries_give_none(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = ("Peruvian Trade Minister Luis Ortega Salas met Bolivian Trade Minister Ana Ruiz Salas. "
            "Salas said the talks went well.")
    assert _later(gazetteer, text) == []


def test_a_later_surname_holds_the_statement(engine: Engine) -> None:
    text = ("Norwegian Fisheries Minister Ingrid Haugeland Bakke opened the talks in Tromsø on Monday. "
            "Reporters waited outside the hall for hours. "
            "Bakke rejected the proposal to raise the quota.")
    by_sentence = sentence_actors(engine, text)
    assert by_sentence.get("Bakke rejected the proposal to raise the quota.") == {"NOR"}


@pytest.mark.parametrize("former", ["Former", "former", "ex-", "retired"])
def test_a_former_official_is_not_introduced(gazetteer, former: str) -> None:  # type: ignore[no-untyped-def]
    text = f"On Monday {former} Portuguese Justice Minister Rui Tavares Lemos spoke. Lemos said the law would pass."
    assert _later(gazetteer, text) == []
