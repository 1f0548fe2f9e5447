"""A read-only Qt table model over a pandas DataFrame.

Columns are declared as :class:`Column` (header, frame column, formatter,
tooltip); values are read from numpy arrays copied once, the fast path
(Spyder's dataframe editor uses ``iat`` for the same reason).
Roles: DisplayRole formatted text, UserRole the raw value, ToolTipRole the
column's tooltip (or the text), BackgroundRole from an optional ``background``
callable of (row, raw values by column name).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gui.plain import tooltip

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole


def _plain(v: object) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return str(v)


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    fmt: Callable[[object], str] = _plain
    tooltip: str = ""


class FrameTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Column],
        background: Callable[[str, object], QColor | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._background = background
        self._values: list[np.ndarray] = []
        self._frame = pd.DataFrame()
        self._n = 0

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame
        self._n = len(frame)
        self._values = [
            frame[c.field].to_numpy(dtype=object) if c.field in frame else np.full(self._n, None, dtype=object)
            for c in self._columns
        ]
        self.endResetModel()

    def raw(self, row: int, field: str) -> object:
        """The frame's value at ``row`` in any of its columns, shown or not."""
        return self._frame[field].iat[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._n

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = R.DisplayRole) -> object:
        if not index.isValid():
            return None
        col = self._columns[index.column()]
        value = self._values[index.column()][index.row()]
        if role == R.DisplayRole:
            return col.fmt(value)
        if role == R.UserRole:
            return value
        if role == R.ToolTipRole:
            return tooltip(col.tooltip or col.fmt(value))
        if role == R.BackgroundRole and self._background is not None:
            return self._background(col.field, value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == R.DisplayRole:
                return self._columns[section].header
            if role == R.ToolTipRole:
                return self._columns[section].tooltip or self._columns[section].header
        if orientation == Qt.Orientation.Vertical and role == R.DisplayRole and 0 <= section < self._n:
            return str(section + 1)
        return None
