"""File › Open statements dataset…: the matrix and a cell's evidence from the Parquet dataset of
``extract --engine dask``; the load report says review is not offered on it yet."""

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from gui.evidence import BATCH, HTML_ROLE, ROW_ROLE
from gui.refusals import SHORT
from model.cluster import dataset, search
from model.cluster.extract import SynchronousRunner, run_extract
from model.cluster.lean import BUDGET_ENV
from model.loading import ADD_DOCUMENTS
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


def _open_dataset(window, qtbot, monkeypatch, tmp_path: Path, budget_mb: str) -> Path:
    out = tmp_path / "set"
    run_extract([str(SEEDS)], out, SynchronousRunner())
    monkeypatch.setenv(BUDGET_ENV, budget_mb)
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(out)])
    assert window.state.lean == (budget_mb == "0")
    return out


def _document(tmp_path: Path) -> Path:
    path = tmp_path / "extra.txt"
    path.write_text("Russia warned Pakistan about the military exercises near the border.", encoding="utf-8")
    return path


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    window.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))


@pytest.mark.parametrize("budget_mb", ["0", "100000"])
def test_adding_documents_to_a_dataset_is_refused_with_the_reason(window, qtbot, monkeypatch, tmp_path: Path,
                                                                  budget_mb: str):
    """File › Add documents… (greyed, but its slot called) and a drop of files onto the window, on a dataset opened
    lean or whole: refused (the file dialog is not even shown), the message box says why, and the set is the one
    that was opened."""
    out = _open_dataset(window, qtbot, monkeypatch, tmp_path, budget_mb)
    analysis, statements = window.state.analysis, window.state.analysis.statements.copy()
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: (asked.append("asked"), ([str(_document(tmp_path))], ""))[1])
    assert not window.menu_actions["add"].isEnabled()
    with qtbot.waitSignal(window.loader.sig_refused) as refused:
        window.loader.add_files()
    assert asked == []
    reason = refused.args[0]
    assert "holds statements, not the texts of their documents" in reason and f"“{out.name}”" in reason
    box = window.refusals.box
    assert box is not None and box.text() == f"Cannot {ADD_DOCUMENTS}." and f"“{out.name}”" in box.informativeText()
    assert window.statusBar().currentMessage() == SHORT[ADD_DOCUMENTS]
    with qtbot.waitSignal(window.loader.sig_refused):
        _drop(window, [_document(tmp_path)])
    assert window.loader.task is not None and window.loader.task.finished   # the dataset's load, none after it
    assert window.state.analysis is analysis and len(analysis.documents) == len(dataset.read_documents(out))
    assert "extra" not in window.state.documents_by_id
    pd.testing.assert_frame_equal(window.state.analysis.statements, statements)
    assert window.loader.paths == [str(out)]


def test_a_dataset_folder_dropped_on_an_open_set_opens_it(window, qtbot, monkeypatch, tmp_path: Path):
    """A dataset dropped onto a window showing documents is opened as the new set, not read as documents to add."""
    out = tmp_path / "set"
    run_extract([str(SEEDS)], out, SynchronousRunner())
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(_document(tmp_path))])
    assert window.state.analysis.report.dataset == ""
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        _drop(window, [out])
    a = window.state.analysis
    assert a.report.dataset == str(out)
    assert len(a.statements) == len(dataset.read_statements(out)) and "extra" not in window.state.documents_by_id


@pytest.mark.parametrize("budget_mb", ["0", "100000"])
def test_aliases_cues_and_re_extraction_are_refused_on_a_dataset(window, qtbot, monkeypatch, tmp_path: Path,
                                                                 budget_mb: str):
    """Re-extracting a dataset's documents (which have no text) would empty the matrix: the alias and topic cue
    dialogs and Re-extract now say why they cannot be used, and the statements stay."""
    _open_dataset(window, qtbot, monkeypatch, tmp_path, budget_mb)
    statements = window.state.analysis.statements.copy()
    for action, slot in (("add_alias", window.review.add_alias), ("add_cue", window.review.add_topic_cue),
                         ("reextract", window.review.reextract)):
        assert not window.menu_actions[action].isEnabled()
        with qtbot.waitSignal(window.review.sig_refused) as refused:
            slot()
        assert "holds statements, not the texts of their documents" in refused.args[0]
    assert window.review.dialog is None and window.review.task is None
    assert window.state.session.ws.resource_edits == window.state.session.extracted_with
    pd.testing.assert_frame_equal(window.state.analysis.statements, statements)


def test_a_lean_search_reports_its_progress_and_finds_what_the_texts_hold(window, qtbot, monkeypatch, tmp_path: Path):
    """The filter bar's search on a lean set reads the texts in a worker: the state relays how many parts it
    has searched (the status bar shows it) and the matrix shows the statements whose texts hold the words."""
    out = _open_dataset(window, qtbot, monkeypatch, tmp_path, "0")
    monkeypatch.setattr(search, "PROGRESS_PARTS", 1)
    reports: list[tuple[int, int, str]] = []
    window.state.sig_progress.connect(lambda done, total, message: reports.append((done, total, message)))
    with qtbot.waitSignal(window.state.sig_matrix_changed, timeout=30000):
        window.filter_bar.search.setText("taliban")
    parts = len(dataset.statement_parts(out))
    assert reports[0] == (0, parts, f"searching the dataset: 0 of {parts} parts") and reports[-1][:2] == (parts, parts)
    stored = dataset.read_statements(out)
    holds = (stored["sentence"].str.contains("taliban", case=False, na=False)
             | stored["stance"].str.contains("taliban", case=False, na=False)
             | stored["speaker"].str.contains("taliban", case=False, na=False))
    assert len(window.state.statements) == int(holds.sum()) > 0


@pytest.mark.parametrize("budget_mb", ["0", "100000"])
def test_review_and_projects_are_refused_on_a_dataset(window, qtbot, monkeypatch, tmp_path: Path, budget_mb: str):
    """Accept, reject, a note and Save project on a dataset opened lean or whole: refused with the reason (review
    and projects over a statements dataset are not supported yet), nothing decided, no file dialog."""
    _open_dataset(window, qtbot, monkeypatch, tmp_path, budget_mb)
    with qtbot.waitSignal(window.state.sig_cell_selected):
        click_cell(qtbot, window, "RUS", "diplomacy")
    row = window.evidence.model.index(0, 0).data(ROW_ROLE)
    assert row is not None
    for action in ("accept", "reject", "note"):
        with qtbot.waitSignal(window.review.sig_refused) as refused:
            window.review.on_card_button(action, row)
        assert "review its statements" in refused.args[0] and "holds statements" in refused.args[0]
    with qtbot.waitSignal(window.review.sig_refused):
        assert window.review.decide_cell("reject", "RUS", "diplomacy") is False
    assert window.review.dialog is None and window.state.session.ws.decisions == []
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append("asked"), ("", ""))[1])
    assert not window.menu_actions["save"].isEnabled()
    with qtbot.waitSignal(window.projects.sig_save_refused) as refused:
        assert window.projects.save() is False
    assert asked == [] and "save it as a project" in refused.args[0]
