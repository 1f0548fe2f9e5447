from pathlib import Path

from gui.main_window import MainWindow

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_window_opens_on_seed_and_shows_matrix(qtbot, tmp_path):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.sig_loaded, timeout=30000):
        w.load([str(SEEDS)])
    model = w.matrix_model
    assert {"RUS", "PAK"} <= set(model.actors)
    assert model.columnCount() >= 16
    png = tmp_path / "window.png"
    assert w.grab().save(str(png))
    assert png.stat().st_size > 1000
    # clicking a cell fills the evidence pane with its sentences
    row = model.actors.index("RUS")
    col = next(c for c in range(model.columnCount()) if model.data(model.index(row, c)))
    w.matrix_view.setCurrentIndex(model.index(row, col))
    assert "Russia" in w.evidence.toPlainText()


def test_matrix_model_passes_modeltester(qtmodeltester, qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.sig_loaded, timeout=30000):
        w.load([str(SEEDS)])
    qtmodeltester.check(w.matrix_model)
