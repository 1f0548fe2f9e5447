"""Panels answer through methods (tests :mod:`gui.evidence` and :mod:`gui.reader`): others never reach into their widgets."""

from __future__ import annotations

import pandas as pd
from PySide6.QtGui import QAction, QTextCursor

from gui.evidence import EvidencePanel
from gui.reader import ReaderPane
from model.documents import Document


def _cell(n: int) -> pd.DataFrame:
    return pd.DataFrame({"actor": ["RUS"] * n, "stance": ["support"] * n, "sentence": ["Russia supports it."] * n,
                         "document": ["d1"] * n, "start": [0] * n, "end": [19] * n, "polarity": [0.5] * n,
                         "confidence": [0.9] * n})


def test_evidence_notes_replace_each_other_and_a_new_cell_clears_them(qtbot):
    panel = EvidencePanel()
    qtbot.addWidget(panel)
    panel.show_cell("Russia — Security", _cell(2), {}, {})
    panel.set_notes(["first <b>look</b>", "second"])
    text = panel.heading.text()
    assert "Russia — Security" in text and "2 statements" in text
    assert "Note: first &lt;b&gt;look&lt;/b&gt;" in text and "Note: second" in text
    panel.set_notes(["only this"])
    assert "Note: only this" in panel.heading.text() and "second" not in panel.heading.text()
    panel.show_cell("Pakistan — Economy", _cell(1), {}, {})
    assert "Note:" not in panel.heading.text() and "Pakistan — Economy" in panel.heading.text()


def test_evidence_current_row_is_the_current_card(qtbot):
    panel = EvidencePanel()
    qtbot.addWidget(panel)
    panel.show_cell("x", _cell(1), {}, {})
    assert panel.current_row() is None
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert panel.current_row()["actor"] == "RUS"


def test_reader_selection_and_context_actions(qtbot):
    pane = ReaderPane()
    qtbot.addWidget(pane)
    assert pane.selection() is None
    pane.show_document(Document(id="d1", text="Russia supports it. Pakistan does not."))
    assert pane.selection() is None   # a document, nothing selected
    cursor = pane.text.textCursor()
    cursor.setPosition(20)
    cursor.setPosition(28, QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    assert pane.selection() == ("d1", 20, 28)
    action = QAction("Do something", pane)
    pane.add_context_action(action)
    pane.text.customContextMenuRequested.emit(pane.text.rect().center())
    assert pane.context_menu is not None and pane.context_menu.actions()[-1] is action
    pane.context_menu.close()
