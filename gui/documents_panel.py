"""Document list: every loaded document and every file that failed or was skipped, with its status."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QLabel, QTableView, QVBoxLayout, QWidget

from gui.frame_model import Column, FrameTableModel
from model.analysis.documents_table import documents_frame
from model.pipeline import Analysis

STATUS_COLOUR = {"failed": QColor("#fecaca"), "skipped": QColor("#e5e7eb"), "warning": QColor("#fef3c7")}


def _status_colour(field: str, value: object) -> QColor | None:
    return STATUS_COLOUR.get(str(value)) if field == "status" else None


class DocumentsPanel(QWidget):
    """Double-click opens a document in the reader; "only selected" filters the matrix to the selection."""

    sig_open_document = Signal(str)
    sig_documents_filter = Signal(frozenset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FrameTableModel([
            Column("Status", "status", tooltip="loaded, failed (see the load report) or skipped"),
            Column("Title", "title"), Column("Date", "date"), Column("Source", "source"),
            Column("Statements", "statements", tooltip="statements extracted from this document"),
            Column("Note", "reason"),
        ], background=_status_colour, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        # no initial sort: sorting 10,000 rows on every load would stall the UI; a header click sorts
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((64, 220, 84, 100, 74)):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(self._open)
        self.only_selected = QCheckBox("Matrix from selected documents only")
        self.only_selected.setToolTip("Filter the matrix to the documents selected in this list")
        self.only_selected.toggled.connect(self._emit_filter)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.summary = QLabel("No documents loaded.")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.only_selected)

    def set_analysis(self, analysis: Analysis, frame: pd.DataFrame | None = None) -> None:
        """Show the documents of ``analysis``; ``frame`` when a worker already built :func:`~model.analysis.documents_table.documents_frame`."""
        self.model.set_frame(documents_frame(analysis) if frame is None else frame)
        n_err, n_skip = len(analysis.report.errors), len(analysis.report.skipped)
        self.summary.setText(f"{len(analysis.documents)} document(s) loaded"
                             + (f" · {n_err} failed" if n_err else "") + (f" · {n_skip} skipped" if n_skip else ""))

    def selected_ids(self) -> frozenset[str]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return frozenset(str(self.model.raw(r, "id")) for r in rows if self.model.raw(r, "status") == "loaded")

    def _selection_changed(self) -> None:
        if self.only_selected.isChecked():
            self._emit_filter()

    def _emit_filter(self) -> None:
        self.sig_documents_filter.emit(self.selected_ids() if self.only_selected.isChecked() else frozenset())

    def _open(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        if self.model.raw(row, "status") == "loaded":
            self.sig_open_document.emit(str(self.model.raw(row, "id")))

