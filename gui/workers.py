"""Run model functions off the UI thread, with progress and cancel.

A :class:`Task` wraps a plain ``model/`` function taking ``progress=``; it
runs in a ``QThreadPool`` and reports back through Qt signals, which are
delivered on the UI thread.  Never touch widgets from inside the function.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from model.errorlog import safe_text
from model.progress import Cancelled


class _Signals(QObject):
    sig_progress = Signal(int, int, str)
    sig_done = Signal(object)
    sig_failed = Signal(str)
    sig_cancelled = Signal()
    sig_finished = Signal()


class _QtProgress:
    def __init__(self, signals: _Signals, stop: threading.Event) -> None:
        self._signals = signals
        self._stop = stop

    def report(self, done: int, total: int, message: str = "") -> None:
        self._signals.sig_progress.emit(done, total, safe_text(message) if message else message)

    def cancelled(self) -> bool:
        return self._stop.is_set()


class Task(QRunnable):
    """One background job: ``fn(progress=...)`` → sig_done(result)."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()
        self._stop = threading.Event()
        self.running = False
        self.finished = False  # set once the job has ended (done, failed or cancelled)

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        self.running = True
        try:
            result = self.fn(progress=_QtProgress(self.signals, self._stop))
        except Cancelled:
            self.signals.sig_cancelled.emit()
        except Exception as exc:  # reported to the user, never swallowed
            # as encodable text: a Qt string would silently drop a lone surrogate (a path's undecodable byte)
            self.signals.sig_failed.emit(safe_text(f"{exc}\n\n{traceback.format_exc()}"))
        else:
            if self._stop.is_set():
                self.signals.sig_cancelled.emit()
            else:
                self.signals.sig_done.emit(result)
        finally:
            self.running = False
            self.finished = True
            self.signals.sig_finished.emit()


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    (pool or QThreadPool.globalInstance()).start(task)
    return task
