"""Qt table model over a :class:`model.matrix.Matrix`.

Roles: DisplayRole shows what the user picked (count, net stance or the
dominant label); UserRole gives the raw (actor, column) key; BackgroundRole
the diverging colour of the net stance; ToolTipRole a summary.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from model.matrix import Matrix, net_to_rgb

DISPLAY_MODES = ("count", "net", "label")

Index = QModelIndex | QPersistentModelIndex


class MatrixTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._matrix: Matrix | None = None
        self._actors: list[str] = []
        self._cols: list[str] = []
        self._names: dict[str, str] = {}
        self.mode = "count"

    # --- data in -----------------------------------------------------------
    def set_matrix(self, matrix: Matrix | None, actors: list[str] | None = None, names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._matrix = matrix
        self._actors = list(actors) if actors is not None else (matrix.actors if matrix else [])
        self._cols = matrix.columns if matrix else []
        self._names = names or {}
        self.endResetModel()

    def set_mode(self, mode: str) -> None:
        if mode not in DISPLAY_MODES:
            raise ValueError(mode)
        self.mode = mode
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1), [Qt.ItemDataRole.DisplayRole])

    @property
    def actors(self) -> list[str]:
        return list(self._actors)

    def key(self, index: Index) -> tuple[str, str] | None:
        if not index.isValid():
            return None
        return self._actors[index.row()], self._cols[index.column()]

    # --- Qt API ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._matrix is None:
            return None
        actor, col = self._actors[index.row()], self._cols[index.column()]
        m = self._matrix
        count = int(m.counts.at[actor, col])
        net = float(m.net.at[actor, col])
        if role == Qt.ItemDataRole.DisplayRole:
            if not count:
                return ""
            mark = " ⚡" if m.contradictions.at[actor, col] else ""
            if self.mode == "net":
                return f"{net:+.2f}{mark}"
            if self.mode == "label":
                return f"{m.labels.at[actor, col]}{mark}"
            return f"{count}{mark}"
        if role == Qt.ItemDataRole.UserRole:
            return (actor, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not count:
                return None
            return QColor(*net_to_rgb(net))
        if role == Qt.ItemDataRole.ForegroundRole:
            if count and not math.isnan(net) and abs(net) > 0.6:
                return QColor("white")
            return None
        if role == Qt.ItemDataRole.FontRole:
            if count and m.contradictions.at[actor, col]:
                f = QFont()
                f.setBold(True)
                return f
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if not count:
                return f"{self._names.get(actor, actor)} — {col}: no stance"
            contra = "\nContradicting claims in this cell" if m.contradictions.at[actor, col] else ""
            return (f"{self._names.get(actor, actor)} — {col}\n{count} statement(s), net stance {net:+.2f}\n"
                    f"“{m.labels.at[actor, col]}”{contra}")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._cols[section] if 0 <= section < len(self._cols) else None
        if 0 <= section < len(self._actors):
            code = self._actors[section]
            return f"{code}  {self._names.get(code, '')}".rstrip() if role == Qt.ItemDataRole.DisplayRole else self._names.get(code, code)
        return None
