"""A small progress/cancel protocol shared by the GUI workers and the CLI.

Long-running model functions take an optional ``progress`` argument that
follows :class:`Progress`.  They call ``progress.report(done, total, message)``
now and then and check ``progress.cancelled()`` between units of work (files,
documents); when it returns True they stop and raise :class:`Cancelled`, or
return what they have, as their docstring says.
"""

from __future__ import annotations

import re
import sys
import time
from typing import Protocol, TextIO


class Cancelled(Exception):
    """Raised by long work when its progress object asked it to stop."""


class Progress(Protocol):
    def report(self, done: int, total: int, message: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class NullProgress:
    """Reports nowhere and is never cancelled."""

    def report(self, done: int, total: int, message: str = "") -> None:
        return None

    def cancelled(self) -> bool:
        return False


class StderrProgress:
    """Progress for the command line: a single updating line on stderr.

    At most ``interval`` seconds apart, so large sets do not flood a terminal.
    """

    def __init__(self, label: str, stream: TextIO | None = None, interval: float = 0.5) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self._last = 0.0
        self._shown = False
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def report(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if done < total and (now - self._last < self.interval or not self._tty):
            return  # a log file gets one line per stage, a terminal an updating one
        self._last = now
        pct = f"{100 * done / total:5.1f}%" if total else "     "
        tail = f" {message}" if message else ""
        if done >= total:
            self.stream.write(f"{self.label}: {done}/{total} done{' ' * 60 if self._tty else ''}\n")
        else:
            self.stream.write(f"{self.label}: {done}/{total} {pct}{tail[:60]:<61}\r")
        self.stream.flush()
        self._shown = True

    def cancelled(self) -> bool:
        return False


class StageProgress:
    """Progress of work in named stages, on stderr: the message names the stage, and each line
    says what it counted — "reading and extracting: 12 of 40 parts".

    A terminal gets one updating line per stage (at most ``interval`` seconds apart), a log
    file one line per stage, when it is done."""

    def __init__(self, stream: TextIO | None = None, unit: str = "parts", interval: float = 0.5) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.unit = unit
        self.interval = interval
        self._last = 0.0
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def report(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if done < total and (now - self._last < self.interval or not self._tty):
            return
        self._last = now
        line = f"{message}: {counted(done, total, self.unit)}" if message else counted(done, total, self.unit)
        if done >= total:
            self.stream.write(f"{line:<60}\n" if self._tty else f"{line}\n")
        else:
            self.stream.write(f"{line:<60}\r")
        self.stream.flush()

    def cancelled(self) -> bool:
        return False


#: between a stage's count and what it is working on, in a progress message
COUNT_SEPARATOR = " — "
_COUNT = re.compile(r"^[\d,]+ of [\d,]+ \w+")


def counted(done: int, total: int, unit: str, detail: str = "") -> str:
    """What a stage has done, in its own units: "1,204 of 10,000 documents" (then " — detail")."""
    return f"{done:,} of {total:,} {unit}" + (f"{COUNT_SEPARATOR}{detail}" if detail else "")


def amount(n: int, noun: str) -> str:
    """A number of things as a reader writes it: "1 document", "1,204 documents" (``noun`` singular, plural +s)."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def count_of(message: str) -> str:
    """The count a progress message starts with ("1,204 of 10,000 documents"), or "" when it has none."""
    match = _COUNT.match(message)
    return match.group(0) if match else ""


class SubProgress:
    """Maps the progress of one stage onto a slice [start, stop) of a parent.

    With a ``unit`` ("files", "documents"), the message passed up starts with the
    stage's own count (:func:`counted`), so a progress bar can say what it counts.
    """

    def __init__(self, parent: Progress, start: int, stop: int, total: int, unit: str = "") -> None:
        self.parent = parent
        self.start = start
        self.stop = stop
        self.total = total
        self.unit = unit

    def report(self, done: int, total: int, message: str = "") -> None:
        frac = done / total if total else 1.0
        if self.unit:
            message = counted(done, total, self.unit, message)
        self.parent.report(self.start + int(frac * (self.stop - self.start)), self.total, message)

    def cancelled(self) -> bool:
        return self.parent.cancelled()
