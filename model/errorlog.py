"""Where internal errors go: one log file, so that a user sees a plain reason and a developer
finds the traceback.

A failure inside the app's own code while reading a file or analysing a document costs that
file or document only.  The user is told which one and "internal error, reported in the log";
the traceback is appended here.  The file is ``$STANCE_ATLAS_LOG`` if set, else
``~/.local/state/stance-atlas/errors.log`` (``$XDG_STATE_HOME`` honoured).  Writing the log must
never raise: if the file cannot be written, the traceback goes to nowhere rather than stopping a
load.
"""

from __future__ import annotations

import os
import re
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path

#: the reason a user reads for an internal error (the log has the traceback)
INTERNAL_ERROR = "internal error, reported in the log"
#: the log stops growing past this size (it is rotated once to ``errors.log.1``)
MAX_BYTES = 5_000_000

_LOCK = threading.Lock()
_SURROGATE = re.compile("[\ud800-\udfff]")


def log_path() -> Path:
    """The error log file (not created until something is logged)."""
    env = os.environ.get("STANCE_ATLAS_LOG")
    if env:
        return Path(env)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "stance-atlas" / "errors.log"


def safe_text(value: object) -> str:
    """``value`` as a string that can always be encoded (lone surrogates become U+FFFD)."""
    return _SURROGATE.sub("\ufffd", str(value))


def log_exception(where: str, exc: BaseException) -> Path:
    """Append ``exc``'s traceback, with what was being done (``where``), to the log; return the log path."""
    path = log_path()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    body = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    entry = f"--- {stamp} {safe_text(where)}\n{safe_text(body)}\n"
    with _LOCK:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and path.stat().st_size > MAX_BYTES:
                os.replace(path, path.with_name(path.name + ".1"))
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(entry)
        except OSError:
            pass  # a log that cannot be written must not turn one failure into a stopped load
    return path
