"""model.pipeline.add_documents: only new or changed documents are extracted."""

from pathlib import Path

from model.documents import Document
from model.pipeline import add_documents, analyse, merge_documents

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_merge_by_id_and_hash():
    a, b = Document("a", "Russia welcomed the talks."), Document("b", "Pakistan hosted the meeting.")
    copy_of_a = Document("a-copy", "Russia  welcomed the talks.", source="AFP")
    changed_b = Document("b", "Pakistan cancelled the meeting.")
    c = Document("c", "China signed the deal.")
    merged, fresh, notes = merge_documents([a, b], [Document("a", a.text), copy_of_a, changed_b, c])
    assert [d.id for d in merged] == ["a", "b", "c"]
    assert merged[0].also_sources == ("AFP",)
    assert merged[1].text == changed_b.text
    assert [d.id for d in fresh] == ["b", "c"]
    assert {n.reason for n in notes} == {"already in the open set", "same text as a, kept once"}


def test_add_to_open_set_extracts_only_new(tmp_path):
    base = analyse([SEEDS])
    extra = tmp_path / "extra.txt"
    extra.write_text("Russia warned Pakistan about the military exercises near the border.", encoding="utf-8")
    grown = add_documents(base, [extra, SEEDS])
    assert len(grown.documents) == 2
    old = grown.statements[grown.statements["document"] != str(extra)]
    assert len(old) == len(base.statements)
    assert any(i.reason == "already in the open set" for i in grown.report.issues)
