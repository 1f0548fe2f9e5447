"""Bulk decisions, restore, the decision log, actor_text after an actor edit, country names, own-speech filter."""

from __future__ import annotations

import pytest

from model.analysis.filters import StatementFilter, apply_filter, describe_filter, speeches
from model.countries import resolve_country
from model.documents import Document
from model.review import commands as cmd
from model.review.decisions import ReviewError
from model.review.log import decision_log, rejected_now
from model.review.workspace import fingerprint
from tests.model.review_helpers import T, clock, machine, reviewed, row, workspace


def test_reject_all_of_a_document_is_one_undo_step():
    ws = workspace()
    before = fingerprint(ws)
    doc_a = reviewed(ws)
    doc_a = doc_a[doc_a["document"] == "a"].to_dict(orient="records")
    command = cmd.decide_all("reject", doc_a, "document a", now=clock)
    command.do(ws)
    assert command.text == "Reject 3 statements of document a"
    assert set(reviewed(ws)["document"]) == {"b"}
    command.undo(ws)
    assert fingerprint(ws) == before


def test_bulk_refuses_nothing_and_other_kinds():
    with pytest.raises(ReviewError, match="no statements"):
        cmd.decide_all("reject", [], "cell RUS × security")
    with pytest.raises(ReviewError, match="only accept or reject"):
        cmd.decide_all("edit", [], "x")


def test_restore_brings_a_rejected_statement_back_and_the_log_keeps_both():
    ws = workspace()
    r = row(ws, "RUS")
    cmd.reject_statement(r, now=clock).do(ws)
    log = decision_log(ws.decisions, ws.notes, ws.statements)
    [gone] = rejected_now(log)
    assert (gone.actor, gone.topic, gone.document, gone.rejected) == ("RUS", "diplomacy", "a", True)
    restore = cmd.restore_statement(gone.ref, gone.topic, now=clock)
    assert restore.text == "Restore RUS × diplomacy statement"
    restore.do(ws)
    assert row(ws, "RUS")["review"] == "accepted"
    log = decision_log(ws.decisions, ws.notes, ws.statements)
    assert [e.kind for e in log] == ["reject", "restore"] and not any(e.rejected for e in log)
    assert rejected_now(log) == []
    restore.undo(ws)
    assert [e.rejected for e in decision_log(ws.decisions, ws.notes, ws.statements)] == [True]


def test_log_shows_edits_before_and_after_in_order_and_notes():
    ws = workspace()
    r = row(ws, "PAK")
    cmd.edit_statement(r, {"polarity": 0.2}, now=clock).do(ws)
    cmd.edit_statement(row(ws, "PAK"), {"polarity": 0.4, "topic": "trade"}, now=clock).do(ws)
    cmd.note_statement(row(ws, "PAK"), "checked against the ministry's site", now=lambda: T.replace("12:00", "12:05")).do(ws)
    cmd.note_cell("CHN", "diplomacy", "only one source", now=clock).do(ws)
    log = decision_log(ws.decisions, ws.notes, ws.statements)
    edits = [e for e in log if e.kind == "edit"]
    assert [e.change for e in edits] == ["polarity -0.70 → +0.20", "polarity +0.20 → +0.40; topic security → trade"]
    assert [e.topic for e in edits] == ["security", "security"]
    notes = [e for e in log if e.kind == "note"]
    assert {(e.actor, e.topic, e.change) for e in notes} == {("PAK", "security", "checked against the ministry's site"),
                                                          ("CHN", "diplomacy", "only one source")}
    assert log[-1].change == "checked against the ministry's site"   # oldest first
    assert [e.kind for e in log if e.matches("MINISTRY")] == ["note"]


def test_changing_the_actor_moves_actor_text_to_the_new_country_or_clears_it():
    ws = workspace()
    cmd.edit_statement(row(ws, "RUS"), {"actor": "CHN"}, now=clock).do(ws)
    r = row(ws, "RUS")  # key actor stays RUS
    assert (r["actor"], r["actor_text"], r["actor_start"]) == ("CHN", "", -1)
    cmd.edit_statement(row(ws, "PAK"), {"actor": "RUS"}, now=clock).do(ws)   # "Pakistan condemned …": no Russia
    assert row(ws, "PAK")["actor_text"] == ""
    doc = ws.documents[0]
    chn = row(ws, "CHN")
    cmd.edit_statement(chn, {"actor": "PAK", "polarity": 0.1}, now=clock).do(ws)
    assert row(ws, "CHN")["actor_text"] == ""
    cmd.edit_statement(row(ws, "CHN"), {"actor": "CHN"}, now=clock).do(ws)
    back = row(ws, "CHN")
    assert back["actor_text"] == "China" and doc.text[back["actor_start"]:back["actor_start"] + 5] == "China"


@pytest.mark.parametrize("typed", ["Russia", "RUSSIA", "rus", "RUS", "RUS — Russia", "Russian Federation", " russia "])
def test_country_names_and_codes_resolve(typed):
    assert resolve_country(typed) == "RUS"


@pytest.mark.parametrize("typed", ["", "Narnia", "RU SS", "RUS — RussiaUKR", "RUS — Ukraine"])
def test_unknown_countries_do_not_resolve(typed):
    assert resolve_country(typed) is None


def test_own_speech_keeps_only_the_speaking_countrys_statements():
    docs = [Document("speech", "Pakistan welcomed the talks. Russia condemned the attack.", speaker_country="PAK"),
            Document("wire", "Pakistan welcomed the talks again.")]
    st = machine(docs)
    assert len(st) == 3
    flt = StatementFilter(own_speech=True, speeches=speeches(docs))
    kept = apply_filter(st, flt)
    assert list(zip(kept["document"], kept["actor"], strict=True)) == [("speech", "PAK")]
    assert "own speech" in describe_filter(flt)
    assert apply_filter(st, StatementFilter(own_speech=True)).empty
