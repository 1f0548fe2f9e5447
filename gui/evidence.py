"""Evidence cards: the statements behind a matrix cell, one card each.

``EvidenceModel`` adapts a cell's statements (a DataFrame) to a list model,
fetched in batches so a cell with thousands of statements opens at once.
Roles: DisplayRole plain-text summary, ``HTML_ROLE`` the card, ``ROW_ROLE``
the statement as a dict (document id, offsets) for the reader pane.
``EvidenceDelegate`` paints the HTML cards.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any, cast

import pandas as pd
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QAction, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gui.plain import InertDocument, escaped
from model.analysis.matrix import net_to_rgb, polarity_class
from model.documents import Document
from model.texts import StatementTexts, with_texts

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole
HTML_ROLE = R.UserRole + 1
ROW_ROLE = R.UserRole + 2
BATCH = 8  # about a screenful of cards: each is laid out as rich text, so fetch more only on scrolling

ACTOR_STYLE = "background-color:#fde68a; font-weight:600;"
CUE_STYLE = "background-color:#bfdbfe; font-weight:600;"


def _find(sentence: str, word: object, offset: int) -> tuple[int, int] | None:
    """Where ``word`` sits in the sentence: from its document offset, else by a case-insensitive search."""
    if not isinstance(word, str) or not word:
        return None
    if offset >= 0 and sentence[offset:offset + len(word)].casefold() == word.casefold():
        return offset, offset + len(word)
    at = sentence.casefold().find(word.casefold())
    return (at, at + len(word)) if at >= 0 else None


def sentence_marks(row: Mapping[str, object]) -> list[tuple[int, int, str]]:
    """Spans of the actor and cue words inside the sentence: [(start, end, "actor"|"cue")], sorted, never overlapping.

    Offsets in the statement are document offsets; -1 (unknown) falls back to a text search.
    """
    sentence = str(row.get("sentence") or "")
    base = int(cast(float, row.get("start") or 0))
    marks: list[tuple[int, int, str]] = []
    for kind, word_key, off_key in (("actor", "actor_text", "actor_start"), ("cue", "cue", "cue_start")):
        off = row.get(off_key)
        rel = int(cast(float, off)) - base if isinstance(off, numbers.Real) and not math.isnan(float(off)) and cast(float, off) >= 0 else -1
        span = _find(sentence, row.get(word_key), rel)
        if span and all(span[1] <= s or span[0] >= e for s, e, _ in marks):
            marks.append((*span, kind))
    return sorted(marks)


def highlighted_html(sentence: str, marks: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for s, e, kind in marks:
        out.append(escaped(sentence[pos:s]))
        style = ACTOR_STYLE if kind == "actor" else CUE_STYLE
        out.append(f"<span style='{style}'>{escaped(sentence[s:e])}</span>")
        pos = e
    out.append(escaped(sentence[pos:]))
    return "".join(out)


def _text(v: object) -> str:
    return v if isinstance(v, str) else ""


@functools.lru_cache(maxsize=256)
def _stance_hex(polarity: float) -> str:
    return "#{:02x}{:02x}{:02x}".format(*net_to_rgb(polarity))


VOICE_STYLE = "background-color:#e0e7ff; color:#1e3a8a; font-weight:600;"


def voice_text(row: Mapping[str, object], doc: Document | None, names: Mapping[str, str]) -> str:
    """Whose words these are: "Belgium's speech", "its own speech", "reported by TASS" (plain text, or "")."""
    actor = str(row.get("actor"))
    speech = doc.speaker_country if doc is not None else None
    if speech:
        return "in its own speech" if speech == actor else f"in {names.get(speech, speech)}'s speech"
    reporter = _text(row.get("reporter")) or (doc.source if doc is not None and doc.source else "")
    return f"reported by {reporter}" if reporter else ""


def card_html(row: Mapping[str, object], doc: Document | None, names: Mapping[str, str]) -> str:
    actor = str(row.get("actor"))
    polarity = float(cast(float, row.get("polarity") or 0.0))
    colour = _stance_hex(round(polarity, 2))
    marks = ["<span style='color:#b45309'>hedged</span>"] if row.get("hedged") else []
    if row.get("negated"):
        marks.append("<span style='color:#7c3aed'>negated</span>")
    speaker = _text(row.get("speaker"))
    who = f"{escaped(names.get(actor, actor))} ({escaped(actor)})"
    voice = voice_text(row, doc, names)
    voice_html = f" <span style='{VOICE_STYLE}'>&nbsp;{escaped(voice)}&nbsp;</span>" if voice else ""
    if speaker:
        voice_html += f" <span style='color:#374151'>{escaped(speaker)}</span>"
    target = _text(row.get("target"))
    towards = f" → {escaped(names.get(target, target))}" if target else ""
    conf = row.get("confidence")
    conf_txt = f" · confidence {float(conf):.2f}" if isinstance(conf, numbers.Real) and not math.isnan(float(conf)) else ""
    source = []
    if doc is not None:
        source += [escaped(doc.title or doc.id), escaped(doc.date or ""), escaped(doc.source or "")]
    else:
        source.append(escaped(str(row.get("document"))))
    sentence = str(row.get("sentence") or "")
    return (
        f"<div><b>{who}</b>{towards}{voice_html}</div>"
        f"<div><span style='background-color:{colour}'>&nbsp;{escaped(polarity_class(polarity))}&nbsp;</span> "
        f"<b>{escaped(str(row.get('stance') or ''))}</b> · polarity {polarity:+.2f}{conf_txt}"
        f"{' · ' + ' · '.join(marks) if marks else ''}</div>"
        f"<div style='margin-top:4px'>{highlighted_html(sentence, sentence_marks(row))}</div>"
        f"<div style='color:#666; font-size:small'>{' · '.join(p for p in source if p)}</div>"
    )


class EvidenceModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._rows: list[dict[str, object]] = []
        self._shown = 0
        self._docs: Mapping[str, Document] = {}
        self._names: Mapping[str, str] = {}
        self._html: dict[int, str] = {}
        self._texts: StatementTexts | None = None

    def set_statements(self, statements: pd.DataFrame, docs: Mapping[str, Document], names: Mapping[str, str],
                       texts: StatementTexts | None = None) -> None:
        """The cards of ``statements``; ``texts``: where their sentences, labels… are read, batch by batch, when
        ``statements`` holds only the light columns (a dataset opened lean)."""
        self.beginResetModel()
        self._texts = texts
        # most confident first; rows become dicts batch by batch, as they are shown
        self._frame = statements.sort_values("confidence", ascending=False, kind="stable", na_position="last")
        self._rows = []
        self._shown = 0
        self._extend(BATCH)
        self._docs, self._names, self._html = docs, names, {}
        self.endResetModel()

    def _extend(self, n: int) -> int:
        rows = self._frame.iloc[len(self._rows):len(self._rows) + n]
        batch = with_texts(rows, self._texts).to_dict(orient="records")
        self._rows.extend(batch)
        self._shown = len(self._rows)
        return len(batch)

    @property
    def total(self) -> int:
        return len(self._frame)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._frame)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        n = min(BATCH, len(self._frame) - self._shown)
        if n <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + n - 1)
        self._extend(n)
        self.endInsertRows()

    def data(self, index: Index, role: int = R.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        row = self._rows[index.row()]
        if role == R.DisplayRole:
            return f"{row.get('actor')} · {row.get('stance')} · {row.get('sentence')}"
        if role == HTML_ROLE:
            if index.row() not in self._html:
                doc = self._docs.get(str(row.get("document")))
                self._html[index.row()] = card_html(row, doc, self._names)
            return self._html[index.row()]
        if role == ROW_ROLE:
            return row
        if role == R.ToolTipRole:
            return "Double-click to open the document at this sentence"
        return None


class EvidenceDelegate(QStyledItemDelegate):
    """Paints a card's HTML; heights follow the view's width.

    Laid-out cards are kept (by HTML and width) so sizing and painting lay each card out once.
    """

    MARGIN = 6
    CACHE = 200

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[str, int], InertDocument] = {}

    def _document(self, index: Index, width: int) -> InertDocument:
        html_text = index.data(HTML_ROLE) or ""
        key = (html_text, max(width, 120))
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) >= self.CACHE:
                self._cache.clear()
            doc = InertDocument()  # a card never loads an image, whatever its text
            doc.setDocumentMargin(self.MARGIN)
            doc.setHtml(html_text)
            doc.setTextWidth(key[1])
            self._cache[key] = doc
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(index, option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText))
        doc.documentLayout().draw(painter, ctx)
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, option.rect.height() - 1, option.rect.width(), option.rect.height() - 1)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = cast("QAbstractItemView | None", option.widget)   # the list of cards
        width = view.viewport().width() if view else 360
        doc = self._document(index, width)
        return QSize(width, int(doc.size().height()) + 2)


class EvidencePanel(QWidget):
    """A heading for the cell and its cards; double-click asks for the reader."""

    sig_open_statement = Signal(object)  # the statement row (dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = "Click a cell of the matrix to see the sentences behind it."
        self.heading = QLabel(self._title)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # built here from escaped text only
        self.setMinimumWidth(340)
        self.model = EvidenceModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(EvidenceDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setAlternatingRowColors(True)
        self.view.setToolTip("Statements behind the selected cell, most confident first.\n"
                             "Actor words are marked yellow, stance cues blue. Double-click opens the document.")
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.heading)
        lay.addWidget(self.view)

    def show_cell(self, title: str, statements: pd.DataFrame, docs: Mapping[str, Document], names: Mapping[str, str],
                  texts: StatementTexts | None = None) -> None:
        """The cards of ``statements`` under ``title`` (the notes of what was shown before are cleared); ``texts``:
        where the texts of a lean frame's statements are read as the cards are shown."""
        self.model.set_statements(statements, docs, names, texts)
        n = self.model.total
        self._title = (f"<b>{escaped(title)}</b> — {n} statement{'s' if n != 1 else ''}"
                       if n else f"<b>{escaped(title)}</b> — no stance recorded")
        self.set_notes([])

    def set_notes(self, notes: Sequence[str]) -> None:
        """The analyst's notes on what is shown, under the heading (plain text; none: no notes line)."""
        text = self._title
        if notes:
            items = "<br>".join(f"Note: {escaped(n)}" for n in notes)
            text += f"<br><span style='color:#92400e'>{items}</span>"
        self.heading.setText(text)

    def current_row(self) -> dict[str, Any] | None:
        """The statement of the current card (None when no card is current)."""
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def clear(self) -> None:
        self.model.set_statements(pd.DataFrame(columns=["confidence"]), {}, {})
        self._title = "Click a cell of the matrix to see the sentences behind it."
        self.heading.setText(self._title)

    def set_card_delegate(self, delegate: EvidenceDelegate) -> None:
        """Paint the cards with ``delegate`` (the review delegate adds Accept/Reject/Edit/Note buttons)."""
        delegate.setParent(self.view)
        self.view.setItemDelegate(delegate)

    def add_context_action(self, action: QAction, separate: bool = False) -> None:
        """An entry of the cards' context menu (after a separator with ``separate``); its shortcut works on the cards."""
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        if separate:
            sep = QAction(self.view)
            sep.setSeparator(True)
            self.view.addAction(sep)
        self.view.addAction(action)

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.sig_open_statement.emit(row)
