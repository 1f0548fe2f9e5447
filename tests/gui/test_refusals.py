"""gui/refusals.py: on a statements dataset the review commands and Save project are greyed with the reason as
their tooltip, the first refusal of a kind is explained in a message box, and the status bar gets a text short
enough for a 1024 px window."""

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QToolTip, QWidget

from gui.evidence import ROW_ROLE
from gui.refusals import ACTIONS, SHORT
from model.loading import ADD_DOCUMENTS, REVIEW
from tests.gui.conftest import SEEDS
from tests.gui.test_main_window import click_cell
from tests.gui.test_open_dataset import _open_dataset


def _first_card(window, qtbot) -> dict:
    with qtbot.waitSignal(window.state.sig_cell_selected):
        click_cell(qtbot, window, "RUS", "diplomacy")
    row = window.evidence.model.index(0, 0).data(ROW_ROLE)
    assert row is not None
    return row


def _status_room(window) -> int:
    """How wide the status bar's message may be: up to the leftmost permanent widget shown (the counts)."""
    bar = window.statusBar()
    shown = [w for w in bar.findChildren(QWidget) if w.parent() is bar and w.isVisible()]
    return min(w.x() for w in shown)


@pytest.mark.parametrize("budget_mb", ["0", "100000"])
def test_review_refused_on_a_dataset_is_explained_once_and_fits_the_status_bar(window, qtbot, monkeypatch,
                                                                               tmp_path: Path, budget_mb: str):
    """Accept on a card (lean or whole dataset): a message box with the whole reason; accept again, reject, a note
    and Save project: no second box, the short text in the status bar, which a 1024 px window shows whole."""
    window.resize(1024, 700)
    out = _open_dataset(window, qtbot, monkeypatch, tmp_path, budget_mb)
    row = _first_card(window, qtbot)
    with qtbot.waitSignal(window.refusals.sig_refused) as refused:
        window.review.on_card_button("accept", row)
    assert refused.args[0] == REVIEW
    box = window.refusals.box
    assert box is not None and box.isVisible()
    assert box.text() == f"Cannot {REVIEW}." and f"“{out.name}”" in box.informativeText()
    assert "Open the documents as a document set" in box.informativeText()
    box.close()
    message = window.statusBar().currentMessage()
    assert message == SHORT[REVIEW]
    assert window.statusBar().fontMetrics().horizontalAdvance(message) < _status_room(window)
    for action in ("accept", "reject", "note"):
        with qtbot.waitSignal(window.refusals.sig_refused):
            window.review.on_card_button(action, row)
    with qtbot.waitSignal(window.refusals.sig_refused):
        assert window.projects.save() is False
    assert window.refusals.box is box and not box.isVisible()
    assert len(window.findChildren(QMessageBox)) == 1
    assert window.statusBar().currentMessage() == SHORT[REVIEW]
    assert window.state.session.ws.decisions == [] and window.review.dialog is None


def test_each_kind_of_refusal_is_explained_once(window, qtbot, monkeypatch, tmp_path: Path):
    """Review, then adding documents: one box each (a different thing was refused), the second add says it in
    the status bar only."""
    _open_dataset(window, qtbot, monkeypatch, tmp_path, "100000")
    for what, refuse in ((REVIEW, window.review.add_from_selection), (ADD_DOCUMENTS, window.loader.add_files)):
        with qtbot.waitSignal(window.refusals.sig_refused) as refused:
            refuse()
        assert refused.args[0] == what and window.refusals.box.text() == f"Cannot {what}."
        window.refusals.box.close()
    with qtbot.waitSignal(window.refusals.sig_refused):
        window.loader.add_files()
    assert len(window.findChildren(QMessageBox)) == 2 and not window.refusals.box.isVisible()
    assert window.statusBar().currentMessage() == SHORT[ADD_DOCUMENTS]


def test_refused_actions_are_greyed_with_the_reason_as_their_tip(window, qtbot, monkeypatch, tmp_path: Path):
    """Every action a dataset refuses is disabled: its tooltip (shown by its menu) is the whole reason, its status
    tip the short text; the cards' buttons and the matrix cell's context menu are greyed too."""
    _open_dataset(window, qtbot, monkeypatch, tmp_path, "0")
    for what, ids in ACTIONS.items():
        reason = window.refusals.reason(what)
        assert reason is not None and f"Cannot {what}" in reason
        for id_ in ids:
            action = window.menu_actions[id_]
            assert not action.isEnabled(), id_
            assert "holds statements, not the texts of their documents" in action.toolTip(), id_
            assert action.statusTip() == SHORT[what], id_
    assert window.review.delegate.refused == window.refusals.reason(REVIEW)
    accept = window.menu_actions["accept"]
    edit_menu = next(o for o in accept.associatedObjects() if isinstance(o, QMenu) and o.parent() is not None)
    edit_menu.popup(window.mapToGlobal(QPoint(0, 0)))
    qtbot.waitExposed(edit_menu)
    at = edit_menu.actionGeometry(accept).center()
    QApplication.sendEvent(edit_menu, QHelpEvent(QEvent.Type.ToolTip, at, edit_menu.mapToGlobal(at)))
    assert "holds statements" in QToolTip.text()
    edit_menu.close()
    _first_card(window, qtbot)
    index = window.matrix_model.index_of("RUS", "diplomacy")
    window.review._cell_menu(window.matrix_view.visualRect(index).center())
    entries = [a for a in window.review.context_menu.actions() if not a.isSeparator()]
    assert len(entries) == 3 and not any(a.isEnabled() for a in entries)
    window.review.context_menu.close()


def test_a_document_set_opened_after_a_dataset_offers_review_again(window, qtbot, monkeypatch, tmp_path: Path):
    """The greyed actions come back with their own tips once a document set replaces the dataset."""
    _open_dataset(window, qtbot, monkeypatch, tmp_path, "100000")
    with qtbot.waitSignal(window.sig_loaded, timeout=30000):
        window.load([str(SEEDS)])
    for ids in ACTIONS.values():
        assert all(window.menu_actions[id_].isEnabled() for id_ in ids)
    assert window.menu_actions["save"].toolTip() == "Save documents, statements, decisions and notes (Ctrl+S)"
    assert window.menu_actions["accept"].toolTip() == "Accept statement" and window.menu_actions["accept"].statusTip() == ""
    assert window.review.delegate.refused == ""
    row = _first_card(window, qtbot)
    assert window.review._push(lambda: window.review.actions.accept(row)) is True
    assert len(window.state.session.ws.decisions) == 1
