"""Title + surname aliases of office holders (issue 15: "President Aliyev", "Prime Minister Albanese" gave nothing)."""

from __future__ import annotations

from model.documents import Document
from model.engine.extract import Engine
from model.engine.gazetteer import Entry
from model.engine.titles import title_aliases
from model.resources import load_resources


def _names(entries: list[Entry]) -> dict[str, str]:
    return {e.name: e.code for e in title_aliases(entries)}


def test_alias_from_the_title_in_the_note() -> None:
    people = [Entry("Ilham Aliyev", "AZE", "person", "President"),
              Entry("Alexander De Croo", "BEL", "person", "Prime Minister"),
              Entry("Recep Tayyip Erdogan", "TUR", "person", "Recep Tayyip Erdogan: President (PM 2003-2014)")]
    assert _names(people) == {"President Aliyev": "AZE", "Prime Minister De Croo": "BEL", "President Erdogan": "TUR"}


def test_no_alias_when_it_would_name_two_countries_or_exists() -> None:
    people = [Entry("Imran Khan", "PAK", "person", "Prime Minister"),
              Entry("Someone Khan", "GBR", "person", "Prime Minister"),
              Entry("Ilham Aliyev", "AZE", "person", "President"),
              Entry("President Aliyev", "AZE", "person", "curated"),
              Entry("Old Name", "AZE", "person", "Phoenix GOV"),
              Entry("Vice Person", "USA", "person", "Vice President")]
    assert _names(people) == {"Vice President Person": "USA"}


def test_engine_reads_title_and_surname() -> None:
    engine = Engine(load_resources())
    rows = engine.document(Document(id="d", text="President Aliyev accused Armenia of shelling the villages."))
    assert [r["actor"] for r in rows] == ["AZE"]
    rows = engine.document(Document(id="d", text="President Hassan Rouhani of Iran said foreign powers should leave."))
    assert "TZA" not in {r["actor"] for r in rows}
