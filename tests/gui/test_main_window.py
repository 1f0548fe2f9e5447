"""The main window driven like a user would: open the seed set, click a cell, read the evidence."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from gui import settings
from gui.evidence import HTML_ROLE, ROW_ROLE
from gui.lazy_panels import on_screen
from tests.gui.conftest import SEEDS


def click_cell(qtbot, w, actor: str, column: str) -> None:
    index = w.matrix_model.index_of(actor, column)
    assert index.isValid(), (actor, column)
    w.matrix_view.scrollTo(index)
    qtbot.mouseClick(w.matrix_view.viewport(), Qt.MouseButton.LeftButton, pos=w.matrix_view.visualRect(index).center())


def test_open_folder_through_the_dialog_path_shows_the_matrix(window, qtbot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(SEEDS))
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.menu_actions["open_folder"].trigger()
    model = window.matrix_model
    assert {"RUS", "PAK"} <= set(model.actors)
    assert model.columns[:3] == ["security", "terrorism", "diplomacy"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Security"
    assert settings.last_folder() == str(SEEDS)
    assert settings.recent_sets()[0] == [str(SEEDS)]
    assert window.counts_label.text().startswith("1 document · ")
    assert window.documents.model.rowCount() == 1
    assert window.documents.model.raw(0, "status") == "loaded"


def test_open_files_dialog_path(window, qtbot, monkeypatch):
    files = [str(p) for p in SEEDS.glob("*.txt")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.menu_actions["open"].trigger()
    assert "RUS" in window.matrix_model.actors
    assert settings.last_folder() == str(SEEDS)


def test_clicking_a_cell_lists_its_statements_as_cards(seeded, qtbot):
    w = seeded
    with qtbot.waitSignal(w.state.sig_cell_selected) as blocker:
        click_cell(qtbot, w, "RUS", "diplomacy")
    assert blocker.args == ["RUS", "diplomacy"]
    ev = w.evidence.model
    expected = w.state.cell_statements("RUS", "diplomacy")
    assert ev.rowCount() == len(expected) > 0
    rows = [ev.index(i, 0).data(ROW_ROLE) for i in range(ev.rowCount())]
    assert {r["actor"] for r in rows} == {"RUS"}
    assert {r["topic"] for r in rows} == {"diplomacy"}
    card = ev.index(0, 0).data(HTML_ROLE)
    assert "Russia" in card and "background-color:#fde68a" in card  # actor word highlighted
    assert f"{w.state.names['RUS']} — Diplomacy" in w.evidence.heading.text()


def test_keyboard_moves_through_cells(seeded, qtbot):
    w = seeded
    click_cell(qtbot, w, "RUS", "security")
    with qtbot.waitSignal(w.state.sig_cell_selected) as blocker:
        qtbot.keyClick(w.matrix_view, Qt.Key.Key_Right)
    assert blocker.args == ["RUS", "terrorism"]
    with qtbot.waitSignal(w.state.sig_cell_selected) as blocker:
        qtbot.keyClick(w.matrix_view, Qt.Key.Key_Up)
    up = w.matrix_model.actors[w.matrix_model.actors.index("RUS") - 1]
    assert blocker.args == [up, "terrorism"]


def test_double_click_on_a_card_opens_the_reader_at_the_sentence(seeded, qtbot):
    w = seeded
    click_cell(qtbot, w, "RUS", "diplomacy")
    view = w.evidence.view
    index = w.evidence.model.index(0, 0)
    row = index.data(ROW_ROLE)
    pos = view.visualRect(index).center()
    # a real double-click is a press, release, then the double-click event
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert w.reader.document_id == row["document"]
    assert w.reader.highlight == (row["start"], row["end"])
    selections = w.reader.text.extraSelections()
    assert selections[0].cursor.selectedText() == row["sentence"]
    assert any(s.cursor.selectedText() == row["actor_text"] for s in selections[1:])
    cursor_rect = w.reader.text.cursorRect()
    assert w.reader.text.viewport().rect().contains(QPoint(cursor_rect.x(), cursor_rect.center().y()))


def test_country_header_opens_its_profile(seeded, qtbot):
    w = seeded
    row = w.matrix_model.actors.index("PAK")
    with qtbot.waitSignal(w.state.sig_country_selected) as blocker:
        w.matrix_view.verticalHeader().sectionClicked.emit(row)
    assert blocker.args == ["PAK"]
    prof = w.profile.model
    topics = [prof.raw(r, "column") for r in range(prof.rowCount())]
    m = w.state.matrix
    assert topics == [c for c in m.columns if m.counts.at["PAK", c] > 0]
    assert w.profile.bars is not None
    assert len(w.profile.bars.opts["height"]) == len(topics)


def test_profile_follows_the_selected_cell_while_visible(seeded, qtbot):
    w = seeded
    w.docks["charts"].raise_()
    qtbot.waitUntil(lambda: not on_screen(w.profile))
    w.matrix_view.setCurrentIndex(w.matrix_model.index_of("RUS", "security"))
    assert w.profile.actor is None  # its dock is behind the charts tab
    w.docks["profile"].raise_()
    qtbot.waitUntil(lambda: w.profile.actor == "RUS")
    w.matrix_view.setCurrentIndex(w.matrix_model.index_of("PAK", "security"))
    assert w.profile.actor == "PAK"


def test_display_mode_and_sort(seeded, qtbot):
    w = seeded
    fb = w.filter_bar
    fb.mode.setCurrentIndex(fb.mode.findData("net"))
    idx = w.matrix_model.index_of("PAK", "security")
    assert w.matrix_model.data(idx).startswith(("+", "-"))
    fb.mode.setCurrentIndex(fb.mode.findData("label"))
    assert w.matrix_model.data(idx) == w.state.matrix.labels.at["PAK", "security"]
    fb.sort.setCurrentIndex(fb.sort.findData("activity"))
    counts = w.state.matrix.counts.sum(axis=1)
    assert w.matrix_model.actors[0] == counts.idxmax()
    assert w.heatmap.rows == w.matrix_model.actors


def test_search_and_filters_rebuild_the_matrix(seeded, qtbot):
    w = seeded
    with qtbot.waitSignal(w.state.sig_matrix_changed, timeout=10000):
        w.filter_bar.search.setText("conspicuously")
    st = w.state.statements
    assert len(st) > 0 and st["sentence"].str.contains("conspicuously").all()
    assert w.state.matrix.counts.to_numpy().sum() == len(st)
    assert "after filters" in w.counts_label.text()
    with qtbot.waitSignal(w.state.sig_matrix_changed, timeout=10000):
        w.filter_bar.confidence.setValue(0.95)
    assert w.state.flt.min_confidence == 0.95
    with qtbot.waitSignal(w.state.sig_matrix_changed, timeout=10000):
        w.filter_bar.clear()
    assert len(w.state.statements) == len(w.state.analysis.statements)


def test_shortcuts(window, qtbot):
    a = window.menu_actions
    assert a["open"].shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert a["export_xlsx"].shortcut().toString() == "Ctrl+E"
    assert a["find"].shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert a["quit"].shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    a["find"].trigger()
    qtbot.waitUntil(lambda: window.filter_bar.search.hasFocus())


def test_layout_is_remembered(seeded, qtbot):
    w = seeded
    w.docks["reader"].hide()
    w.close()
    geometry, state = settings.saved_layout()
    assert geometry is not None and state is not None
    from gui.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.docks["reader"].isHidden()
    assert Path(settings._qsettings().fileName()).is_file()


def test_help_quick_start_and_tooltips(window):
    from gui.dialogs import QuickStartDialog

    dialog = QuickStartDialog(window)
    text = dialog.findChild(type(window.reader.text)).toPlainText()
    assert "Quick start" in text and "Ctrl+E" in text
    assert window.menu_actions["quick"].shortcut().toString() == "F1"
    for name in ("open", "export_xlsx", "find", "compare"):
        assert window.menu_actions[name].toolTip()
    assert window.filter_bar.search.toolTip() and window.evidence.view.toolTip()


def test_window_shrinks_to_1024_by_700_with_a_set_and_four_countries_compared(seeded, qtbot):
    """No dock imposes a minimum width over 1024 px: the wide layout (from 1400 × 860) shrinks to a laptop screen."""
    w = seeded
    assert w.width() > 1200   # the wide layout: the evidence holds the whole right side, the strip is under the matrix
    four = w.matrix_model.actors[:4]
    w.compare(four)
    qtbot.waitUntil(lambda: w.state.comparison is not None and list(w.state.comparison.actors) == four)
    for name in ("comparison", "charts", "decisions"):
        w.docks[name].raise_()
        w.resize(1024, 700)
        qtbot.waitUntil(lambda: w.height() == 700)
        assert w.width() <= 1024, (name, w.width(), w.minimumSizeHint().width())
        assert w.minimumSizeHint().width() <= 1024, name
