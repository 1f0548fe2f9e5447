import io

from model.progress import StageProgress, StderrProgress, SubProgress, amount, count_of, counted


class Recorder:
    def __init__(self):
        self.calls = []

    def report(self, done, total, message=""):
        self.calls.append((done, total))

    def cancelled(self):
        return False


def test_log_files_get_one_line_per_stage():
    out = io.StringIO()
    p = StderrProgress("reading", out, interval=0)
    for i in range(5):
        p.report(i, 5, f"file{i}")
    p.report(5, 5)
    assert out.getvalue() == "reading: 5/5 done\n"


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_stage_progress_names_each_stage_and_what_it_counts():
    log = io.StringIO()
    p = StageProgress(log, interval=0)
    for stage, total in (("reading and extracting", 3), ("writing", 2)):
        for done in range(1, total + 1):
            p.report(done, total, stage)
    assert log.getvalue() == "reading and extracting: 3 of 3 parts\nwriting: 2 of 2 parts\n"
    term = Terminal()
    p = StageProgress(term, interval=0)
    p.report(12, 40, "reading and extracting")
    p.report(40, 40, "reading and extracting")
    assert term.getvalue() == f"{'reading and extracting: 12 of 40 parts':<60}\r{'reading and extracting: 40 of 40 parts':<60}\n"


def test_sub_progress_maps_onto_its_slice():
    parent = Recorder()
    sub = SubProgress(parent, 40, 100, 100)
    sub.report(0, 10)
    sub.report(5, 10)
    sub.report(10, 10)
    assert parent.calls == [(40, 100), (70, 100), (100, 100)]


class MessageRecorder(Recorder):
    def report(self, done, total, message=""):
        self.calls.append((done, total, message))


def test_a_stage_with_a_unit_says_what_it_counts():
    parent = MessageRecorder()
    sub = SubProgress(parent, 40, 100, 100, "documents")
    sub.report(1204, 10000, "Angola at the UN")
    sub.report(10000, 10000)
    assert parent.calls == [(47, 100, "1,204 of 10,000 documents — Angola at the UN"),
                            (100, 100, "10,000 of 10,000 documents")]
    assert count_of(parent.calls[0][2]) == "1,204 of 10,000 documents"


def test_count_of_a_message_without_a_count_is_empty():
    assert count_of("Angola at the UN") == ""
    assert count_of("") == ""
    assert counted(3, 12, "files") == "3 of 12 files"


def test_analyse_reports_files_then_documents(tmp_path):
    from model.pipeline import analyse

    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"Russia condemned strike number {i} on Kyiv.", encoding="utf-8")
    rec = MessageRecorder()
    analyse([tmp_path], progress=rec)
    counts = [count_of(m) for _, _, m in rec.calls]
    assert "3 of 3 files" in counts
    assert counts[-1] == "3 of 3 documents"


def test_amount_is_singular_for_one_and_grouped_for_many() -> None:
    assert amount(1, "document") == "1 document"
    assert amount(0, "file") == "0 files"
    assert amount(1204, "statement") == "1,204 statements"
