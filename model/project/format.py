"""The project file's format: its SQLite header marks, its schema, and the error every open or save raises.

The file carries ``PRAGMA application_id`` (``StAt``) and ``PRAGMA user_version``
(the schema version); :data:`SCHEMA` creates the fixed tables (the statements
table, one column per field, is declared when saving, :mod:`model.project.store`).
"""

from __future__ import annotations

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


class ProjectError(Exception):
    """A project cannot be opened or saved; the message names the file and says why."""
