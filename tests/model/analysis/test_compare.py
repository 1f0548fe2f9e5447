"""model.analysis.compare: countries aligned by topic, with agreement flags; country profiles."""

import math

import pytest

from model.analysis.compare import AGREE, DISAGREE, MIXED, SINGLE, column_breakdown, compare_countries, country_profile
from model.analysis.matrix import build_matrix
from model.statements import statements_frame
from tests.model.analysis.test_filters import row


@pytest.fixture
def st():
    return statements_frame([
        row(actor="RUS", topic="diplomacy", polarity=-0.8, stance="skipped the ceremony", confidence=0.9),
        row(actor="RUS", topic="diplomacy", polarity=-0.5, stance="declined the invitation", confidence=0.4),
        row(actor="PAK", topic="diplomacy", polarity=0.7, stance="hosted the meeting"),
        row(actor="RUS", topic="security", polarity=0.5, stance="backs joint steps"),
        row(actor="PAK", topic="security", polarity=0.6, stance="agreed intelligence sharing"),
        row(actor="CHN", topic="security", polarity=0.0, stance="discussed"),
        row(actor="PAK", topic="economy", polarity=0.4, stance="trade ties"),
        row(actor="IRN", topic="migration", polarity=-0.9, stance="closed the border"),
    ])


def test_aligned_by_topic_in_column_order(st):
    c = compare_countries(st, ["RUS", "PAK"], columns=["security", "diplomacy", "economy", "migration"])
    assert c.topics == ["security", "diplomacy", "economy"]  # migration: neither speaks to it
    t = c.table
    assert t.at["diplomacy", "RUS_count"] == 2
    assert t.at["diplomacy", "RUS_stances"] == ("skipped the ceremony", "declined the invitation")
    assert t.at["diplomacy", "PAK_class"] == "cooperative"
    assert t.at["economy", "RUS_count"] == 0 and math.isnan(t.at["economy", "RUS_net"])
    assert t.at["economy", "RUS_class"] == ""


def test_agreement_and_disagreement(st):
    c = compare_countries(st, ["RUS", "PAK"])
    rel = c.table["relation"].to_dict()
    assert rel == {"diplomacy": DISAGREE, "economy": SINGLE, "security": AGREE}
    assert bool(c.table.at["diplomacy", "disagree"]) and not c.table.at["diplomacy", "agree"]
    assert c.table.at["diplomacy", "spread"] > 1.0


def test_neutral_against_cooperative_is_mixed(st):
    c = compare_countries(st, ["PAK", "CHN", "RUS"])
    assert c.table.at["security", "relation"] == MIXED


def test_net_grid_has_one_column_per_country(st):
    grid = compare_countries(st, ["PAK", "RUS"]).net_grid()
    assert list(grid.columns) == ["PAK", "RUS"]
    assert grid.at["security", "PAK"] == pytest.approx(0.6)


@pytest.mark.parametrize("actors", [["RUS"], ["RUS", "RUS"], ["RUS", "PAK", "CHN", "IRN", "USA"]])
def test_two_to_four_distinct_countries(st, actors):
    with pytest.raises(ValueError, match="2 to 4"):
        compare_countries(st, actors)


def test_country_without_statements_is_all_silent(st):
    c = compare_countries(st, ["USA", "PAK"])
    assert (c.table["USA_count"] == 0).all()
    assert set(c.table["relation"]) == {SINGLE}


def test_country_profile_in_column_order(st):
    m = build_matrix(st, columns=["security", "diplomacy", "economy"])
    prof = country_profile(m, "PAK")
    assert list(prof["column"]) == ["security", "diplomacy", "economy"]
    assert list(prof["count"]) == [1, 1, 1]
    assert prof.iloc[1]["label"] == "hosted the meeting"
    assert country_profile(m, "XXX").empty


def test_column_breakdown_counts_classes_per_country(st):
    m = build_matrix(st)
    b = column_breakdown(m, "diplomacy", actors=["PAK", "RUS", "CHN"])
    assert list(b.index) == ["PAK", "RUS"]  # China is silent on diplomacy
    assert b.loc["RUS"].tolist() == [0, 0, 2]
    assert b.loc["PAK"].tolist() == [1, 0, 0]
    assert column_breakdown(m, "nothing").empty
