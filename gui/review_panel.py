"""Review on the evidence cards: Accept, Reject, Edit…, Note… buttons and the statement's provenance.

:class:`ReviewDelegate` extends the evidence card painter with a strip of
buttons under each card (painted, so a cell with thousands of cards costs no
widgets) and says where the statement came from ("machine", or "edited ·
analyst 2026-11-28 12:40").  A click on a button emits
``sig_clicked(action, row)``; :class:`gui.review_controller.ReviewController`
turns it into an undoable command.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QToolTip,
)

from gui.evidence import ROW_ROLE, EvidenceDelegate, Index
from gui.plain import tooltip
from model.review.notes import Note

BUTTONS = (("accept", "✓ Accept", "Confirm this statement (A)"),
           ("reject", "✗ Reject", "Leave this statement out of the matrix and exports (R)"),
           ("edit", "Edit…", "Change country, target, topic, issue, label or polarity (E)"),
           ("note", "Note…", "Attach a note to this statement (N)"))
STRIP = 28        # height of the button strip under a card
GAP = 5
REVIEW_COLOURS = {"accepted": "#15803d", "edited": "#1d4ed8", "added": "#7c3aed", "machine": "#6b7280"}


def provenance_text(row: Mapping[str, object]) -> str:
    """What the card says about the statement's origin: "machine", or "<review> · analyst <time>"."""
    review = str(row.get("review") or "machine")
    provenance = str(row.get("provenance") or "machine")
    if provenance == "machine" and review == "machine":
        return "machine"
    return f"{review} · {provenance.replace('T', ' ')[:24]}"  # "edited · analyst 2026-11-28 12:40"


def _button_widths() -> list[int]:
    fm = QFontMetrics(QApplication.font())
    return [fm.horizontalAdvance(label) + 20 for _name, label, _tip in BUTTONS]


def button_rects(card: QRect) -> dict[str, QRect]:
    """Where each button of a card sits (card = the item's rectangle in the view)."""
    top = card.bottom() - STRIP + 2
    x = card.left() + EvidenceDelegate.MARGIN
    rects = {}
    for (name, _label, _tip), width in zip(BUTTONS, _button_widths(), strict=True):
        rects[name] = QRect(x, top, width, STRIP - 6)
        x += width + GAP
    return rects


def strip_text(row: Mapping[str, object], notes: list[Note]) -> str:
    """What the strip beside the buttons says: the provenance (the note has a line of its own, see :func:`note_line`)."""
    return provenance_text(row)


def note_line(notes: list[Note]) -> str:
    """The line a card shows for its notes: the first note's text on one line (elided when painted), "" for none."""
    if not notes:
        return ""
    more = f"  (+{len(notes) - 1} more)" if len(notes) > 1 else ""
    return f"✎ Note: {' '.join(notes[0].text.split())}{more}"


def _note_height() -> int:
    return QFontMetrics(QApplication.font()).height() + 4


class ReviewDelegate(EvidenceDelegate):
    sig_clicked = Signal(str, object)   # action name, the statement row (dict)

    def __init__(self, parent: QObject | None = None, notes_for: Callable[[Mapping[str, object]], list[Note]] = lambda row: []) -> None:
        super().__init__(parent)
        self.notes_for = notes_for
        self.refused = ""   # why review is refused on the open set: the buttons are greyed, their tooltip says why

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        notes = self.notes_for(index.data(ROW_ROLE) or {})
        return QSize(size.width(), size.height() + STRIP + (_note_height() if notes else 0))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        row = index.data(ROW_ROLE) or {}
        notes = self.notes_for(row)
        if notes:
            self._paint_note(painter, option.rect, note_line(notes))
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        rects = button_rects(option.rect)
        for name, label, _tip in BUTTONS:
            btn = QStyleOptionButton()
            btn.rect = rects[name]
            btn.text = label
            btn.state = QStyle.StateFlag.State_Raised
            btn.palette = QPalette(option.palette)
            if self.refused:
                btn.palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
            else:
                btn.state |= QStyle.StateFlag.State_Enabled
            style.drawControl(QStyle.ControlElement.CE_PushButton, btn, painter, widget)
        last = rects[BUTTONS[-1][0]]
        text_rect = QRect(last.right() + 2 * GAP, last.top(), option.rect.right() - last.right() - 3 * GAP, last.height())
        painter.save()
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        painter.setPen(QColor(REVIEW_COLOURS.get(str(row.get("review") or "machine"), "#6b7280")))
        text = QFontMetrics(font).elidedText(strip_text(row, notes), Qt.TextElideMode.ElideRight,
                                             text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def _paint_note(self, painter: QPainter, card: QRect, text: str) -> None:
        h = _note_height()
        rect = QRect(card.left() + EvidenceDelegate.MARGIN, card.bottom() - STRIP - h + 1,
                     card.width() - 2 * EvidenceDelegate.MARGIN, h)
        painter.save()
        painter.fillRect(rect, QColor("#fef3c7"))
        painter.setPen(QColor("#92400e"))
        inner = rect.adjusted(4, 0, -4, 0)
        elided = QFontMetrics(painter.font()).elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
        painter.restore()

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: Index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            pos = event.position().toPoint()
            for name, rect in button_rects(option.rect).items():
                if rect.contains(pos):
                    self.sig_clicked.emit(name, index.data(ROW_ROLE))
                    return True
        return super().editorEvent(event, model, option, index)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index) -> bool:
        rects = button_rects(option.rect)
        for name, _label, tip in BUTTONS:
            if rects[name].contains(event.pos()):
                QToolTip.showText(event.globalPos(), tooltip(self.refused) if self.refused else tip, view)
                return True
        if event.pos().y() >= rects[BUTTONS[0][0]].top():
            row = index.data(ROW_ROLE) or {}
            lines = [f"Provenance: {provenance_text(row)}"] + [f"Note ({n.time}): {n.text}" for n in self.notes_for(row)]
            QToolTip.showText(event.globalPos(), tooltip("\n".join(lines)), view)
            return True
        return super().helpEvent(event, view, option, index)
