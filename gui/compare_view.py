"""Side-by-side comparison of 2–4 countries, aligned by topic, with a linked grouped-bar chart."""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.charts import GroupedBarsChart
from gui.plain import escaped, tooltip
from model.analysis.compare import AGREE, DISAGREE, MAX_COUNTRIES, MIN_COUNTRIES, MIXED, Comparison
from model.analysis.matrix import net_to_rgb

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole
RELATION_TEXT = {AGREE: "✔ agree", DISAGREE: "✘ disagree", MIXED: "≈ mixed", "single": ""}
RELATION_COLOUR = {AGREE: QColor("#d1fae5"), DISAGREE: QColor("#fecaca"), MIXED: QColor("#fef9c3")}
MAX_LABELS = 3
TALL = 0.6   # a panel taller than this share of its width puts the chart under the table
LABEL_CHARS = 48   # a stance label longer than this is cut in the cell (the tooltip has it whole): rows stay short


def cut(label: str, n: int = LABEL_CHARS) -> str:
    return label if len(label) <= n else label[: n - 1].rstrip() + "…"


class ComparisonTableModel(QAbstractTableModel):
    """Rows: topics; columns: one per country (its stances) then the agreement mark.

    DisplayRole: stance labels and net stance; UserRole: net stance (country
    columns) or relation; BackgroundRole: net colour / agreement colour.
    """

    def __init__(self, parent: QObject | None = None) -> None:
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

    def data(self, index: Index, role: int = R.DisplayRole) -> object:
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
            if role == R.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            if role == R.ToolTipRole:
                return f"spread of net stance: {c.table.at[topic, 'spread']:.2f}" if relation != "single" else "only one country speaks to this"
            return None
        actor = c.actors[index.column()]
        count, net = int(c.table.at[topic, f"{actor}_count"]), float(c.table.at[topic, f"{actor}_net"])
        if role == R.DisplayRole:
            if not count:
                return "—"
            labels = list(c.table.at[topic, f"{actor}_stances"])
            more = f"\n(+{len(labels) - MAX_LABELS} more)" if len(labels) > MAX_LABELS else ""
            head = f"net {net:+.2f} · {count} statement{'s' if count != 1 else ''}"
            return head + "\n" + "\n".join(f"• {cut(label)}" for label in labels[:MAX_LABELS]) + more
        if role == R.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == R.UserRole:
            return None if math.isnan(net) else net
        if role == R.BackgroundRole:
            return QColor(*net_to_rgb(net)) if count else None
        if role == R.ForegroundRole:
            return QColor("white") if count and abs(net) > 0.6 else None
        if role == R.ToolTipRole:
            return tooltip("\n".join(c.table.at[topic, f"{actor}_stances"]) or "no stance recorded")
        return None

    def key(self, index: Index) -> tuple[str, str] | None:
        """The (country, topic) of a country cell; None for the Agreement column."""
        c = self.comparison
        if c is None or not index.isValid() or index.column() >= len(c.actors):
            return None
        return c.actors[index.column()], str(c.table.index[index.row()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole) -> object:
        if role not in (R.DisplayRole, R.ToolTipRole) or self.comparison is None:
            return None
        c = self.comparison
        if orientation == Qt.Orientation.Horizontal:
            if section < len(c.actors):
                name = f"{self._names.get(c.actors[section], c.actors[section])} ({c.actors[section]})"
                return name if role == R.DisplayRole else tooltip(name + ": click a cell to see the sentences")
            if section == len(c.actors):
                return "Agreement" if role == R.DisplayRole else "Click to see every compared country's sentences on the topic"
            return None
        if role == R.ToolTipRole:
            return None
        if 0 <= section < len(c.table):
            topic = c.table.index[section]
            return self._col_names.get(topic, topic)
        return None


def best_match(items: list[str], typed: str) -> int:
    """The item a typed text means: the first that starts with it, else the first that contains it (any case); −1: none."""
    q = typed.strip().casefold()
    if not q:
        return -1
    folded = [t.casefold() for t in items]
    starts = [i for i, t in enumerate(folded) if t.startswith(q)]
    if starts:
        return starts[0]
    return next((i for i, t in enumerate(folded) if q in t), -1)


class CountryPicker(QComboBox):
    """A country box you can type in: "ukr" offers and picks Ukraine (any part of the name or the code)."""

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # four boxes share a narrow dock (1024 px window): short minimum, they widen with the panel
        self.setMinimumContentsLength(7)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._line().setPlaceholderText("type a country…")
        self._line().editingFinished.connect(self.settle)

    def _line(self) -> QLineEdit:
        """The box's line edit (an editable box always has one)."""
        line = self.lineEdit()
        assert line is not None
        return line

    def settle(self) -> None:
        """Take what was typed: the best matching country, or back to the current one when nothing matches."""
        typed = self._line().text()   # (an editable box's currentText() is this typed text too)
        if typed == self.itemText(self.currentIndex()):
            return
        items = [self.itemText(i) for i in range(self.count())]
        i = 0 if self.optional and not typed.strip() else best_match(items, typed)
        if i >= 0:
            self.setCurrentIndex(i)
        self._line().setText(self.itemText(self.currentIndex()))


class ComparisonPanel(QWidget):
    """Pick 2–4 countries; see their stances side by side and a linked chart.

    Clicking a country cell (or a bar of the chart) emits ``sig_cell_clicked(country, topic)``;
    the Agreement column emits ``sig_topic_clicked(topic)``.
    """

    sig_compare_requested = Signal(list)
    sig_cell_clicked = Signal(str, str)
    sig_topic_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pickers = [CountryPicker(optional=i >= MIN_COUNTRIES) for i in range(MAX_COUNTRIES)]
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Compare:"))
        for i, p in enumerate(self.pickers):
            p.setToolTip("Country to compare: type part of its name or code" + ("" if i < MIN_COUNTRIES else " (optional)"))
            p.currentIndexChanged.connect(self._picked)
            bar.addWidget(p, 1)
        self.summary = QLabel("Open documents, then pick two to four countries to compare.")
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # built here from escaped text only
        self.summary.setWordWrap(True)
        self.model = ComparisonTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        palette = self.table.palette()   # a translucent selection: the clicked cell keeps its stance colour
        palette.setColor(QPalette.ColorRole.Highlight, QColor(0, 0, 0, 45))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("black"))
        self.table.setPalette(palette)
        self.table.setToolTip("Click a cell to see the sentences behind it")
        # the countries share the width and their text wraps; each row grows to its text
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMaximumWidth(120)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        # rows fit their text at the columns' current widths (not the widths they had when the model was reset)
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart = GroupedBarsChart()
        self.chart.sig_cell_clicked.connect(self.sig_cell_clicked)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.table)
        self.split.addWidget(self.chart)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.splitterMoved.connect(self._split_moved)
        self._split_by_user = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.summary)
        lay.addWidget(self.split, 1)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.table.clicked.connect(self._cell_chosen)
        self._quiet = False
        self._items: list[tuple[str, str]] = []   # (text, code) in the pickers

    def _split_moved(self) -> None:
        self._split_by_user = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Table and chart side by side in a wide panel, the chart under the table in a tall one.

        Side by side, the table comes first: four countries need about 800 px; the chart takes
        what is left (at least a third).  One above the other, the table takes 60% of the height."""
        super().resizeEvent(event)
        Orient = Qt.Orientation
        orientation = Orient.Vertical if self.height() > TALL * self.width() else Orient.Horizontal
        if self.split.orientation() != orientation:
            self.split.setOrientation(orientation)
            self._split_by_user = False
        if self._split_by_user:
            return
        if orientation == Orient.Vertical:
            h = self.split.height()
            self.split.setSizes([int(h * 0.6), h - int(h * 0.6)])
        else:
            w = self.width() - 8
            table = max(int(w * 0.62), min(w - 260, 820))
            self.split.setSizes([table, w - table])

    def set_countries(self, actors: list[str], names: dict[str, str], chosen: list[str]) -> None:
        """Fill the pickers with the matrix's countries, selecting ``chosen``.

        The lists are filled again only when the countries changed (refilling four boxes with 250 countries
        took 10–20 ms, after every review edit)."""
        self._quiet = True
        def by_name(a: str) -> str:
            return names.get(a, a).casefold()
        items = [(f"{names.get(a, a)} ({a})", a) for a in sorted(actors, key=by_name)]
        refill = items != self._items
        self._items = items
        for i, p in enumerate(self.pickers):
            if refill:
                p.clear()
                if i >= MIN_COUNTRIES:
                    p.addItem("—", None)
                for text, a in items:
                    p.addItem(text, a)
            if i < len(chosen):
                p.setCurrentIndex(max(0, p.findData(chosen[i])))
            elif i < MIN_COUNTRIES and p.count() > i:
                p.setCurrentIndex(i)
            elif not refill:   # as a refilled box is: its first item ("—" in an optional box)
                p.setCurrentIndex(0 if p.count() else -1)
        self._quiet = False

    def chosen(self) -> list[str]:
        picked = [p.currentData() for p in self.pickers]
        return list(dict.fromkeys(a for a in picked if a))

    def _picked(self) -> None:
        if not self._quiet and len(self.chosen()) >= MIN_COUNTRIES:
            self.sig_compare_requested.emit(self.chosen())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.chart.mark(current.row() if current.isValid() else None)
        if current.isValid() and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self._cell_chosen(current)   # reached with the keyboard (a click is handled on release)

    def _cell_chosen(self, index: QModelIndex) -> None:
        """A cell clicked (or reached with the keyboard): its country × topic, or the topic for Agreement."""
        key = self.model.key(index)
        if key is not None:
            self.sig_cell_clicked.emit(*key)
        elif index.isValid() and self.model.comparison is not None:
            self.sig_topic_clicked.emit(str(self.model.comparison.table.index[index.row()]))

    def show_comparison(self, comparison: Comparison | None, names: dict[str, str], col_names: dict[str, str]) -> None:
        self.model.set_comparison(comparison, names, col_names)
        if comparison is not None:   # the countries share the width; the Agreement column takes what it needs
            header, mode = self.table.horizontalHeader(), QHeaderView.ResizeMode
            for section in range(self.model.columnCount()):
                header.setSectionResizeMode(section, mode.Stretch if section < len(comparison.actors) else mode.ResizeToContents)
        if comparison is None:
            self.summary.setText("Pick two to four countries to compare (type in a box to find one).")
            self.chart.set_data(self.chart.values.iloc[0:0], col_names, names)
            return
        t = comparison.table
        who = " · ".join(names.get(a, a) for a in comparison.actors)
        self.summary.setText(f"<b>{escaped(who)}</b>: {int(t['agree'].sum())} topic(s) in agreement, "
                             f"{int(t['disagree'].sum())} in disagreement, of {len(t)} spoken to. "
                             "Click a cell to see its sentences.")
        self.chart.set_data(comparison.net_grid(), col_names, names)
