"""Where the UI thread's pauses during review commands come from (run on demand, prints a trace).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/trace_review_gui.py [--statements 100000] [--profile]

Same set-up as ``bench/bench_review_gui.py`` (a reject, undo, redo and edit at
100,000 statements).  For every UI-thread gap over 50 ms it prints what ran
meanwhile, on which thread: the UI slots and model steps are timed (wrapped),
a Python "interpreter probe" thread shows how long it waited for the
interpreter (a long wait: some thread held it), and garbage collections are
timed.  ``--profile`` adds a cProfile of the UI thread over all commands.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import os
import pstats
import sys
import threading
import time
from pathlib import Path

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import synthetic_analysis  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import collect_garbage_on_ui_thread, share_interpreter_with_the_ui  # noqa: E402
from gui.chart_panel import configure_pyqtgraph  # noqa: E402
from model.review.reviewed import as_reviewed  # noqa: E402

T0 = time.perf_counter()
EVENTS: list[tuple[float, float, str, str]] = []   # (start ms, end ms, thread, what)


def now() -> float:
    return (time.perf_counter() - T0) * 1000


def thread_name() -> str:
    return "ui" if threading.current_thread() is threading.main_thread() else threading.current_thread().name[:10]


def timed(owner: object, name: str, label: str) -> None:
    """Record every call of ``owner.name`` in EVENTS."""
    fn = getattr(owner, name)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t = now()
        try:
            return fn(*args, **kwargs)
        finally:
            EVENTS.append((t, now(), thread_name(), label))
    setattr(owner, name, wrapper)


def instrument() -> None:
    import gui.charts as charts
    import gui.compare_view as compare_view
    import gui.decisions_controller as decisions_controller
    import gui.documents_panel as documents_panel
    import gui.evidence as evidence
    import gui.lazy_panels as lazy_panels
    import gui.main_window as main_window
    import gui.matrix_model as matrix_model
    import gui.review_controller as review_controller
    import gui.state as state
    import model.analysis.view as view
    import model.review.reviewed as reviewed

    for owner, name in ((main_window.MainWindow, "_on_matrix_changed"), (main_window.MainWindow, "_on_analysis_changed"),
                        (lazy_panels.LazyPanels, "draw_heatmap"), (main_window.MainWindow, "_show_cell"),
                        (lazy_panels.LazyPanels, "refresh_side_panels"),
                        (matrix_model.MatrixTableModel, "set_matrix"), (charts.HeatmapChart, "set_data"),
                        (charts.TimelineChart, "set_data"), (charts.StanceBarsChart, "set_data"),
                        (compare_view.ComparisonPanel, "set_countries"), (evidence.EvidencePanel, "show_cell"),
                        (documents_panel.DocumentsPanel, "set_analysis"),
                        (review_controller.ReviewController, "show_cell_notes"),
                        (decisions_controller.DecisionsController, "_on_changed"),
                        (state.AppState, "refresh"), (state.AppState, "_on_reviewed"), (state.AppState, "_set_view"),
                        (view, "compute_reviewed_view"), (view, "compute_view"), (view, "apply_filter"),
                        (view, "build_matrix"), (view, "cell_positions"), (view, "statements_over_time"),
                        (view, "compare_countries"), (reviewed, "apply_decisions")):
        timed(owner, name, f"{getattr(owner, '__name__', owner)}.{name}")

    gc_start: dict[str, float] = {}

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_start["t"] = now()
        else:
            EVENTS.append((gc_start.get("t", now()), now(), thread_name(), f"gc gen {info['generation']}"))
    gc.callbacks.append(on_gc)


class InterpreterProbe(threading.Thread):
    """Sleeps 1 ms in a loop; a late wake-up means another thread kept the interpreter."""

    def __init__(self) -> None:
        super().__init__(name="gilprobe", daemon=True)
        self.stop = threading.Event()

    def run(self) -> None:
        last = now()
        while not self.stop.is_set():
            time.sleep(0.001)
            t = now()
            if t - last > 20:
                EVENTS.append((last, t, "gilprobe", f"waited {t - last:.0f} ms for the interpreter"))
            last = t


class UiProbe:
    def __init__(self) -> None:
        self.gaps: list[tuple[float, float]] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        gap = self.clock.nsecsElapsed() / 1e6
        self.gaps.append((now() - gap, now()))
        self.clock.restart()


def run(n: int, profile: bool) -> None:
    from gui.main_window import MainWindow
    from model.analysis.filters import StatementFilter

    analysis = as_reviewed(synthetic_analysis(n))
    window = MainWindow()
    window.projects.ask_save = lambda: "discard"
    window.show()
    state, actions = window.state, window.state.session.actions

    def wait(action) -> None:
        loop = QEventLoop()
        state.sig_matrix_changed.connect(loop.quit)
        action()
        loop.exec()
        state.sig_matrix_changed.disconnect(loop.quit)

    wait(lambda: state.set_result(analysis))
    wait(lambda: state.set_filter(StatementFilter(min_confidence=0.5)))
    wait(lambda: state.set_filter(StatementFilter()))
    QApplication.processEvents()
    row, row2 = state.analysis.statements.iloc[0], state.analysis.statements.iloc[1]
    window.select_cell(row["actor"], row["topic"])   # as an analyst reviews: the cell's evidence is shown
    QApplication.processEvents()
    bulk = state.analysis.statements[state.analysis.statements["document"] == row["document"]].to_dict(orient="records")
    steps = [("reject", lambda: actions.reject(row)), ("undo", window.menu_actions["undo"].trigger),
             ("redo", window.menu_actions["redo"].trigger), ("edit topic", lambda: actions.edit(row2, {"topic": "economy"})),
             ("bulk reject", lambda: actions.decide_all("reject", bulk, "a document"))]
    probe, gil = UiProbe(), InterpreterProbe()
    EVENTS.clear()
    gil.start()
    probe.start()
    profiler = cProfile.Profile() if profile else None
    marks = []
    for name, action in steps:
        marks.append((now(), name))
        if profiler:
            profiler.enable()
        wait(action)
        if profiler:
            profiler.disable()
        t = now()
        while now() - t < 300:   # let paints and late timers run
            QApplication.processEvents()
        marks.append((now(), f"{name} done"))
    gil.stop.set()
    probe.timer.stop()
    print(f"{n} statements; load average {os.getloadavg()[0]:.1f}")
    for t, name in marks:
        print(f"  {t:9.0f} ms  --- {name}")
    for start, end in probe.gaps:
        if end - start < 50:
            continue
        print(f"UI gap {end - start:.0f} ms ({start:.0f} → {end:.0f})")
        for s, e, who, what in sorted(EVENTS):
            if s < end and e > start and e - s >= 5:
                print(f"    {who:9s} {s:9.0f} → {e:9.0f} ({e - s:5.0f} ms) {what}")
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
    window.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--statements", type=int, default=100000)
    p.add_argument("--profile", action="store_true")
    args = p.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        configure_pyqtgraph()
        collector = collect_garbage_on_ui_thread()
        share_interpreter_with_the_ui()
        instrument()
        run(args.statements, args.profile)
        del collector, app
    return 0


if __name__ == "__main__":
    sys.exit(main())
