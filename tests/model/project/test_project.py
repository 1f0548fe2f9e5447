"""Project files: round trip, damaged files, newer versions, atomic saves, recovery copies."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pandas as pd
import pytest

import model.project.store as project
from model.documents import Document
from model.project.recovery import discard_recovery, find_recovery, write_recovery
from model.project.store import APPLICATION_ID, SCHEMA_VERSION, ProjectError, open_project, read_project, save_project
from model.resource_edits import Alias, TopicCue
from model.review import commands as cmd
from model.review.workspace import Workspace, fingerprint
from tests.model.review_helpers import DOC_A, DOC_B, clock, machine, reviewed, row


def full_workspace() -> Workspace:
    docs = [Document("a", DOC_A.text, title="Talks", date="2026-09-09", source="Dawn", url="https://x.test/a",
                     path="in/a.txt", speaker_country="PAK", also_sources=("Reuters", "AP")), DOC_B]
    ws = Workspace(docs, machine(docs), view={"by": "issue", "sort": "activity", "widths": [120, 80], "zoom": 1.5})
    for c in (
        cmd.reject_statement(row(ws, "RUS"), now=clock),
        cmd.edit_statement(row(ws, "PAK"), {"target": "AFG", "polarity": -0.2, "stance": "deplored"}, now=clock),
        cmd.accept_statement(row(ws, "CHN"), now=clock),
        cmd.add_statement(DOC_B, 40, 45, {"actor": "IND", "topic": "environment"}, now=clock),
        cmd.rename_value("topic", "security", "defence", now=clock),
        cmd.note_statement(row(ws, "PAK"), "ask the desk", now=clock),
        cmd.note_cell("CHN", "diplomacy", "thin evidence", now=clock),
        cmd.add_alias(Alias("Ishaq Dar", "PAK")),
        cmd.add_topic_cue(TopicCue("migration", "deportation flights")),
    ):
        c.do(ws)
    return ws


def test_round_trip_keeps_everything(tmp_path):
    ws = full_workspace()
    path = tmp_path / "p.stanceatlas"
    save_project(path, ws)
    back = open_project(path)
    assert fingerprint(back) == fingerprint(ws)
    assert back.documents == ws.documents and back.documents[0].also_sources == ("Reuters", "AP")
    assert back.decisions == ws.decisions and back.notes == ws.notes
    assert back.resource_edits == ws.resource_edits and back.view == ws.view
    pd.testing.assert_frame_equal(reviewed(back), reviewed(ws), check_dtype=False)
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert con.execute("SELECT count(*) FROM statements").fetchone()[0] == len(ws.statements)
    _, meta = read_project(path)
    assert meta["app"].startswith("Stance Atlas")


def test_empty_workspace_round_trip(tmp_path):
    save_project(tmp_path / "e.stanceatlas", Workspace())
    back = open_project(tmp_path / "e.stanceatlas")
    assert back.documents == [] and back.statements.empty and list(back.statements.columns)[:3] == ["document", "sentence", "start"]


def _saved(tmp_path) -> tuple[os.PathLike, bytes]:
    path = tmp_path / "p.stanceatlas"
    save_project(path, full_workspace())
    return path, path.read_bytes()


def _opens_with(path, match: str) -> None:
    before = path.read_bytes()
    stamp = os.stat(path).st_mtime_ns
    with pytest.raises(ProjectError, match=match) as err:
        open_project(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == before and os.stat(path).st_mtime_ns == stamp   # nothing changed
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]


def test_not_a_project(tmp_path):
    junk = tmp_path / "notes.stanceatlas"
    junk.write_text("hello, I am a text file")
    _opens_with(junk, "not an SQLite database")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE t(x)")
    _opens_with(other, r"not a Stance Atlas project \(application id 0x0\)")
    with pytest.raises(ProjectError, match="no such project file"):
        open_project(tmp_path / "missing.stanceatlas")


def test_truncated_file_is_damaged(tmp_path):
    path, data = _saved(tmp_path)
    path.write_bytes(data[: len(data) // 2])
    _opens_with(path, "damaged")


def test_overwritten_pages_are_damaged(tmp_path):
    path, data = _saved(tmp_path)
    page = int.from_bytes(data[16:18], "big")
    bad = bytearray(data)
    for p in range(1, len(data) // page):
        bad[p * page: p * page + 24] = b"\xff" * 24           # smash every b-tree page header
    path.write_bytes(bytes(bad))
    _opens_with(path, "damaged")


def test_missing_table_is_damaged(tmp_path):
    path, _ = _saved(tmp_path)
    with sqlite3.connect(path) as con:
        con.execute("DROP TABLE notes")
    con.close()
    _opens_with(path, r"damaged \(missing table: notes\)")


def test_tampered_document_text_is_damaged(tmp_path):
    path, _ = _saved(tmp_path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE documents SET text = 'other words' WHERE id = 'a'")
    con.close()
    _opens_with(path, "text of document 'a' does not match its hash")


def test_newer_schema_is_refused(tmp_path):
    path, _ = _saved(tmp_path)
    with sqlite3.connect(path) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    _opens_with(path, rf"made by a newer version of Stance Atlas \(schema {SCHEMA_VERSION + 1} > {SCHEMA_VERSION}\)")


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path, old = _saved(tmp_path)
    real = project._write_statements

    def boom(con, df):
        real(con, df)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(project, "_write_statements", boom)
    with pytest.raises(ProjectError, match="cannot save .*disk I/O error"):
        save_project(path, Workspace())
    assert path.read_bytes() == old
    monkeypatch.undo()

    def no_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project.os, "replace", no_replace)
    with pytest.raises(ProjectError, match="No space left on device"):
        save_project(path, Workspace())
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["p.stanceatlas"]      # no temporary file left
    assert len(open_project(path).documents) == 2


def test_unsaveable_input_is_refused_before_writing(tmp_path):
    with pytest.raises(ProjectError, match="view settings are not JSON"):
        save_project(tmp_path / "v.stanceatlas", Workspace(view={"x": object()}))
    with pytest.raises(ProjectError, match="cannot write in"):
        save_project(tmp_path / "no" / "such" / "p.stanceatlas", Workspace())
    assert list(tmp_path.iterdir()) == []


def test_save_over_keeps_permissions_and_removes_stale_temps(tmp_path):
    path, _ = _saved(tmp_path)
    os.chmod(path, 0o640)
    proc = subprocess.Popen([sys.executable, "-c", ""])
    proc.wait()                                       # a process that has ended: its temporary file is stale
    stale = tmp_path / f".p.stanceatlas.{proc.pid}.abcd1234.saving"
    stale.write_bytes(b"half a save")
    save_project(path, Workspace())
    assert os.stat(path).st_mode & 0o777 == 0o640 and not stale.exists()
    assert open_project(path).documents == []


def test_recovery_copies(tmp_path):
    folder = tmp_path / "recovery"
    assert find_recovery(folder) == []
    ws = full_workspace()
    p1 = write_recovery(ws, folder, tmp_path / "study.stanceatlas")
    write_recovery(Workspace(), folder)                          # an unsaved project
    (folder / "junk.recovery.stanceatlas").write_text("x")
    found = {c.path.name: c for c in find_recovery(folder)}
    mine = found[p1.name]
    assert mine.original == str((tmp_path / "study.stanceatlas").resolve())
    assert (mine.documents, mine.decisions, mine.problem) == (2, len(ws.decisions), None)
    assert fingerprint(open_project(p1)) == fingerprint(ws)
    assert "not an SQLite database" in found["junk.recovery.stanceatlas"].problem
    assert sum(c.original is None and c.problem is None for c in found.values()) == 1
    discard_recovery(folder, tmp_path / "study.stanceatlas")
    discard_recovery(folder)
    assert [c.path.name for c in find_recovery(folder)] == ["junk.recovery.stanceatlas"]


UNENCODABLE = os.fsdecode(b"caf\xe9.stanceatlas")     # 'caf\udce9.stanceatlas': a Latin-1 byte in a UTF-8 file system


def test_a_project_whose_name_cannot_be_encoded_saves_reopens_and_is_recovered(tmp_path):
    path = tmp_path / UNENCODABLE
    ws = full_workspace()
    save_project(path, ws)
    assert os.listdir(tmp_path) == [UNENCODABLE]                  # the very name asked for, byte for byte
    assert fingerprint(open_project(path)) == fingerprint(ws)
    save_project(path, ws)                                         # saving again over the file it opened
    folder = tmp_path / "recovery"
    copy = write_recovery(ws, folder, path)
    (found,) = find_recovery(folder)
    assert found.path == copy and found.problem is None
    assert found.original == str(path.resolve())                   # the exact path, surrogate and all
    assert os.path.exists(found.original) and fingerprint(open_project(found.path)) == fingerprint(ws)
    discard_recovery(folder, path)
    assert find_recovery(folder) == []


def test_a_recovery_copy_that_cannot_be_removed_does_not_stop_a_save_or_close(tmp_path):
    from model.project.recovery import recovery_path

    folder = tmp_path / "recovery"
    slot = recovery_path(folder, tmp_path / "study.stanceatlas")
    slot.mkdir(parents=True)                        # something the app cannot unlink sits in the slot
    discard_recovery(folder, tmp_path / "study.stanceatlas")
    assert slot.is_dir()


def test_a_recovery_copy_written_before_paths_were_kept_as_bytes_still_names_its_project(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    old = folder / "study-0123456789.recovery.stanceatlas"
    save_project(old, Workspace(), meta={"recovery_of": "/data/study.stanceatlas", "revision": "3"})
    assert [c.original for c in find_recovery(folder)] == ["/data/study.stanceatlas"]


def test_autosave_clock_writes_within_the_interval_of_a_change():
    from model.project.recovery import AutosaveClock

    clock = AutosaveClock(300, revision=4)
    assert not clock.due(10_000)                     # nothing changed
    clock.changed(5, now=100)
    clock.changed(6, now=250)                        # the oldest unwritten change counts
    assert not clock.due(399) and clock.due(400)
    clock.written(6, now=401)
    assert not clock.due(10_000)
    clock.changed(7, now=500)
    clock.written(6, now=520)                        # an older copy finished late: 7 still pending
    assert clock.due(820)
    clock.changed(4, now=900)
    clock.reset(4)
    assert not clock.due(5000)


def test_a_decision_on_a_duplicate_text_stays_with_its_own_document():
    from model.review.decisions import apply_decisions

    twin = Document("twin", DOC_A.text)
    docs = [DOC_A, twin]
    ws = Workspace(docs, machine(docs))
    df = reviewed(ws)
    r = df[(df["document"] == "a") & (df["actor"] == "RUS")].iloc[0]
    cmd.reject_statement(r, now=clock).do(ws)
    out, unmatched = apply_decisions(ws.statements, ws.decisions, [twin, DOC_A])
    assert unmatched == [] and set(out[out["actor"] == "RUS"]["document"]) == {"twin"}


@pytest.mark.parametrize(("sql", "match"), [
    ("""UPDATE decisions SET "values" = '{"field": "actor", "old": "RUS", "new": "CHN"}' WHERE kind = 'rename'""",
     "a rename needs field"),
    ("""UPDATE decisions SET "values" = '{not json' WHERE kind = 'edit'""", "damaged"),
    ("UPDATE statements SET start = NULL WHERE ord = 0", "statement column 'start' has empty values"),
    ("UPDATE aliases SET code = 'Pakistan'", "must map to an ISO3 code"),
])
def test_bad_rows_make_a_damaged_project(tmp_path, sql, match):
    path, _ = _saved(tmp_path)
    with sqlite3.connect(path) as con:
        con.execute(sql)
    con.close()
    _opens_with(path, match)
