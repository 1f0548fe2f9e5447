"""Reader pane: a document's full text, scrolled to a sentence with it and its actor and cue highlighted."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from gui.evidence import sentence_marks
from gui.plain import escaped
from model.documents import Document

SENTENCE_BG = QColor("#fef3c7")
MARK_BG = {"actor": QColor("#fde68a"), "cue": QColor("#bfdbfe")}


class ReaderPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Double-click an evidence card to read its document here.")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)  # built here from escaped text only
        self.title.setOpenExternalLinks(False)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.document_id: str | None = None
        self.highlight: tuple[int, int] | None = None
        self.context_menu: QMenu | None = None   # the last context menu shown (tests pick from it)
        self._context_actions: list[QAction] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addWidget(self.text)

    def show_document(self, doc: Document, row: Mapping[str, object] | None = None) -> None:
        """Show ``doc``; with a statement ``row``, scroll to its sentence and highlight it."""
        if doc.id != self.document_id:
            self.text.setPlainText(doc.text)
            self.document_id = doc.id
        meta = " · ".join(x for x in (doc.date, doc.source, doc.url) if x)
        self.title.setText(f"<b>{escaped(doc.title or doc.id)}</b>" + (f"<br><small>{escaped(meta)}</small>" if meta else ""))
        self.highlight = None
        self.text.setExtraSelections([])
        if row is None:
            return
        start, end = int(cast(int, row.get("start") or 0)), int(cast(int, row.get("end") or 0))
        n = len(doc.text)
        if not 0 <= start < end <= n:
            return
        selections = [self._selection(start, end, SENTENCE_BG)]
        for s, e, kind in sentence_marks(row):
            selections.append(self._selection(start + s, start + e, MARK_BG[kind]))
        self.text.setExtraSelections(selections)
        self.highlight = (start, end)
        cursor = self.text.textCursor()
        cursor.setPosition(start)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        # bring the sentence to about a third of the way down, so the lines before it give context
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + self.text.cursorRect().top() - self.text.viewport().height() // 3)

    def selection(self) -> tuple[str, int, int] | None:
        """The document shown and the selected character range in it (None: no document or no selection)."""
        cursor = self.text.textCursor()
        if self.document_id is None or not cursor.hasSelection():
            return None
        return self.document_id, cursor.selectionStart(), cursor.selectionEnd()

    def add_context_action(self, action: QAction, separate: bool = False) -> None:
        """An entry below the text's standard context menu (Copy, Select all), after a separator with
        ``separate``; its shortcut works in the pane."""
        self.addAction(action)
        if not self._context_actions:
            self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.text.customContextMenuRequested.connect(self._context_menu)
        if separate:
            sep = QAction(self)
            sep.setSeparator(True)
            self._context_actions.append(sep)
        self._context_actions.append(action)

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu = self.text.createStandardContextMenu()
        menu.addSeparator()
        menu.addActions(self._context_actions)
        menu.popup(self.text.viewport().mapToGlobal(pos))

    def _selection(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        sel.cursor, sel.format = cursor, fmt
        return sel
