"""Qt table model over a :class:`model.analysis.matrix.Matrix` (countries × topics or issues).

An adapter: the grids are copied once into numpy arrays so ``data()`` is an
array lookup (fast at 250 × 50).  Roles:

- DisplayRole: what the user picked — count, net stance, or dominant label — with ⚡ on contradictions
- UserRole: the raw ``(actor, column)`` key
- BackgroundRole: the diverging colour of the net stance (white when empty)
- ToolTipRole: country, column, count, net stance, label, contradiction note
- FontRole: bold for a contradiction
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from gui.plain import tooltip
from model.analysis.matrix import Matrix, net_to_rgb, sort_actors

DISPLAY_MODES = ("count", "net", "label")
SORT_KEYS = ("name", "activity", "stance")
CONTRADICTION_MARK = " ⚡"

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole
LUT_STEPS = 100
#: the diverging scale as ready-made colours, one per 0.01 of net stance (−1 … +1)
NET_COLOURS = [QColor(*net_to_rgb(i / LUT_STEPS - 1.0)) for i in range(2 * LUT_STEPS + 1)]
WHITE = QColor("white")
#: above this many changed cells, one ``dataChanged`` spans them all
MAX_CELL_SIGNALS = 200
#: counts, net stance, labels and contradictions as arrays in display order
Arrays = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _rows(grid: pd.DataFrame, order: list[int], dtype: type, index: pd.Index) -> np.ndarray:
    """``grid``'s rows at ``order`` (positions in ``index``) as an array (by label when its index differs)."""
    if not grid.index.equals(index):
        grid = grid.reindex(index)
    return grid.to_numpy(dtype=dtype)[order]


def net_colour(net: float) -> QColor:
    """The colour of a net stance (grey for NaN: the cell has statements but no polarity)."""
    if math.isnan(net):
        return NET_COLOURS[LUT_STEPS]
    return NET_COLOURS[int(round((max(-1.0, min(1.0, net)) + 1.0) * LUT_STEPS))]


class MatrixTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matrix: Matrix | None = None
        self._actors: list[str] = []
        self._cols: list[str] = []
        self._names: dict[str, str] = {}
        self._col_names: dict[str, str] = {}
        self._counts = np.zeros((0, 0), dtype=int)
        self._net = np.zeros((0, 0))
        self._labels = np.zeros((0, 0), dtype=object)
        self._contra = np.zeros((0, 0), dtype=bool)
        self._bold = QFont()
        self._bold.setBold(True)
        self.mode = "count"
        self.sort_key = "name"

    # --- data in -----------------------------------------------------------
    def set_matrix(
        self,
        matrix: Matrix | None,
        names: dict[str, str] | None = None,
        column_names: dict[str, str] | None = None,
    ) -> None:
        """Show ``matrix``.  With the same rows, columns and names as now (a review edit, most filter
        changes) only the cells whose values changed are reported (``dataChanged``): the view keeps its
        selection and scroll position and repaints those cells (a model reset took the UI thread
        50–100 ms at 250 × 50, mostly laying out and repainting every cell)."""
        names = self._names if names is None else names
        column_names = self._col_names if column_names is None else column_names
        actors, cols, arrays = self._arrays_of(matrix, names)
        if (self._matrix is not None and matrix is not None and names == self._names
                and column_names == self._col_names and actors == self._actors and cols == self._cols):
            old = self._arrays()
            self._matrix = matrix
            self._counts, self._net, self._labels, self._contra = arrays
            self._report_changes(old)
            return
        self.beginResetModel()
        self._matrix, self._names, self._col_names = matrix, names, column_names
        self._actors, self._cols = actors, cols
        self._counts, self._net, self._labels, self._contra = arrays
        self.endResetModel()

    def set_sort(self, key: str) -> None:
        if key not in SORT_KEYS:
            raise ValueError(key)
        self.sort_key = key
        self.beginResetModel()
        self._actors, self._cols, arrays = self._arrays_of(self._matrix, self._names)
        self._counts, self._net, self._labels, self._contra = arrays
        self.endResetModel()

    def _arrays(self) -> Arrays:
        return self._counts, self._net, self._labels, self._contra

    def _report_changes(self, old: Arrays) -> None:
        """Emit ``dataChanged`` for each cell that changed.  The row headers show names only (their
        tooltips are asked for on hover), so no ``headerDataChanged``: it made the header and the whole
        table lay out and repaint again."""
        counts, net, labels, contra = old
        same_net = (net == self._net) | (np.isnan(net) & np.isnan(self._net))
        changed = (counts != self._counts) | ~same_net | (labels != self._labels) | (contra != self._contra)
        rows, cols = np.nonzero(changed)
        if not len(rows):
            return
        if len(rows) > MAX_CELL_SIGNALS:   # a large change: one signal over the rows and columns it spans
            self.dataChanged.emit(self.index(int(rows.min()), int(cols.min())), self.index(int(rows.max()), int(cols.max())))
        else:
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                index = self.index(r, c)
                self.dataChanged.emit(index, index)

    def _arrays_of(self, m: Matrix | None, names: dict[str, str]) -> tuple[list[str], list[str], Arrays]:
        """Rows in display order, columns, and the grids as arrays in that order."""
        if m is None:
            return [], [], (np.zeros((0, 0), dtype=int), np.zeros((0, 0)), np.zeros((0, 0), dtype=object),
                            np.zeros((0, 0), dtype=bool))
        if self.sort_key == "name":
            def by_name(a: str) -> str:
                return names.get(a, a).casefold()
            actors = sorted(m.actors, key=by_name)
        else:
            actors = sort_actors(m, self.sort_key)
        # rows taken by position: ``.loc`` with a list of 250 labels took 20–40 ms on the UI thread
        index = m.counts.index
        at = {a: i for i, a in enumerate(index.tolist())}
        order = [at[a] for a in actors]
        return actors, m.columns, (_rows(m.counts, order, int, index), _rows(m.net, order, float, index),
                                   _rows(m.labels, order, object, index), _rows(m.contradictions, order, bool, index))

    def set_mode(self, mode: str) -> None:
        if mode not in DISPLAY_MODES:
            raise ValueError(mode)
        self.mode = mode
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1), [R.DisplayRole])

    # --- lookups for views -------------------------------------------------
    @property
    def actors(self) -> list[str]:
        return list(self._actors)

    @property
    def columns(self) -> list[str]:
        return list(self._cols)

    def key(self, index: Index) -> tuple[str, str] | None:
        if not index.isValid():
            return None
        return self._actors[index.row()], self._cols[index.column()]

    def index_of(self, actor: str, column: str) -> QModelIndex:
        try:
            return self.index(self._actors.index(actor), self._cols.index(column))
        except ValueError:
            return QModelIndex()

    # --- Qt API ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index: Index, role: int = R.DisplayRole) -> object:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        count = int(self._counts[r, c])
        if role == R.DisplayRole:
            return self._display(r, c, count)
        if role == R.UserRole:
            return (self._actors[r], self._cols[c])
        if role == R.BackgroundRole:
            return net_colour(float(self._net[r, c])) if count else None
        if role == R.ForegroundRole:
            net = self._net[r, c]
            return WHITE if count and not math.isnan(net) and abs(net) > 0.6 else None
        if role == R.FontRole:
            return self._bold if count and self._contra[r, c] else None
        if role == R.ToolTipRole:
            return tooltip(self._tooltip(r, c, count))
        if role == R.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r: int, c: int, count: int) -> str:
        if not count:
            return ""
        mark = CONTRADICTION_MARK if self._contra[r, c] else ""
        if self.mode == "net":
            return f"{self._net[r, c]:+.2f}{mark}"
        if self.mode == "label":
            return f"{self._labels[r, c]}{mark}"
        return f"{count}{mark}"

    def _tooltip(self, r: int, c: int, count: int) -> str:
        actor, col = self._actors[r], self._cols[c]
        head = f"{self._names.get(actor, actor)} — {self._col_names.get(col, col)}"
        if not count:
            return f"{head}: no stance recorded"
        contra = "\n⚡ contradiction: a position for and one against one issue in this cell" if self._contra[r, c] else ""
        return (f"{head}\n{count} statement(s), net stance {self._net[r, c]:+.2f}\n"
                f"“{self._labels[r, c]}”{contra}\nClick to see the sentences")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole) -> object:
        if role not in (R.DisplayRole, R.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._cols):
                return None
            col = self._cols[section]
            return self._col_names.get(col, col) if role == R.DisplayRole else tooltip(f"{self._col_names.get(col, col)} ({col})")
        if 0 <= section < len(self._actors):
            code = self._actors[section]
            if role == R.DisplayRole:
                return f"{self._names.get(code, code)}  {code}"
            return tooltip(f"{self._names.get(code, code)} ({code}): {int(self._counts[section].sum())} statement(s). "
                           "Click for its profile.")
        return None

