"""Review and project responsiveness in the GUI (run on demand, prints figures).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_review_gui.py [--statements 100000]

With N synthetic statements (250 countries × 50 topics, 10,000 documents)
open in the real main window:

1. Reject / undo / redo / edit / bulk reject: time from the command to the matrix showing the
   change (decisions are replayed and the matrix rebuilt in a worker), and
   the longest the UI thread was deaf meanwhile (a 10 ms probe timer).
   Targets: matrix updated within 2 s; UI thread never deaf over 100 ms.
2. Save (worker) and a recovery copy (worker): wall time, and the UI thread's
   worst gap (the snapshot taken on the UI thread is included).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import Probe, synthetic_analysis  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import collect_garbage_on_ui_thread, share_interpreter_with_the_ui  # noqa: E402
from gui.chart_panel import configure_pyqtgraph  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from model.analysis.filters import StatementFilter  # noqa: E402
from model.review.reviewed import as_reviewed  # noqa: E402

#: how long the probe keeps running after the signal: the views' slots and the repaint they cause are
#: part of the pause (before, the probe stopped at the signal and never saw them)
SETTLE_MS = 400


def wait_for(signal, action) -> tuple[float, float]:
    """Wall ms from ``action`` to ``signal``, and the UI thread's worst gap (ms) until SETTLE_MS after it."""
    probe, loop = Probe(), QEventLoop()
    shown: list[float] = []

    def done(*_args) -> None:
        if not shown:
            shown.append(time.perf_counter())
            QTimer.singleShot(SETTLE_MS, loop.quit)
    signal.connect(done)
    probe.start()
    t0 = time.perf_counter()
    action()
    loop.exec()
    probe.stop()
    signal.disconnect(done)
    return (shown[0] - t0) * 1000, max(probe.gaps, default=0.0)


def report(name: str, wall: float, gap: float, target_ms: float) -> None:
    verdict = "OK" if wall < target_ms and gap < 100 else "OVER"
    print(f"  {name}: {wall:.0f} ms to show (target < {target_ms:.0f}), UI thread worst gap {gap:.0f} ms → {verdict}")


def expect(state, statements: int) -> None:
    """The decisions matched their statements (the matrix really changed): else the figures mean nothing."""
    shown = len(state.analysis.statements)
    if shown != statements or state.unmatched:
        raise SystemExit(f"the review did not apply: {shown} statements shown, {statements} expected, "
                         f"{len(state.unmatched)} unmatched decision(s)")


def bench(app: QApplication, n: int, folder: Path, save: bool = True) -> None:
    analysis = as_reviewed(synthetic_analysis(n))
    window = MainWindow()
    window.projects.ask_save = lambda: "discard"
    window.show()
    wait_for(window.state.sig_matrix_changed, lambda: window.state.set_result(analysis))
    state, actions = window.state, window.state.session.actions
    print(f"review: {len(state.analysis.statements)} statements, {len(window.matrix_model.actors)} countries")
    # for comparison: a filter change rebuilds the matrix in the worker without replaying decisions
    report("filter change (no review, for comparison)",
           *wait_for(state.sig_matrix_changed, lambda: state.set_filter(StatementFilter(min_confidence=0.5))), 2000)
    wait_for(state.sig_matrix_changed, lambda: state.set_filter(StatementFilter()))
    row = state.analysis.statements.iloc[0]
    window.select_cell(row["actor"], row["topic"])   # as an analyst reviews: the cell's evidence is shown
    app.processEvents()
    report("reject", *wait_for(state.sig_matrix_changed, lambda: actions.reject(row)), 2000)
    expect(state, n - 1)
    report("undo", *wait_for(state.sig_matrix_changed, window.menu_actions["undo"].trigger), 2000)
    expect(state, n)
    report("redo", *wait_for(state.sig_matrix_changed, window.menu_actions["redo"].trigger), 2000)
    expect(state, n - 1)
    row2 = state.analysis.statements.iloc[1]
    report("edit topic", *wait_for(state.sig_matrix_changed, lambda: actions.edit(row2, {"topic": "economy"})), 2000)
    expect(state, n - 1)
    st = state.analysis.statements
    bulk = st[st["document"] == st["document"].iat[2]].to_dict(orient="records")
    report(f"bulk reject ({len(bulk)} statements of a document)",
           *wait_for(state.sig_matrix_changed, lambda: actions.decide_all("reject", bulk, "a document")), 2000)
    expect(state, n - 1 - len(bulk))
    report("undo bulk reject", *wait_for(state.sig_matrix_changed, window.menu_actions["undo"].trigger), 2000)
    expect(state, n - 1)
    cell = (row["actor"], row["topic"])   # the selected cell, as its context menu does it
    size = len(state.cell_statements(*cell))
    report(f"bulk reject of the selected cell ({size} statements)",
           *wait_for(state.sig_matrix_changed, lambda: window.review.decide_cell("reject", *cell)), 2000)
    expect(state, n - 1 - size)
    report("undo cell reject", *wait_for(state.sig_matrix_changed, window.menu_actions["undo"].trigger), 2000)
    expect(state, n - 1)
    if not save:
        window.close()
        return
    path = folder / "bench.stanceatlas"
    wall, gap = wait_for(window.projects.sig_saved, lambda: window.projects.write(str(path)))
    print(f"  save ({path.stat().st_size / 1e6:.1f} MB): {wall:.0f} ms, UI thread worst gap {gap:.0f} ms")
    actions.reject(row2)
    window.projects.clock.interval = 0.0
    wall, gap = wait_for(window.projects.sig_recovery_written, window.projects.autosave_tick)
    print(f"  recovery copy: {wall:.0f} ms, UI thread worst gap {gap:.0f} ms")
    window.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--statements", type=int, default=100000)
    p.add_argument("--no-save", action="store_true", help="review commands only (skip save and recovery copy)")
    args = p.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        configure_pyqtgraph()
        collector = collect_garbage_on_ui_thread()  # as the app does
        share_interpreter_with_the_ui()
        bench(app, args.statements, Path(tmp), save=not args.no_save)
        del collector
    return 0


if __name__ == "__main__":
    sys.exit(main())
