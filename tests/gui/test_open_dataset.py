"""File › Open statements dataset…: the matrix and a cell's evidence from the Parquet dataset of
``extract --engine dask``; the load report says review is not offered on it yet."""

from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QFileDialog

from gui.evidence import BATCH, HTML_ROLE, ROW_ROLE
from model.cluster import dataset
from model.cluster.extract import SynchronousRunner, run_extract
from model.cluster.lean import BUDGET_ENV
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


def test_a_lean_dataset_shows_its_matrix_and_real_sentences(window, qtbot, monkeypatch, tmp_path: Path):
    """Past the memory budget (forced to 0 here) the dataset opens lean: the status says its texts are read
    when shown, and a cell's cards hold the sentences read from the parts."""
    out = tmp_path / "set"
    run_extract([str(SEEDS)], out, SynchronousRunner())
    monkeypatch.setenv(BUDGET_ENV, "0")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.menu_actions["open_dataset"].trigger()
    assert window.state.lean and "sentence" not in window.state.analysis.statements.columns
    assert "texts are read from the dataset when shown" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.state.sig_cell_selected):
        click_cell(qtbot, window, "RUS", "diplomacy")
    ev = window.evidence.model
    stored = dataset.read_statements(out)
    expected = stored[(stored["actor"] == "RUS") & (stored["topic"] == "diplomacy")]
    assert ev.rowCount() == min(len(expected), BATCH) > 0
    while ev.canFetchMore(QModelIndex()):
        ev.fetchMore(QModelIndex())
    shown = [ev.index(i, 0).data(ROW_ROLE) for i in range(ev.rowCount())]
    assert {r["sentence"] for r in shown} == set(expected["sentence"])
    assert {r["stance"] for r in shown} == set(expected["stance"])
    assert "<span" in ev.index(0, 0).data(HTML_ROLE)   # the card marks the actor's words in the sentence
