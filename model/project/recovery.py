"""Autosave / recovery copies, for the next start after a crash.

While a project has unsaved changes the app writes a recovery copy (a full
project file, written atomically like a save) into a per-user folder at
least every few minutes; each open project has one slot, named after its
path.  A clean save or close discards the copy, so any copy found at start-up
means the app did not close cleanly: :func:`find_recovery` lists them for the
user to recover or discard.

A project's path may hold bytes the file system encoding cannot decode (Python
gives them as lone surrogates, ``caf\udce9.stanceatlas``): the slot name is made
from the path's bytes (``os.fsencode``) and the copy records the path as those
bytes, percent-encoded, so the original is found again exactly.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

from model.errorlog import safe_text
from model.project.store import SUFFIX, ProjectError, read_project, save_project
from model.review.workspace import Workspace

RECOVERY_SUFFIX = ".recovery" + SUFFIX
#: meta entries of a recovery copy: the original project's path as text (readable, lone surrogates
#: shown as U+FFFD) and as its file-system bytes, percent-encoded (exact)
ORIGINAL, ORIGINAL_BYTES = "recovery_of", "recovery_of_path"
#: the longest a change may wait for its recovery copy, in seconds
AUTOSAVE_INTERVAL = 300.0


class AutosaveClock:
    """When to write the next recovery copy: ``interval`` seconds after the oldest unwritten change.

    The GUI calls :meth:`changed` on every edit (with ``Workspace.revision``),
    :meth:`written` once a recovery copy or a save of a revision is on disk,
    and polls :meth:`due` from a timer; times are ``time.monotonic()`` seconds.
    """

    def __init__(self, interval: float = AUTOSAVE_INTERVAL, revision: int = 0) -> None:
        self.interval = interval
        self.reset(revision)

    def reset(self, revision: int) -> None:
        """A project was opened or saved at ``revision``: nothing pending."""
        self._written = self._latest = revision
        self._since: float | None = None

    def changed(self, revision: int, now: float) -> None:
        self._latest = revision
        if revision != self._written and self._since is None:
            self._since = now

    def written(self, revision: int, now: float) -> None:
        self._written = revision
        # a change made while the copy was being written waits for the next copy
        self._since = None if revision == self._latest else now

    def due(self, now: float) -> bool:
        return self._since is not None and now - self._since >= self.interval


@dataclass(frozen=True)
class RecoveryCopy:
    path: Path
    original: str | None        # the project it belongs to, None for an unsaved one
    saved_at: str               # UTC time the copy was written
    documents: int
    decisions: int
    problem: str | None = None  # why it cannot be opened, when it cannot


def recovery_path(folder: str | os.PathLike[str], project: str | os.PathLike[str] | None) -> Path:
    """The recovery slot of a project (or of an unsaved one) in ``folder``."""
    key = os.fsencode(Path(project).resolve()) if project else b"untitled"
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(project).stem if project else "untitled")[:40]
    return Path(folder) / f"{stem}-{hashlib.sha1(key).hexdigest()[:10]}{RECOVERY_SUFFIX}"


def original_entries(project: str | os.PathLike[str] | None) -> dict[str, str]:
    """The meta entries that name the project a recovery copy belongs to (empty strings: an unsaved one)."""
    if not project:
        return {ORIGINAL: "", ORIGINAL_BYTES: ""}
    resolved = Path(project).resolve()
    return {ORIGINAL: safe_text(resolved), ORIGINAL_BYTES: quote(os.fsencode(resolved), safe="/")}


def original_path(meta: dict[str, str]) -> str | None:
    """The project a recovery copy belongs to, exactly as it was (copies written before the bytes were kept: the text)."""
    raw = meta.get(ORIGINAL_BYTES)
    if raw:
        return os.fsdecode(unquote_to_bytes(raw))
    return meta.get(ORIGINAL) or None


def write_recovery(ws: Workspace, folder: str | os.PathLike[str],
                   project: str | os.PathLike[str] | None = None) -> Path:
    """Write a recovery copy of ``ws`` (atomically); returns its path."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    path = recovery_path(folder, project)
    save_project(path, ws, meta={**original_entries(project), "revision": str(ws.revision)})
    return path


def find_recovery(folder: str | os.PathLike[str]) -> list[RecoveryCopy]:
    """Recovery copies in ``folder``, newest first; damaged ones carry a ``problem``."""
    out: list[RecoveryCopy] = []
    base = Path(folder)
    if not base.is_dir():
        return out
    for p in base.glob(f"*{RECOVERY_SUFFIX}"):
        try:
            ws, meta = read_project(p)
        except ProjectError as exc:
            out.append(RecoveryCopy(p, None, "", 0, 0, str(exc)))
            continue
        out.append(RecoveryCopy(p, original_path(meta), meta.get("saved_at", ""),
                                len(ws.documents), len(ws.decisions)))
    out.sort(key=lambda c: c.saved_at, reverse=True)
    return out


def discard_recovery(folder: str | os.PathLike[str], project: str | os.PathLike[str] | None = None) -> None:
    """Remove the recovery copy of a project (after a clean save or close).

    Never raises: a copy that cannot be removed must not stop a save or a close; it is older than
    the project then, and :func:`find_recovery`'s caller does not offer such a copy."""
    with contextlib.suppress(OSError):
        recovery_path(folder, project).unlink()
