"""load_paths: folders (links, loops, pipes and sockets listed, not followed), formats together, duplicates,
progress, cancel, limits, worker processes."""

import os
import socket

from model.readers import dispatch, load_paths

from . import tasks
from .guards import Cancel, by_name, load_in_thread
from .makers import ARTICLE, write_docx, write_jsonl, write_pdf, write_xlsx


class Recorder:
    """Progress that records every report and can cancel after ``cancel_after`` of them."""

    def __init__(self, cancel_after=None):
        self.reports = []
        self.cancel_after = cancel_after

    def report(self, done, total, message=""):
        self.reports.append((done, total, message))

    def cancelled(self):
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def mixed_folder(root):
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text("Iran rejected the plan.\n" + ARTICLE)
    (root / "sub" / "b.md").write_text("China supported the proposal at the meeting.")
    (root / "sub" / "deeper" / "c.html").write_text(
        "<html><head><title>T</title></head><body><article><p>Turkey backed the ceasefire proposal "
        "announced in Ankara on Monday by the foreign ministry.</p></article></body></html>")
    write_pdf(root / "sub" / "d.pdf", ["India welcomed the agreement."])
    write_docx(root / "e.docx", ["Japan condemned the missile launch."])
    write_xlsx(root / "f.xlsx", [["id", "text"], ["x1", "Brazil called for dialogue."]])
    write_jsonl(root / "g.jsonl", [{"id": "j1", "text": "Egypt urged restraint."}])
    (root / ".hidden.txt").write_text("secret")
    (root / "notes.xyz").write_text("unsupported")
    (root / "empty.txt").write_text("")


def test_every_format_in_a_folder_recursively(tmp_path):
    mixed_folder(tmp_path)
    report = load_paths([tmp_path])
    fmts = sorted(d.format for d in report.documents)
    assert fmts == ["docx", "html", "jsonl", "md", "pdf", "txt", "xlsx"]
    by_fmt = {d.format: d for d in report.documents}
    assert by_fmt["pdf"].text == "India welcomed the agreement."
    assert by_fmt["jsonl"].id == "j1" and by_fmt["xlsx"].id == "x1"
    assert report.files_seen == 9  # hidden files are not counted as seen
    kinds = {i.path.rsplit("/", 1)[1]: (i.kind, i.reason) for i in report.issues}
    assert kinds[".hidden.txt"] == ("skipped", "hidden file")
    assert kinds["notes.xyz"][0] == "skipped" and "not a supported" in kinds["notes.xyz"][1]
    assert kinds["empty.txt"] == ("error", "the file is empty")
    assert [i.path for i in report.errors] == [str(tmp_path / "empty.txt")]


def test_duplicates_kept_once_with_every_source(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("\n", "\n\n  "))  # same words, other spacing
    write_jsonl(tmp_path / "c.jsonl", [{"id": "wire-7", "text": ARTICLE, "source": "Reuters", "date": "2023-09-09"}])
    report = load_paths([tmp_path])
    assert len(report.documents) == 1 and report.duplicates == 2
    doc = report.documents[0]
    assert doc.id == str(tmp_path / "a.txt")
    assert doc.also_sources == (str(tmp_path / "b.txt"), "Reuters (wire-7)")
    assert doc.date == "2023-09-09" and doc.source == "Reuters"  # borrowed from the copy that had them


def test_same_file_named_twice_is_read_once_and_ids_stay_unique(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    write_jsonl(tmp_path / "one" / "c.jsonl", [{"id": "1", "text": "Iran rejected the plan."}])
    write_jsonl(tmp_path / "two" / "c.jsonl", [{"id": "1", "text": "China supported the proposal."}])
    report = load_paths([tmp_path, tmp_path / "one" / "c.jsonl", tmp_path / "missing"])
    assert sorted(d.id for d in report.documents) == ["1", "1@c.jsonl"]
    assert report.duplicates == 0
    assert [(i.path, i.reason) for i in report.errors] == [(str(tmp_path / "missing"), "no such file or folder")]


def test_progress_counts_files_and_names_the_current_one(tmp_path):
    for i in range(5):
        (tmp_path / f"f{i}.txt").write_text(f"Document number {i} about the talks.")
    rec = Recorder()
    load_paths([tmp_path], progress=rec)
    assert rec.reports[-1] == (5, 5, "")
    assert all(total == 5 for _, total, _ in rec.reports)
    done = [d for d, _, _ in rec.reports]
    assert done == sorted(done)
    assert {m for _, _, m in rec.reports if m} == {f"f{i}.txt" for i in range(5)}


def test_cancel_keeps_what_was_read(tmp_path):
    for i in range(10):
        (tmp_path / f"f{i:02d}.txt").write_text(f"Document number {i} about the talks.")
    rec = Recorder(cancel_after=4)
    report = load_paths([tmp_path], progress=rec)
    assert report.cancelled
    assert 1 <= len(report.documents) < 10
    assert [d.id for d in report.documents] == [str(tmp_path / f"f{i:02d}.txt") for i in range(len(report.documents))]


def test_cancel_while_workers_run_stops_them(tmp_path, monkeypatch):
    monkeypatch.setitem(dispatch._READERS, ".pdf", (tasks.__name__, "slow_pdf_reader"))
    (tmp_path / "a.txt").write_text("Iran rejected the plan.")
    write_pdf(tmp_path / "slow.pdf", ["Russia welcomed the talks again"])  # its reader never returns
    rec = Recorder(cancel_after=2)  # the start, then a.txt: cancelled while the PDF is in a worker
    report = load_paths([tmp_path], progress=rec, timeout=3600)
    assert report.cancelled
    assert [d.format for d in report.documents] == ["txt"]


def test_slow_pdf_is_given_up_and_the_rest_loads(tmp_path, monkeypatch, hang_clock):
    # one worker reads the PDFs in name order: quick.pdf, then slow.pdf, where the reader hangs, then
    # t-after.pdf; the pool's clock jumps past the limit once it hangs (no bet on this machine's speed)
    monkeypatch.setitem(dispatch._READERS, ".pdf", (tasks.__name__, "slow_pdf_reader"))
    write_pdf(tmp_path / "slow.pdf", ["Russia welcomed the talks again"])
    write_pdf(tmp_path / "quick.pdf", ["India welcomed the agreement."])
    write_pdf(tmp_path / "t-after.pdf", ["Brazil called for dialogue."])
    (tmp_path / "a.txt").write_text("Iran rejected the plan.")
    report = load_paths([tmp_path], timeout=60, workers=1)
    assert sorted(d.text for d in report.documents) == [
        "Brazil called for dialogue.", "India welcomed the agreement.", "Iran rejected the plan."]
    (issue,) = report.errors
    assert issue.path == str(tmp_path / "slow.pdf") and "gave up after 60 s" in issue.reason


def test_options_reach_the_readers(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 50_000)
    write_jsonl(tmp_path / "c.jsonl", [{"id": "1", "summary": "Short summary text."}])
    report = load_paths([tmp_path], max_bytes=100_000, text_field="summary")
    assert [d.text for d in report.documents] == ["Short summary text."]
    assert "over the 0.1 MB limit" in report.errors[0].reason


def test_many_heavy_files_use_the_pool_and_keep_file_order(tmp_path):
    names = [f"memo{i}.docx" for i in range(6)]
    for i, name in enumerate(names):
        write_docx(tmp_path / name, [f"Country {i} supported the proposal number {i}."])
    report = load_paths([tmp_path], workers=2)
    assert [d.id for d in report.documents] == [str(tmp_path / n) for n in names]


def test_linked_folder_loop_and_hidden_folder(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Iran rejected the plan.")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs", target_is_directory=True)
    (tmp_path / "docs" / ".git").mkdir()
    (tmp_path / "docs" / ".git" / "x.txt").write_text("not a document")
    report = load_paths([tmp_path / "docs"])
    assert [d.text for d in report.documents] == ["Iran rejected the plan."]
    assert [(i.kind, i.reason) for i in report.issues] == [
        ("skipped", "hidden folder"), ("skipped", "linked folder, not followed")]


def test_missing_reader_library_is_a_reason_not_a_crash(tmp_path, monkeypatch):
    from model.readers import dispatch

    monkeypatch.setitem(dispatch._READERS, ".txt", ("model.readers.not_installed", "read_text"))
    (tmp_path / "a.txt").write_text("Iran rejected the plan.")
    (tmp_path / "b.md").write_text("China supported the proposal.")
    report = load_paths([tmp_path])
    assert [d.format for d in report.documents] == ["md"]
    assert "reader for .txt files is not installed" in report.errors[0].reason


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
