"""Starting the GUI, with a clear message when there is no display."""

from __future__ import annotations

import os
import sys

HEADLESS_HELP = """Stance Atlas cannot open a window: no display was found.
  - Run it headless:   python main.py export seeds/ -o matrix.xlsx
                       python main.py extract seeds/ -o statements.jsonl
  - Or render offscreen: QT_QPA_PLATFORM=offscreen python main.py
  - Or start a virtual display (xvfb-run python main.py)."""


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_gui(paths: list[str]) -> int:
    if not display_available():
        sys.stderr.write(HEADLESS_HELP + "\n")
        return 1
    from PySide6.QtWidgets import QApplication

    from gui.charts import configure_pyqtgraph
    from gui.main_window import MainWindow

    configure_pyqtgraph()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Stance Atlas")
    app.setOrganizationName("StanceAtlas")
    window = MainWindow()
    window.show()
    window.load(paths)
    return app.exec()
