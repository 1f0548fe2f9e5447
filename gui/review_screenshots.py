"""Screenshots of review in the running app, for the README.

    python -m gui.review_screenshots [OUT_FOLDER]      (default docs/screenshots)

Opens the main window on ``seeds/`` (settings in a temporary folder, so the
user's recent lists are untouched), accepts and edits a statement of the
Russia × diplomacy cell and grabs the evidence cards with their review
buttons and provenance, the Edit menu (Undo/Redo say what they will undo)
and the Edit statement dialog.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEventLoop, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from gui.chart_panel import configure_pyqtgraph
from gui.evidence import ROW_ROLE
from gui.screenshots import _settle, open_on

HERE = Path(__file__).resolve().parents[1]


def _save(widget: QWidget, path: Path) -> Path:
    _settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    print(path)
    return path


def take(out: Path, seeds: Path = HERE / "seeds") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    window = open_on([seeds])
    window.matrix_view.setCurrentIndex(window.matrix_model.index_of("RUS", "diplomacy"))
    window.resizeDocks([window.docks["evidence"]], [620], Qt.Orientation.Horizontal)
    window.resizeDocks([window.docks["evidence"], window.docks["reader"]], [560, 200], Qt.Orientation.Vertical)
    actions = window.state.session.actions
    rows = [window.evidence.model.index(i, 0).data(ROW_ROLE) for i in range(min(2, window.evidence.model.rowCount()))]
    loop = QEventLoop()
    window.state.sig_matrix_changed.connect(loop.quit)
    actions.accept(rows[0])
    loop.exec()
    actions.note_statement(rows[0], "Confirmed by the ministry's own statement")
    loop = QEventLoop()
    window.state.sig_matrix_changed.connect(loop.quit)
    actions.note_cell("RUS", "diplomacy", "Absent from the Kabul meeting, present at the Moscow format")
    loop.exec()
    if len(rows) > 1:
        loop = QEventLoop()
        window.state.sig_matrix_changed.connect(loop.quit)
        actions.edit(rows[1], {"polarity": 0.4, "stance": "welcomed the talks (checked)"})
        loop.exec()
    shots = [_save(window.docks["evidence"], out / "review-evidence.png")]
    edit_menu = next(cast(QMenu, a.menu()) for a in window.menuBar().actions() if a.text() == "&Edit")
    edit_menu.popup(window.mapToGlobal(QPoint(80, 30)))
    shots.append(_save(edit_menu, out / "review-edit-menu.png"))
    edit_menu.close()
    dialog = window.review.edit(window.evidence.model.index(0, 0).data(ROW_ROLE))
    shots.append(_save(dialog, out / "review-edit-dialog.png"))
    dialog.reject()
    window.close()
    return shots


def main(argv: list[str]) -> int:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        configure_pyqtgraph()
        take(Path(argv[0]) if argv else HERE / "docs" / "screenshots")
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
