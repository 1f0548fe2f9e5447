"""Starting the GUI, with a clear message when there is no display.

``STANCE_ATLAS_SCREENSHOT=out.png python main.py`` opens the window, waits
for the document set to load and draw, saves what the screen shows of the
window to ``out.png`` and quits (exit status 0): a self-check for a real
display (the Xvfb smoke test uses it).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

HEADLESS_HELP = """Stance Atlas cannot open a window: no display was found.
  - Run it headless:   python main.py export seeds/ -o matrix.xlsx
                       python main.py extract seeds/ -o statements.jsonl
  - Or render offscreen: QT_QPA_PLATFORM=offscreen python main.py
  - Or start a virtual display (xvfb-run python main.py)."""

SCREENSHOT_ENV = "STANCE_ATLAS_SCREENSHOT"
#: time for the window manager-less X server to map and paint the window before the grab
SETTLE_MS = 800


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def collect_garbage_on_ui_thread(interval: float = 0.5) -> object:
    """Run Python's cyclic garbage collector only on the UI thread, from a timer; keep the returned object alive.

    A collection started by a worker thread could free Qt objects (widgets, chart
    items) there, which crashes Qt.  pyqtgraph ships the collector for this.
    """
    import gc

    from pyqtgraph.util.garbage_collector import GarbageCollector

    # what is loaded so far (Qt, pandas, pyqtgraph modules) lives as long as the app:
    # keep it out of every later full collection, which would otherwise pause the UI
    gc.freeze()
    return GarbageCollector(interval=interval)


#: how long a thread may keep the interpreter while another waits for it (Python's default: 5 ms)
SWITCH_INTERVAL_S = 0.001


def share_interpreter_with_the_ui() -> None:
    """Let a waiting UI thread have the interpreter after 1 ms instead of 5.

    While a worker thread runs Python (reading a large set), each Python call the UI thread makes
    waits for the interpreter up to the switch interval; a chart's paint makes dozens (pyqtgraph
    paints through Python), which added up to a 150–300 ms pause early in a 10,000-article load
    (``bench/bench_gui.py``).  The worker gives way more often at no measurable cost to the load.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def grab_window(window: QWidget, path: str) -> bool:
    """Save what the screen shows of ``window`` (falls back to rendering the widget)."""
    screen = window.screen()
    pixmap = screen.grabWindow(window.winId()) if screen is not None else None
    if pixmap is None or pixmap.isNull():
        pixmap = window.grab()
    return pixmap.save(path)


def offer_quick_start(window: QWidget) -> QDialog | None:
    """On the first start on this account, the Quick start beside the window (not modal); else None."""
    from gui import settings
    from gui.dialogs import QuickStartDialog

    if not settings.first_start():
        return None
    dialog = QuickStartDialog(window)
    dialog.show()
    return dialog


def run_gui(paths: list[str]) -> int:
    if not display_available():
        sys.stderr.write(HEADLESS_HELP + "\n")
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui import settings
    from gui.chart_panel import configure_pyqtgraph
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(settings.APPLICATION)
    app.setOrganizationName(settings.ORGANISATION)
    configure_pyqtgraph()
    collector = collect_garbage_on_ui_thread()
    share_interpreter_with_the_ui()
    window = MainWindow()
    window.show()
    shot = os.environ.get(SCREENSHOT_ENV)
    if shot:
        def save_and_quit() -> None:
            ok = grab_window(window, shot)
            window.close()
            app.exit(0 if ok else 3)

        window.sig_loaded.connect(lambda: QTimer.singleShot(SETTLE_MS, save_and_quit))
    # after a crash: offer to recover the unsaved work instead (not in the unattended screenshot run)
    if shot or window.projects.offer_recovery() is None:
        window.load(paths)
    quick_start = None if shot else offer_quick_start(window)  # noqa: F841 (kept alive while the app runs)
    try:
        return app.exec()
    finally:
        del collector
