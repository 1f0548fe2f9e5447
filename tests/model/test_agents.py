"""Role words: the default lexicon and the matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.agents import Agent, AgentLexicon, read_agents
from model.engine.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_folder()


def roles(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(a.text, a.role) for a in gaz.find_agents(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pakistan's foreign minister said", [("foreign minister", "GOV")]),
    ("Iraqi troops entered", [("troops", "MIL")]),
    ("a Swiss court ruled", [("court", "JUD")]),
    ("Senior Hungarian officials agreed", [("officials", "GOV")]),
    ("the speaker of the upper house", [("speaker", "LEG"), ("upper house", "LEG")]),
    ("police arrested", [("police", "COP")]),
    ("the intelligence chiefs met", [("intelligence chiefs", "SPY")]),
    ("the newspaper reported", [("newspaper", "MED")]),
    ("a government spokesman", [("government spokesman", "GOV")]),
])
def test_default_role_words(gaz: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(gaz, text) == expected


def test_plurals_and_case() -> None:
    lex = AgentLexicon([Agent("authority", "GOV"), Agent("spokesman", "GOV"), Agent("rebel", "REB")])
    assert [(a.text, a.role) for a in lex.find("Authorities, SPOKESMEN and rebels")] == [
        ("Authorities", "GOV"), ("SPOKESMEN", "GOV"), ("rebels", "REB")]


def test_longest_role_wins() -> None:
    lex = AgentLexicon([Agent("minister", "GOV"), Agent("foreign minister", "GOV"), Agent("deputy foreign minister", "GOV")])
    assert [a.text for a in lex.find("the deputy foreign minister and a minister")] == ["deputy foreign minister", "minister"]


def test_whole_words_only() -> None:
    lex = AgentLexicon([Agent("army", "MIL")])
    assert [(a.text, a.start) for a in lex.find("the armystice of the army")] == [("army", 21)]


def test_bad_role_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "agents.tsv"
    path.write_text("name\trole\tnote\ntroops\tMIL\t\ncourt\t12\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"agents\.tsv:3: role '12'"):
        read_agents(path)
