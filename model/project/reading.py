"""Opening a project file: it changes nothing and runs nothing (see :mod:`model.project.store`).

The file is opened read-only; a file that is not SQLite, not ours, altered (a
schema other than the one this version writes, checked before any row is read,
:mod:`model.project.check`), damaged or from a newer schema raises
:class:`~model.project.format.ProjectError` with a plain reason.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from model.documents import Document, content_hash
from model.errorlog import INTERNAL_ERROR, log_exception, safe_text
from model.project.check import (
    check_schema,
    check_value_types,
    decision_values,
    document_meta,
    meta_entries,
    parse_json,
    view_settings,
)
from model.project.format import APPLICATION_ID, SCHEMA_VERSION, TABLES, ProjectError
from model.project.stamps import file_stamp, remember
from model.resource_edits import Alias, ResourceEdits, TopicCue
from model.review.decisions import Decision, StatementRef
from model.review.notes import CellRef, Note
from model.review.workspace import Workspace
from model.statements import COLUMNS, DTYPES


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
        stamp = file_stamp(p)  # before reading: if the file changes meanwhile, a later save is refused, not lost
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
    remember(p, stamp)
    return result


def open_project(path: str | os.PathLike[str]) -> Workspace:
    """Read a project; :class:`ProjectError` (and nothing changed) when it cannot be."""
    return read_project(path)[0]
