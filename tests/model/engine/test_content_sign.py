"""A statement's sign from what its act asks for, vows or says (issue 15: polarity of the top evidence cards).

Made-up sentences, one group per category the readers of the top cards found: punitive or defiant appeals and
pledges, legal challenges, refusals, conditions and contradictions in sayings, protests, mourning ordered, formal
acts of office, a court declining a matter.
"""

from __future__ import annotations

import pytest

from model.engine.extract import Engine
from tests.model.engine.helpers import polarities


@pytest.mark.parametrize("text", [
    "We should not stay silent about the officials who justify this war, but apply personal sanctions against them.",
    "We will never let the invaders prevail over our people.",
    "We will liberate our occupied territories, every village of them.",
])
def test_a_punitive_or_defiant_appeal_or_pledge_is_conflictual(engine: Engine, text: str) -> None:
    assert all(p < -0.3 for p in polarities(engine, text, "POL", "POL"))


@pytest.mark.parametrize("text", [
    "We call for the immediate lifting of the unilateral sanctions imposed on our neighbours.",
    "We call on all Member States to work together for a peaceful settlement.",
])
def test_an_appeal_against_sanctions_or_for_cooperation_stays_cooperative(engine: Engine, text: str) -> None:
    assert all(p > 0 for p in polarities(engine, text, "POL", "POL"))


def test_asking_a_court_to_intervene_is_a_legal_challenge(engine: Engine) -> None:
    text = "The Canadian government asked the federal court to intervene in the provincial referendum."
    assert all(p < -0.3 for p in polarities(engine, text, actor="CAN"))


@pytest.mark.parametrize("text", [
    "The French president has said he would not sign a treaty that ignores the farmers.",
    "The Indian foreign minister said the loan was contingent on reforms by the borrower.",
    "The Brazilian minister gave a different account of the meeting on Tuesday.",
])
def test_a_saying_that_refuses_sets_conditions_or_contradicts_is_conflictual(engine: Engine, text: str) -> None:
    assert all(p < -0.3 for p in polarities(engine, text))


def test_a_plain_saying_stays_neutral(engine: Engine) -> None:
    text = "The French president said he will approve the deal next week."
    assert all(p > -0.3 for p in polarities(engine, text))


def test_asking_why_a_grievance_is_a_protest(engine: Engine) -> None:
    assert all(p < -0.3 for p in polarities(engine, "We ask why unfair rules are imposed on small nations.", "FJI", "FJI"))


def test_ordering_flags_to_half_staff_is_mourning(engine: Engine) -> None:
    text = "After the senator's death, the Canadian prime minister ordered flags on federal buildings lowered to half-mast."
    assert all(p > 0.3 for p in polarities(engine, text, actor="CAN"))


def test_suspending_parliament_on_advice_is_an_act_of_office(engine: Engine) -> None:
    text = "The Governor-General of Canada suspended Parliament at the request of the prime minister on Monday."
    assert all(-0.2 < p <= 0 for p in polarities(engine, text, actor="CAN"))


def test_a_court_declining_a_matter_supports_no_one(engine: Engine) -> None:
    text = ("The Federal Court of Canada found the cabinet's decision to advise the Crown to recall the envoy was "
            "not a matter for the courts.")
    assert all(-0.2 < p <= 0 for p in polarities(engine, text, actor="CAN"))


def test_remembering_why_is_no_protest(engine: Engine) -> None:
    assert all(p > 0 for p in polarities(engine, "We must remember why unfair rules were imposed on us.", "FJI", "FJI"))


def test_rules_that_contradict_a_treaty_are_no_dispute(engine: Engine) -> None:
    assert all(p > -0.3 for p in polarities(engine, "The French minister said the new plan removes rules that contradict the treaty."))


def test_contradicting_an_account_is_a_dispute(engine: Engine) -> None:
    assert all(p < -0.3 for p in polarities(engine, "The French minister contradicted the president's account of the meeting."))


def test_blaming_another_country_for_a_loss_is_conflictual(engine: Engine) -> None:
    text = "I must tell the Assembly that our hopes for a fair settlement are fading because of Indonesia's blockade of the islands."
    assert all(p < -0.3 for p in polarities(engine, text, "FJI", "FJI"))
