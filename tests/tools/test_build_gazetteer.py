"""The gazetteer compiler: Phoenix dictionary reading and the build over small inputs."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from phoenix import Code, read_actor_file, read_agent_file  # noqa: E402
from phoenix_names import classify_block, display_name  # noqa: E402

COUNTRIES = """\
# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_
+KANDAHAR_

# National Institutions
AFGHAN_NATIONAL_ARMY
+ANSF
\t[AFGMIL]

HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
MOHAMMAD_NAJIBULLAH_  # CountryInfo.txt
\t[AFGGOV 870930-920416]
\t[AFGELI]
"""

AGENTS = """\
!MINIST! = MINISTER, MINISTRY
FOREIGN_!MINIST! [~GOV]
ANTI_RIOT_POLICE {} [~COP]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
"""


def test_read_actor_blocks(tmp_path: Path) -> None:
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(COUNTRIES, encoding="utf-8")
    blocks = read_actor_file(path)
    assert [b.names for b in blocks] == [
        ["AFGHANISTAN", "AFGHAN", "KABUL", "KANDAHAR"], ["AFGHAN NATIONAL ARMY", "ANSF"], ["HAMID KARZAI", "KARZAI"],
        ["MOHAMMAD NAJIBULLAH"]]
    assert blocks[2].codes == [Code("AFGELI", "1975-01-01", "2000-01-01"), Code("AFGGOV", "2001-12-22", open=True)]
    iso = {"AFG"}
    assert classify_block(blocks[0], path.name, iso, "AFG")[:2] == ("place", "AFG")
    assert classify_block(blocks[1], path.name, iso, "AFG")[:2] == ("body", "AFG")
    assert classify_block(blocks[2], path.name, iso, "AFG")[:4] == ("person", "AFG", "2001-12-22", "")
    assert classify_block(blocks[3], path.name, iso, "AFG")[:4] == ("person", "AFG", "1987-09-30", "1992-04-16")


def test_read_agents_expands_sets_and_plurals(tmp_path: Path) -> None:
    path = tmp_path / "Phoenix.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    assert read_agent_file(path) == [
        ("foreign minister", "GOV"), ("foreign ministry", "GOV"), ("anti riot police", "COP"),
        ("chamber of commerce", "BUS"), ("chambers of commerce", "BUS")]


def test_display_names() -> None:
    assert display_name("HAMID KARZAI", "person") == "Hamid Karzai"
    assert display_name("ANSF", "body") == "ANSF"
    assert display_name("US CENTRAL COMMAND", "body") == "US Central Command"
    assert display_name("ABU BAKR AL-BAGHDADI", "person") == "Abu Bakr al-Baghdadi"


def test_build_is_reproducible(tmp_path: Path) -> None:
    """Building twice from the same sources gives the same bytes (and the committed files, when Phoenix is here)."""
    import build_gazetteer

    phoenix = build_gazetteer.PHOENIX
    if not (phoenix / "Phoenix.Countries.actors.txt").exists():
        phoenix = tmp_path / "phoenix"
        phoenix.mkdir()
        (phoenix / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
        for name in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
            (phoenix / name).write_text("", encoding="utf-8")
        (phoenix / "Phoenix.agents.txt").write_text(AGENTS, encoding="utf-8")
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        assert build_gazetteer.main(["--phoenix", str(phoenix), "--out", str(out)]) == 0
        outs.append({p.name: p.read_bytes() for p in sorted((out / "actors").glob("*.tsv"))})
    assert outs[0] == outs[1]
    assert {"countries.tsv", "people.tsv", "reporters.tsv"} <= set(outs[0])
    if phoenix == build_gazetteer.PHOENIX:
        committed = {p.name: p.read_bytes() for p in sorted((ROOT / "resources" / "actors").glob("*.tsv"))}
        assert outs[0] == committed, "resources/actors is stale: run python tools/build_gazetteer.py"
