"""Nothing in a document can stop a load, crash or hang it: each failure costs its file or record."""

import itertools
import json
import os
import socket
import threading
from pathlib import Path

import pytest

from model.documents import Document
from model.errorlog import INTERNAL_ERROR
from model.readers import collections, dispatch, load_paths
from model.readers.collections import APP_EXPORT, read_collection
from model.readers.text import read_text

from . import tasks
from .makers import ARTICLE, write_docx, write_jsonl

INTERNAL = f"could not be read: {INTERNAL_ERROR}"


class Cancel:
    """Progress whose cancel flag a test (or a reader) raises."""

    def __init__(self):
        self.flag = threading.Event()
        self.reports = []

    def report(self, done, total, message=""):
        self.reports.append((done, total, message))

    def cancelled(self):
        return self.flag.is_set()


def load_in_thread(*args, **kw):
    """load_paths on a thread, joined with a generous guard so a regression fails instead of hanging."""
    out = {}
    t = threading.Thread(target=lambda: out.setdefault("report", load_paths(*args, **kw)), daemon=True)
    t.start()
    t.join(120)
    assert not t.is_alive(), "the load hung"
    return out["report"]


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "errors.log"
    monkeypatch.setenv("STANCE_ATLAS_LOG", str(path))
    return path


def by_name(report):
    return {Path(i.path).name: (i.kind, i.reason) for i in report.issues}


# 1. isolation -------------------------------------------------------------------------------

def test_a_reader_bug_costs_its_file_only_and_is_logged(tmp_path, monkeypatch, log):
    monkeypatch.setitem(dispatch._READERS, ".md", (tasks.__name__, "broken_reader"))
    (tmp_path / "a.txt").write_text("Iran rejected the plan.")
    (tmp_path / "b.md").write_text("China supported the proposal.")
    report = load_paths([tmp_path])
    assert [d.text for d in report.documents] == ["Iran rejected the plan."]
    assert by_name(report) == {"b.md": ("error", INTERNAL)}
    assert "KeyError" in log.read_text() and "b.md" in log.read_text()


def test_a_reader_bug_in_a_worker_process_costs_its_file_only_and_is_logged(tmp_path, monkeypatch, log):
    monkeypatch.setitem(dispatch._READERS, ".docx", (tasks.__name__, "broken_reader"))
    (tmp_path / "a.txt").write_text("Iran rejected the plan.")
    write_docx(tmp_path / "memo.docx", ["Japan condemned the launch."])
    report = load_paths([tmp_path])
    assert [d.text for d in report.documents] == ["Iran rejected the plan."]
    assert by_name(report) == {"memo.docx": ("error", INTERNAL)}
    assert "KeyError" in log.read_text()


def test_a_bug_on_one_record_costs_that_record_only(tmp_path, monkeypatch, log):
    real = collections.record_to_document

    def flaky(rec, *args, **kw):
        if rec.get("id") == "boom":
            raise ZeroDivisionError("bug")
        return real(rec, *args, **kw)

    monkeypatch.setattr(collections, "record_to_document", flaky)
    p = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": "Iran rejected the plan."},
                                           {"id": "boom", "text": "x"},
                                           {"id": "b", "text": "China supported it."}])
    report = load_paths([p])
    assert [d.id for d in report.documents] == ["a", "b"]
    assert [(i.path, i.reason) for i in report.issues] == [(f"{p} (line 2)", INTERNAL)]
    assert "ZeroDivisionError" in log.read_text()


# 2. links, loops, pipes and sockets ---------------------------------------------------------

def test_link_loop_outside_link_fifo_socket_and_linked_folder_are_listed_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret text from elsewhere.")
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text("Iran rejected the plan.")
    (root / "a.txt").symlink_to(root / "b.txt")
    (root / "b.txt").symlink_to(root / "a.txt")
    (root / "out.txt").symlink_to(outside)
    (root / "same.txt").symlink_to(root / "good.txt")  # inside the folder: the same file, read once
    (root / "linked").symlink_to(root / "sub", target_is_directory=True)
    os.mkfifo(root / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.txt"))
    try:
        report = load_in_thread([root])
    finally:
        sock.close()
    assert [d.text for d in report.documents] == ["Iran rejected the plan."]
    issues = by_name(report)
    assert issues["a.txt"][0] == issues["b.txt"][0] == "skipped"
    assert "symbolic link loop" in issues["a.txt"][1] and "symbolic link loop" in issues["b.txt"][1]
    assert issues["out.txt"] == ("skipped", "symbolic link to a file outside the folder, not followed")
    assert issues["linked"] == ("skipped", "linked folder, not followed")
    assert issues["pipe.txt"] == ("skipped", "not a document file: this is a named pipe (FIFO)")
    assert issues["sock.txt"] == ("skipped", "not a document file: this is a socket")
    assert not report.errors


def test_a_fifo_swapped_in_after_listing_does_not_hang(tmp_path):
    (tmp_path / "a.txt").write_text("Iran rejected the plan.")
    (tmp_path / "b.txt").write_text("China supported the proposal.")

    class Swap(Cancel):
        def report(self, done, total, message=""):
            if not self.reports:  # the folder is listed: b.txt becomes a named pipe
                (tmp_path / "b.txt").unlink()
                os.mkfifo(tmp_path / "b.txt")
            super().report(done, total, message)

    report = load_in_thread([tmp_path], progress=Swap())
    assert [d.text for d in report.documents] == ["Iran rejected the plan."]
    assert by_name(report) == {"b.txt": ("skipped", "not a document file: this is a named pipe (FIFO)")}


def test_a_named_fifo_or_loop_is_reported(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "x.txt").symlink_to(tmp_path / "x.txt")
    report = load_in_thread([tmp_path / "pipe.txt", tmp_path / "x.txt"])
    assert [(i.kind, i.reason) for i in report.issues] == [
        ("skipped", "not a document file: this is a named pipe (FIFO)"),
        ("error", "symbolic link loop (the link leads back to itself), not followed"),
    ]


# 3. lone surrogates --------------------------------------------------------------------------

def test_a_latin1_file_name_loads_and_its_id_and_path_can_be_written(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(b"Iran rejected the plan.")
    report = load_paths([tmp_path])
    (doc,) = report.documents
    assert doc.text == "Iran rejected the plan."
    assert doc.id.endswith("caf\ufffd.txt") and doc.path.endswith("caf\ufffd.txt")
    json.dumps([doc.id, doc.path, doc.title]).encode("utf-8")


def test_a_json_surrogate_escape_is_cleaned_not_fatal(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a\\udcff", "text": "Iran \\udcff rejected the plan.", "title": "\\ud800"}\n'
                 '{"id": "b", "text": "China supported it."}\n', encoding="utf-8")
    report = load_paths([p])
    assert [d.text for d in report.documents] == ["Iran \ufffd rejected the plan.", "China supported it."]
    assert report.documents[0].id == "a\ufffd" and report.documents[0].title == "\ufffd"
    assert not report.issues


def test_document_and_issue_never_hold_lone_surrogates():
    d = Document(id="x\udce9", text="caf\udce9", also_sources=("s\udc80",))
    assert (d.id, d.text, d.also_sources) == ("x\ufffd", "caf\ufffd", ("s\ufffd",))
    from model.documents import LoadIssue

    assert LoadIssue("caf\udce9.txt", "r\udce9").path == "caf\ufffd.txt"


def test_content_hash_of_a_text_with_lone_surrogates_is_the_hash_of_its_document():
    from model.documents import content_hash

    for raw in ("x \ud800 y", "\udcff", "caf\udce9 \ud800\udc00"):
        assert content_hash(raw) == Document(id="d", text=raw).hash == content_hash(raw.translate(
            {c: "\ufffd" for c in range(0xD800, 0xE000)}))


# 4. one bad line never loses the good records ------------------------------------------------

GOOD = b'{"id": "good", "text": "Iran rejected the plan."}'
TEXTLESS = b'{"id": "notext", "title": "No text here"}'
GARBAGE = {
    "words": b"this is not json at all",
    "binary": bytes(range(256)).replace(b"\n", b""),
    "huge number": b"1" * 5000,
    "not an object": b"[1, 2, 3]",
    "truncated": b'{"id": "cut", "text": "Russia',
}


@pytest.mark.parametrize("garbage", GARBAGE)
@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_jsonl_every_layout_keeps_the_good_record(tmp_path, garbage, order):
    lines = [GOOD, GARBAGE[garbage], b"", TEXTLESS]
    laid = [lines[i] for i in order]
    p = tmp_path / "c.jsonl"
    p.write_bytes(b"\n".join(laid) + b"\n")
    report = load_paths([p])
    assert [d.id for d in report.documents] == ["good"]
    where = {i.path: i.kind for i in report.issues if i.kind != "warning"}
    assert where == {f"{p} (line {laid.index(GARBAGE[garbage]) + 1})": "error",
                     f"{p} (line {laid.index(TEXTLESS) + 1})": "skipped"}


def test_unicode_line_separators_inside_strings_are_text_and_line_numbers_match(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "Para one.\u2028Para two.\u0085Three."}\n'
                 'not json\n'
                 '{"id": "b", "text": "China supported it."}\n', encoding="utf-8")
    docs, issues = read_collection(p)
    assert [d.id for d in docs] == ["a", "b"] and "\u2028" in docs[0].text and "\u0085" in docs[0].text
    assert [i.path for i in issues] == [f"{p} (line 2)"]


def test_csv_bad_rows_cost_their_lines_only(tmp_path, monkeypatch):
    monkeypatch.setattr(collections, "MAX_RECORD_BYTES", 200)
    p = tmp_path / "c.csv"
    p.write_bytes(b"id,text\n"
                  b"a,Iran rejected the plan.\n"
                  b"junk,\"" + b"x" * 500 + b"\"\n"
                  b"\n"
                  b"notext,\n"
                  b"bin,\x00\x01\x02garbage\xff\n"
                  b"b,\"China supported\nthe proposal.\"\n"
                  b"c,Egypt urged restraint.\n")
    docs, issues = read_collection(p)
    assert [d.id for d in docs] == ["a", "bin", "b", "c"]
    assert docs[2].text == "China supported\nthe proposal."
    assert [(i.path.rsplit(" ", 2)[-1], i.kind) for i in issues if i.kind != "warning"] == [
        ("3)", "error"), ("5)", "skipped")]


# 5. the app's own exports are not document sets ----------------------------------------------

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


# 6. encodings --------------------------------------------------------------------------------

def test_mostly_utf8_with_one_bad_byte_is_utf8_with_a_warning(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("France’s minister said the talks were “useful”. ".encode() * 5 + b"One bad \x9d byte.")
    report = load_paths([p])
    (doc,) = report.documents
    assert doc.encoding == "utf-8" and "France’s" in doc.text and doc.text.count("\ufffd") == 1
    (warning,) = report.warnings
    assert warning.path == str(p) and "1 byte sequence" in warning.reason and not report.errors


def test_latin1_text_is_still_detected(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Le café de la république était fermé à Genève.".encode("latin-1"))
    assert read_text(p).text == "Le café de la république était fermé à Genève."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path, codec):
    p = tmp_path / "a.txt"
    p.write_bytes("KABUL, Sept 9 (Reuters) - Talks resumed in Doha.".encode(codec))
    doc = read_text(p)
    assert doc.text == "KABUL, Sept 9 (Reuters) - Talks resumed in Doha." and doc.encoding.startswith("utf_16")


# 7. heavy readers: always limited, cancel never waits ----------------------------------------

def test_cancel_does_not_wait_for_a_reader_that_never_returns(tmp_path, monkeypatch):
    monkeypatch.setitem(dispatch._READERS, ".md", (tasks.__name__, "blocking_reader"))
    tasks.release.clear()
    tasks.reader_entered.clear()
    (tmp_path / "a.md").write_text("China supported the proposal.")
    progress = Cancel()
    threading.Thread(target=lambda: (tasks.reader_entered.wait(), progress.flag.set()), daemon=True).start()
    try:
        report = load_in_thread([tmp_path], progress=progress)
    finally:
        tasks.release.set()
    assert report.cancelled and report.documents == []


def test_cancel_does_not_wait_for_a_worker_that_never_returns(tmp_path, monkeypatch):
    monkeypatch.setitem(dispatch._READERS, ".docx", (tasks.__name__, "forever_reader"))
    write_docx(tmp_path / "memo.docx", ["Japan condemned the launch."])
    (tmp_path / "a.txt").write_text("Iran rejected the plan.")

    class AfterText(Cancel):
        def report(self, done, total, message=""):
            super().report(done, total, message)
            if done >= 1:  # the text file is in: cancel while the Word file is still being read
                self.flag.set()

    report = load_in_thread([tmp_path], progress=AfterText(), timeout=3600)
    assert report.cancelled and [d.text for d in report.documents] == ["Iran rejected the plan."]


def test_a_single_word_file_is_read_under_the_memory_limit(tmp_path, monkeypatch):
    monkeypatch.setitem(dispatch._READERS, ".docx", (tasks.__name__, "hungry_reader"))
    write_docx(tmp_path / "memo.docx", ["Japan condemned the launch."])
    (tmp_path / "a.txt").write_text("Iran rejected the plan.")
    report = load_paths([tmp_path])
    assert [d.text for d in report.documents] == ["Iran rejected the plan."]
    kind, reason = by_name(report)["memo.docx"]
    assert kind == "error" and reason.startswith("too large to read")


def test_a_single_slow_web_page_is_given_up(tmp_path, monkeypatch):
    monkeypatch.setitem(dispatch._READERS, ".html", (tasks.__name__, "forever_reader"))
    (tmp_path / "page.html").write_text("<p>x</p>")
    report = load_paths([tmp_path], timeout=0.5)
    assert "gave up after 0.5 s" in by_name(report)["page.html"][1]


# 8. duplicates merge in linear time -----------------------------------------------------------

def test_many_identical_records_are_merged_with_one_copy(tmp_path, monkeypatch):
    import model.documents as documents

    calls = []
    real = documents.replace
    monkeypatch.setattr(documents, "replace", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    n = 3000
    write_jsonl(tmp_path / "c.jsonl", [{"id": str(i), "text": "Iran rejected the plan."} for i in range(n)])
    report = load_paths([tmp_path])
    (doc,) = report.documents
    assert report.duplicates == n - 1 and len(doc.also_sources) == n - 1 and doc.also_sources[-1] == str(n - 1)
    assert len(calls) == 1  # one merged document built, not one per copy (which copied the list each time)


# 9. a single huge record is refused alone -----------------------------------------------------

def test_a_record_over_the_single_record_cap_is_refused_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(collections, "MAX_RECORD_BYTES", 1000)
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "Iran rejected the plan."}\n'
                 + json.dumps({"id": "big", "text": "word " * 2000}) + "\n"
                 + '{"id": "b", "text": "China supported it."}', encoding="utf-8")
    docs, issues = read_collection(p)
    assert [d.id for d in docs] == ["a", "b"]
    (issue,) = issues
    assert issue.path == f"{p} (line 2)" and "over the" in issue.reason and "single record" in issue.reason


# 7b. bounded parsers ----------------------------------------------------------------------------

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


def test_a_huge_web_page_is_read_as_plain_text_with_a_warning(tmp_path):
    from model.readers.html import MAX_ARTICLE_TAGS, read_html_file

    n = MAX_ARTICLE_TAGS // 2 + 10
    page = ("<html><head><title>Big</title><script>var x = 1;</script></head><body><nav>Menu</nav><article>"
            + "".join(f"<p>Paragraph {i} says Russia welcomed the talks.</p>" for i in range(n))
            + "</article></body></html>")
    p = tmp_path / "big.html"
    p.write_text(page)
    read = read_html_file(p)
    (doc,) = read.documents
    lines = doc.text.split("\n")
    assert doc.title == "Big" and len(lines) == n and lines[-1] == f"Paragraph {n - 1} says Russia welcomed the talks."
    assert "var x" not in doc.text and "Menu" not in doc.text
    (note,) = read.issues
    assert note.kind == "warning" and "read as plain text" in note.reason


def test_word_table_cells_with_absurd_spans_are_read_once(tmp_path):
    from model.readers.docx import read_docx

    from .makers import rewrite_zip_part

    src = write_docx(tmp_path / "src.docx", ["Intro."], table=[["a", "b"], ["c", "d"]])
    import zipfile

    xml = zipfile.ZipFile(src).read("word/document.xml")
    span = b'<w:tcPr><w:gridSpan w:val="10000000"/><w:vMerge w:val="restart"/>'
    cont = b'<w:tcPr><w:gridSpan w:val="10000000"/><w:vMerge/>'
    first = xml.index(b"<w:tcPr>")
    xml = xml[:first] + span + xml[first + len(b"<w:tcPr>"):]
    second_row = xml.index(b"<w:tr>", xml.index(b"</w:tr>"))
    cell = xml.index(b"<w:tcPr>", second_row)
    xml = xml[:cell] + cont + xml[cell + len(b"<w:tcPr>"):]
    p = rewrite_zip_part(src, tmp_path / "spans.docx", "word/document.xml", xml)
    assert read_docx(p).text == "Intro.\na\tb\nd"
