"""The one object that owns the current results and tells views they changed."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QObject, Signal

from model.matrix import Matrix, build_matrix
from model.pipeline import Analysis


class AppState(QObject):
    sig_analysis_changed = Signal()
    sig_matrix_changed = Signal()
    sig_cell_selected = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self.matrix: Matrix | None = None
        self.by = "topic"

    @property
    def statements(self) -> pd.DataFrame | None:
        return self.analysis.statements if self.analysis else None

    def set_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.sig_analysis_changed.emit()
        self.rebuild_matrix()

    def rebuild_matrix(self) -> None:
        if self.analysis is None:
            self.matrix = None
        else:
            cols = self.analysis.resources.topic_keys if self.by == "topic" else None
            self.matrix = build_matrix(self.analysis.statements, by=self.by, columns=cols)
        self.sig_matrix_changed.emit()

    def cell_statements(self, actor: str, column: str) -> pd.DataFrame:
        st = self.statements
        if st is None:
            return pd.DataFrame()
        return st[(st["actor"] == actor) & (st[self.by] == column)]
