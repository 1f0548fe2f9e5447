"""The Decisions panel: every accept, reject, restore, edit, add, rename and note, filterable, with Restore.

:class:`DecisionsModel` is a thin table model over the model's audit trail
(:func:`model.review.log.decision_log`); :class:`DecisionsPanel` adds a kind
filter, a text filter, "Rejected only" and a Restore button.  It emits what
the analyst asked for; :class:`gui.review_controller.ReviewController` turns
a restore into an undoable command and a click into the statement shown in
the reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.flow_layout import FlowLayout
from gui.plain import tooltip
from model.errorlog import safe_text
from model.review.log import LOG_KINDS, LogEntry, rejected_now

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole
ENTRY_ROLE = R.UserRole + 1
HEADERS = ("Time (UTC)", "Decision", "Country", "Topic", "Statement", "Change / note")
EXCERPT = 90
KIND_COLOURS = {"reject": "#b91c1c", "restore": "#15803d", "accept": "#15803d", "edit": "#1d4ed8",
                "add": "#7c3aed", "note": "#92400e", "rename": "#374151"}


def excerpt(text: str, n: int = EXCERPT) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= n else one_line[:n - 1] + "…"


def cells(e: LogEntry) -> tuple[str, ...]:
    """What each column shows for an entry."""
    kind = e.kind + (" ●" if e.kind == "reject" and e.rejected else "")
    statement = f"{e.document}: {excerpt(e.sentence)}" if e.document else ""
    return e.time.replace("T", " "), kind, e.actor, e.topic, statement, excerpt(e.change, 120)


class DecisionsModel(QAbstractTableModel):
    """The entries that pass the panel's filters, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LogEntry] = []
        self.shown: list[LogEntry] = []
        self.kind: str | None = None
        self.text = ""
        self.rejected_only = False

    def set_entries(self, entries: Sequence[LogEntry]) -> None:
        self.entries = list(entries)
        self._refilter()

    def set_filters(self, kind: str | None, text: str, rejected_only: bool) -> None:
        self.kind, self.text, self.rejected_only = kind, text.strip(), rejected_only
        self._refilter()

    def _passes(self, e: LogEntry, current: set[int]) -> bool:
        if self.rejected_only and id(e) not in current:
            return False
        if self.kind and e.kind != self.kind:
            return False
        return not self.text or e.matches(self.text)

    def _refilter(self) -> None:
        self.beginResetModel()
        # "rejected only": one row per statement rejected now (its latest reject)
        current = {id(e) for e in rejected_now(self.entries)} if self.rejected_only else set()
        self.shown = [e for e in reversed(self.entries) if self._passes(e, current)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole) -> object:
        if role == R.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = R.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.shown):
            return None
        e = self.shown[index.row()]
        if role == R.DisplayRole:
            return safe_text(cells(e)[index.column()])
        if role == ENTRY_ROLE:
            return e
        if role == R.ToolTipRole:
            still = " · still rejected (● — Restore brings it back)" if e.kind == "reject" and e.rejected else ""
            parts = [f"{e.kind} · {e.time.replace('T', ' ')} UTC{still}", e.sentence, e.change]
            return tooltip("\n".join(p for p in parts if p))
        if role == R.ForegroundRole and index.column() == 1:
            return QColor(KIND_COLOURS.get(e.kind, "#374151"))
        return None


class DecisionsPanel(QWidget):
    sig_restore = Signal(object)   # a LogEntry whose statement is rejected now
    sig_show = Signal(object)      # a LogEntry the analyst clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DecisionsModel(self)
        self.kind = QComboBox()
        self.kind.addItem("All decisions", None)
        for k in LOG_KINDS:
            self.kind.addItem(k.capitalize() + ("s" if k != "add" else "itions"), k)
        self.kind.setToolTip("Only decisions of this kind")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by country, topic, text…")
        self.search.setClearButtonEnabled(True)
        self.rejected = QCheckBox("Rejected only")
        self.rejected.setToolTip("Statements rejected now, marked ● (they are left out of the matrix and exports)")
        self.restore = QPushButton("Restore")
        self.restore.setToolTip("Bring the selected rejected statement back (undoable)")
        self.restore.setEnabled(False)
        self.count = QLabel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        time_width = self.fontMetrics().horizontalAdvance("2026-11-28 12:40:05") + 14
        for col, width in enumerate((time_width, 80, 60, 90, 320)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("Filter by country, topic, text…") + 40)
        # the controls keep their natural widths and wrap in a narrow dock (no minimum width for the window)
        bar = QWidget()
        top = FlowLayout(bar, spacing=6)
        top.setContentsMargins(0, 0, 0, 0)
        for w in (self.kind, self.search, self.rejected, self.restore, self.count):
            top.addWidget(w)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(bar)
        lay.addWidget(self.view, 1)
        self.kind.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.rejected.toggled.connect(self._filter)
        self.restore.clicked.connect(self._restore)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.clicked.connect(lambda index: self._emit_show(index))
        self._update_count()

    def set_entries(self, entries: Sequence[LogEntry]) -> None:
        self.model.set_entries(entries)
        self._after_reset()

    def current(self) -> LogEntry | None:
        index = self.view.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None

    def select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _filter(self) -> None:
        self.model.set_filters(self.kind.currentData(), self.search.text(), self.rejected.isChecked())
        self._after_reset()

    def _after_reset(self) -> None:
        self.restore.setEnabled(False)
        self._update_count()

    def _update_count(self) -> None:
        n, total = self.model.rowCount(), len(self.model.entries)
        self.count.setText(f"{n} of {total}" if n != total else f"{total} decision{'s' if total != 1 else ''}")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        e = current.data(ENTRY_ROLE) if current.isValid() else None
        self.restore.setEnabled(bool(e is not None and e.rejected and e.ref is not None))

    def _emit_show(self, index: QModelIndex) -> None:
        e = index.data(ENTRY_ROLE)
        if e is not None:
            self.sig_show.emit(e)

    def _restore(self) -> None:
        e = self.current()
        if e is not None and e.rejected and e.ref is not None:
            self.sig_restore.emit(e)
