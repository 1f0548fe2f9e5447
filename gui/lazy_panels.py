"""The panels that follow the view and the selected cell, drawn only while they can be seen.

The heat map and the timeline follow the view; the stance bars and the country profile follow the selected
cell; the comparison starts on the countries its pickers offer once it is seen.  Each is drawn when it can
be seen (a chart redrawn hidden after a review edit at 100,000 statements cost the UI thread 10–50 ms),
else marked stale and drawn when it is shown (its tab raised, its dock made visible).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from gui.charts import HeatmapChart, StanceBarsChart, TimelineChart
from gui.compare_view import ComparisonPanel
from gui.matrix_model import MatrixTableModel
from gui.profile import ProfilePanel
from gui.state import AppState
from model.analysis.compare import column_breakdown


def on_screen(widget: QWidget) -> bool:
    """Whether any of the widget can be seen (a dock behind another dock's tab is "visible" but not on screen)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


class LazyPanels:
    """Draws the charts, stance bars, profile and first comparison when they can be seen.

    ``show_profile(actor, raise_dock)`` is the window's: it draws the profile and selects the country."""

    def __init__(self, state: AppState, matrix_model: MatrixTableModel, heatmap: HeatmapChart,
                 stance_bars: StanceBarsChart, timeline: TimelineChart, profile: ProfilePanel,
                 comparison: ComparisonPanel, show_profile: Callable[[str, bool], None]) -> None:
        self.state, self.matrix_model = state, matrix_model
        self.heatmap, self.stance_bars, self.timeline = heatmap, stance_bars, timeline
        self.profile, self.comparison = profile, comparison
        self.show_profile = show_profile
        self.stale: set[QWidget] = set()   # charts to draw again once they can be seen

    def matrix_changed(self) -> None:
        """A new matrix: both charts are stale (drawn now if seen)."""
        self.stale = {self.heatmap, self.timeline}
        self.refresh_charts()

    def resorted(self) -> None:
        """The matrix's countries in a new order: the heat map and stance bars follow it."""
        self.stale.add(self.heatmap)
        self.refresh_charts()
        self.stance_bars.matrix = None   # drawn again in the new order
        self.refresh_side_panels()

    def default_comparison(self, seen: bool | None = None) -> None:
        """Compare the countries the pickers offer once the Comparison panel is seen (none chosen yet)."""
        chosen = self.comparison.chosen()
        seen = on_screen(self.comparison) if seen is None else seen
        if self.state.comparison is None and len(chosen) >= 2 and seen:
            self.state.compare(chosen)

    def refresh_charts(self) -> None:
        """Heat map and timeline follow the view, but are drawn only while they can be seen."""
        view = self.state.view
        if view is None:
            return
        if self.heatmap in self.stale and on_screen(self.heatmap):
            self.stale.discard(self.heatmap)
            self.draw_heatmap()
        if self.timeline in self.stale and on_screen(self.timeline):
            self.stale.discard(self.timeline)
            self.timeline.set_data(view.timeline)

    def refresh_side_panels(self) -> None:
        """Profile and stance bars follow the selected cell, but only while they can be seen (cheap clicks)."""
        m = self.state.matrix
        if m is None or self.state.selected is None:
            return
        actor, column = self.state.selected
        if on_screen(self.stance_bars) and (self.stance_bars.column != column or self.stance_bars.matrix is not m):
            self.stance_bars.set_data(column_breakdown(m, column, self.matrix_model.actors), self.matrix_model.actors,
                                      self.matrix_model.sort_key, column, self.state.column_name(column), self.state.names)
            self.stance_bars.matrix = m
        if on_screen(self.profile) and (self.profile.actor != actor or self.profile.matrix is not m):
            self.show_profile(actor, False)

    def draw_heatmap(self) -> None:
        m = self.state.matrix
        assert m is not None
        self.heatmap.set_data(m.net, self.matrix_model.actors, m.counts.sum(axis=1), self.matrix_model.sort_key,
                              self.state.names, self.state.column_names)
