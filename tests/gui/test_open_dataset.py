"""File › Open statements dataset…: the matrix and a cell's evidence from the Parquet dataset of
``extract --engine dask``; the load report says review is not offered on it yet."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from gui.evidence import ROW_ROLE
from model.cluster import dataset
from model.cluster.extract import SynchronousRunner, run_extract
from tests.gui.conftest import SEEDS
from tests.gui.test_main_window import click_cell


def test_open_statements_dataset_shows_its_matrix_and_evidence(window, qtbot, monkeypatch, tmp_path: Path):
    out = tmp_path / "set"
    run_extract([str(SEEDS)], out, SynchronousRunner())
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.menu_actions["open_dataset"].trigger()
    assert {"RUS", "PAK"} <= set(window.matrix_model.actors)
    with qtbot.waitSignal(window.state.sig_cell_selected):
        click_cell(qtbot, window, "RUS", "diplomacy")
    ev = window.evidence.model
    stored = dataset.read_statements(out)
    expected = stored[(stored["actor"] == "RUS") & (stored["topic"] == "diplomacy")]
    assert ev.rowCount() == len(expected) > 0
    assert {ev.index(i, 0).data(ROW_ROLE)["sentence"] for i in range(ev.rowCount())} == set(expected["sentence"])
    notes = [i for i in window.state.analysis.report.issues if i.reason == dataset.OPENED_NOTE]
    assert [n.kind for n in notes] == ["warning"]
