"""Collections: one document per record in .csv/.tsv/.jsonl/.json/.xlsx; the app's own exports are skipped."""

import json

import pytest

from model.documents import LoadError
from model.readers import load_paths
from model.readers.collections import APP_EXPORT, read_collection
from model.readers.xlsx import read_xlsx

from .guards import by_name
from .makers import ARTICLE, BILLION_LAUGHS, rewrite_zip_part, write_jsonl, write_xlsx, write_zip_bomb

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


def test_the_apps_own_exports_in_the_folder_are_skipped(tmp_path):
    from model.cli import run

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    for cmd, out in (("extract", "s.jsonl"), ("extract", "s.csv"), ("export", "m.xlsx"),
                     ("export", "m.csv"), ("export", "m.json")):
        assert run(cmd, [str(folder / "a.txt"), "-o", str(folder / out), "-q"]) == 0
    report = load_paths([folder])
    assert [d.id for d in report.documents] == [str(folder / "a.txt")]
    assert by_name(report) == {name: ("skipped", APP_EXPORT) for name in ("m.csv", "m.json", "m.xlsx", "s.csv", "s.jsonl")}


def test_the_windows_exports_in_the_folder_are_skipped_too(tmp_path):
    # what File › Export writes (the export dialog offers the folder last used): the comparison, the
    # full statements with their review columns, the REFI-QDA project
    from model.analysis.compare import compare_countries
    from model.engine.batch import extract_statements
    from model.export import write_matrix, write_statements
    from model.export.comparison import comparison_frame
    from model.export.qdpx import write_qdpx
    from model.resources import load_resources

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    report = load_paths([folder])
    res = load_resources()
    st = extract_statements(report.documents, res)
    actors = list(dict.fromkeys(st["actor"]))[:2]
    assert len(actors) == 2
    c = compare_countries(st, actors, by="topic", columns=res.topic_keys)
    for suffix in (".xlsx", ".csv", ".json"):
        write_matrix(c.matrix, st, folder / f"stance-comparison{suffix}", {}, documents=report, topics=res.topics,
                     comparison=comparison_frame(c.matrix, [a for a in c.actors if a in c.matrix.actors]))
    for suffix in (".csv", ".jsonl"):
        write_statements(st, folder / f"stance-statements{suffix}", full=True, documents=report, by="topic")
    write_qdpx(str(folder / "stance-project.qdpx"), st, report, topics=res.topics)
    again = load_paths([folder])
    assert [d.id for d in again.documents] == [str(folder / "a.txt")] and not again.errors
    skipped = by_name(again)
    assert {n: k for n, (k, r) in skipped.items() if r == APP_EXPORT} == {
        n: "skipped" for n in ("stance-comparison.xlsx", "stance-comparison.csv", "stance-comparison.json",
                               "stance-statements.csv", "stance-statements.jsonl")}
    assert skipped["stance-project.qdpx"][0] == "skipped"


def test_xlsx_claiming_the_whole_sheet_reads_only_its_cells(tmp_path, monkeypatch):
    import openpyxl.worksheet._read_only as ro

    from model.readers.xlsx import read_xlsx

    from .makers import rewrite_zip_part, write_xlsx

    src = write_xlsx(tmp_path / "src.xlsx", [["id", "text"], ["x1", "Brazil called for dialogue."]])
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<dimension ref="A1:XFD1048576"/><sheetData>'
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>text</t></is></c></row>'
             b'<row r="2"><c r="A2" t="inlineStr"><is><t>x1</t></is></c>'
             b'<c r="B2" t="inlineStr"><is><t>Brazil called for dialogue.</t></is></c></row>'
             b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>last</t></is></c></row>'
             b'</sheetData></worksheet>')
    p = rewrite_zip_part(src, tmp_path / "claims.xlsx", "xl/worksheets/sheet1.xml", sheet)
    widths = {"total": 0, "max": 0}
    real = ro.ReadOnlyWorksheet._cells_by_row

    def counted(self, *args, **kw):
        for row in real(self, *args, **kw):
            widths["total"] += len(row)
            widths["max"] = max(widths["max"], len(row))
            assert widths["total"] < 5_000_000, "the reader walks the stated dimension, not the cells"
            yield row

    monkeypatch.setattr(ro.ReadOnlyWorksheet, "_cells_by_row", counted)
    docs, issues = read_xlsx(p)
    assert [d.text for d in docs] == ["Brazil called for dialogue."]
    assert [i.path for i in issues] == [f"{p} (row 1048576)"]  # the id-only row has no text
    assert widths["max"] <= 2  # never 16,384 columns wide
