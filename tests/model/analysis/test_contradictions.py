"""A contradiction is one holder taking opposite positions on one issue, not a cell with mixed signs."""

from model.analysis.matrix import build_matrix, issue_words
from model.statements import statements_frame


def _row(actor: str, polarity: float, issue: str, start: int, document: str = "d") -> dict:
    return {"document": document, "sentence": "s", "start": start, "end": start + 1, "actor": actor, "actor_text": actor,
            "speaker": None, "target": None, "topic": "diplomacy", "stance": "x", "polarity": polarity,
            "confidence": 0.8, "reporter": None, "hedged": False, "negated": False, "issue": issue,
            "actor_kind": "country", "cue": "x", "cue_start": 0, "actor_start": 0}


def _contradiction(*rows: dict) -> bool:
    m = build_matrix(statements_frame(list(rows)))
    return bool(m.contradictions.at["RUS", "diplomacy"])


def test_opposite_positions_on_one_issue_are_a_contradiction() -> None:
    assert _contradiction(_row("RUS", -0.5, "inauguration ceremony", 0), _row("RUS", 0.4, "the inauguration", 50))


def test_mixed_signs_on_different_issues_are_not() -> None:
    assert not _contradiction(_row("RUS", -0.5, "sanctions", 0), _row("RUS", 0.4, "peace talks", 50))


def test_opposite_signs_in_one_sentence_are_not() -> None:
    assert not _contradiction(_row("RUS", -0.5, "the ceasefire", 0), _row("RUS", 0.4, "ceasefire terms", 0))


def test_statements_without_an_issue_never_contradict() -> None:
    assert not _contradiction(_row("RUS", -0.5, "", 0), _row("RUS", 0.4, "", 50))


def test_two_holders_do_not_contradict_each_other() -> None:
    m = build_matrix(statements_frame([_row("RUS", -0.5, "ceasefire", 0), _row("UKR", 0.4, "ceasefire", 50)]))
    assert not m.contradictions.values.any()


def test_issue_words_are_the_content_words() -> None:
    assert issue_words("the oath-taking Ceremony") == {"oath", "taking", "ceremony"}
