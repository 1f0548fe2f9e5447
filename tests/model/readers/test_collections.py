"""Collections: one document per record in .csv/.tsv/.jsonl/.json/.xlsx."""

import json

import pytest

from model.documents import LoadError
from model.readers.collections import read_collection
from model.readers.xlsx import read_xlsx

from .makers import BILLION_LAUGHS, rewrite_zip_part, write_jsonl, write_xlsx, write_zip_bomb

RECORDS = [
    {"id": "a1", "title": "Talks", "text": "Pakistan condemned the attack.", "date": "9 Sept 2023",
     "source": "Dawn", "url": "https://dawn.com/1", "speaker_country": "Pakistan", "extra": "ignored"},
    {"id": "a2", "text": "Russia welcomed the talks.", "date": "2023-09-10T08:00:00Z", "speaker_country": "ru"},
]


def check_records(docs, fmt):
    a1, a2 = docs
    assert (a1.id, a1.title, a1.date, a1.source, a1.url, a1.speaker_country) == (
        "a1", "Talks", "2023-09-09", "Dawn", "https://dawn.com/1", "PAK")
    assert (a2.id, a2.date, a2.speaker_country, a2.title) == ("a2", "2023-09-10", "RUS", None)
    assert a1.text == "Pakistan condemned the attack." and a1.format == fmt


def test_jsonl(tmp_path):
    docs, issues = read_collection(write_jsonl(tmp_path / "c.jsonl", RECORDS))
    check_records(docs, "jsonl")
    assert issues == []


@pytest.mark.parametrize("shape", ["list", "documents"])
def test_json(tmp_path, shape):
    p = tmp_path / "c.json"
    p.write_text(json.dumps(RECORDS if shape == "list" else {"documents": RECORDS}))
    check_records(read_collection(p)[0], "json")


@pytest.mark.parametrize(("suffix", "sep"), [(".csv", ","), (".tsv", "\t"), (".csv", ";")])
def test_delimited(tmp_path, suffix, sep):
    cols = ["id", "title", "text", "date", "source", "url", "speaker_country"]
    lines = [sep.join(cols)] + [sep.join(f'"{r.get(c, "")}"' for c in cols) for r in RECORDS]
    p = tmp_path / f"c{suffix}"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    check_records(read_collection(p)[0], suffix.lstrip("."))


def test_xlsx(tmp_path):
    cols = ["id", "title", "text", "date", "source", "url", "speaker_country"]
    rows = [cols] + [[r.get(c) for c in cols] for r in RECORDS]
    docs, issues = read_xlsx(write_xlsx(tmp_path / "c.xlsx", rows))
    check_records(docs, "xlsx")
    assert issues == []


def test_text_column_alternatives_and_named_field(tmp_path):
    p = write_jsonl(tmp_path / "c.jsonl", [{"id": "1", "body": "Iran rejected the plan.", "summary": "short"}])
    assert read_collection(p)[0][0].text == "Iran rejected the plan."
    assert read_collection(p, text_field="summary")[0][0].text == "short"
    with pytest.raises(LoadError, match="no column 'missing'"):
        read_collection(p, text_field="missing")


def test_xlsx_named_text_field_and_excel_dates(tmp_path):
    import datetime as dt

    p = write_xlsx(tmp_path / "c.xlsx", [["Story", "Published"], ["China supported it.", dt.datetime(2021, 1, 2)]])
    with pytest.raises(LoadError, match="text column"):
        read_xlsx(p)
    doc = read_xlsx(p, text_field="story")[0][0]
    assert doc.text == "China supported it." and doc.date == "2021-01-02" and doc.id == "c.xlsx#1"


def test_bad_records_are_reported_and_the_rest_kept(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps(RECORDS[0]) + "\n{broken\n[1, 2]\n" + json.dumps({"id": "x", "text": "  "}) + "\n"
                 + json.dumps(RECORDS[1]) + "\n")
    docs, issues = read_collection(p)
    assert [d.id for d in docs] == ["a1", "a2"]
    assert [(i.path.rsplit("(", 1)[1], i.kind) for i in issues] == [
        ("line 2)", "error"), ("line 3)", "error"), ("line 4)", "skipped")]
    assert "not valid JSON" in issues[0].reason and "no text" in issues[2].reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("e.csv", "", "empty"),
        ("h.csv", "id,text\n", "no records"),
        ("n.jsonl", '{"id": 1, "note": "x"}\n', "no record could be read"),
        ("j.json", '{"documents": [', "not valid JSON"),
        ("s.json", '"just a string"', "JSON must be"),
    ],
)
def test_unreadable_collections(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_text(content)
    with pytest.raises(LoadError, match=reason):
        read_collection(p)


def test_xlsx_zip_bomb_and_entities_refused(tmp_path):
    with pytest.raises(LoadError, match="zip bomb"):
        read_xlsx(write_zip_bomb(tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", megabytes=30))
    good = write_xlsx(tmp_path / "good.xlsx", [["text"], ["Iran rejected the plan."]])
    evil = rewrite_zip_part(good, tmp_path / "evil.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    with pytest.raises(LoadError, match="declares XML entities"):
        read_xlsx(evil)
    bad = tmp_path / "cut.xlsx"
    bad.write_bytes(good.read_bytes()[:200])
    with pytest.raises(LoadError, match="damaged"):
        read_xlsx(bad)
