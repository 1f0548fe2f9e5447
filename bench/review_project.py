"""Review and project figures on a large synthetic workspace (run on demand).

    .venv/bin/python bench/review_project.py [--docs 5000] [--decisions 5000]

Prints: time to apply decisions over the statements, to save and to open the
project, and the file size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.project.store import open_project, save_project  # noqa: E402
from model.review import commands as cmd  # noqa: E402
from model.review.decisions import apply_decisions  # noqa: E402
from model.review.workspace import Workspace  # noqa: E402
from tools.crash_test import state  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--decisions", type=int, default=5000)
    args = ap.parse_args()
    big = state(4 * (args.docs - 1))                  # docs × 3 statements
    ws = Workspace(big.documents, big.statements, big.decisions[: args.decisions], big.notes, big.resource_edits, big.view)
    print(f"documents {len(ws.documents)}, statements {len(ws.statements)}, decisions {len(ws.decisions)}")
    t = time.perf_counter()
    reviewed, unmatched = apply_decisions(ws.statements, ws.decisions, ws.documents)
    print(f"apply decisions            {time.perf_counter() - t:7.3f} s  ({len(reviewed)} kept, {len(unmatched)} unmatched)")
    t = time.perf_counter()
    cmd.reject_statement(reviewed.iloc[0]).do(ws)
    apply_decisions(ws.statements, ws.decisions, ws.documents)
    print(f"one more reject + re-apply {time.perf_counter() - t:7.3f} s")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "big.stanceatlas"
        t = time.perf_counter()
        save_project(path, ws)
        print(f"save project               {time.perf_counter() - t:7.3f} s  ({path.stat().st_size / 1e6:.1f} MB)")
        t = time.perf_counter()
        open_project(path)
        print(f"open project               {time.perf_counter() - t:7.3f} s")


if __name__ == "__main__":
    main()
