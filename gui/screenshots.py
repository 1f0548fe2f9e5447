"""Screenshots of the running app on the seed set, for the README.

    python -m gui.screenshots [OUT_FOLDER]      (default docs/screenshots)

Opens the real main window on ``seeds/``, selects a cell, opens the
comparison of Russia and Pakistan, and grabs the window at each step
(from the screen when the platform has one, e.g. under Xvfb).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from gui import settings
from gui.app import collect_garbage_on_ui_thread, grab_window
from gui.charts import configure_pyqtgraph
from gui.evidence import ROW_ROLE
from gui.main_window import MainWindow

HERE = Path(__file__).resolve().parents[1]


def _settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _grab(window: MainWindow, path: Path) -> None:
    _settle()
    if not grab_window(window, str(path)):
        raise OSError(f"cannot write {path}")
    print(path)


def open_on(seeds: Path) -> MainWindow:
    """The real main window, shown at screenshot size, once ``seeds`` has loaded."""
    window = MainWindow()
    window.projects.ask_save = lambda: "discard"
    window.resize(1500, 920)
    window.show()
    loop = QEventLoop()
    window.sig_loaded.connect(loop.quit)
    window.load([str(seeds)])
    loop.exec()
    return window


def take(out: Path, seeds: Path = HERE / "seeds") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    window = open_on(seeds)
    model = window.matrix_model
    window.matrix_view.setCurrentIndex(model.index_of("RUS", "diplomacy"))
    window.docks["charts"].raise_()
    shots = [out / "matrix.png"]
    _grab(window, shots[-1])
    window.open_in_reader(*_first_statement(window))
    shots.append(out / "evidence.png")
    _grab(window, shots[-1])
    window.compare(["RUS", "PAK"])
    window.resizeDocks([window.docks["comparison"]], [430], Qt.Orientation.Vertical)
    shots.append(out / "comparison.png")
    _grab(window, shots[-1])
    window.close()
    return shots


def _first_statement(window: MainWindow) -> tuple[str, dict]:
    row = window.evidence.model.index(0, 0).data(ROW_ROLE)
    return str(row["document"]), row


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_pyqtgraph()
    collector = collect_garbage_on_ui_thread()
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    take(Path(argv[0]) if argv else HERE / "docs" / "screenshots")
    del collector
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
