"""Side-by-side comparison of 2–4 countries, aligned by topic, with a linked grouped-bar chart."""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from gui.charts import GroupedBarsChart
from gui.plain import escaped, tooltip
from model.compare import AGREE, DISAGREE, MAX_COUNTRIES, MIN_COUNTRIES, MIXED, Comparison
from model.matrix import net_to_rgb

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole
RELATION_TEXT = {AGREE: "✔ agree", DISAGREE: "✘ disagree", MIXED: "≈ mixed", "single": ""}
RELATION_COLOUR = {AGREE: QColor("#d1fae5"), DISAGREE: QColor("#fecaca"), MIXED: QColor("#fef9c3")}
MAX_LABELS = 3


class ComparisonTableModel(QAbstractTableModel):
    """Rows: topics; columns: one per country (its stances) then the agreement mark.

    DisplayRole: stance labels and net stance; UserRole: net stance (country
    columns) or relation; BackgroundRole: net colour / agreement colour.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._names: dict[str, str] = {}
        self._col_names: dict[str, str] = {}

    def set_comparison(self, comparison: Comparison | None, names: dict[str, str], col_names: dict[str, str]) -> None:
        self.beginResetModel()
        self.comparison, self._names, self._col_names = comparison, names, col_names
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.comparison is None else len(self.comparison.table)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.comparison is None else len(self.comparison.actors) + 1

    def data(self, index: Index, role: int = R.DisplayRole):
        if not index.isValid() or self.comparison is None:
            return None
        c = self.comparison
        topic = c.table.index[index.row()]
        if index.column() == len(c.actors):
            relation = c.table.at[topic, "relation"]
            if role == R.DisplayRole:
                return RELATION_TEXT.get(relation, relation)
            if role == R.UserRole:
                return relation
            if role == R.BackgroundRole:
                return RELATION_COLOUR.get(relation)
            if role == R.ToolTipRole:
                return f"spread of net stance: {c.table.at[topic, 'spread']:.2f}" if relation != "single" else "only one country speaks to this"
            return None
        actor = c.actors[index.column()]
        count, net = int(c.table.at[topic, f"{actor}_count"]), float(c.table.at[topic, f"{actor}_net"])
        if role == R.DisplayRole:
            if not count:
                return "—"
            labels = list(c.table.at[topic, f"{actor}_stances"])
            more = f" (+{len(labels) - MAX_LABELS})" if len(labels) > MAX_LABELS else ""
            return "\n".join(labels[:MAX_LABELS]) + f"{more}\nnet {net:+.2f} · {count} statement(s)"
        if role == R.UserRole:
            return None if math.isnan(net) else net
        if role == R.BackgroundRole:
            return QColor(*net_to_rgb(net)) if count else None
        if role == R.ForegroundRole:
            return QColor("white") if count and abs(net) > 0.6 else None
        if role == R.ToolTipRole:
            return tooltip("\n".join(c.table.at[topic, f"{actor}_stances"]) or "no stance recorded")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole):
        if role != R.DisplayRole or self.comparison is None:
            return None
        c = self.comparison
        if orientation == Qt.Orientation.Horizontal:
            if section < len(c.actors):
                return f"{self._names.get(c.actors[section], c.actors[section])} ({c.actors[section]})"
            return "Agreement" if section == len(c.actors) else None
        if 0 <= section < len(c.table):
            topic = c.table.index[section]
            return self._col_names.get(topic, topic)
        return None


class ComparisonPanel(QWidget):
    """Pick 2–4 countries; see their stances side by side and a linked chart."""

    sig_compare_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pickers = [QComboBox() for _ in range(MAX_COUNTRIES)]
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Compare:"))
        for i, p in enumerate(self.pickers):
            p.setToolTip("Country to compare" + ("" if i < MIN_COUNTRIES else " (optional)"))
            p.setMinimumContentsLength(14)
            p.currentIndexChanged.connect(self._picked)
            bar.addWidget(p)
        bar.addStretch(1)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # built here from escaped text only
        self.model = ComparisonTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(220)
        self.chart = GroupedBarsChart()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setSizes([600, 400])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.chart.mark(cur.row() if cur.isValid() else None))
        self._quiet = False

    def set_countries(self, actors: list[str], names: dict[str, str], chosen: list[str]) -> None:
        """Fill the pickers with the matrix's countries, selecting ``chosen``."""
        self._quiet = True
        for i, p in enumerate(self.pickers):
            p.clear()
            if i >= MIN_COUNTRIES:
                p.addItem("—", None)
            for a in sorted(actors, key=lambda a: names.get(a, a).casefold()):
                p.addItem(f"{names.get(a, a)} ({a})", a)
            if i < len(chosen):
                p.setCurrentIndex(max(0, p.findData(chosen[i])))
            elif i < MIN_COUNTRIES and p.count() > i:
                p.setCurrentIndex(i)
        self._quiet = False

    def chosen(self) -> list[str]:
        picked = [p.currentData() for p in self.pickers]
        return list(dict.fromkeys(a for a in picked if a))

    def _picked(self) -> None:
        if not self._quiet and len(self.chosen()) >= MIN_COUNTRIES:
            self.sig_compare_requested.emit(self.chosen())

    def show_comparison(self, comparison: Comparison | None, names: dict[str, str], col_names: dict[str, str]) -> None:
        self.model.set_comparison(comparison, names, col_names)
        self.table.resizeRowsToContents()
        if comparison is None:
            self.summary.setText("")
            self.chart.set_data(self.chart.values.iloc[0:0], col_names, names)
            return
        t = comparison.table
        who = " · ".join(names.get(a, a) for a in comparison.actors)
        self.summary.setText(f"<b>{escaped(who)}</b>: {int(t['agree'].sum())} topic(s) in agreement, "
                             f"{int(t['disagree'].sum())} in disagreement, of {len(t)} spoken to")
        self.chart.set_data(comparison.net_grid(), col_names, names)
