import io

from model.progress import StderrProgress, SubProgress


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


def test_sub_progress_maps_onto_its_slice():
    parent = Recorder()
    sub = SubProgress(parent, 40, 100, 100)
    sub.report(0, 10)
    sub.report(5, 10)
    sub.report(10, 10)
    assert parent.calls == [(40, 100), (70, 100), (100, 100)]
