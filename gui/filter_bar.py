"""Filter bar over the matrix: what to show (columns, cell text, order) and which statements count."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from gui.flow_layout import FlowLayout
from gui.matrix_model import DISPLAY_MODES, SORT_KEYS
from model.analysis.filters import StatementFilter

NO_DATE = QDate(1900, 1, 1)
SEARCH_DELAY_MS = 250
HEDGED_CHOICES = (("any claim", None), ("hedged only", True), ("firm only", False))
HOLDER_CHOICES = (("any holder", False), ("own speech only", True))
HOLDER_TIP = ("Only what a country says in its own speech: statements whose country is the speaking country\n"
              "of the document (e.g. Belgium in Belgium's UN speech), not the countries it talks about")


def _date(edit: QDateEdit) -> date | None:
    d = edit.date()
    return None if d == NO_DATE else date(d.year(), d.month(), d.day())


class FilterBar(QWidget):
    sig_filter_changed = Signal(object)   # StatementFilter
    sig_by_changed = Signal(str)          # "topic" | "issue"
    sig_mode_changed = Signal(str)        # count | net | label
    sig_sort_changed = Signal(str)        # name | activity | stance

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: frozenset[str] = frozenset()
        self._speeches: frozenset[tuple[str, str]] = frozenset()
        self.by = self._combo([("Topics", "topic"), ("Issues", "issue")], "Matrix columns: topics or document-set issues")
        self.mode = self._combo([("Count", "count"), ("Net stance", "net"), ("Main stance", "label")],
                                "What each cell shows")
        self.sort = self._combo([("Name", "name"), ("Activity", "activity"), ("Stance", "stance")],
                                "Order of countries: by name, by number of statements, or from conflictual to cooperative")
        self.topic = self._combo([("All topics", None)], "Only statements on this topic")
        self.date_from, self.date_to = self._date_edit("From"), self._date_edit("To")
        self.confidence = QDoubleSpinBox()
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.05)
        self.confidence.setPrefix("conf ≥ ")
        self.confidence.setToolTip("Minimum confidence of a statement")
        self.hedged = self._combo([(t, v) for t, v in HEDGED_CHOICES], "Hedged claims (reports suggest, could, unnamed source)")
        self.holder = self._combo([(t, v) for t, v in HOLDER_CHOICES], HOLDER_TIP)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the evidence text… (Ctrl+F)")
        self.search.setMinimumWidth(240)
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Only statements whose sentence, stance or speaker contains this text")
        self.reset = QToolButton()
        self.reset.setText("Clear filters")
        self.reset.setToolTip("Show every statement again")
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_filter)

        # every control keeps its natural width; a narrow window wraps them onto more rows
        lay = FlowLayout(self, spacing=8)
        lay.setContentsMargins(4, 2, 4, 2)
        for label, w in (("Columns", self.by), ("Show", self.mode), ("Sort", self.sort)):
            lay.addWidget(_labelled(label, w))
        lay.addWidget(self.search)
        lay.addWidget(_labelled("Filter", self.topic))
        for control in (self.date_from, self.date_to, self.confidence, self.hedged, self.holder, self.reset):
            lay.addWidget(control)

        self.by.currentIndexChanged.connect(lambda: self.sig_by_changed.emit(self.by.currentData()))
        self.mode.currentIndexChanged.connect(lambda: self.sig_mode_changed.emit(self.mode.currentData()))
        self.sort.currentIndexChanged.connect(lambda: self.sig_sort_changed.emit(self.sort.currentData()))
        for w in (self.topic, self.hedged, self.holder):
            w.currentIndexChanged.connect(self._emit_filter)
        self.date_from.dateChanged.connect(self._emit_filter)
        self.date_to.dateChanged.connect(self._emit_filter)
        self.confidence.valueChanged.connect(self._emit_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.reset.clicked.connect(self.clear)
        assert [self.mode.itemData(i) for i in range(self.mode.count())] == list(DISPLAY_MODES)
        assert [self.sort.itemData(i) for i in range(self.sort.count())] == list(SORT_KEYS)

    def _combo(self, items: list[tuple[str, object]], tip: str) -> QComboBox:
        c = QComboBox()
        for text, data in items:
            c.addItem(text, data)
        c.setToolTip(tip)
        return c

    def _date_edit(self, label: str) -> QDateEdit:
        e = QDateEdit()
        e.setCalendarPopup(True)
        e.setMinimumDate(NO_DATE)
        e.setSpecialValueText(f"{label}: any date")
        e.setDate(NO_DATE)
        e.setDisplayFormat(f"'{label}' yyyy-MM-dd")
        e.setToolTip(f"{label} this document date (documents without a date are hidden when set)")
        return e

    def set_topics(self, topics: list[tuple[str, str]]) -> None:
        """(key, display name) of the taxonomy's topics."""
        current = self.topic.currentData()
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem("All topics", None)
        for key, name in topics:
            self.topic.addItem(name, key)
        self.topic.setCurrentIndex(max(0, self.topic.findData(current)))
        self.topic.blockSignals(False)

    def set_speeches(self, pairs: frozenset[tuple[str, str]]) -> None:
        """(document id, speaking country) of the open set's speeches, for "own speech only"."""
        self._speeches = pairs
        if self.holder.currentData():
            self._emit_filter()

    def set_documents(self, ids: frozenset[str]) -> None:
        self._documents = ids
        self._emit_filter()

    def current_filter(self) -> StatementFilter:
        topic = self.topic.currentData()
        return StatementFilter(
            topics=frozenset({topic}) if topic else frozenset(),
            documents=self._documents,
            date_from=_date(self.date_from),
            date_to=_date(self.date_to),
            min_confidence=round(self.confidence.value(), 2),
            hedged=self.hedged.currentData(),
            search=self.search.text().strip(),
            own_speech=bool(self.holder.currentData()),
            speeches=self._speeches if self.holder.currentData() else frozenset(),
        )

    def show_view(self, by: str, mode: object, sort: object) -> None:
        """Columns, cell display and country order as a project saved them.

        Columns change quietly (the caller sets them on the state); mode and sort emit their
        signals, so the matrix follows. An unknown mode or sort keeps the current one.
        """
        with QSignalBlocker(self.by):
            self.by.setCurrentIndex(max(0, self.by.findData(by)))
        for combo, value in ((self.mode, mode), (self.sort, sort)):
            at = combo.findData(value)
            if at >= 0:
                combo.setCurrentIndex(at)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear(self) -> None:
        widgets = (self.topic, self.hedged, self.holder, self.date_from, self.date_to, self.confidence, self.search)
        for w in widgets:
            w.blockSignals(True)
        self.topic.setCurrentIndex(0)
        self.hedged.setCurrentIndex(0)
        self.holder.setCurrentIndex(0)
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        self.confidence.setValue(0.0)
        self.search.clear()
        for w in widgets:
            w.blockSignals(False)
        self._emit_filter()

    def _emit_filter(self) -> None:
        self._search_timer.stop()
        self.sig_filter_changed.emit(self.current_filter())



def _labelled(text: str, widget: QWidget) -> QWidget:
    """A label and its control, kept together when the bar wraps."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(QLabel(text))
    row.addWidget(widget)
    box.setToolTip(widget.toolTip())
    return box
