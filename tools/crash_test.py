"""Crash test for project saves: SIGKILL a saving process at random moments.

Repeatedly starts a child process that saves a growing project state
(state n+1, n+2, … over the same file, announcing "saving n" / "saved n" on
stdout), kills it with SIGKILL after a random delay, then opens the project
and checks that

* SQLite's ``PRAGMA integrity_check`` passes and :func:`open_project` opens it;
* its content equals the state before or after the last save the child
  started (it may have been killed mid-save, or after the file was replaced
  but before it could say so).

Usage:  python tools/crash_test.py [--cycles 1000] [--seed 1] [--dir FOLDER] [--spawn]

Children are forked from this process (modules already loaded, so kills are
cheap); ``--spawn`` starts a fresh interpreter for each instead.
Prints the counts; exit status 0 when no project was corrupt or wrong.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from model.documents import Document  # noqa: E402
from model.project.store import ProjectError, open_project, remove_stale_temps, save_project  # noqa: E402
from model.resource_edits import Alias, ResourceEdits  # noqa: E402
from model.review.decisions import Decision, StatementRef  # noqa: E402
from model.review.notes import CellRef, Note  # noqa: E402
from model.review.workspace import Workspace, fingerprint  # noqa: E402
from model.statements import statements_frame  # noqa: E402

T = "2026-11-28T12:00:00"
_SENTENCES = (("Russia", "RUS", "welcomed the talks on item {i}.", 0.6),
              ("Pakistan", "PAK", "condemned the attack near post {i}.", -0.7),
              ("China", "CHN", "noted the trade plan number {i}.", 0.1))


def state(n: int) -> Workspace:
    """The deterministic project state number ``n`` (grows with n)."""
    docs, rows = [], []
    for i in range(1 + n // 4):
        text, spans = "", []
        for name, code, rest, pol in _SENTENCES:
            s = len(text)
            text += f"{name} {rest.format(i=i)} "
            spans.append((s, len(text) - 1, name, code, pol))
        doc = Document(f"doc{i}", text.strip(), title=f"Report {i}", date="2026-09-09")
        docs.append(doc)
        for s, e, name, code, pol in spans:
            rows.append({"document": doc.id, "sentence": doc.text[s:e], "start": s, "end": e, "actor": code,
                         "actor_text": name, "speaker": None, "target": None, "topic": "diplomacy", "stance": "x",
                         "polarity": pol, "confidence": 0.5, "reporter": None, "hedged": False, "negated": False,
                         "issue": "", "actor_kind": "country", "cue": "", "cue_start": -1, "actor_start": s})
    stmts = statements_frame(rows)
    decisions = []
    for i in range(n):
        r = rows[(i * 7) % len(rows)]
        doc = docs[int(str(r["document"])[3:])]
        ref = StatementRef(doc.hash, doc.id, int(r["start"]), int(r["end"]), str(r["sentence"]), str(r["actor"]))
        kind = ("reject", "accept", "edit")[i % 3]
        decisions.append(Decision(kind, T, ref, {"polarity": -0.5} if kind == "edit" else {}, id=f"d{i}"))
    notes = [Note(f"note {i}", T, cell=CellRef("RUS", "diplomacy"), id=f"n{i}") for i in range(n // 3)]
    edits = ResourceEdits(aliases=tuple(Alias(f"Minister {i}", "PAK") for i in range(n // 10)))
    return Workspace(docs, stmts, decisions, notes, edits, {"cycle": n, "by": "topic"})


def child(path: str, first: int, out: TextIO = sys.stdout) -> None:
    """Save states first, first+1, … until killed."""
    print("ready", file=out, flush=True)
    n = first
    while True:
        ws = state(n)
        print(f"saving {n}", file=out, flush=True)
        save_project(path, ws)
        print(f"saved {n}", file=out, flush=True)
        n += 1


class Saver:
    """A saving child: forked (fast, modules already loaded) or a fresh interpreter (``spawn``)."""

    def __init__(self, path: Path, first: int, spawn: bool) -> None:
        self.proc: subprocess.Popen[str] | None = None
        if spawn or not hasattr(os, "fork"):
            self.proc = subprocess.Popen([sys.executable, __file__, "--child", str(path), str(first)],
                                         stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            assert self.proc.stdout is not None
            self.out = self.proc.stdout
            self.pid = self.proc.pid
            return
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save until killed, never return into the caller
            try:
                os.close(r)
                child(str(path), first, os.fdopen(w, "w"))
            finally:
                os._exit(0)
        os.close(w)
        self.pid, self.out = pid, os.fdopen(r)

    def kill(self) -> list[str]:
        """SIGKILL the child; everything it said."""
        os.kill(self.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()
        else:
            os.waitpid(self.pid, 0)
        said = self.out.read().split()
        self.out.close()
        return said


@dataclass
class Counts:
    kills: int = 0
    saves_started: int = 0
    saves_completed: int = 0
    killed_mid_save: int = 0
    equal_before: int = 0
    equal_after: int = 0
    corrupt: int = 0
    wrong_state: int = 0
    stale_temps: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.corrupt == 0 and self.wrong_state == 0

    def lines(self) -> list[str]:
        return [f"save cycles started        {self.saves_started}",
                f"save cycles completed      {self.saves_completed}",
                f"SIGKILLs                   {self.kills}",
                f"  killed during a save     {self.killed_mid_save}",
                f"project opened, = before   {self.equal_before}",
                f"project opened, = after    {self.equal_after}",
                f"corrupt projects           {self.corrupt}",
                f"wrong content              {self.wrong_state}",
                f"temp files left by kills   {self.stale_temps} (removed by the next save)"]


def _integrity_ok(path: Path) -> bool:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()


def run(cycles: int = 1000, folder: Path | None = None, seed: int = 1, echo: bool = False,
        spawn: bool = False) -> Counts:
    """Kill savers until at least ``cycles`` saves were started; check the file after each kill."""
    rng = random.Random(seed)
    folder = Path(folder or tempfile.mkdtemp(prefix="crash-test-"))
    path = folder / "crash.stanceatlas"
    t0 = time.perf_counter()
    save_project(path, state(0))
    save_time = max(time.perf_counter() - t0, 0.005)
    fps: dict[int, str] = {0: fingerprint(state(0))}

    def fp(n: int) -> str:
        if n not in fps:
            fps[n] = fingerprint(state(n))
        return fps[n]

    current, c = 0, Counts()
    seen_temps: set[Path] = set()
    while c.saves_started < cycles:
        saver = Saver(path, current + 1, spawn)
        if saver.out.readline().strip() != "ready":
            raise RuntimeError("the saving child did not start")
        time.sleep(rng.uniform(0, 4 * save_time * (1 + current / 400)))
        out = saver.kill()
        started = [int(x) for k, x in zip(out[::2], out[1::2], strict=False) if k == "saving"]
        saved = [int(x) for k, x in zip(out[::2], out[1::2], strict=False) if k == "saved"]
        c.kills += 1
        c.saves_started += len(started)
        c.saves_completed += len(saved)
        c.killed_mid_save += bool(started) and (not saved or started[-1] != saved[-1])
        temps = set(folder.glob(".crash.stanceatlas.*.saving"))
        c.stale_temps += len(temps - seen_temps)
        seen_temps |= temps
        before = saved[-1] if saved else current
        after = started[-1] if started else current
        if not _integrity_ok(path):
            c.corrupt += 1
            c.problems.append(f"kill {c.kills}: integrity_check failed")
            break
        try:
            got = fingerprint(open_project(path))
        except ProjectError as exc:
            c.corrupt += 1
            c.problems.append(f"kill {c.kills}: {exc}")
            break
        if got == fp(before):
            c.equal_before += 1
            current = before
        elif got == fp(after):
            c.equal_after += 1
            current = after
        else:
            c.wrong_state += 1
            c.problems.append(f"kill {c.kills}: content is neither state {before} nor {after}")
            break
        if echo and c.kills % 50 == 0:
            print(f"… {c.kills} kills, {c.saves_started} saves", file=sys.stderr, flush=True)
    remove_stale_temps(path)
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cycles", type=int, default=1000, help="minimum number of save cycles (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=None, help="working folder (default: a new temporary one)")
    ap.add_argument("--spawn", action="store_true", help="start a fresh interpreter per child instead of forking")
    ap.add_argument("--child", nargs=2, metavar=("PATH", "FIRST"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    t0 = time.perf_counter()
    c = run(args.cycles, args.dir, args.seed, echo=True, spawn=args.spawn)
    print("\n".join(c.lines()))
    print(f"time                       {time.perf_counter() - t0:.0f} s")
    for p in c.problems:
        print("PROBLEM:", p)
    print("OK: every project opened intact" if c.ok else "FAILED")
    return 0 if c.ok else 1


if __name__ == "__main__":
    sys.exit(main())
