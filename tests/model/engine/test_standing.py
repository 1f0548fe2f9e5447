"""Wrong holders the rules take out before the scorer (issue 15, model/engine/standing.py): an act not done
(a condition, a requirement, a supposition, what a law says), a person who has left a non-political office
speaking for himself, a country word qualifying a place, someone acted upon.  Each category keeps a right
holder next to it."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from tests.model.engine.helpers import actors_of


@pytest.mark.parametrize("text", [
    "If the Kenyan parliament votes to impeach the president, he would then face a trial in the senate.",
    "For the treaty to take effect, it must also be ratified by the Chilean senate.",
    "This would make Norway the first country in Europe to ban petrol cars.",
    "Under Brazilian law, the president has until Friday to veto the bill.",
    "The Mexican constitution requires the consent of both chambers to approve a treaty.",
    "Ruto's state of emergency appears to allow him to pull funding for the dam from other programmes.",
    "During the recess, the Kenyan parliament cannot pass any legislation.",            # what may be done
    "Once in office, a Mexican governor can veto any bill passed by the state congress.",
])
def test_an_act_not_done_has_no_holder(engine: Engine, text: str) -> None:
    assert actors_of(engine, text) == set()


@pytest.mark.parametrize("text", [
    "Boris Johnson then served eight years as the mayor of London, from 2008 to 2016.",
    "Nancy Pelosi became the first woman to serve as Speaker of the House in 2007.",
    "Giuliani was serving as Trump's personal lawyer at the time.",
    "Argentine President Juan Peron, who founded the Justicialist Party, served three terms.",  # terms served
])
def test_an_office_held_is_no_act(engine: Engine, text: str) -> None:
    assert actors_of(engine, text) == set()


@pytest.mark.parametrize(("text", "holders"), [
    ("In all, 30,000 Irish soldiers served in Lebanon over 23 years.", {"IRL"}),      # troops deployed
    ("Kenyan President William Ruto declared a state of emergency on Monday.", {"KEN"}),
    ("The Kenyan president said he would veto the bill.", {"KEN"}),                 # a saying keeps it
    ("Richard Nixon would have faced impeachment but resigned before the vote.", {"USA"}),  # a second act, done
    ("Argentine President Juan Peron, who served three terms, criticised the British government.", {"ARG"}),
    ("The Chilean senate must also be consulted, the Chilean president said.", {"CHL"}),
    ("The German government could not agree on a budget for next year.", {"DEU"}),    # a failure is done
    ("The Indian army said it could strike the camps again.", {"IND"}),
])
def test_a_reported_or_done_act_keeps_its_holder(engine: Engine, text: str, holders: set[str]) -> None:
    assert actors_of(engine, text) >= holders


@pytest.mark.parametrize(("text", "speaker"), [
    ("Also, achieving the objectives of the transition requires the support of all Mali's partners, including the "
     "United Nations.", "MLI"),
    ("The UN Charter stipulates the value of human rights, dignity and life, and we also stipulate them — with every "
     "Ukrainian city freed from Russian occupation.", "UKR"),
])
def test_in_a_speech_the_speakers_country_is_never_taken_out(engine: Engine, text: str, speaker: str) -> None:
    assert speaker in {str(r["actor"]) for r in engine.document(Document(id="s", text=text, speaker_country=speaker))}


def test_in_a_speech_the_speaker_says_what_the_law_says(engine: Engine) -> None:
    text = ("Our Constitution stipulates that Iraq will not be a launching pad for any aggression against other "
            "countries, and we call upon everyone to respect Iraq's sovereignty.")
    rows = engine.document(Document(id="s", text=text, speaker_country="IRQ"))
    assert {str(r["actor"]) for r in rows} == {"IRQ"}


@pytest.mark.parametrize("text", [
    "Former FBI agent John Smith told reporters the attack had been planned for months.",
    "Retired Pakistani army officer Ahmed Khan criticised the talks with India on television.",
    "Regarding Kenyatta's phone call, former federal prosecutor Jane Doe said via Twitter: \"If I got a transcript "
    "like this, I'd think it was bribery.\"",
    "“The Kenyan government wants him to resign,” tweeted former bank executive John Smith.",
])
def test_a_former_non_political_official_speaks_for_himself(engine: Engine, text: str) -> None:
    assert not actors_of(engine, text) & {"USA", "PAK", "KEN"}


@pytest.mark.parametrize(("text", "holder"), [
    ("Former Australian prime minister Kevin Rudd criticised the government's new policy.", "AUS"),
    ("Former security officials in the White House are about to restore full diplomatic ties.", "USA"),
])
def test_a_former_politician_or_an_unnamed_official_still_holds(engine: Engine, text: str, holder: str) -> None:
    assert holder in actors_of(engine, text)


@pytest.mark.parametrize("text", [
    "A hotel in the Indian capital, New Delhi, was closed on Monday after the fire.",
    "Listed US states as having members from the site were: Alabama, Arkansas and Ohio.",
    "Marine Corps and United States flags were also left at the scene of the crash.",
    "That means they may freely move to and live in any other U.S. territory or state, but may not vote in federal "
    "elections.",
])
def test_a_country_word_qualifying_a_place_holds_nothing(engine: Engine, text: str) -> None:
    assert not actors_of(engine, text) & {"IND", "USA"}


@pytest.mark.parametrize(("text", "holders"), [
    # a country word that begins the name of a journal or learned society: scholars speaking for themselves
    ("On Tuesday, the Royal Swedish Academy of Sciences announced the winners of the Nobel Prize in Physics.", set()),
    ("A study published in the American Journal of Preventive Medicine declared that gun ownership matters.", set()),
    ("The American Civil Liberties Union condemned the ruling.", {"USA"}),            # a union of citizens acts
    ("The Swedish government announced new sanctions on Iran.", {"SWE"}),
    # a city name that begins another name: a thing, not the city's officials
    ("He was convicted for his part in a London Stock Exchange bomb plot.", set()),
    ("Xiaogang Wei of the Beijing Gender Health Education Institute commented on the decision.", set()),
    ('"I am in awe of the people," tweeted Mayor of London Sadiq Khan.', {"GBR"}),   # a name after the city
    ("The London Police said they had arrested a man.", {"GBR"}),                    # the city's officials
    ("Moscow Mayor Sergei Sobyanin announced new restrictions.", {"RUS"}),
])
def test_a_country_or_city_word_beginning_another_name_is_no_actor(
        engine: Engine, text: str, holders: set[str]) -> None:
    assert actors_of(engine, text) == holders


def test_the_possessor_of_allies_or_neighbours_is_not_their_actor(engine: Engine) -> None:
    text = "Tunisia's neighbouring Muslim-majority countries have cited security concerns to impose bans on niqabs."
    assert "TUN" not in actors_of(engine, text)
    assert "TUN" in actors_of(engine, "Tunisia's government has cited security concerns to impose bans on niqabs.")


@pytest.mark.parametrize(("text", "holder"), [
    ("Police in the Kenyan capital, Nairobi, arrested twelve protesters.", "KEN"),   # an actor placed there
    ("Residents of the Indian capital, New Delhi, protested against the new law.", "IND"),
    ("The United States Coast Guard called off its search on Tuesday.", "USA"),     # an actor, not a coast
    ("As for the occupied Palestinian territories, Malaysia is disappointed by the occupation.", "MYS"),
])
def test_an_actor_in_a_place_still_holds(engine: Engine, text: str, holder: str) -> None:
    assert holder in actors_of(engine, text)


@pytest.mark.parametrize("text", [
    "Mugabe was considered the founding father of Zimbabwe.",
    "Prime Minister Johnson was questioned about the case while visiting a hospital.",
    "Pohiva, who had been Tonga's prime minister, was evacuated to a hospital in Auckland.",
    "President Trump is to face trial in the Senate.",
])
def test_someone_acted_upon_holds_nothing(engine: Engine, text: str) -> None:
    assert not actors_of(engine, text) & {"ZWE", "GBR", "TON", "USA"}


@pytest.mark.parametrize(("text", "holder"), [
    ("President Vladimir Putin was briefed, and flew to Magnitogorsk on Monday.", "RUS"),  # he also acts
    ("Former president Lula was arrested in Brazil on Monday.", "BRA"),                # a state's own act
    ("Prime Minister Johnson was criticised by France over the deal.", "FRA"),          # the agent holds
])
def test_a_passive_with_an_actor_keeps_one(engine: Engine, text: str, holder: str) -> None:
    assert holder in actors_of(engine, text)


@pytest.mark.parametrize("text", [
    "Two-thirds of Kenyan senators must vote to convict in the impeachment trial.",     # how an institution works
    "Under the new rules, Kenyan candidates must declare their assets to the electoral board.",
])
def test_what_a_generic_group_must_do_is_no_act(engine: Engine, text: str) -> None:
    assert actors_of(engine, text) == set()


@pytest.mark.parametrize(("text", "holders"), [
    ("Kenya must continue military aid to Somalia in order to secure the border.", {"KEN"}),  # a named country
    ("Ruto said senators must vote against the Kenyan budget.", {"KEN"}),             # someone says it
])
def test_what_a_named_country_must_do_or_a_sayer_demands_keeps_its_holder(
        engine: Engine, text: str, holders: set[str]) -> None:
    assert actors_of(engine, text) == holders


@pytest.mark.parametrize("text", [
    "No Kenyan president has ever been impeached by the senate.",
])
def test_a_name_quantified_by_no_holds_nothing(engine: Engine, text: str) -> None:
    assert actors_of(engine, text) == set()


def test_a_no_elsewhere_leaves_the_name(engine: Engine) -> None:
    assert "KEN" in actors_of(engine, "Kenya said there was no agreement with Somalia on the border.")



@pytest.mark.parametrize(("text", "holders"), [
    ("Ancient Egyptians captured wild ibises for ritual sacrifice.", set()),
    ("Ancient Greeks attacked the city of Troy.", set()),
    ("Greece protested to Egypt over the ancient Greek statues sold at auction.", {"GRC"}),
])
def test_a_people_or_place_of_long_ago_is_no_actor(engine: Engine, text: str, holders: set[str]) -> None:
    assert actors_of(engine, text) == holders
