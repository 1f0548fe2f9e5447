"""Main window: composition only — documents | matrix | evidence, with docks for the rest.

Every panel is a small widget that displays :class:`gui.state.AppState`;
loading and exporting live in :mod:`gui.loading` and :mod:`gui.exporting`, and the panels drawn only
while they can be seen (charts, stance bars, profile) in :mod:`gui.lazy_panels`.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTableView, QTabWidget, QVBoxLayout, QWidget

from gui import settings
from gui.charts import HeatmapChart, StanceBarsChart, TimelineChart
from gui.compare_view import ComparisonPanel
from gui.decisions_controller import DecisionsController
from gui.decisions_panel import DecisionsPanel
from gui.documents_panel import DocumentsPanel
from gui.evidence import EvidencePanel
from gui.exporting import ExportController
from gui.filter_bar import FilterBar
from gui.layout import apply_default_layout
from gui.lazy_panels import LazyPanels, on_screen
from gui.loading import LoadController
from gui.matrix_model import MatrixTableModel
from gui.menus import build_menus
from gui.profile import ProfilePanel
from gui.project_controller import ProjectController
from gui.reader import ReaderPane
from gui.refusals import Refusals
from gui.review_controller import ReviewController
from gui.state import AppState
from gui.workers import Task
from model.analysis.compare import country_profile
from model.analysis.filters import document_dates, speeches
from model.analysis.matrix import sort_actors
from model.analysis.timeline import statements_in_period
from model.progress import amount

__all__ = ["MainWindow", "on_screen"]   # on_screen is gui.lazy_panels's (imported from here before)


class MainWindow(QMainWindow):
    sig_loaded = Signal()

    def __init__(self, state: AppState | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Stance Atlas")
        self.resize(1400, 860)
        self.setAcceptDrops(True)
        self.state = state or AppState(self)

        self.filter_bar = FilterBar()
        self.matrix_model = MatrixTableModel(self)
        self.matrix_view = self._matrix_view()
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter_bar)
        lay.addWidget(self.matrix_view, 1)
        self.setCentralWidget(central)

        self.documents = DocumentsPanel()
        self.evidence = EvidencePanel()
        self.reader = ReaderPane()
        self.profile = ProfilePanel()
        self.comparison = ComparisonPanel()
        self.decisions = DecisionsPanel()
        self.heatmap, self.stance_bars, self.timeline = HeatmapChart(), StanceBarsChart(), TimelineChart()
        self.charts = QTabWidget()
        for chart in (self.heatmap, self.stance_bars, self.timeline):
            self.charts.addTab(chart, chart.title)
        self.docks = self._docks()
        self.panels = LazyPanels(self.state, self.matrix_model, self.heatmap, self.stance_bars, self.timeline,
                                 self.profile, self.comparison, self.show_profile)
        apply_default_layout(self, self.docks)

        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        # controllers get the state, this window as their StatusHost (gui/host.py) and the panels they work on
        s = self.state
        self.refusals = Refusals(s, self, self)   # what a statements dataset does not offer, and why
        self.projects = ProjectController(s, self, self.refusals, self.filter_bar, self.matrix_model, self)
        self.loader = LoadController(s, self, self.refusals, self.projects, self)
        self.loader.sig_loaded.connect(self.sig_loaded)
        self.exporter = ExportController(s, self, self)
        self._connect()
        self.review = ReviewController(s, self, self.refusals, self.evidence, self.reader, self.matrix_view,
                                       self.matrix_model, self)
        self.decision_log = DecisionsController(s, self, self.decisions, self.docks["decisions"], self.show_in_matrix,
                                                self.open_in_reader, self)
        self.menu_actions = build_menus(self)   # every menu and shortcut, from the table in gui/menus.py
        self.refusals.govern(self.menu_actions)
        self._restore_layout()

    # --- composition ---------------------------------------------------------
    def _matrix_view(self) -> QTableView:
        v = QTableView()
        v.setModel(self.matrix_model)
        # a translucent selection keeps the selected cell's stance colour readable
        palette = v.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(0, 0, 0, 45))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("black"))
        v.setPalette(palette)
        v.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        v.horizontalHeader().setDefaultSectionSize(84)
        v.verticalHeader().setDefaultSectionSize(26)
        # the longest names ("Saint Vincent and the Grenadines") are cut with "…" rather than taking topic columns' room
        v.verticalHeader().setMaximumWidth(v.fontMetrics().horizontalAdvance("Bosnia and Herzegovina  BIH") + 28)
        v.setToolTip("")
        v.setWordWrap(False)
        return v

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, tip: str) -> QDockWidget:
        d = QDockWidget(title, self)
        d.setObjectName(f"dock_{title.lower().replace(' ', '_')}")
        d.setWidget(widget)
        d.setToolTip(tip)
        self.addDockWidget(area, d)
        return d

    def _docks(self) -> dict[str, QDockWidget]:
        A = Qt.DockWidgetArea
        docks = {
            "documents": self._dock("Documents", self.documents, A.LeftDockWidgetArea, "Loaded documents and files that failed"),
            "evidence": self._dock("Evidence", self.evidence, A.RightDockWidgetArea, "Sentences behind the selected cell"),
            "reader": self._dock("Reader", self.reader, A.RightDockWidgetArea, "The document at the selected sentence"),
            "charts": self._dock("Charts", self.charts, A.BottomDockWidgetArea, "Heat map, stances per country, timeline"),
            "comparison": self._dock("Comparison", self.comparison, A.BottomDockWidgetArea, "2–4 countries side by side"),
            "profile": self._dock("Country profile", self.profile, A.BottomDockWidgetArea, "One country across topics"),
            "decisions": self._dock("Decisions", self.decisions, A.BottomDockWidgetArea,
                                    "Every accept, reject, edit and note, with Restore for rejected statements"),
        }
        return docks

    def reset_layout(self) -> None:
        """View › Reset layout: evidence and matrix first (see :mod:`gui.layout`)."""
        apply_default_layout(self, self.docks)

    def _connect(self) -> None:
        s = self.state
        s.sig_analysis_changed.connect(self._on_analysis_changed)
        s.sig_matrix_changed.connect(self._on_matrix_changed)
        s.sig_comparison_changed.connect(self._on_comparison_changed)
        s.sig_cell_selected.connect(self._show_cell)   # first: the review controller adds the cell's notes after
        s.sig_busy.connect(lambda busy: self.statusBar().showMessage("Updating…" if busy else "", 0 if busy else 1000))
        s.sig_progress.connect(lambda done, total, message: self.statusBar().showMessage(
            f"Updating: {message}…" if message and done < total else "Updating…", 0))
        self.filter_bar.sig_filter_changed.connect(s.set_filter)
        self.filter_bar.sig_by_changed.connect(s.set_by)
        self.filter_bar.sig_mode_changed.connect(self.matrix_model.set_mode)
        self.filter_bar.sig_sort_changed.connect(self._sort)
        self.documents.sig_documents_filter.connect(self.filter_bar.set_documents)
        self.documents.sig_open_document.connect(lambda doc_id: self.open_in_reader(doc_id))
        self.evidence.sig_open_statement.connect(lambda row: self.open_in_reader(str(row.get("document")), row))
        self.comparison.sig_compare_requested.connect(self.compare)
        self.comparison.sig_cell_clicked.connect(self.select_cell)
        self.comparison.sig_topic_clicked.connect(self.show_topic)
        for chart in (self.heatmap, self.stance_bars):
            chart.sig_cell_clicked.connect(self.select_cell)
        self.timeline.sig_point_clicked.connect(self.show_period)
        self.matrix_view.selectionModel().currentChanged.connect(self._on_cell)
        self.matrix_view.verticalHeader().sectionClicked.connect(self._on_country_header)
        self.charts.currentChanged.connect(lambda _i: self.panels.refresh_charts())
        self.charts.currentChanged.connect(lambda _i: self.panels.refresh_side_panels())
        self.docks["charts"].visibilityChanged.connect(lambda _v: self.panels.refresh_charts())
        for name in ("charts", "profile"):
            self.docks[name].visibilityChanged.connect(lambda _v: self.panels.refresh_side_panels())
        self.docks["comparison"].visibilityChanged.connect(lambda v: self.panels.default_comparison(v))

    # --- state → views -------------------------------------------------------
    def _on_analysis_changed(self) -> None:
        a = self.state.analysis
        assert a is not None
        self.filter_bar.set_topics([(t.key, t.name) for t in a.resources.topics])
        self.filter_bar.set_speeches(speeches(a.documents))
        self.documents.set_analysis(a, self.state.documents_table)

    def _on_matrix_changed(self) -> None:
        view, a = self.state.view, self.state.analysis
        assert view is not None and a is not None
        self.matrix_model.set_matrix(view.matrix, names=self.state.names, column_names=self.state.column_names)
        self.panels.matrix_changed()
        chosen = list(self.state.comparison.actors) if self.state.comparison else []
        if not chosen:  # offered from the start: the two most active countries
            chosen = sort_actors(view.matrix, "activity")[:2]
        self.comparison.set_countries(view.matrix.actors, self.state.names, chosen)
        self.panels.default_comparison()
        n_all, n_shown = len(a.statements), len(view.statements)
        shown = f" ({n_shown} after filters)" if self.state.flt.active else ""
        self.counts_label.setText(f"{amount(len(a.documents), 'document')} · {amount(n_all, 'statement')}{shown} · "
                                  f"{len(view.matrix.actors)} countries")
        selected = self.state.selected
        if selected is not None:
            index = self.matrix_model.index_of(*selected)
            if index.isValid() and index != self.matrix_view.currentIndex():
                self.matrix_view.setCurrentIndex(index)   # shows the cell (after a reset of the matrix)
            else:
                self._show_cell(*selected)
        self.loader.matrix_ready()

    def _on_comparison_changed(self) -> None:
        c, m = self.state.comparison, self.state.matrix
        if c is not None and m is not None and self.comparison.chosen() != list(c.actors):
            self.comparison.set_countries(m.actors, self.state.names, list(c.actors))
        self.comparison.show_comparison(c, self.state.names, self.state.column_names)

    def _on_cell(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        key = self.matrix_model.key(current)
        if key is not None:
            self.state.select_cell(*key)   # the evidence follows (sig_cell_selected)

    def _show_cell(self, actor: str, column: str) -> None:
        s = self.state
        title = f"{s.name(actor)} — {s.column_name(column)}"
        self.evidence.show_cell(title, s.cell_statements(actor, column), s.documents_by_id, s.names, s.texts)
        self.panels.refresh_side_panels()

    def _on_country_header(self, section: int) -> None:
        actors = self.matrix_model.actors
        if 0 <= section < len(actors):
            self.show_profile(actors[section])

    def _sort(self, key: str) -> None:
        self.matrix_model.set_sort(key)
        if self.state.matrix is not None:
            self.panels.resorted()

    # --- StatusHost (gui/host.py): what the controllers may ask of the window ---
    def show_status(self, text: str, ms: int = 0) -> None:
        self.statusBar().showMessage(text, ms)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def dialog_parent(self) -> QWidget:
        return self

    def show_title(self, title: str, modified: bool) -> None:
        self.setWindowTitle(title)
        self.setWindowModified(modified)

    # --- actions -------------------------------------------------------------
    def show_in_matrix(self, actor: str, column: str) -> bool:
        """Make the cell current and scroll to it (its evidence shows); False when the matrix has no such cell."""
        index = self.matrix_model.index_of(actor, column)
        if not index.isValid():
            return False
        if self.matrix_view.currentIndex() == index:
            self._on_cell(index)   # already current: show its evidence again (something else may be shown)
        else:
            self.matrix_view.setCurrentIndex(index)
        self.matrix_view.scrollTo(index)
        return True

    def select_cell(self, actor: str, column: str) -> None:
        """Select a matrix cell and show its evidence, as a click on the cell does (charts and the comparison call this)."""
        if not self.show_in_matrix(actor, column):
            return
        self.docks["evidence"].show()
        self.docks["evidence"].raise_()

    def show_period(self, start: str, cls: str) -> None:
        """The sentences behind a point of the timeline: one period, one stance class."""
        view, a = self.state.view, self.state.analysis
        if view is None or a is None or not len(view.timeline):
            return
        freq = str(view.timeline.attrs.get("freq", "D"))
        rows = statements_in_period(view.statements, document_dates(a.documents), pd.Timestamp(start), freq, cls)
        self.evidence.show_cell(f"{cls.capitalize()}, period from {pd.Timestamp(start):%d %b %Y}", rows,
                                self.state.documents_by_id, self.state.names, self.state.texts)
        self.docks["evidence"].show()
        self.docks["evidence"].raise_()

    def show_topic(self, column: str) -> None:
        """The compared countries' sentences on one topic together (the comparison's Agreement column)."""
        c = self.state.comparison
        if c is None:
            return
        frames = [self.state.cell_statements(a, column) for a in c.actors]
        who = " · ".join(self.state.name(a) for a in c.actors)
        self.evidence.show_cell(f"{who} — {self.state.column_name(column)}", pd.concat(frames),
                                self.state.documents_by_id, self.state.names, self.state.texts)
        self.docks["evidence"].show()
        self.docks["evidence"].raise_()

    def show_profile(self, actor: str, raise_dock: bool = True) -> None:
        m = self.state.matrix
        if m is None:
            return
        self.profile.show_profile(actor, self.state.name(actor), country_profile(m, actor), self.state.column_names)
        self.profile.matrix = m
        self.state.select_country(actor)
        if raise_dock:
            self.docks["profile"].show()
            self.docks["profile"].raise_()

    def compare(self, actors: list[str]) -> None:
        self.state.compare(actors)
        self.docks["comparison"].show()
        self.docks["comparison"].raise_()

    def compare_dialog(self) -> None:
        """View › Compare countries: open the comparison on the chosen (or the two most active) countries."""
        m = self.state.matrix
        if m is None or len(m.actors) < 2:
            self.statusBar().showMessage("Comparing needs at least two countries in the matrix", 4000)
            return
        chosen = self.comparison.chosen()
        if len(chosen) < 2:
            chosen = sort_actors(m, "activity")[:2]
        self.compare(chosen)

    def open_in_reader(self, doc_id: str, row: dict | None = None) -> None:
        doc = self.state.documents_by_id.get(doc_id)
        if doc is None:
            return
        self.reader.show_document(doc, row)
        self.docks["reader"].show()
        self.docks["reader"].raise_()

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def load(self, paths: list[str]) -> Task | None:
        """Open ``paths`` as a new set (in a worker); sig_loaded fires when the matrix is shown."""
        return self.loader.load(paths)

    def add(self, paths: list[str]) -> Task | None:
        """Add ``paths`` to the open set; only new documents are extracted."""
        return self.loader.add(paths)

    # --- window --------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry, state = settings.saved_layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, settings.LAYOUT_VERSION)

    def closeEvent(self, event: QCloseEvent) -> None:
        # an exception escaping here would be printed by PySide6 and the window would close anyway,
        # losing the unsaved work: the window closes only when the work is saved, discarded or clean
        try:
            may_close = self.projects.confirm_close()
        except Exception as exc:
            self.projects.close_failed(exc)
            may_close = False
        if not may_close:
            event.ignore()
            return
        self.loader.cancel()
        settings.save_layout(self.saveGeometry(), self.saveState(settings.LAYOUT_VERSION))
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.loader.drop(paths)
