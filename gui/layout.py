"""The default dock layout: evidence first.

The evidence (with the reader under it) takes the full height of the right
side and about 42% of the width; the matrix keeps the centre; charts,
comparison, profile, decisions and the documents list share one tabbed strip
under the matrix.  On a narrow window (under 1200 px) the strip takes the
full width and the reader joins it, so the evidence alone has the right side
(no panel's minimum width can squeeze it there).  View › Reset layout applies it again.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

Docks = Mapping[str, QDockWidget]

A = Qt.DockWidgetArea
#: docks tabbed in the strip under the matrix, the first one raised
BOTTOM = ("charts", "comparison", "profile", "decisions", "documents")
NARROW = 1200
RIGHT_SHARE, BOTTOM_SHARE, EVIDENCE_SHARE = 0.42, 0.30, 0.62


def apply_default_layout(w: QMainWindow, docks: Docks) -> None:
    """Put each of the window's ``docks`` where the default layout has it and size the areas for the window's size."""
    size = w.size()
    narrow = w.width() < NARROW
    w.setCorner(Qt.Corner.TopRightCorner, A.RightDockWidgetArea)
    w.setCorner(Qt.Corner.BottomRightCorner, A.BottomDockWidgetArea if narrow else A.RightDockWidgetArea)
    w.setCorner(Qt.Corner.TopLeftCorner, A.LeftDockWidgetArea)
    w.setCorner(Qt.Corner.BottomLeftCorner, A.BottomDockWidgetArea)
    bottom = [n for n in BOTTOM if n in docks] + (["reader"] if narrow else [])
    for d in docks.values():
        d.setFloating(False)
    w.addDockWidget(A.RightDockWidgetArea, docks["evidence"])
    if not narrow:
        w.splitDockWidget(docks["evidence"], docks["reader"], Qt.Orientation.Vertical)
    w.addDockWidget(A.BottomDockWidgetArea, docks[bottom[0]])
    for before, after in zip(bottom, bottom[1:], strict=False):
        w.tabifyDockWidget(docks[before], docks[after])
    for d in docks.values():
        d.show()
    docks[bottom[0]].raise_()
    if w.size() != size:   # tabifying grows the window for a moment: it keeps the size it had
        layout = w.layout()
        if layout is not None:
            layout.activate()
        w.resize(size)
    _size(w, docks, narrow)
    # sizes asked for before the window is laid out are not all honoured: ask again once it is
    QTimer.singleShot(0, w, lambda: _size(w, docks, narrow))


def _size(w: QMainWindow, docks: Docks, narrow: bool) -> None:
    width, height = max(w.width(), 800), max(w.height(), 560)
    right = max(380, int(width * RIGHT_SHARE))
    w.resizeDocks([docks["evidence"]], [right], Qt.Orientation.Horizontal)
    if not narrow:
        side = height - 80
        w.resizeDocks([docks["evidence"], docks["reader"]],
                      [int(side * EVIDENCE_SHARE), int(side * (1 - EVIDENCE_SHARE))], Qt.Orientation.Vertical)
    w.resizeDocks([docks["charts"]], [int(height * BOTTOM_SHARE)], Qt.Orientation.Vertical)
    docks[BOTTOM[0]].raise_()
