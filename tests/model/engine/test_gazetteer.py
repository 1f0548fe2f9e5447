"""The actor gazetteer: default lists, matching rules, traps, user overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from model.engine.gazetteer import COUNTRY_KINDS, Entry, Gazetteer, GazetteerError, read_tsv

SEED = Path(__file__).resolve().parents[3] / "seeds" / "pakistan-hosts-intelligence-chiefs-russia-skips-taliban-ceremony.txt"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_folder()


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.code, m.kind) for m in gaz.find(text)]


def codes(gaz: Gazetteer, text: str) -> list[str]:
    return [m.code for m in gaz.find(text) if m.entry.is_country]


# --- the default lists -------------------------------------------------------------------------

def test_every_kind_is_populated(gaz: Gazetteer) -> None:
    counts = gaz.counts()
    for kind in ("country", "demonym", "capital", "city", "body", "person", "nonstate", "igo", "reporter",
                 "group", "region", "other"):
        assert counts.get(kind, 0) > 20, kind
    assert counts["country"] >= 249 and counts["person"] > 1000


@pytest.mark.parametrize(("name", "code"), [
    ("Russian Federation", "RUS"), ("Türkiye", "TUR"), ("Great Britain", "GBR"), ("U.S.A.", "USA"),
    ("Côte d'Ivoire", "CIV"), ("Burma", "MMR"), ("DR Congo", "COD"), ("Eswatini", "SWZ"), ("Kosovo", "XKX"),
])
def test_common_and_formal_country_names(gaz: Gazetteer, name: str, code: str) -> None:
    assert codes(gaz, f"Officials from {name} arrived.") == [code]


@pytest.mark.parametrize(("text", "code", "kind"), [
    ("the Kremlin said", "RUS", "capital"), ("Downing Street said", "GBR", "capital"),
    ("the Élysée said", "FRA", "capital"), ("Zhongnanhai said", "CHN", "capital"),
    ("the ISI chief", "PAK", "body"), ("the FSB said", "RUS", "body"), ("the IRGC said", "IRN", "body"),
    ("Sergey Lavrov said", "RUS", "person"), ("Lavrov said", "RUS", "person"), ("Shehbaz Sharif said", "PAK", "person"),
    ("Taliban officials", "AFG", "nonstate"), ("Hezbollah fired", "LBN", "nonstate"), ("the Houthis said", "YEM", "nonstate"),
    ("Emirati officials", "ARE", "demonym"), ("Filipino troops", "PHL", "demonym"),
])
def test_actor_kinds(gaz: Gazetteer, text: str, code: str, kind: str) -> None:
    hits = gaz.find(text)
    assert [(m.code, m.kind) for m in hits] == [(code, kind)]
    assert hits[0].entry.is_country and kind in COUNTRY_KINDS


@pytest.mark.parametrize(("text", "kind"), [
    ("the UN said", "igo"), ("NATO allies", "group"), ("SCO summit", "igo"), ("Reuters reported", "reporter"),
    ("TASS news agency", "reporter"), ("Pakistan Today", "reporter"), ("the West", "group"),
    ("central Asian countries", "group"), ("in Central Asia", "region"),
])
def test_non_country_actors_are_never_countries(gaz: Gazetteer, text: str, kind: str) -> None:
    hits = gaz.find(text)
    assert [m.kind for m in hits] == [kind]
    assert not hits[0].entry.is_country


def test_igo_officials_are_not_countries(gaz: Gazetteer) -> None:
    (m,) = gaz.find("Antonio Guterres said")
    assert m.kind == "person" and m.code == "UN" and not m.entry.is_country


def test_people_carry_office_dates(gaz: Gazetteer) -> None:
    imran = gaz.lookup("Imran Khan")
    assert imran is not None and imran.since == date(2018, 8, 18) and imran.until == date(2022, 4, 10)
    medvedev = gaz.lookup("Dmitry Medvedev")
    assert medvedev is not None and medvedev.code == "RUS"  # "former Russian prime minister": still Russian


# --- matching rules and traps ------------------------------------------------------------------

def test_longest_match_hides_shorter_names(gaz: Gazetteer) -> None:
    assert codes(gaz, "New Mexico and New South Wales") == []
    assert codes(gaz, "South Sudan") == ["SSD"]
    assert codes(gaz, "Papua New Guinea and Guinea-Bissau") == ["PNG", "GNB"]
    assert codes(gaz, "the Dominican Republic and Dominica") == ["DOM", "DMA"]
    assert codes(gaz, "Niger and Nigeria") == ["NER", "NGA"]
    assert found(gaz, "the Gulf of Mexico")[0][2] == "other"


def test_lower_case_common_words_do_not_match(gaz: Gazetteer) -> None:
    assert codes(gaz, "roast turkey on fine china") == []
    assert codes(gaz, "Turkey and China") == ["TUR", "CHN"]


def test_us_the_pronoun_is_not_the_country(gaz: Gazetteer) -> None:
    assert codes(gaz, "He told us about the US and the U.S. and the USA.") == ["USA", "USA", "USA"]
    assert [m.text for m in gaz.find("the U.S.-led coalition")] == ["U.S."]
    assert codes(gaz, "Us and them") == []


def test_whole_words_only(gaz: Gazetteer) -> None:
    assert codes(gaz, "focus on business in Omaha") == []
    assert codes(gaz, "Russia-Ukraine talks") == ["RUS", "UKR"]


def test_possessives_with_straight_and_curly_apostrophes(gaz: Gazetteer) -> None:
    assert [m.text for m in gaz.find("Pakistan's and Pakistan’s envoys")] == ["Pakistan", "Pakistan"]
    assert codes(gaz, "Côte d’Ivoire") == ["CIV"]


def test_plural_demonyms(gaz: Gazetteer) -> None:
    assert found(gaz, "Afghans, Israelis and Pakistanis") == [
        ("Afghans", "AFG", "demonym"), ("Israelis", "ISR", "demonym"), ("Pakistanis", "PAK", "demonym")]
    assert codes(gaz, "the Swiss and the British") == ["CHE", "GBR"]


def test_all_caps_datelines(gaz: Gazetteer) -> None:
    assert found(gaz, "ISLAMABAD: The meeting")[0] == ("ISLAMABAD", "PAK", "capital")
    assert codes(gaz, "KABUL, Sept 9 (Reuters) - Taliban leaders") == ["AFG", "AFG"]
    assert codes(gaz, "XI MEETS BIDEN") == ["CHN", "USA"]


@pytest.mark.parametrize("text", [
    "Michael Jordan scored 40 points.", "Chad Ochocinco caught the ball.", "Jordan Smith said on Monday.",
    "The actor Denzel Washington spoke.", "Israel Adesanya won the fight.",
])
def test_country_names_as_personal_names(gaz: Gazetteer, text: str) -> None:
    assert codes(gaz, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Jordan's King Abdullah met Chad's president.", ["JOR", "JOR", "TCD"]),
    ("In Jordan, officials met.", ["JOR"]),
    ("Troops from Sudan and Chad met.", ["SDN", "TCD"]),
    ("Russia Warns Washington Over Sanctions", ["RUS", "USA"]),
    ("Israel said on Monday", ["ISR"]),
    ("Netanyahu's Israel and Pakistan and Chad Foreign Ministers", ["ISR", "ISR", "PAK", "TCD"]),
])
def test_country_names_kept_next_to_capitalised_words(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert codes(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "Voters in Atlanta, Georgia, went to the polls.",
    "Georgia Gov. Brian Kemp signed the bill.",
    "the U.S. state of Georgia",
    "students at Georgia Tech",
    "Georgia's governor signed the law in the state capitol.",
])
def test_georgia_the_us_state(gaz: Gazetteer, text: str) -> None:
    assert "GEO" not in codes(gaz, text)


def test_georgia_the_country(gaz: Gazetteer) -> None:
    assert codes(gaz, "Georgia's prime minister said in Tbilisi that Russia") == ["GEO", "GEO", "RUS"]


def test_seed_document(gaz: Gazetteer) -> None:
    hits = gaz.find(SEED.read_text(encoding="utf-8"))
    by_text = {m.text: (m.code, m.kind) for m in hits}
    assert by_text["Kremlin"] == ("RUS", "capital")
    assert by_text["Inter-Services Intelligence"] == ("PAK", "body")
    assert by_text["Faiz Hameed"] == ("PAK", "person")
    assert by_text["Dmitry Medvedev"] == ("RUS", "person")
    assert by_text["Russia’s upper house"] == ("RUS", "body")
    assert by_text["Mohammad Hasan Akhund"] == ("AFG", "person")
    for reporter in ("Pakistan Today", "TASS news agency", "RIA news agency"):
        assert by_text[reporter][1] == "reporter"
    assert by_text["central Asian countries"][1] == "group"
    assert {m.code for m in hits if m.entry.is_country} == {"PAK", "CHN", "IRN", "RUS", "TJK", "KAZ", "TKM", "UZB",
                                                           "AFG", "QAT", "TUR"}


def test_offsets_point_into_the_original_text(gaz: Gazetteer) -> None:
    text = "İstanbul talks: Türkiye’s envoy met Russian officials."
    for m in gaz.find(text):
        assert text[m.start:m.end] == m.text
    assert codes(gaz, text) == ["TUR", "RUS"]


# --- files, overrides and errors ---------------------------------------------------------------

def write(path: Path, rows: list[str], header: str = "name\tcode\tkind\tnote\tsince\tuntil\tflags") -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_user_folder_extends_and_overrides(tmp_path: Path) -> None:
    base = tmp_path / "base" / "actors"
    base.mkdir(parents=True)
    write(base / "a.tsv", ["Freedonia\tFRD\tcountry\t", "Sylvania\tSYL\tcountry\t", "Ruritania\tRUR\tcountry\t"])
    user = tmp_path / "user" / "actors"
    user.mkdir(parents=True)
    write(user / "mine.tsv", ["Sylvania\t\tother\tfictional", "Ruritania\t\tnone\t", "Grand Fenwick\tGFK\tcountry\t"])
    g = Gazetteer.from_folder(base, user_folder=user)
    assert [(m.text, m.kind) for m in g.find("Freedonia, Sylvania, Ruritania, Grand Fenwick")] == [
        ("Freedonia", "country"), ("Sylvania", "other"), ("Grand Fenwick", "country")]


def test_agents_load_beside_the_actor_folder(tmp_path: Path) -> None:
    actors = tmp_path / "actors"
    actors.mkdir()
    write(actors / "a.tsv", ["Freedonia\tFRD\tcountry\t"])
    write(tmp_path / "agents.tsv", ["foreign minister\tGOV\t", "troops\tMIL\t"], header="name\trole\tnote")
    g = Gazetteer.from_folder(actors)
    assert [(a.text, a.role) for a in g.find_agents("Freedonia's Foreign Minister sent troops")] == [
        ("Foreign Minister", "GOV"), ("troops", "MIL")]


def test_bad_rows_name_the_file_and_line(tmp_path: Path) -> None:
    bad_kind = write(tmp_path / "k.tsv", ["Freedonia\tFRD\tcountree\t"])
    with pytest.raises(GazetteerError, match=r"k\.tsv:2: unknown kind 'countree'"):
        read_tsv(bad_kind)
    bad_date = write(tmp_path / "d.tsv", ["Rufus\tFRD\tperson\t\t1933-13-01\t"])
    with pytest.raises(GazetteerError, match=r"d\.tsv:2: bad date '1933-13-01'"):
        read_tsv(bad_date)
    no_header = tmp_path / "h.tsv"
    no_header.write_text("Freedonia\tFRD\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="h.tsv: header"):
        read_tsv(no_header)


def test_entry_is_country_needs_a_country_code() -> None:
    assert Entry("Kremlin", "RUS", "capital").is_country
    assert not Entry("SCO", "SCO", "igo").is_country
    assert not Entry("Someone", "SCO", "person").is_country
    assert not Entry("Atlanta", "USA", "city").is_country


def test_cities_are_located_but_not_actors(gaz: Gazetteer) -> None:
    (m,) = gaz.find("Atlanta police said")
    assert m.kind == "city" and m.code == "USA" and not m.entry.is_country
    (ny,) = gaz.find("New York")
    assert ny.kind == "city" and ny.code == "USA"


def test_lookup_ignores_case_and_punctuation(gaz: Gazetteer) -> None:
    entry = gaz.lookup("côte d’ivoire")
    assert entry is not None and entry.code == "CIV"
    assert gaz.lookup("Freedonia") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("The Australian government criticised China.", [("Australian", "AUS", "demonym"), ("China", "CHN", "country")]),
    ("The Australian reported the talks had failed.", [("The Australian", "", "reporter")]),
    ("Kubiak told Agence France-Presse the victim is in intensive care.",
     [("Agence France-Presse", "", "reporter")]),
])
def test_an_outlet_named_after_an_adjective(gaz: Gazetteer, text: str, expected: list[tuple[str, str, str]]) -> None:
    """"The Australian" is the newspaper, "The Australian government" Australia's: a role word after the outlet's
    name makes it the adjective it is made of."""
    assert found(gaz, text) == expected
