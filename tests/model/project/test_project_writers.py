"""Saving a project when others write too: unique temporary files, a lock and a change check so
that no writer silently overwrites another, read-only files refused, long names, stale leftovers."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from model.export import write_statements
from model.export.atomic import EXPORT_SUFFIX, PROJECT_SUFFIX, atomic_write, temp_key
from model.export.xlsx import _stage_file
from model.project.store import ProjectError, open_project, remove_stale_temps, save_project
from model.review.workspace import Workspace
from model.statements import empty_statements

fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks the writing processes")


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", ""])
    proc.wait()
    return proc.pid


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ---- two writers ---------------------------------------------------------------------

def _saver(path: str, rounds: int, barrier, results) -> None:
    barrier.wait()
    saved = refused = 0
    other: list[str] = []
    ws = open_project(path)
    for _ in range(rounds):
        ws.view["counter"] += 1
        try:
            save_project(path, ws)
            saved += 1
        except ProjectError as exc:
            if "changed by another program" not in str(exc):
                other.append(str(exc))
            refused += 1
            ws = open_project(path)                        # what the user does: reopen, redo the change
    results.put((saved, refused, other))


@fork
def test_two_processes_saving_one_project_lose_nothing(tmp_path):
    path = tmp_path / "shared.stanceatlas"
    save_project(path, Workspace(view={"counter": 0}))
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_saver, args=(str(path), 60, barrier, results)) for _ in range(2)]
    for p in procs:
        p.start()
    got = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    assert [p.exitcode for p in procs] == [0, 0]
    assert [o for _, _, o in got] == [[], []]              # no save failed for any other reason
    saved = sum(s for s, _, _ in got)
    # every successful save started from the file as the last save left it: no update was lost
    assert open_project(path).view["counter"] == saved
    assert saved + sum(r for _, r, _ in got) == 120
    assert temps(tmp_path) == []


def test_a_file_changed_underneath_is_not_overwritten(tmp_path):
    path = tmp_path / "p.stanceatlas"
    save_project(path, Workspace(view={"who": "me"}))
    ws = open_project(path)
    code = ("import sys; from model.project.store import save_project; from model.review.workspace import Workspace; "
            "save_project(sys.argv[1], Workspace(view={'who': 'other'}))")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, cwd=Path(__file__).resolve().parents[3])
    theirs = path.read_bytes()
    ws.view["who"] = "me again"
    with pytest.raises(ProjectError, match="changed by another program or window since it was opened here"):
        save_project(path, ws)
    assert path.read_bytes() == theirs and temps(tmp_path) == []
    save_project(tmp_path / "mine.stanceatlas", ws)       # saving under another name keeps both
    assert open_project(path).view == {"who": "other"}     # reopened: saving works again
    save_project(path, ws)
    assert open_project(path).view == {"who": "me again"}


def test_a_touched_but_equal_file_still_saves(tmp_path):
    path = tmp_path / "p.stanceatlas"
    save_project(path, Workspace(view={"n": 1}))
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)                                  # a copy put back: new inode and time, same bytes
    save_project(path, Workspace(view={"n": 2}))
    assert open_project(path).view == {"n": 2}


def test_read_only_project_file_is_refused(tmp_path):
    path = tmp_path / "p.stanceatlas"
    save_project(path, Workspace(view={"n": 1}))
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(ProjectError, match="read-only; it was left untouched"):
        save_project(path, Workspace(view={"n": 2}))
    assert path.read_bytes() == before and temps(tmp_path) == []
    with pytest.raises(ProjectError, match="it is a folder"):
        save_project(tmp_path, Workspace())


def test_a_long_project_name_saves(tmp_path):
    path = tmp_path / ("é" * 60 + "p" * 120 + ".stanceatlas")   # 252 bytes: the old temporary name did not fit
    assert len(os.fsencode(path.name)) <= 255
    save_project(path, Workspace(view={"n": 1}))
    save_project(path, Workspace(view={"n": 2}))
    assert open_project(path).view == {"n": 2} and temps(tmp_path) == []
    assert len(os.fsencode(temp_key(path))) <= 60


# ---- leftovers of killed runs -----------------------------------------------------------

def test_stale_project_temps_of_gone_processes_only_are_removed(tmp_path):
    path = tmp_path / "p.stanceatlas"
    save_project(path, Workspace())
    live = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        gone = tmp_path / f".p.stanceatlas.{dead_pid()}.abcd1234{PROJECT_SUFFIX}"
        running = tmp_path / f".p.stanceatlas.{live.pid}.abcd1234{PROJECT_SUFFIX}"
        other_target = tmp_path / f".q.stanceatlas.{dead_pid()}.abcd1234{PROJECT_SUFFIX}"
        not_ours = tmp_path / ".p.stanceatlas.backup"
        for p in (gone, running, other_target, not_ours):
            p.write_bytes(b"x" * 1000)
        save_project(path, Workspace(view={"n": 1}))
        assert not gone.exists()
        assert running.exists() and other_target.exists() and not_ours.exists()
    finally:
        live.stdin.close()
        live.wait()
    assert remove_stale_temps(path) == 1 and not running.exists()   # its process has ended now


def _killed_exporter(target: str, ready, never) -> None:
    with atomic_write(target) as tmp:
        tmp.write_bytes(b"\0" * 10_000_000)
        _stage_file(tmp).write_bytes(b"\0" * 1000)
        ready.set()
        never.wait()                                        # killed here, with SIGKILL


@fork
def test_export_killed_midway_leaves_temps_cleaned_at_the_next_write(tmp_path):
    target = tmp_path / "s.jsonl"
    ctx = multiprocessing.get_context("fork")
    ready, never = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=_killed_exporter, args=(str(target), ready, never))
    proc.start()
    assert ready.wait(600)
    os.kill(proc.pid, signal.SIGKILL)
    proc.join()
    left = temps(tmp_path)
    assert len(left) == 2 and left[0].endswith(EXPORT_SUFFIX) and left[1].endswith(".stage")
    other = tmp_path / "t.jsonl"
    write_statements(empty_statements(), other)            # another target's write leaves them
    assert temps(tmp_path) == left
    write_statements(empty_statements(), target)
    assert temps(tmp_path) == [] and target.exists()


def test_concurrent_export_temps_are_not_touched(tmp_path):
    target = tmp_path / "s.jsonl"
    with atomic_write(target) as first:
        first.write_text("one")
        write_statements(empty_statements(), target)       # a second write meanwhile, same process
        assert first.exists()
    assert target.read_text() == "one" and temps(tmp_path) == []
