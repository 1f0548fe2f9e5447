"""Analyst review commands: every do/undo, and decisions surviving re-extraction."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.gazetteer import Entry, Gazetteer
from model.resource_edits import Alias, ResourceEditError, ResourceEdits, TopicCue, merge_resources
from model.resources import Resources, Topic, load_resources
from model.review import commands as cmd
from model.review.decisions import ReviewError
from model.review.notes import notes_for_cell, notes_for_statement, unmatched_notes
from model.review.reviewed import renamed_topics
from model.review.workspace import Workspace, extract_with_edits, fingerprint
from tests.model.review_helpers import DOC_A, DOC_B, T, clock, machine, reviewed, row, unmatched, workspace


def test_reject_removes_statement_and_undo_brings_it_back():
    ws = workspace()
    before = fingerprint(ws)
    n = len(reviewed(ws))
    c = cmd.reject_statement(row(ws, "RUS"), now=clock)
    assert c.text == "Reject RUS × diplomacy statement"
    c.do(ws)
    st = reviewed(ws)
    assert len(st) == n - 1 and "RUS" not in set(st[st["document"] == "a"]["actor"])
    kept = reviewed(ws, keep_rejected=True)
    assert kept.loc[kept["actor"] == "RUS", "review"].tolist() == ["rejected"]
    c.undo(ws)
    assert len(reviewed(ws)) == n and fingerprint(ws) == before
    assert row(ws, "RUS")["review"] == "machine"


def test_accept_sets_analyst_provenance_without_editing():
    ws = workspace()
    c = cmd.accept_statement(row(ws, "CHN"), now=clock)
    c.do(ws)
    r = row(ws, "CHN")
    assert (r["review"], bool(r["edited"]), r["provenance"]) == ("accepted", False, f"analyst {T}")
    assert row(ws, "RUS")["provenance"] == "machine"
    c.undo(ws)
    assert row(ws, "CHN")["provenance"] == "machine"


@pytest.mark.parametrize(("field", "value"), [
    ("actor", "IND"), ("target", "AFG"), ("topic", "security"), ("polarity", -0.25),
    ("stance", "cautiously welcomed"), ("issue", "border attack"), ("hedged", True),
])
def test_edit_each_field_and_undo(field, value):
    ws = workspace()
    old = row(ws, "RUS")[field]
    c = cmd.edit_statement(row(ws, "RUS"), {field: value}, now=clock)
    assert c.text.startswith("Change RUS × diplomacy statement: " + field)
    c.do(ws)
    r = row(ws, "RUS")          # still found by its key actor, even when the actor changed
    assert r[field] == value and bool(r["edited"]) and r["review"] == "edited"
    assert r["provenance"] == f"analyst {T}"
    c.undo(ws)
    r = row(ws, "RUS")
    assert r[field] == old and not r["edited"] and r["provenance"] == "machine"


def test_edits_chain_on_the_same_statement_after_actor_change():
    ws = workspace()
    cmd.edit_statement(row(ws, "RUS"), {"actor": "CHN"}, now=clock).do(ws)
    second = cmd.edit_statement(row(ws, "RUS"), {"topic": "economy", "target": "PAK"}, now=clock)
    second.do(ws)
    r = row(ws, "RUS")
    assert (r["actor"], r["topic"], r["target"]) == ("CHN", "economy", "PAK")
    assert second.text == "Change CHN × diplomacy statement: topic → economy, target → PAK"
    second.undo(ws)
    assert (row(ws, "RUS")["actor"], row(ws, "RUS")["topic"]) == ("CHN", "diplomacy")


@pytest.mark.parametrize(("changes", "msg"), [
    ({"actor": "Russia"}, "ISO3"), ({"polarity": 2}, "from -1 to 1"), ({"polarity": "lots"}, "number"),
    ({"sentence": "x"}, "cannot be edited"), ({"topic": " "}, "empty"), ({}, "nothing"), ({"negated": "yes"}, "true or false"),
])
def test_invalid_edits_are_refused_with_a_reason(changes, msg):
    ws = workspace()
    with pytest.raises(ReviewError, match=msg):
        cmd.edit_statement(row(ws, "RUS"), changes)


def test_add_statement_from_a_selection_widens_to_the_sentence():
    ws = workspace()
    sel = DOC_B.text.index("weather")
    c = cmd.add_statement(DOC_B, sel, sel + 7, {"actor": "IND", "topic": "environment", "polarity": 0.2,
                                               "stance": "noted the weather"}, now=clock)
    assert c.text == "Add IND × environment statement"
    n = len(reviewed(ws))
    c.do(ws)
    r = row(ws, "IND", doc="b")
    assert r["sentence"] == "The weather was mild." and DOC_B.text[r["start"]:r["end"]] == r["sentence"]
    assert (r["review"], bool(r["edited"]), r["polarity"]) == ("added", True, 0.2)
    assert len(reviewed(ws)) == n + 1
    # the added statement can be edited and rejected like any other
    cmd.edit_statement(r, {"polarity": -0.5}, now=clock).do(ws)
    assert row(ws, "IND", doc="b")["polarity"] == -0.5
    c.undo(ws)
    assert "IND" not in set(reviewed(ws)["actor"])


def test_add_statement_refuses_bad_spans_and_missing_fields():
    with pytest.raises(ReviewError, match="outside"):
        cmd.add_statement(DOC_B, 5, 5000, {"actor": "IND", "topic": "x"})
    with pytest.raises(ReviewError, match="needs a topic"):
        cmd.add_statement(DOC_B, 0, 5, {"actor": "IND"})


def test_added_statement_the_machine_later_finds_is_not_duplicated():
    ws = workspace()
    ws.statements = ws.statements[ws.statements["actor"] != "CHN"].reset_index(drop=True)
    ws.touch()
    s = DOC_A.text.index("China")
    cmd.add_statement(DOC_A, s, s + 5, {"actor": "CHN", "topic": "diplomacy", "stance": "agreed"}, now=clock).do(ws)
    assert row(ws, "CHN")["review"] == "added"
    ws.set_statements(machine(ws.documents))      # the improved machine now finds it too
    r = row(ws, "CHN")
    assert (r["stance"], bool(r["edited"])) == ("agreed", True)
    assert not unmatched(ws)


def test_notes_on_statement_and_cell_add_edit_delete_undo():
    ws = workspace()
    done = []

    def push(c):
        c.do(ws)
        done.append(c)

    push(cmd.note_statement(row(ws, "PAK"), "check the source", now=clock))
    push(cmd.note_cell("RUS", "diplomacy", "only one article", now=clock))
    assert [n.text for n in notes_for_statement(ws.notes, row(ws, "PAK"), ws.documents)] == ["check the source"]
    cell = notes_for_cell(ws.notes, "RUS", "diplomacy")
    assert len(cell) == 1
    push(cmd.edit_note(cell[0], "two articles", now=clock))
    assert [n.text for n in ws.notes] == ["check the source", "two articles"]
    push(cmd.delete_note(ws.notes[0]))
    assert [n.text for n in ws.notes] == ["two articles"]
    assert done[-1].text == "Delete note on PAK statement in 'a'"
    done.pop().undo(ws)
    done.pop().undo(ws)
    assert [n.text for n in ws.notes] == ["check the source", "only one article"]
    done.pop().undo(ws)
    done.pop().undo(ws)
    assert ws.notes == []


def test_rename_and_merge_topics_with_undo():
    ws = workspace()
    base = Resources(Gazetteer([]), (Topic("security", "Security", "", ()), Topic("diplomacy", "Diplomacy", "", ())), ())
    ren = cmd.rename_value("topic", "diplomacy", "foreign relations", now=clock)
    assert ren.text == "Rename topic diplomacy → foreign relations"
    ren.do(ws)
    assert set(reviewed(ws)["topic"]) == {"security", "foreign relations"}
    assert [t.key for t in renamed_topics(base.topics, tuple(ws.decisions))] == ["security", "foreign relations"]
    assert row(ws, "RUS")["provenance"] == f"analyst {T}"
    ren.undo(ws)
    merge = cmd.merge_values("topic", ["security", "diplomacy"], "conflict", now=clock)
    assert merge.text == "Merge topics security, diplomacy into conflict"
    merge.do(ws)
    assert set(reviewed(ws)["topic"]) == {"conflict"}
    assert [t.key for t in renamed_topics(base.topics, tuple(ws.decisions))] == ["conflict"]
    merge.undo(ws)
    assert set(reviewed(ws)["topic"]) == {"security", "diplomacy"}
    with pytest.raises(ReviewError):
        cmd.rename_value("actor", "RUS", "CHN")
    with pytest.raises(ReviewError):
        cmd.merge_values("issue", ["x"], "x")


def test_issue_rename_and_edits_after_rename_compose():
    ws = workspace()
    cmd.edit_statement(row(ws, "RUS"), {"issue": "Doha process"}, now=clock).do(ws)
    cmd.rename_value("issue", "Doha process", "Afghan talks", now=clock).do(ws)
    assert row(ws, "RUS")["issue"] == "Afghan talks"


def test_resource_edit_commands_and_merge_keep_defaults_apart():
    ws = workspace()
    base = load_resources()
    c1 = cmd.add_alias(Alias("Zarmina Qadirova", "PAK"))
    c2 = cmd.add_topic_cue(TopicCue("migration", "deportation flights"))
    c3 = cmd.add_topic_cue(TopicCue("water", "Kabul river"))
    for c in (c1, c2, c3):
        c.do(ws)
    assert c1.text == "Add alias Zarmina Qadirova → PAK"
    merged = merge_resources(base, ws.resource_edits)
    assert [m.code for m in merged.gazetteer.find("Zarmina Qadirova said so.")] == ["PAK"]
    assert base.gazetteer.find("Zarmina Qadirova said so.") == []          # defaults untouched
    mig = next(t for t in merged.topics if t.key == "migration")
    assert "deportation flights" in mig.cues
    assert merged.topic_keys[-1] == "water" and "water" not in base.topic_keys
    for c in (c3, c2, c1):
        c.undo(ws)
    assert ws.resource_edits == ResourceEdits()
    assert merge_resources(base, ws.resource_edits) is base


def test_user_alias_overrides_a_shipped_name():
    base = Resources(Gazetteer([Entry("Georgia", "GEO", "country")]), (), ())
    merged = merge_resources(base, ResourceEdits(aliases=(Alias("Georgia", "USA", "other"),)))
    assert merged.gazetteer.entries["georgia"].code == "USA"
    with pytest.raises(ResourceEditError):
        Alias("Lavrov", "Russia")


# ---- re-extraction ---------------------------------------------------------

def _reextract(ws: Workspace, base: Resources | None = None) -> list:
    """What Review › Re-extract does: the machine statements again, with the analyst's resource edits."""
    ws.set_statements(extract_with_edits(ws.documents, ws.resource_edits, base))
    return unmatched(ws)


def _decide_all(ws: Workspace) -> None:
    cmd.reject_statement(row(ws, "RUS"), now=clock).do(ws)
    cmd.edit_statement(row(ws, "PAK"), {"polarity": -1.0}, now=clock).do(ws)
    cmd.accept_statement(row(ws, "PAK", doc="b"), now=clock).do(ws)


def test_decisions_survive_reextraction_with_new_documents():
    ws = workspace()
    _decide_all(ws)
    new = Document("c", "China condemned the attack. Russia welcomed the talks.")
    ws.documents.insert(0, new)
    ws.set_statements(machine(ws.documents))
    assert unmatched(ws) == []
    st = reviewed(ws)
    assert "RUS" not in set(st[st["document"] == "a"]["actor"])
    assert row(ws, "RUS", doc="c")["review"] == "machine"
    assert row(ws, "PAK")["polarity"] == -1.0 and row(ws, "PAK", doc="b")["review"] == "accepted"


def test_decisions_follow_a_sentence_that_moved_a_little():
    ws = workspace()
    _decide_all(ws)
    edited = Document("a", "Update: " + DOC_A.text)           # same id, new text, sentence moved by 8
    ws.documents[0] = edited
    ws.set_statements(machine(ws.documents))
    assert unmatched(ws) == []
    r = row(ws, "PAK")
    assert r["polarity"] == -1.0 and r["start"] == DOC_A.text.index("Pakistan") + 8


def test_unmatched_decisions_are_reported_with_reasons():
    ws = workspace()
    _decide_all(ws)
    cmd.note_statement(row(ws, "PAK", doc="b"), "why?", now=clock).do(ws)
    far = Document("a", "x" * 500 + "\n" + DOC_A.text.replace("Pakistan condemned", "Pakistan denounced"))
    ws.documents = [far]                                       # document b gone, a rewritten
    ws.set_statements(machine(ws.documents))
    reasons = {u.decision.kind: u.reason for u in unmatched(ws)}
    ws.documents.append(Document("b", "New intro. " + DOC_B.text))   # b is back, with its sentence moved a little
    ws.set_statements(machine(ws.documents))
    reasons = {u.decision.kind: u.reason for u in unmatched(ws)}
    assert "accept" not in reasons and row(ws, "PAK", doc="b")["review"] == "accepted"
    assert [n.text for n in notes_for_statement(ws.notes, row(ws, "PAK", doc="b"), ws.documents)] == ["why?"]
    ws.documents.pop()
    ws.set_statements(machine(ws.documents))
    reasons = {u.decision.kind: u.reason for u in unmatched(ws)}
    assert "moved by 501 characters" in reasons["reject"] and "more than the 200 allowed" in reasons["reject"]
    assert "no longer in document 'a'" in reasons["edit"] and "text changed" in reasons["edit"]
    assert reasons["accept"] == "document 'b' is no longer in the project"
    assert len(reviewed(ws)) == len(ws.statements)      # nothing applied by mistake
    assert [n.text for n, _ in unmatched_notes(ws.notes, ws.documents)] == ["why?"]


def test_decision_on_a_statement_the_machine_no_longer_makes_is_reported():
    ws = workspace()
    cmd.reject_statement(row(ws, "CHN"), now=clock).do(ws)
    ws.set_statements(ws.statements[ws.statements["actor"] != "CHN"].reset_index(drop=True))
    [u] = unmatched(ws)
    assert u.reason == "no statement by CHN in this sentence of 'a' any more"


def test_decisions_survive_a_different_sentence_split():
    ws = workspace()
    cmd.edit_statement(row(ws, "CHN"), {"topic": "economy"}, now=clock).do(ws)
    st = ws.statements.copy()
    i = st.index[st["actor"] == "CHN"][0]
    st.loc[i, "start"] -= 1                     # a new splitter takes in one more character
    ws.set_statements(st)
    assert unmatched(ws) == [] and row(ws, "CHN")["topic"] == "economy"


def test_reextract_with_the_real_engine_keeps_decisions(tmp_path):
    from model.pipeline import analyse

    a = analyse([__import__("pathlib").Path(__file__).resolve().parents[2] / "seeds"])
    ws = Workspace(list(a.documents), a.statements)
    first = reviewed(ws).iloc[0]
    cmd.reject_statement(first, now=clock).do(ws)
    n = len(reviewed(ws))
    ws.documents.append(Document("extra", "The weather was mild."))
    assert _reextract(ws, a.resources) == []
    assert len(reviewed(ws)) == n
    kept = reviewed(ws, keep_rejected=True)
    assert (kept["review"] == "rejected").sum() == 1


def test_remove_alias_and_cue_commands():
    ws = workspace()
    cmd.add_alias(Alias("Zarmina Qadirova", "PAK")).do(ws)
    cue = TopicCue("economy", "tariff")
    cmd.add_topic_cue(cue).do(ws)
    rm_alias, rm_cue = cmd.remove_alias("zarmina qadirova"), cmd.remove_topic_cue(cue)
    rm_alias.do(ws)
    rm_cue.do(ws)
    assert ws.resource_edits == ResourceEdits()
    rm_cue.undo(ws)
    rm_alias.undo(ws)
    assert ws.resource_edits.aliases[0].name == "Zarmina Qadirova" and ws.resource_edits.topic_cues == (cue,)
    with pytest.raises(RuntimeError):
        cmd.remove_alias("x").undo(ws)


def test_sentence_span_widens_a_selection_across_sentences():
    text = DOC_A.text
    s = text.index("talks in")
    e = text.index("condemned")
    assert cmd.sentence_span(text, s, e) == (0, text.index(" on the border.") + len(" on the border."))
    with pytest.raises(ReviewError, match="outside"):
        cmd.sentence_span(text, 10, 5)


def test_decisions_must_be_well_formed():
    from model.review.decisions import Decision

    with pytest.raises(ReviewError, match="unknown decision kind"):
        Decision("approve", T)
    with pytest.raises(ReviewError, match="must name a statement"):
        Decision("reject", T)
    with pytest.raises(ReviewError, match="a rename needs field"):
        Decision("rename", T, None, {"field": "actor", "old": "RUS", "new": "CHN"})
    ref = row(workspace(), "RUS")
    from model.review.decisions import StatementRef
    with pytest.raises(ReviewError, match="changes only"):
        Decision("edit", T, StatementRef.from_row(ref), {"sentence": "x"})
    with pytest.raises(ReviewError, match="a note is on one statement or on one cell"):
        __import__("model.review.notes").review.notes.Note("x", T)


def test_user_alias_reaches_the_real_engine_on_reextraction():
    ws = Workspace([Document("x", "Zorblat Quux condemned the attack on the embassy in Kabul.")])
    _reextract(ws)
    assert "PAK" not in set(reviewed(ws)["actor"])
    cmd.add_alias(Alias("Zorblat Quux", "PAK")).do(ws)
    assert _reextract(ws) == []
    assert "PAK" in set(reviewed(ws)["actor"])
