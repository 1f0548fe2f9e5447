"""Signs of statements as news reports them, second round (issue 15: document polarity on real articles).

Made-up sentences, one group per cause found on the Wikinews errors: harm that befell others, reported by a sayer;
blame and tribute in the words news uses.
"""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine
from tests.model.engine.helpers import polarities


def _rows(engine: Engine, text: str) -> list[dict[str, object]]:
    return engine.document(Document(id="d", text=text))


@pytest.mark.parametrize("text", [
    "The French police said 12 civilians were wounded in the blast.",
    "The Kenyan interior minister said three soldiers were killed on Monday.",
    '"Our citizens and police have been injured during violent incidents," the Chilean president said.',
])
def test_harm_that_befell_others_is_reported_not_done(engine: Engine, text: str) -> None:
    assert all(-0.3 < p <= 0 for p in polarities(engine, text))


@pytest.mark.parametrize("text", [
    "Israeli troops killed three militants near the border, the army said.",
    "Lebanon said 20 people were killed by Israeli air strikes.",
])
def test_harm_done_or_with_its_agent_stays_an_attack(engine: Engine, text: str) -> None:
    assert all(p < -0.5 for p in polarities(engine, text))



@pytest.mark.parametrize("text", [
    "The Kenyan police chief said the rebel group are the likely perpetrators.",
    'The Brazilian senator said, "The whole inquiry is a hoax and a political ploy."',
    "The Mexican president called the report baseless propaganda.",
])
def test_a_saying_of_blame_in_news_words(engine: Engine, text: str) -> None:
    assert all(p < -0.3 for p in polarities(engine, text))


@pytest.mark.parametrize("text", [
    'The Indian prime minister said, "He was a leader of deep humane values."',
    "The Irish president said the late singer served the nation with compassion and devotion.",
    "\"I am so proud to have worked for him,\" the former CIA director said of the late American agent.",
])
def test_a_saying_of_tribute_in_news_words(engine: Engine, text: str) -> None:
    assert all(p > 0 for p in polarities(engine, text))


@pytest.mark.parametrize(("text", "word"), [
    ("The Kenyan president spent the day visiting wounded soldiers in the hospital.", "wounded"),
    ("The Iraqi statement spoke of Turkey guarding captured militants.", "captured"),
])
def test_a_participle_after_a_gerund_is_an_adjective(engine: Engine, text: str, word: str) -> None:
    assert all(r["cue"] != word for r in _rows(engine, text))


@pytest.mark.parametrize(("text", "word"), [
    ("A Syrian car bombing killed five and wounded dozens near Damascus.", "killed"),
    ("Syrian troops, having captured the town, advanced north.", "captured"),
])
def test_a_participle_after_an_event_noun_or_auxiliary_is_a_verb(engine: Engine, text: str, word: str) -> None:
    assert any(r["cue"] == word for r in _rows(engine, text))


def test_a_cue_qualifying_the_object_of_a_light_verb_is_not_its_act(engine: Engine) -> None:
    # "fire" qualifies "checks": an order of checks, not an order to shoot
    assert all(p > -0.8 for p in polarities(engine, "The Polish minister ordered fire safety checks on all clubs."))


@pytest.mark.parametrize("text", [
    "The French president cancelled an address and went to the scene.",
    "The Japanese government cancelled celebrations after the earthquake.",
    "The US Navy drone was able to send back the data it had collected.",
])
def test_calling_off_an_event_or_sending_data_is_no_sanction_or_aid(engine: Engine, text: str) -> None:
    assert all(-0.3 < p <= 0 for p in polarities(engine, text))


def test_a_cancelled_visit_stays_a_sanction(engine: Engine) -> None:
    assert all(p < -0.3 for p in polarities(engine, "The Canadian government cancelled the minister's visit to China."))


@pytest.mark.parametrize(("text", "sign"), [
    ("The United States withdrew from the Paris climate agreement on Monday.", -1),  # a name qualifying the object
    ("The US pulled out of the nuclear deal with Iran.", -1),
    ("Qatar will quit the oil producers' organisation in January.", -1),
    ("Russia withdrew its troops from Syria.", 1),                                     # a retreat
])
def test_leaving_a_treaty_or_an_organisation_rejects_it(engine: Engine, text: str, sign: int) -> None:
    assert all(p * sign > 0 for p in polarities(engine, text))


def test_a_name_before_a_particle_is_the_verbs_own_object(engine: Engine) -> None:
    # "engage ~ in" (talks): "in" here is where the rebels fought Filipino troops
    text = "Syrian rebels engaged Filipino peacekeepers in a firefight in the Golan Heights on Saturday."
    assert all(p <= 0 for p in polarities(engine, text))


def test_a_plural_before_a_noun_first_verb_is_its_subject(engine: Engine) -> None:
    assert any(r["cue"] == "march" for r in _rows(engine, "Kenyan protesters march through Nairobi."))



@pytest.mark.parametrize("text", [
    "The Greek foreign minister said the temple has been recognized by UNESCO as heritage.",
    "The Pakistani court said the accused can avoid the death penalty if forgiven by the victim's family.",
    "The Kenyan police said the station was attacked by gunmen on Monday.",
    "The Syrian army said eight people were killed by rebel shelling.",
])
def test_an_act_done_by_no_country_is_reported_not_done(engine: Engine, text: str) -> None:
    assert all(-0.3 < p <= 0 for p in polarities(engine, text))


@pytest.mark.parametrize(("text", "sign"), [
    ("Two journalists were detained by police in Cairo, the Egyptian ministry said.", -1),   # the state's police
    ("British MPs protested by shouting at the speaker.", -1),                               # a means, not an agent
    ("The bill was co-sponsored by US Senator Marco Rubio.", 1),                             # a country's actor
    ("The Guinean minister said the timeline was agreed by consensus.", 1),                  # the holders' own way
])
def test_an_act_by_a_states_actor_or_by_a_means_keeps_its_sign(engine: Engine, text: str, sign: int) -> None:
    assert all(p * sign > 0.3 for p in polarities(engine, text))


def test_a_feeling_in_the_passive_is_the_holders_own(engine: Engine) -> None:
    text = "The Australian prime minister said she has been encouraged by discussions with other countries."
    assert all(p > 0 for p in polarities(engine, text))


@pytest.mark.parametrize("text", [
    "The Brazilian president said his government uprooted the systemic corruption of the past.",
    "The Chinese foreign minister said the talks concerned territorial integrity.",
])
def test_words_of_both_readings_are_no_blame_or_tribute(engine: Engine, text: str) -> None:
    assert all(-0.3 < p <= 0 for p in polarities(engine, text))


@pytest.mark.parametrize("text", [
    "The Polish president said the fire, which also seriously injured a man, was a tragedy.",
    "The storm killed 12 people in Japan, Japanese officials said.",
    "The collision killed two cyclists, the Spanish police said.",
])
def test_harm_by_a_hazard_or_an_accident_is_no_ones_act(engine: Engine, text: str) -> None:
    assert all(-0.3 < p <= 0 for p in polarities(engine, text))


def test_harm_by_an_attack_stays_an_attack(engine: Engine) -> None:
    assert all(p < -0.5 for p in polarities(engine, "A Kabul car bombing killed five, Afghan officials said."))


@pytest.mark.parametrize("text", [
    "The Hong Kong government proposed an amendment to the extradition law on Monday.",
    'The Tunisian MP said, "We proposed a bill in 2016 about this subject."',
])
def test_proposing_a_law_is_an_act_of_office(engine: Engine, text: str) -> None:
    assert all(-0.3 < p <= 0 for p in polarities(engine, text))


@pytest.mark.parametrize("text", [
    "Russian rescuers recovered at least ten survivors from the debris on Monday.",
    "Indian firefighters dispatched ambulances to the scene.",
    'The Indian minister called the late leader "humble and soft-spoken".',
])
def test_rescue_work_and_tribute_are_cooperative(engine: Engine, text: str) -> None:
    assert all(p > 0 for p in polarities(engine, text))


def test_being_allied_with_is_cooperation(engine: Engine) -> None:
    assert all(p > 0.3 for p in polarities(engine, "The US had been allied with Kurdish groups in fighting ISIS."))


def test_a_demonym_in_a_patterns_object_names_another_countrys_act(engine: Engine) -> None:
    # "end ~ occupation" is the occupier's concession: not Kuwait's
    text = "Kuwait said a just solution would end the Israeli occupation."
    assert all(float(str(r["polarity"])) <= 0 for r in _rows(engine, text))
