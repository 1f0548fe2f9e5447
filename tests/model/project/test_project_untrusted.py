"""A project file is untrusted input: an altered schema is refused before any row is read (so no
expression stored in it runs), and every malformed field gives a ProjectError, never a crash."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.project.store import ProjectError, open_project, save_project
from tests.model.project.test_project import full_workspace


@pytest.fixture(scope="module")
def saved() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.stanceatlas"
        save_project(path, full_workspace())
        return path.read_bytes()


def altered(tmp_path: Path, data: bytes, *sql: str, params: tuple = ()) -> Path:
    path = tmp_path / "p.stanceatlas"
    path.write_bytes(data)
    con = sqlite3.connect(path)
    try:
        for statement in sql:
            con.execute(statement, params if "?" in statement else ())
        con.commit()
    finally:
        con.close()
    return path


def refused(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(ProjectError, match=match) as err:
        open_project(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)
    assert path.read_bytes() == before


# ---- the schema ------------------------------------------------------------------------

@pytest.mark.parametrize(("sql", "word"), [
    (["ALTER TABLE view_settings ADD COLUMN g BLOB GENERATED ALWAYS AS (zeroblob(900000000)) VIRTUAL"], "BLOB"),
    (["ALTER TABLE statements ADD COLUMN g TEXT GENERATED ALWAYS AS (zeroblob(900000000)) VIRTUAL"], "GENERATED"),
    (["ALTER TABLE notes ADD COLUMN extra TEXT"], "columns of a project"),
    (["ALTER TABLE statements ADD COLUMN d TEXT DEFAULT 'x'"], "DEFAULT"),
    (["ALTER TABLE topic_cues RENAME TO old", "CREATE TABLE topic_cues(ord INTEGER PRIMARY KEY, topic TEXT NOT NULL, "
      "cue TEXT NOT NULL DEFAULT (hex(zeroblob(900000000))))", "DROP TABLE old"], "DEFAULT"),
    (["ALTER TABLE meta RENAME TO old_meta",
      "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (length(zeroblob(900000000)) > 0))",
      "INSERT INTO meta SELECT * FROM old_meta", "DROP TABLE old_meta"], "CHECK"),
    (["CREATE TRIGGER t AFTER INSERT ON notes BEGIN SELECT zeroblob(900000000); END"], "unexpected trigger 't'"),
    (["CREATE VIEW v AS SELECT zeroblob(900000000)"], "unexpected view 'v'"),
    (["CREATE TABLE extra(x)"], "unexpected table 'extra'"),
    (["CREATE INDEX i ON documents(length(zeroblob(900000000)))"], "unexpected index 'i'"),
    (["ANALYZE"], "unexpected table .sqlite_stat1."),
])
def test_unexpected_schema_is_refused_before_reading(tmp_path, saved, sql, word):
    path = altered(tmp_path, saved, *sql)
    refused(path, rf"not a Stance Atlas project or was altered \(.*{word}.*\); it was not opened, and nothing in it was run")


def test_the_schema_check_passes_the_files_this_version_writes(tmp_path, saved):
    path = tmp_path / "p.stanceatlas"
    path.write_bytes(saved)
    assert len(open_project(path).documents) == 2


# ---- values ------------------------------------------------------------------------------

@pytest.mark.parametrize(("sql", "params", "match"), [
    ("UPDATE documents SET text = ? WHERE id = 'a'", (b"\x00binary",), "column 'text' does not hold text"),
    ("UPDATE meta SET value = ? WHERE key = 'app'", (b"\x01",), "table 'meta': column 'value' does not hold text"),
    ("UPDATE decisions SET start = 'x' WHERE ord = 0", (), "column 'start' does not hold integer"),
    ("UPDATE statements SET polarity = 'very' WHERE ord = 0", (), "column 'polarity' does not hold real"),
    ("UPDATE documents SET meta = '[1, 2]'", (), "metadata of document 'a' is not a JSON object"),
    ("UPDATE documents SET meta = ? WHERE id = 'a'", ('{"title": ["x"]}',), "'title' is not text"),
    ("UPDATE documents SET meta = ? WHERE id = 'a'", ('{"pages": [-1]}',), "'pages' is not a list of offsets"),
    ("UPDATE documents SET meta = ? WHERE id = 'a'", ("[" * 600_000 + "]" * 600_000,), "characters long"),
    ("UPDATE documents SET meta = ? WHERE id = 'a'", ("[" * 5_000 + "]" * 5_000,), "nested"),
    ("UPDATE view_settings SET value = ? WHERE key = 'by'", ("[" * 50_000 + "]" * 50_000,), "nested too deeply"),
    ("UPDATE view_settings SET value = ? WHERE key = 'by'", ('{"a":' * 40 + "1" + "}" * 40,), "more than 16 levels"),
    ("UPDATE view_settings SET value = ? WHERE key = 'by'", ("x" * 200_000,), "characters long"),
    ("UPDATE view_settings SET value = '{oops' WHERE key = 'by'", (), "view setting 'by' is not valid JSON"),
    ("""UPDATE decisions SET "values" = '[]' WHERE ord = 0""", (), "are not a JSON object"),
    ("""UPDATE decisions SET "values" = '{"polarity": [1]}' WHERE kind = 'edit'""", (), "is not a plain value"),
    ("UPDATE meta SET value = ? WHERE key = 'app'", ("x" * 200_000,), "meta entry 'app'"),
])
def test_malformed_values_are_a_project_error(tmp_path, saved, sql, params, match):
    refused(altered(tmp_path, saved, sql, params=params), match)


FIELDS = [  # (table, column, a WHERE picking one row)
    ("meta", "key", "key = 'app'"), ("meta", "value", "key = 'app'"),
    ("documents", "id", "ord = 0"), ("documents", "hash", "ord = 0"), ("documents", "text", "ord = 1"),
    ("documents", "meta", "ord = 0"),
    ("statements", "start", "ord = 0"), ("statements", "sentence", "ord = 0"), ("statements", "polarity", "ord = 1"),
    ("statements", "hedged", "ord = 0"), ("statements", "actor", "ord = 2"), ("statements", "document", "ord = 0"),
    ("decisions", "kind", "ord = 0"), ("decisions", "time", "ord = 1"), ("decisions", "doc_hash", "ord = 0"),
    ("decisions", "start", "ord = 1"), ("decisions", "values", "ord = 1"), ("decisions", "values", "ord = 4"),
    ("notes", "text", "ord = 0"), ("notes", "doc_hash", "ord = 0"), ("notes", "cell_actor", "ord = 1"),
    ("notes", "cell_by", "ord = 1"),
    ("aliases", "code", "ord = 0"), ("aliases", "kind", "ord = 0"), ("topic_cues", "cue", "ord = 0"),
    ("view_settings", "value", "key = 'widths'"), ("view_settings", "key", "key = 'zoom'"),
]
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                    max_leaves=20)
VALUES = (st.none() | st.integers(min_value=-2**63, max_value=2**63 - 1) | st.floats() | st.binary(max_size=30)
          | st.text(max_size=40) | JSON.map(json.dumps)
          | st.integers(min_value=20, max_value=3000).map(lambda n: "[" * n + "]" * n))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=VALUES)
def test_any_malformed_field_opens_or_is_a_project_error(tmp_path, saved, field, value):
    table, column, where = field
    path = tmp_path / "p.stanceatlas"
    path.write_bytes(saved)
    con = sqlite3.connect(path)
    try:
        try:
            con.execute(f'UPDATE {table} SET "{column}" = ? WHERE {where}', (value,))
            con.commit()
        except sqlite3.IntegrityError:            # NOT NULL / UNIQUE: SQLite itself kept the value out
            return
    finally:
        con.close()
    try:
        open_project(path)
    except ProjectError as exc:
        assert str(path) in str(exc)
    os.unlink(path)
