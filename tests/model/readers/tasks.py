"""Worker-pool tasks for the tests: a light module, quick for a worker to import."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

#: the file a hanging task or reader writes just before it hangs (see ``conftest.hang_clock``)
HANG_MARKER_ENV = "STANCE_ATLAS_TEST_HANG_MARKER"


def _hang() -> None:
    marker = os.environ.get(HANG_MARKER_ENV)
    if marker:
        Path(marker).write_text("hanging", encoding="utf-8")
    threading.Event().wait()  # never set: only the pool's time limit (or a cancel) ends this


def hanging_task() -> None:
    """A worker task that never returns, as a parser caught in a loop."""
    _hang()


def slow_task(seconds: float) -> str:
    """A worker task that overruns any short time limit."""
    time.sleep(seconds)
    return "finished"


def crash_task() -> None:
    """A worker task that kills its process, as a parser segfault would."""
    os._exit(3)


def hungry_task() -> int:
    """A worker task that asks for far more memory than a reader may use."""
    return len(bytearray(16 * 1024**3))


def echo_task(value: str) -> str:
    return value


# Readers the loader tests put in place of a real one (dispatch._READERS maps a suffix to
# (module, function); the loader passes that choice to the worker process that runs it).

#: set by a test to let ``blocking_reader`` return; ``reader_entered`` tells the test it is blocked
release = threading.Event()
reader_entered = threading.Event()


def broken_reader(path, doc_id=None, max_bytes=0):
    """A reader with a bug: an exception no reader should raise."""
    return {}["no such key"]


def blocking_reader(path, doc_id=None, max_bytes=0):
    """A reader that does not return until ``release`` is set."""
    reader_entered.set()
    release.wait()
    raise RuntimeError("released")


def forever_reader(path, doc_id=None, max_bytes=0):
    """A reader (in a worker process) that never returns: it waits on an Event nobody sets."""
    threading.Event().wait()


def slow_pdf_reader(path, doc_id=None, max_bytes=50 * 1024**2):
    """The PDF reader, except that it hangs on files named ``slow*.pdf``."""
    if Path(path).name.startswith("slow"):
        _hang()
    from model.readers.pdf import read_pdf  # here: this module stays light for the workers

    return read_pdf(path, doc_id, max_bytes)


def hungry_reader(path, doc_id=None, max_bytes=0):
    """A reader that asks for far more memory than a reader may use."""
    return len(bytearray(16 * 1024**3))
