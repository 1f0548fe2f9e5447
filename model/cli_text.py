"""What the command line writes: stderr lines that no file name can forge, and encodable outputs (no Qt).

Progress goes to stderr, never stdout.  File names on stderr are escaped
(control characters, undecodable bytes) so that a name can never forge a line.
"""

from __future__ import annotations

import re
from typing import TextIO

import pandas as pd

from model.documents import LoadReport
from model.errorlog import safe_text
from model.progress import Progress

_SURROGATE = re.compile("[\ud800-\udfff]")


# ---- what goes to stderr -----------------------------------------------------

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def shown(text: object) -> str:
    """``text`` for one line of stderr: control and invisible characters backslash-escaped.

    A byte that was not valid in the file system's encoding (a lone surrogate such
    as ``\\udce9``) is shown as the byte (``\\xe9``).  The result is always
    printable and encodable, so a file name can neither break nor forge a line.
    """
    s = str(text)
    if s.isprintable() and "\\" not in s:
        return s
    return "".join(_escape(ch) for ch in s)


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isprintable():
        return ch
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class ShownProgress:
    """Progress whose file names are escaped before they reach the terminal."""

    def __init__(self, inner: Progress) -> None:
        self.inner = inner

    def report(self, done: int, total: int, message: str = "") -> None:
        self.inner.report(done, total, shown(message))

    def cancelled(self) -> bool:
        return self.inner.cancelled()


def report_issues(report: LoadReport, err: TextIO) -> None:
    """One stderr line per skipped, warned or failed input: ``<kind>: <path>: <reason>``."""
    for issue in report.issues:
        word = {"skipped": "skipped", "warning": "warning"}.get(issue.kind, "error")
        err.write(f"{word}: {shown(issue.path)}: {shown(issue.reason)}\n")


# ---- output -------------------------------------------------------------------

def encodable(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with lone surrogates (undecodable file-name bytes, ``\\udce9`` in JSON) made U+FFFD.

    One character becomes one character, so offsets still hold.
    """
    out = frame
    for name in frame.columns:
        col = frame[name]
        if not (col.dtype == object or pd.api.types.is_string_dtype(col)):
            continue
        if _SURROGATE.search("".join(v for v in col if isinstance(v, str))) is None:
            continue
        if out is frame:
            out = frame.copy()
        out[name] = col.map(lambda v: safe_text(v) if isinstance(v, str) else v)
    return out
