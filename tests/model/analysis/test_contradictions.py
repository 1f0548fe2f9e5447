"""A contradiction is one holder taking a position for an issue and one against the same issue, not a cell with
mixed signs (UN 2022 General Debate: 141 cells were marked, none of them one; see model/analysis/contradictions.py)."""

import json
from pathlib import Path

from model.analysis.contradictions import issue_words, position, specific_words
from model.analysis.matrix import build_matrix
from model.engine.batch import extract_statements
from model.readers import load_paths
from model.resources import load_resources
from model.statements import statements_frame

#: news-like texts through the engine: three holders changing position, three cells that only look mixed
TEXTS = {
    "tur-1": "ANKARA, July 3 (Reuters) - Turkey will attend the summit in Vilnius next week, the foreign ministry said.",
    "tur-2": "ANKARA, July 6 (Reuters) - Turkey will boycott the Vilnius summit, President Erdogan said on Thursday.",
    "hun-1": "BUDAPEST, May 2 - Hungary supports the grain corridor through the Black Sea, its foreign minister said.",
    "hun-2": "BUDAPEST, May 9 - Hungary rejected the grain corridor on Friday, saying it hurt its farmers.",
    "ind-1": "NEW DELHI - India will take part in the peace conference in Switzerland, the ministry said. Later, India "
             "said it will not take part in the peace conference, a spokesman told reporters.",
    "aus-1": "Australia will seek a seat on the Security Council, the prime minister said. Australia opposed the veto "
             "within the Security Council.",
    "ken-1": "Kenya is concerned about threats to the grain corridor, the minister said. Kenya supports the grain corridor.",
    "fra-1": "PARIS - France condemns the aggression against Ukraine, the president said on Monday. France supports an "
             "end to the aggression, he added.",
}


def _row(actor: str, polarity: float, issue: str, start: int, cue: str = "x", stance: str = "", document: str = "d",
         target: str | None = None, negated: bool = False, topic: str = "diplomacy") -> dict:
    return {"document": document, "sentence": "s", "start": start, "end": start + 1, "actor": actor, "actor_text": actor,
            "speaker": None, "target": target, "topic": topic, "stance": stance or f"{cue} the {issue}",
            "polarity": polarity, "confidence": 0.8, "reporter": None, "hedged": False, "negated": negated,
            "issue": issue, "actor_kind": "country", "cue": cue, "cue_start": 0, "actor_start": 0}


def _contradiction(*rows: dict, by: str = "topic") -> bool:
    m = build_matrix(statements_frame(list(rows)), by=by)
    return bool(m.contradictions.values.any())


def test_attending_and_not_taking_part_contradict() -> None:
    # the seed: "would be represented at the inauguration" / "will not take part in … the inauguration ceremony"
    assert _contradiction(_row("RUS", 0.4, "inauguration", 0, "would be represented"),
                          _row("RUS", -0.44, "inauguration ceremony", 50, "take part", negated=True, target="AFG"))


def test_attending_and_boycotting_one_summit_contradict() -> None:
    assert _contradiction(_row("TUR", 0.4, "summit", 0, "will attend"), _row("TUR", -0.6, "vilnius summit", 9, "boycott"))


def test_opposite_positions_contradict_in_an_issue_column_too() -> None:
    assert _contradiction(_row("IRN", 0.6, "grain corridor", 0, "supports"),
                          _row("IRN", -0.6, "grain corridor", 9, "rejected"), by="issue")


def test_condemning_a_harm_and_supporting_its_end_are_one_stance() -> None:
    assert not _contradiction(_row("FRA", -0.6, "aggression", 0, "condemn"),
                              _row("FRA", 0.6, "aggression", 9, "support", stance="support an end to the aggression"))


def test_a_conflictual_act_against_a_harm_named_in_the_stance_is_no_position_against_the_issue() -> None:
    assert not _contradiction(_row("TKM", 0.3, "grain corridor", 0, "propose"),
                              _row("TKM", -0.4, "grain corridor", 9, "concerned about",
                                   stance="concerned about threats to the grain corridor"))


def test_the_cue_is_not_the_issue() -> None:
    assert not _contradiction(_row("CUB", 0.5, "defend", 0, "defend", stance="defend peace and multilateralism"),
                              _row("CUB", -0.5, "defend", 9, "give", negated=True, stance="give up the right to defend"))


def test_acts_of_force_and_reports_are_not_positions() -> None:
    assert not _contradiction(_row("CUB", 0.6, "pipeline", 0, "supports"), _row("CUB", -0.9, "pipeline", 9, "fight"))
    assert position("fight", False) == 0 and position("said", False) == 0 and position("living", False) == 0
    assert position("take part", True) == -1 and position("rejected", True) == 1 and position("supports", False) == 1


def test_a_generic_issue_says_nothing() -> None:
    # "seek a seat on the Security Council" / "the veto within the Security Council"
    assert not _contradiction(_row("AUS", 0.3, "security council", 0, "seek"),
                              _row("AUS", -0.6, "security council", 9, "veto"))
    assert specific_words("the peace process", "security") == frozenset()
    assert not _contradiction(_row("USA", 0.6, "trade deal", 0, "agreed"),
                              _row("USA", -0.6, "elusive free-trade deal", 9, "reach agreement", negated=True))


def test_an_issue_named_elsewhere_in_the_sentence_is_not_the_position_s_object() -> None:
    assert not _contradiction(_row("THA", 0.4, "grain corridor", 0, "promote"),
                              _row("THA", -0.6, "grain corridor", 9, "rejected", stance="rejected the proposal"))


def test_two_targets_are_two_issues() -> None:
    assert not _contradiction(_row("CHN", 0.6, "sovereignty claims", 0, "supports", target="CUB"),
                              _row("CHN", -0.6, "sovereignty claims", 9, "rejected", target="USA"))


def test_mixed_signs_on_different_issues_are_not() -> None:
    assert not _contradiction(_row("RUS", -0.5, "grain corridor", 0, "rejected"),
                              _row("RUS", 0.4, "peace talks", 50, "supports"))


def test_opposite_signs_in_one_sentence_are_not() -> None:
    assert not _contradiction(_row("RUS", -0.5, "the ceasefire", 0, "rejected"),
                              _row("RUS", 0.4, "ceasefire terms", 0, "supports"))


def test_statements_without_an_issue_never_contradict() -> None:
    assert not _contradiction(_row("RUS", -0.5, "", 0, "rejected", stance="rejected it"),
                              _row("RUS", 0.4, "", 50, "supports", stance="supports it"))


def test_two_holders_do_not_contradict_each_other() -> None:
    m = build_matrix(statements_frame([_row("RUS", -0.5, "ceasefire", 0, "rejected"),
                                       _row("UKR", 0.4, "ceasefire", 50, "supports")]))
    assert not m.contradictions.values.any()


def test_issue_words_are_the_content_words() -> None:
    assert issue_words("the oath-taking Ceremony") == {"oath", "taking", "ceremony"}
    assert issue_words("brutal crimes against") == {"brutal", "crimes"}


def test_the_engine_s_statements_mark_changed_positions_only(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"id": k, "text": v}) for k, v in TEXTS.items()), encoding="utf-8")
    m = build_matrix(extract_statements(load_paths([path]).documents, load_resources()))
    marked = {key for key in m.cells[m.cells["contradiction"]][["actor", "topic"]].itertuples(index=False, name=None)}
    mixed = m.cells[(m.cells["n_coop"] > 0) & (m.cells["n_conf"] > 0)]
    assert marked == {("TUR", "diplomacy"), ("HUN", "humanitarian"), ("IND", "diplomacy")}
    assert {"AUS", "KEN", "FRA"} <= set(mixed["actor"])   # mixed signs, one stance or no one issue: unmarked
