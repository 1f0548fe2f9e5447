"""The project file: one SQLite database holding a whole workspace.

Following SQLite's "application file format" advice, the file carries
``PRAGMA application_id`` (``StAt``) and ``PRAGMA user_version`` (the schema
version), and holds one table per kind of data: documents (text, metadata,
content hash), statements (the machine output, one column per field),
decisions, notes, the user's resource edits (aliases, topic cues) and view
settings (JSON).

**Saving is atomic by file replacement**: the whole project is written to a
temporary file beside the target (no journal needed: nobody else sees it),
the file is fsync'ed, then ``os.replace`` swaps it in and the folder is
fsync'ed.  A crash or kill at any moment leaves the target either as it was
or fully new, never half-written, and there are no ``-wal``/``-journal`` side
files to lose when a user copies or mails a project.

**No writer silently overwrites another**: temporary names carry the saving
process's id (:mod:`model.export.atomic`), so two processes never delete each
other's; leftovers of killed saves are removed once their process is gone.
The check and the swap run under an exclusive lock on the folder
(``fcntl.flock``), and a save is refused with :class:`ProjectError` when the
file changed since this process opened or last saved it (device, inode, size
and time, else the SHA-256 of the content), or when the file is read-only.
A project is a
snapshot that re-extraction regenerates wholesale, so rewriting it is simple
and costs little against incremental in-place updates (see bench/).

**Opening changes nothing and runs nothing**: the file is opened read-only; a
file that is not SQLite, not ours, altered (a schema other than the one this
version writes: generated columns, constraints, triggers, views, other tables
or columns — checked before any row is read, :mod:`model.project.check`),
damaged (``PRAGMA integrity_check``, missing tables, values of the wrong type,
JSON fields too large or too deep, a document whose text does not match its
hash) or from a newer schema raises :class:`ProjectError` with a plain reason.

This module saves; the rest lives beside it and is re-exported here:
:mod:`model.project.format` (the header marks, the schema, :class:`ProjectError`),
:mod:`model.project.reading` (:func:`read_project`, :func:`open_project`) and
:mod:`model.project.stamps` (what this process last opened or saved; the folder lock).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from model.export.atomic import PROJECT_SUFFIX, make_temp, release_temp
from model.export.atomic import remove_stale_temps as _remove_stale_temps
from model.project.format import APP, APPLICATION_ID, SCHEMA, SCHEMA_VERSION, SUFFIX, TABLES, ProjectError
from model.project.reading import check_header, open_project, read_project
from model.project.stamps import (
    FileStamp,
    check_unchanged,
    file_digest,
    file_stamp,
    folder_lock,
    opened_stamp,
    remember,
)
from model.review.decisions import StatementRef
from model.review.workspace import Workspace
from model.statements import COLUMNS

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "SUFFIX", "TABLES", "FileStamp", "ProjectError", "check_header",
           "check_unchanged", "open_project", "opened_stamp", "read_project", "remove_stale_temps", "save_project"]

_SQL_TYPE = {"int64": "INTEGER", "bool": "INTEGER", "float64": "REAL"}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _plain(v: Any) -> Any:
    if v is None or (isinstance(v, float) and v != v):
        return None
    if v is pd.NA or v is pd.NaT:
        return None
    return v.item() if hasattr(v, "item") else v


# ---- writing ----------------------------------------------------------------

def _write_statements(con: sqlite3.Connection, df: pd.DataFrame) -> None:
    cols = [c for c in COLUMNS if c in df.columns] + [c for c in df.columns if c not in COLUMNS and c != "ord"]
    decl = ", ".join(f"{_q(c)} {_SQL_TYPE.get(str(df[c].dtype), 'TEXT')}" for c in cols)
    con.execute(f"CREATE TABLE statements(ord INTEGER PRIMARY KEY, {decl})")
    marks = ", ".join("?" * (len(cols) + 1))
    rows = ((n, *(_plain(v) for v in rec)) for n, rec in enumerate(df[cols].itertuples(index=False, name=None)))
    con.executemany(f"INSERT INTO statements VALUES ({marks})", rows)


def _ref_values(ref: StatementRef | None) -> tuple[Any, ...]:
    if ref is None:
        return (None,) * 6
    return (ref.doc_hash, ref.doc_id, ref.start, ref.end, ref.sentence, ref.actor)


def _write(con: sqlite3.Connection, ws: Workspace, meta: dict[str, str]) -> None:
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    con.executescript(SCHEMA)
    meta = {"app": APP, "saved_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"), **meta}
    con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    con.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?)", (
        (n, d.id, d.hash, d.text, json.dumps({k: v for k, v in asdict(d).items() if k not in ("id", "text", "hash")}))
        for n, d in enumerate(ws.documents)))
    _write_statements(con, ws.statements)
    con.executemany("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (n, d.id, d.kind, d.time, *_ref_values(d.ref), json.dumps(dict(d.values)))
        for n, d in enumerate(ws.decisions)))
    con.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (n, x.id, x.time, x.text, *_ref_values(x.statement),
         *((x.cell.actor, x.cell.column, x.cell.by) if x.cell else (None, None, None)))
        for n, x in enumerate(ws.notes)))
    con.executemany("INSERT INTO aliases VALUES (?, ?, ?, ?, ?)", (
        (n, a.name, a.code, a.kind, a.note) for n, a in enumerate(ws.resource_edits.aliases)))
    con.executemany("INSERT INTO topic_cues VALUES (?, ?, ?)", (
        (n, c.topic, c.cue) for n, c in enumerate(ws.resource_edits.topic_cues)))
    con.executemany("INSERT INTO view_settings VALUES (?, ?)", ((k, json.dumps(v)) for k, v in ws.view.items()))


def _fsync(path: Path, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:
            return  # some platforms cannot open folders; the rename is still atomic
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def save_project(path: str | os.PathLike[str], ws: Workspace, meta: dict[str, str] | None = None) -> None:
    """Write the whole workspace to ``path`` atomically (see the module docstring).

    Refused with :class:`ProjectError`, nothing written, when ``path`` is a
    read-only file or a folder, or when the file changed on disk since this
    process last opened or saved it (another program or window saved it).
    """
    target = Path(path)
    if not str(target.parent):
        target = Path(".") / target
    folder = target.parent
    try:
        json.dumps(ws.view)
    except (TypeError, ValueError) as exc:
        raise ProjectError(f"cannot save {target}: view settings are not JSON ({exc})") from exc
    _check_writable(target)
    check_unchanged(target)
    remove_stale_temps(target)
    try:
        tmp = make_temp(target, PROJECT_SUFFIX)
    except OSError as exc:
        raise ProjectError(f"cannot save {target}: cannot write in {folder} ({exc.strerror or exc})") from exc
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            with con:
                _write(con, ws, meta or {})
        finally:
            con.close()
        _fsync(tmp)
        digest = file_digest(tmp)
        with folder_lock(folder):
            _check_writable(target)
            check_unchanged(target)                 # again, now that no other save can run
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
            os.chmod(tmp, mode)
            os.replace(tmp, target)
            _fsync(folder, directory=True)
            remember(target, file_stamp(target, digest))
    except (OSError, sqlite3.Error) as exc:
        raise ProjectError(f"cannot save {target}: {getattr(exc, 'strerror', None) or exc}") from exc
    finally:
        release_temp(tmp)
    remove_stale_temps(target)


def _check_writable(target: Path) -> None:
    """A read-only project file or a folder is refused, like a read-only export target."""
    if target.is_dir():
        raise ProjectError(f"cannot save {target}: it is a folder")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ProjectError(f"cannot save {target}: {exc.strerror or exc}") from exc
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ProjectError(f"cannot save {target}: the file is read-only; it was left untouched "
                           "(save under another name, or make it writable first)")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temps(target: str | os.PathLike[str]) -> int:
    """Delete temporary files that interrupted saves (of processes now gone) left beside ``target``; how many."""
    return _remove_stale_temps(target)
