"""Attribution phenomena on sentences written for these tests."""

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="module")
def engine():
    # the attribution rules alone (the learned holder scorer that filters them is tested in test_holders.py)
    return Engine(load_resources(), holder_model=False)


def run(engine, text, speaker=None):
    return engine.document(Document(id="t", text=text, speaker_country=speaker))


def actors(rows):
    return sorted({r["actor"] for r in rows})


def test_subject_holds_and_object_is_target(engine):
    rows = run(engine, "Norway condemned Chile over the arrests.")
    assert actors(rows) == ["NOR"]
    assert rows[0]["target"] == "CHL" and rows[0]["polarity"] < 0


def test_coordinated_subjects_give_one_statement_each(engine):
    rows = run(engine, "Kenya, Uganda and Tanzania signed a trade agreement on Monday.")
    assert actors(rows) == ["KEN", "TZA", "UGA"]
    assert all(r["polarity"] > 0 for r in rows)


def test_trailing_reporter_is_not_a_holder(engine):
    rows = run(engine, "Peru rejected the proposal, Reuters reported on Friday.")
    assert actors(rows) == ["PER"]
    assert rows[0]["reporter"] and "Reuters" in rows[0]["reporter"]


def test_sayer_holds_and_embedded_subject_is_target(engine):
    rows = run(engine, "The Mexican foreign minister said on Tuesday that Canada must lift the tariffs.")
    assert actors(rows) == ["MEX"]
    assert rows[0]["target"] == "CAN" and rows[0]["polarity"] < 0


def test_passive_agent_holds(engine):
    rows = run(engine, "The summit was hosted by Indonesia.")
    assert actors(rows) == ["IDN"]


def test_negation_flips_a_cooperative_cue(engine):
    rows = run(engine, "Brazil will not attend the summit in Lisbon.")
    assert actors(rows) == ["BRA"] and rows[0]["negated"] and rows[0]["polarity"] < 0


def test_hedged_report_lowers_confidence(engine):
    plain = run(engine, "Egypt rejected the plan.")[0]
    hedged = run(engine, "Recent reports have suggested that Egypt could reject the plan.")[0]
    assert hedged["hedged"] and hedged["confidence"] < plain["confidence"]


def test_international_organisation_is_not_a_country(engine):
    assert run(engine, "The United Nations condemned the attack on Mali.") == []


def test_first_person_is_the_speaker_country(engine):
    rows = run(engine, "We strongly condemn the occupation of our territory.", speaker="UKR")
    assert actors(rows) == ["UKR"]
    assert rows[0]["actor_text"].lower() == "we" and rows[0]["polarity"] < 0


def test_pronoun_takes_the_previous_holder(engine):
    rows = run(engine, "Japan hosted the talks in Tokyo. It also pledged new aid to the region.")
    assert [r["actor"] for r in rows] == ["JPN", "JPN"]


def test_group_noun_resolves_to_named_participants(engine):
    text = ("The defence ministers of Chile, Peru and Ecuador met in Quito. "
            "The ministers agreed to share intelligence on smuggling.")
    rows = run(engine, text)
    second = [r for r in rows if r["start"] > 40]
    assert actors(second) == ["CHL", "ECU", "PER"]


def test_classic_traps(engine):
    assert run(engine, "They served turkey on china plates and agreed to meet.") == []
    assert actors(run(engine, "New Mexico officials agreed to expand the program.")) == []
    assert actors(run(engine, "South Sudan accused Sudan of bombing the border.")) == ["SSD"]


def test_absence_is_conflictual(engine):
    rows = run(engine, "Germany was conspicuously absent at the meeting.")
    assert actors(rows) == ["DEU"] and rows[0]["polarity"] < 0


def test_possessive_official(engine):
    rows = run(engine, "Ghana's foreign minister welcomed the decision.")
    assert actors(rows) == ["GHA"] and rows[0]["polarity"] > 0


def test_speech_demand_on_another_country_is_the_speakers(engine):
    rows = run(engine, "Our government welcomes the talks. Norway must lift its restrictions.", speaker="SWE")
    demand = [r for r in rows if "lift" in r["stance"]]
    assert len(demand) == 1
    assert demand[0]["actor"] == "SWE" and demand[0]["target"] == "NOR" and demand[0]["polarity"] < 0


def test_engaging_with_is_consultation_not_fighting(engine):
    rows = run(engine, "Qatar engaged with the authorities in Kabul.")
    assert actors(rows) == ["QAT"] and rows[0]["polarity"] > 0


def test_a_quote_is_spoken_by_the_sayer_named_when_it_closes(engine):
    text = ("“We will not recognise the new cabinet. The elections were rigged,” "
            "Kenya’s foreign minister said on Monday.")
    rows = run(engine, text)
    first = [r for r in rows if r["sentence"].startswith("“We will not")]
    assert [r["actor"] for r in first] == ["KEN"] and first[0]["polarity"] < 0


def test_coordinated_holders_share_the_target_but_never_take_themselves(engine):
    rows = run(engine, "Kenya, Uganda and Tanzania condemned Sudan over the attacks.")
    assert {r["actor"]: r["target"] for r in rows} == {"KEN": "SDN", "UGA": "SDN", "TZA": "SDN"}
    # a holder named again after the cue is skipped as its own target; the next holder gets it back
    rows = run(engine, "Kenya and Uganda condemned Uganda and Sudan over the attacks.")
    assert {r["actor"]: r["target"] for r in rows} == {"KEN": "UGA", "UGA": "SDN"}
