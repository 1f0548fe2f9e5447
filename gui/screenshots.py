"""Screenshots of the running app on a real set, for the README.

    python -m gui.screenshots OUTDIR [--set PATH ...] [--ids-ending _2022] [--name un2022]
                                     [--size 1024x700 --size 1600x1000] [--project OUT.stanceatlas]

Opens the real main window on the set (default ``seeds/``; with
``--ids-ending`` only the records of a JSONL collection whose id ends so, written
to a temporary JSONL first), with settings in a temporary folder, and at each
size grabs (as ``<name>-<width>-<what>.png``):

``matrix``      the matrix sorted by activity, the busiest cell selected, its evidence, the reader;
``heatmap``, ``stances``, ``timeline``   each chart, the strip under the matrix enlarged;
``comparison``  the 4 most active countries compared, a cell clicked (its evidence shows);
``decisions``   the Decisions panel after a few review decisions (reject, bulk reject, edit, note, accept).

Grabs come from the screen when the platform has one (run under ``xvfb-run``),
else from rendering the window; they are saved as 256-colour PNGs (:mod:`gui.compact_png`).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui import compact_png, settings
from gui.app import collect_garbage_on_ui_thread
from gui.chart_panel import configure_pyqtgraph
from gui.evidence import ROW_ROLE
from gui.main_window import MainWindow
from model.analysis.matrix import sort_actors

HERE = Path(__file__).resolve().parents[1]
SIZES = ((1024, 700), (1600, 1000))
STRIP_SHARE = 0.55         # the strip under the matrix, enlarged for the chart, comparison and decisions shots
WAIT_MS = 120_000


def parse_size(text: str) -> tuple[int, int]:
    """``"1024x700"`` → ``(1024, 700)``."""
    w, sep, h = text.lower().partition("x")
    if not sep or not w.isdigit() or not h.isdigit():
        raise argparse.ArgumentTypeError(f"a size is WIDTHxHEIGHT, e.g. 1024x700, not {text!r}")
    return int(w), int(h)


def filter_jsonl(source: Path, ending: str, out: Path) -> int:
    """Write to ``out`` the records of ``source`` whose ``id`` ends with ``ending``; how many."""
    n = 0
    with source.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip() and str(json.loads(line).get("id", "")).endswith(ending):
                dst.write(line if line.endswith("\n") else line + "\n")
                n += 1
    return n


def _settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait(signal: SignalInstance, act: Callable[[], object], ms: int = WAIT_MS) -> None:
    """Do ``act()`` and wait until ``signal`` fires (or ``ms`` passes)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    act()
    loop.exec()
    signal.disconnect(loop.quit)


def grab(window: MainWindow, path: Path) -> Path:
    """What the screen shows of the window (rendered when the platform has no screen to grab)."""
    _settle()
    screen = window.screen()
    pixmap = screen.grabWindow(window.winId()) if screen is not None else None
    if pixmap is None or pixmap.isNull() or QApplication.platformName() in ("offscreen", "minimal"):
        pixmap = window.grab()
    print(compact_png.save(pixmap.toImage(), path))
    return path


def open_on(paths: Sequence[Path], size: tuple[int, int] = (1500, 920)) -> MainWindow:
    """The real main window, shown at ``size``, once ``paths`` have loaded."""
    window = MainWindow()
    window.projects.ask_save = lambda: "discard"
    window.loader.show_report_on_errors = False
    window.resize(*size)
    window.show()
    _wait(window.sig_loaded, lambda: window.load([str(p) for p in paths]))
    return window


def busiest_cell(window: MainWindow) -> tuple[str, str]:
    """The (country, column) with the most statements."""
    matrix = window.state.matrix
    assert matrix is not None   # a set is open
    counts = matrix.counts
    actor, column = counts.stack().idxmax()
    return str(actor), str(column)


class Shooter:
    """Takes the shots of one window at one size after another."""

    def __init__(self, window: MainWindow, out: Path, name: str) -> None:
        self.window, self.out, self.name = window, out, name
        self.reviewed = False
        self.width = 0

    def at(self, size: tuple[int, int]) -> list[Path]:
        w = self.window
        w.resize(*size)
        _settle()
        w.reset_layout()
        _settle()
        self.width = w.width()
        return [self.matrix(), *self.charts(), self.comparison(), self.decisions()]

    def _path(self, what: str) -> Path:
        return self.out / f"{self.name}-{self.width}-{what}.png"

    def _strip(self, dock: str) -> None:
        """The strip under the matrix raised on ``dock`` and enlarged."""
        w = self.window
        w.docks[dock].show()
        w.docks[dock].raise_()
        w.resizeDocks([w.docks[dock]], [int(w.height() * STRIP_SHARE)], Qt.Orientation.Vertical)

    def matrix(self) -> Path:
        w = self.window
        w.reset_layout()
        _wait(w.state.sig_matrix_changed, lambda: w.filter_bar.sort.setCurrentIndex(w.filter_bar.sort.findData("activity")), 3000)
        actor, column = busiest_cell(w)
        w.select_cell(actor, column)
        w.matrix_view.scrollTo(w.matrix_model.index(0, 0))
        w.matrix_view.scrollTo(w.matrix_model.index_of(actor, column))
        first = w.evidence.model.index(0, 0).data(ROW_ROLE)
        w.open_in_reader(str(first["document"]), first)   # the reader at the first card's sentence
        w.docks["charts"].raise_()   # (in a narrow window the reader is a tab of the strip: the charts stay in front)
        return grab(w, self._path("matrix"))

    def charts(self) -> list[Path]:
        w, shots = self.window, []
        self._strip("charts")
        for chart, what in ((w.heatmap, "heatmap"), (w.stance_bars, "stances"), (w.timeline, "timeline")):
            w.charts.setCurrentWidget(chart)
            _settle()
            shots.append(grab(w, self._path(what)))
        w.charts.setCurrentWidget(w.heatmap)
        return shots

    def comparison(self) -> Path:
        w = self.window
        assert w.state.matrix is not None
        four = sort_actors(w.state.matrix, "activity")[:4]
        w.compare(four)
        self._strip("comparison")
        _settle()
        table, model = w.comparison.table, w.comparison.model
        assert model.comparison is not None   # compared above
        counts = [int(model.comparison.table.iloc[r][f"{four[0]}_count"]) for r in range(model.rowCount())]
        index = model.index(max(range(len(counts)), key=counts.__getitem__), 0)   # the first country's busiest topic
        table.scrollTo(index)
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
        return grab(w, self._path("comparison"))

    def decisions(self) -> Path:
        w = self.window
        if not self.reviewed:
            self._review()
            self.reviewed = True
        w.decision_log.show_panel()
        self._strip("decisions")
        return grab(w, self._path("decisions"))

    def _review(self) -> None:
        """A few decisions on the busiest cell's cards: reject, reject a sentence, edit, note, accept."""
        w = self.window
        w.select_cell(*busiest_cell(w))
        _settle()
        ev = w.evidence.model
        rows = [ev.index(i, 0).data(ROW_ROLE) for i in range(min(6, ev.rowCount()))]
        if len(rows) < 5:
            return
        actions, changed = w.state.session.actions, w.state.sig_matrix_changed
        _wait(changed, lambda: actions.reject(rows[0]))
        _wait(changed, lambda: w.review.decide_all("reject", "sentence", rows[1]))
        _wait(changed, lambda: actions.edit(rows[2], {"polarity": -0.4, "stance": "condemned the annexation (checked)"}))
        _wait(changed, lambda: actions.note_statement(rows[3], "Same wording as the 2021 speech; check the official text"))
        _wait(changed, lambda: actions.accept(rows[4]))


def take(out: Path, paths: Sequence[Path] = (HERE / "seeds",), name: str = "seed",
         sizes: Sequence[tuple[int, int]] = SIZES, project: Path | None = None) -> list[Path]:
    """The shots at each size; with ``project``, the reviewed set is saved there too (File › Save project)."""
    out.mkdir(parents=True, exist_ok=True)
    window = open_on(paths, sizes[0])
    shooter = Shooter(window, out, name)
    shots = [shot for size in sizes for shot in shooter.at(size)]
    if project is not None and not window.projects.write(str(project), sync=True):
        raise OSError(f"cannot save the project {project}")
    window.close()
    return shots


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m gui.screenshots", description=__doc__.splitlines()[0])
    p.add_argument("outdir", type=Path, nargs="?", default=HERE / "docs" / "screenshots")
    p.add_argument("--set", dest="paths", type=Path, action="append", help="file or folder to open (repeatable; default seeds/)")
    p.add_argument("--ids-ending", help="only the records of the (one, JSONL) set whose id ends with this, e.g. _2022")
    p.add_argument("--name", help="file name prefix (default: seed, or the set's name)")
    p.add_argument("--project", type=Path, help="also save the reviewed set as this project (.stanceatlas), "
                   "e.g. for `main.py export PROJECT -o OUT.xlsx` with a Decisions sheet")
    p.add_argument("--size", dest="sizes", type=parse_size, action="append", help="WIDTHxHEIGHT (repeatable; default 1024x700 1600x1000)")
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    paths = args.paths or [HERE / "seeds"]
    name = args.name or ("seed" if not args.paths else paths[0].stem + (args.ids_ending or ""))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)   # the user's recent lists untouched
        if args.ids_ending:
            if len(paths) != 1 or paths[0].suffix.lower() != ".jsonl":
                raise SystemExit("--ids-ending needs exactly one .jsonl --set")
            subset = Path(tmp) / f"{name}.jsonl"
            print(f"{filter_jsonl(paths[0], args.ids_ending, subset)} records with ids ending {args.ids_ending}")
            paths = [subset]
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setOrganizationName(settings.ORGANISATION)
        app.setApplicationName(settings.APPLICATION)
        configure_pyqtgraph()
        collector = collect_garbage_on_ui_thread()
        take(args.outdir, paths, name, args.sizes or SIZES, args.project)
        del collector
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
