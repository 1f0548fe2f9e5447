import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Settings go to a temporary folder, never the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _no_worker_left_running():
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(10000), "a background worker was still running at the end of the test"


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _pyqtgraph_options():
    from gui.chart_panel import configure_pyqtgraph

    configure_pyqtgraph()


@pytest.fixture
def window(qtbot):
    """The real main window, shown offscreen, with nothing loaded."""
    from gui.main_window import MainWindow

    w = MainWindow()
    w.loader.show_report_on_errors = False
    # closing a window with unsaved review work asks first; a test that checks the question sets its own
    # answer, the others discard (pytest-qt closes the window before fixtures end: a modal box would hang)
    w.projects.ask_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def seeded(window, qtbot):
    """The main window with the seed set loaded through the loader."""
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(SEEDS)])
    return window


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_ui_thread():
    """Windows closed by a test are freed here, on the UI thread, not by a collection a worker happens to trigger."""
    yield
    gc.collect()
