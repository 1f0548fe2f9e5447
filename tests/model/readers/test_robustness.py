"""Nothing in a document can stop a load, crash or hang it: each failure costs its file or record."""

import itertools
import json
import os
import threading

import pytest

from model.documents import Document
from model.errorlog import INTERNAL_ERROR
from model.readers import collections, dispatch, load_paths
from model.readers.collections import read_collection

from . import tasks
from .guards import Cancel, by_name, load_in_thread
from .makers import write_docx, write_jsonl

INTERNAL = f"could not be read: {INTERNAL_ERROR}"


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "errors.log"
    monkeypatch.setenv("STANCE_ATLAS_LOG", str(path))
    return path


# 1. isolation ---------------------------------------------------------------------------------

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


# 2. lone surrogates ---------------------------------------------------------------------------

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


# 3. one bad line never loses the good records -------------------------------------------------

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


# 4. heavy readers: always limited, cancel never waits -----------------------------------------

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


# 5. duplicates merge in linear time -----------------------------------------------------------

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


# 6. a single huge record is refused alone -----------------------------------------------------

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
