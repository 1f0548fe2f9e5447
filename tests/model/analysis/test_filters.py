"""model.analysis.filters: each criterion keeps exactly the rows it should."""

from datetime import date

import pandas as pd
import pytest

from model.analysis.filters import (
    StatementFilter,
    apply_filter,
    cell_positions,
    describe_filter,
    document_dates,
    filter_fields,
    statement_dates,
)
from model.documents import Document
from model.statements import statements_frame


def row(**kw):
    base = {
        "document": "d1", "sentence": "Russia welcomed the talks.", "start": 0, "end": 26,
        "actor": "RUS", "actor_text": "Russia", "speaker": None, "target": None, "topic": "diplomacy",
        "stance": "welcomed the talks", "polarity": 0.6, "confidence": 0.8, "reporter": None,
        "hedged": False, "negated": False, "issue": "", "actor_kind": "country", "cue": "welcomed",
        "cue_start": 7, "actor_start": 0,
    }
    base.update(kw)
    return base


@pytest.fixture
def st():
    return statements_frame([
        row(),
        row(document="d2", actor="PAK", topic="security", confidence=0.3, hedged=True, stance="could send troops",
            sentence="Pakistan could send troops."),
        row(document="d3", actor="CHN", topic="economy", speaker="Wang Yi", stance="signed a deal"),
        row(document="d4", actor="IRN", topic="security", confidence=None),
    ])


DATES = {"d1": "2021-09-01", "d2": "2021-09-15", "d3": "2021-10-02T08:00:00Z", "d4": None}


def test_no_filter_returns_everything(st):
    assert apply_filter(st, StatementFilter()) is st
    assert describe_filter(StatementFilter()) == "none"


def test_topic_and_document(st):
    assert list(apply_filter(st, StatementFilter(topics=frozenset({"security"})))["actor"]) == ["PAK", "IRN"]
    assert list(apply_filter(st, StatementFilter(documents=frozenset({"d1", "d3"})))["actor"]) == ["RUS", "CHN"]


def test_min_confidence_treats_missing_as_zero(st):
    assert list(apply_filter(st, StatementFilter(min_confidence=0.5))["actor"]) == ["RUS", "CHN"]


def test_hedged_or_firm(st):
    assert list(apply_filter(st, StatementFilter(hedged=True))["actor"]) == ["PAK"]
    assert list(apply_filter(st, StatementFilter(hedged=False))["actor"]) == ["RUS", "CHN", "IRN"]


def test_date_range_drops_undated(st):
    flt = StatementFilter(date_from=date(2021, 9, 10), date_to=date(2021, 10, 31))
    assert list(apply_filter(st, flt, DATES)["actor"]) == ["PAK", "CHN"]
    only_from = StatementFilter(date_from=date(2021, 9, 1))
    assert list(apply_filter(st, only_from, DATES)["actor"]) == ["RUS", "PAK", "CHN"]
    assert apply_filter(st, only_from, {}).empty


def test_search_is_case_insensitive_over_sentence_stance_speaker_and_literal(st):
    assert list(apply_filter(st, StatementFilter(search="TROOPS"))["actor"]) == ["PAK"]
    assert list(apply_filter(st, StatementFilter(search="wang"))["actor"]) == ["CHN"]
    assert apply_filter(st, StatementFilter(search="(.*")).empty


def test_criteria_combine(st):
    flt = StatementFilter(topics=frozenset({"security", "diplomacy"}), min_confidence=0.5)
    assert list(apply_filter(st, flt)["actor"]) == ["RUS"]


def test_describe_lists_every_active_criterion():
    flt = StatementFilter(topics=frozenset({"security"}), date_from=date(2021, 1, 1), min_confidence=0.4,
                          hedged=False, search="nuclear", documents=frozenset({"a", "b"}))
    text = describe_filter(flt)
    for part in ("security", "2021-01-01", "0.40", "unhedged", "nuclear", "2 selected"):
        assert part in text


def test_document_dates_and_statement_dates(st):
    docs = [Document("d1", "x", date="2021-09-01"), Document("d2", "y")]
    assert document_dates(docs) == {"d1": "2021-09-01", "d2": None}
    when = statement_dates(st, DATES)
    assert when.iloc[0] == pd.Timestamp("2021-09-01")
    assert when.iloc[2] == pd.Timestamp("2021-10-02")
    assert pd.isna(when.iloc[3])


def test_empty_frame_passes_through():
    empty = statements_frame([])
    assert apply_filter(empty, StatementFilter(search="x")).empty


def test_cell_positions_index_every_statement_once(st):
    pos = cell_positions(st)
    assert sorted(pos) == [("CHN", "economy"), ("IRN", "security"), ("PAK", "security"), ("RUS", "diplomacy")]
    assert list(st.iloc[pos[("PAK", "security")]]["stance"]) == ["could send troops"]
    assert sum(len(v) for v in pos.values()) == len(st)
    assert cell_positions(st, by="issue") == {}


def test_filter_fields_name_each_active_criterion():
    assert filter_fields(StatementFilter()) == {}
    fields = filter_fields(StatementFilter(topics=frozenset({"security", "cbrn"}), date_to=date(2021, 12, 31),
                                           hedged=True, search=" taliban "))
    assert fields == {"topics": "cbrn, security", "to date": "2021-12-31", "hedged": "hedged claims only",
                      "text contains": "taliban"}
