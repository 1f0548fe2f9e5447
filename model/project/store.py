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
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from model.documents import Document, content_hash
from model.errorlog import INTERNAL_ERROR, log_exception, safe_text
from model.export.atomic import PROJECT_SUFFIX, make_temp, release_temp
from model.export.atomic import remove_stale_temps as _remove_stale_temps
from model.project.check import (
    check_schema,
    check_value_types,
    decision_values,
    document_meta,
    meta_entries,
    parse_json,
    view_settings,
)
from model.resource_edits import Alias, ResourceEdits, TopicCue
from model.review.decisions import Decision, StatementRef
from model.review.notes import CellRef, Note
from model.review.workspace import Workspace
from model.statements import COLUMNS, DTYPES

APPLICATION_ID = int.from_bytes(b"StAt", "big")
SCHEMA_VERSION = 1
SUFFIX = ".stanceatlas"
APP = "Stance Atlas 0.1.0"

_REF = "doc_hash TEXT, doc_id TEXT, start INTEGER, \"end\" INTEGER, sentence TEXT, actor TEXT"
SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,
                       text TEXT NOT NULL, meta TEXT NOT NULL);
CREATE TABLE decisions(ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, time TEXT NOT NULL,
                       {_REF}, "values" TEXT NOT NULL);
CREATE TABLE notes(ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, time TEXT NOT NULL, text TEXT NOT NULL,
                   {_REF}, cell_actor TEXT, cell_column TEXT, cell_by TEXT);
CREATE TABLE aliases(ord INTEGER PRIMARY KEY, name TEXT NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL,
                     note TEXT NOT NULL);
CREATE TABLE topic_cues(ord INTEGER PRIMARY KEY, topic TEXT NOT NULL, cue TEXT NOT NULL);
CREATE TABLE view_settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
TABLES = ("meta", "documents", "statements", "decisions", "notes", "aliases", "topic_cues", "view_settings")
_SQL_TYPE = {"int64": "INTEGER", "bool": "INTEGER", "float64": "REAL"}


class ProjectError(Exception):
    """A project cannot be opened or saved; the message names the file and says why."""


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
        digest = _digest(tmp)
        with _folder_lock(folder):
            _check_writable(target)
            check_unchanged(target)                 # again, now that no other save can run
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
            os.chmod(tmp, mode)
            os.replace(tmp, target)
            _fsync(folder, directory=True)
            _remember(target, _stamp(target, digest))
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


# ---- who else wrote the file --------------------------------------------------

@dataclass(frozen=True)
class FileStamp:
    """What a project file was when this process last opened or saved it."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str

    def same_metadata(self, st: os.stat_result) -> bool:
        return (self.device, self.inode, self.size, self.mtime_ns) == (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


_stamps: dict[str, FileStamp] = {}
_stamps_lock = threading.Lock()


def _key(target: Path) -> str:
    return os.path.join(os.path.realpath(target.parent if str(target.parent) else "."), target.name)


def _digest(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _stamp(path: Path, digest: str | None = None) -> FileStamp:
    st = os.stat(path)
    return FileStamp(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, digest or _digest(path))


def _remember(target: Path, stamp: FileStamp) -> None:
    with _stamps_lock:
        _stamps[_key(target)] = stamp


def opened_stamp(path: str | os.PathLike[str]) -> FileStamp | None:
    """The file as this process last opened or saved it, or None if it never did."""
    with _stamps_lock:
        return _stamps.get(_key(Path(path)))


def check_unchanged(target: Path) -> None:
    """Raise :class:`ProjectError` when ``target`` changed since this process last opened or saved it.

    A file this process never opened (Save As over another file) and a file
    removed since (nothing to lose) pass.  Same device, inode, size and time
    means unchanged; otherwise the content hash decides (a copy put back, a touch).
    """
    known = opened_stamp(target)
    if known is None:
        return
    try:
        st = os.stat(target)
        if known.same_metadata(st) or _digest(target) == known.digest:
            return
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ProjectError(f"cannot save {target}: {exc.strerror or exc}") from exc
    raise ProjectError(
        f"cannot save {target}: the file was changed by another program or window since it was opened here; "
        "it was left untouched. Save under another name to keep both versions, or reopen it")


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so that saves into it by any process run one at a time.

    Without ``fcntl`` (Windows) or on a file system without locks the save still
    runs; the change check then guards all but a moment.
    """
    fd = _locked_folder(folder)
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)  # closing releases the lock


def _locked_folder(folder: Path) -> int | None:
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError:
        os.close(fd)
        return None
    return fd


# ---- reading ----------------------------------------------------------------

@contextlib.contextmanager
def _readonly(path: Path) -> Iterator[sqlite3.Connection]:
    # the URI is made from the file system's bytes: a name with an undecodable byte (a lone surrogate) opens too
    con = sqlite3.connect(f"file:{quote(os.fsencode(path.resolve()))}?mode=ro", uri=True)
    try:
        con.execute("PRAGMA trusted_schema = OFF")  # no function runs from the file's schema (checked anyway)
        yield con
    finally:
        con.close()


def check_header(path: Path) -> None:
    """Raise :class:`ProjectError` unless ``path`` is a project of a schema this version reads."""
    if not path.is_file():
        raise ProjectError(f"{path}: no such project file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        raise ProjectError(f"{path} is not a Stance Atlas project (not an SQLite database)")
    app_id = int.from_bytes(head[68:72], "big")
    version = int.from_bytes(head[60:64], "big")
    if app_id != APPLICATION_ID:
        raise ProjectError(f"{path} is not a Stance Atlas project (application id {app_id:#x})")
    if version > SCHEMA_VERSION:
        raise ProjectError(f"{path} was made by a newer version of Stance Atlas "
                           f"(schema {version} > {SCHEMA_VERSION}); update the app to open it")
    if version < 1:
        raise ProjectError(f"{path} is damaged (no schema version)")


def _check_database(path: Path, con: sqlite3.Connection) -> None:
    """The schema first (before anything reads a row), then SQLite's integrity check, then the values' types."""
    try:
        check_schema(con)
    except ValueError as exc:
        raise ProjectError(f"{path} is not a Stance Atlas project or was altered ({exc}); "
                           "it was not opened, and nothing in it was run") from exc
    problems = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise ProjectError(f"{path} is damaged (SQLite integrity check: {'; '.join(problems)})")
    have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in TABLES if t not in have]
    if missing:
        raise ProjectError(f"{path} is damaged (missing table{'s' if len(missing) > 1 else ''}: {', '.join(missing)})")
    check_value_types(con, TABLES)


def _ref(row: sqlite3.Row) -> StatementRef | None:
    if row["doc_hash"] is None:
        return None
    return StatementRef(row["doc_hash"], row["doc_id"], int(row["start"]), int(row["end"]), row["sentence"], row["actor"])


def _read_documents(con: sqlite3.Connection) -> list[Document]:
    docs = []
    for r in con.execute("SELECT * FROM documents ORDER BY ord"):
        what = f"the metadata of document '{r['id'][:80]}'"
        meta = document_meta(parse_json(r["meta"], what, "meta"), r["id"])  # a field a newer build added is ignored
        doc = Document(id=r["id"], text=r["text"], hash=r["hash"], **meta)
        if content_hash(doc.text) != doc.hash:
            raise ValueError(f"the text of document '{doc.id}' does not match its hash")
        docs.append(doc)
    return docs


def _read_statements(con: sqlite3.Connection) -> pd.DataFrame:
    df = pd.read_sql_query("SELECT * FROM statements ORDER BY ord", con).drop(columns=["ord"])
    for c in COLUMNS:
        if c not in df.columns:
            df[c] = pd.Series([None] * len(df), dtype=object)
    df = df[COLUMNS + [c for c in df.columns if c not in COLUMNS]]
    for col, dtype in DTYPES.items():
        if df[col].isna().any():
            raise ValueError(f"statement column '{col}' has empty values")
        df[col] = df[col].astype(dtype)
    return df


def _read(con: sqlite3.Connection) -> tuple[Workspace, dict[str, str]]:
    con.row_factory = sqlite3.Row
    meta = dict(meta_entries((r["key"], r["value"]) for r in con.execute("SELECT key, value FROM meta")))
    documents = _read_documents(con)
    statements = _read_statements(con)
    decisions = [Decision(r["kind"], r["time"], _ref(r),
                          decision_values(parse_json(r["values"], f"the values of decision '{r['id'][:80]}'", "values"),
                                          r["id"]), r["id"])
                 for r in con.execute("SELECT * FROM decisions ORDER BY ord")]
    notes = [Note(r["text"], r["time"], _ref(r),
                  CellRef(r["cell_actor"], r["cell_column"], r["cell_by"]) if r["cell_actor"] is not None else None, r["id"])
             for r in con.execute("SELECT * FROM notes ORDER BY ord")]
    edits = ResourceEdits(
        tuple(Alias(r["name"], r["code"], r["kind"], r["note"]) for r in con.execute("SELECT * FROM aliases ORDER BY ord")),
        tuple(TopicCue(r["topic"], r["cue"]) for r in con.execute("SELECT * FROM topic_cues ORDER BY ord")))
    view = view_settings((r["key"], r["value"]) for r in con.execute("SELECT key, value FROM view_settings"))
    return Workspace(documents, statements, decisions, notes, edits, view), meta


def read_project(path: str | os.PathLike[str]) -> tuple[Workspace, dict[str, str]]:
    """The workspace and the meta entries (app, saved_at, …) of a project file."""
    p = Path(path)
    check_header(p)
    try:
        stamp = _stamp(p)  # before reading: if the file changes meanwhile, a later save is refused, not lost
    except OSError as exc:
        raise ProjectError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    try:
        with _readonly(p) as con:
            _check_database(p, con)
            result = _read(con)
    except ProjectError:
        raise
    except sqlite3.Error as exc:
        raise ProjectError(f"{p} is damaged or not a Stance Atlas project ({exc})") from exc
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ProjectError(f"{p} is damaged ({exc})") from exc
    except (RecursionError, MemoryError) as exc:
        raise ProjectError(f"{p} is damaged (a value is too large or nested too deeply to read)") from exc
    except Exception as exc:  # the file is untrusted input: whatever else breaks, a plain refusal
        log_exception(f"opening the project {safe_text(p)}", exc)
        raise ProjectError(f"{p} cannot be opened: {INTERNAL_ERROR}") from exc
    _remember(p, stamp)
    return result


def open_project(path: str | os.PathLike[str]) -> Workspace:
    """Read a project; :class:`ProjectError` (and nothing changed) when it cannot be."""
    return read_project(path)[0]
