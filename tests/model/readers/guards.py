"""Running a load under a guard: a progress whose cancel a test raises, a load on a thread that fails rather
than hangs, and a report's issues by file name."""

import threading
from pathlib import Path

from model.readers import load_paths


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


def by_name(report):
    return {Path(i.path).name: (i.kind, i.reason) for i in report.issues}
