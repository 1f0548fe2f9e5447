"""pyqtgraph charts: matrix heat map, stance bars per country, statements over time, comparison bars.

Each chart is a :class:`gui.chart_panel.ChartPanel`: a heading with the legend (outside the
data), a "Show: Top 25 / All" choice for charts of countries, PNG/SVG export,
and the plot in a scrolling area that gives every row room for its label
(so labels never print over each other, at 9 countries or 200).  A chart with
nothing to say shows a sentence instead of empty axes.

Charts keep the numbers they draw in plain attributes (``values``, ``rows``)
so tests check data, not pixels; a click on a bar or cell emits
``sig_cell_clicked(country, column)``.  pyqtgraph lays out titles as HTML:
names that come from the documents go in escaped.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gui.chart_panel import (
    CLASS_COLOURS,
    COL_PX,
    LABEL_PX,
    NET_KEY,
    ROW_PX,
    SERIES_COLOURS,
    ChartPanel,
    diverging_colormap,
    elide,
    set_categories,
    shown,
)
from model.analysis.chart_rows import bar_order, chart_rows


def _row_at(y: float, n: int, half: float = 0.5) -> int | None:
    """The row centred on an integer y within ``half`` of ``y``, if any."""
    r = int(round(y))
    return r if 0 <= r < n and abs(y - r) <= half else None


class HeatmapChart(ChartPanel):
    """Net stance per country (rows) × column, with a diverging colour bar; top N countries or all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Net stance heat map", parent, ranked=True)
        # the colour key is in the heading (a colour bar beside 200 rows would scroll away with them)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(diverging_colormap())
        self.plot.invertY(True)
        self.plot.setAspectLocked(False)
        self.plot.showAxis("top")       # topic names above the rows: seen before scrolling down
        self.plot.hideAxis("bottom")
        self.plot.getAxis("left").setWidth(LABEL_PX)
        self.plot.vb.sigResized.connect(lambda _vb: self._label_columns())
        self.values = np.zeros((0, 0))
        self.rows: list[str] = []
        self.cols: list[str] = []
        self._data: tuple = (pd.DataFrame(), [], pd.Series(dtype=float), "name", {}, {})
        self._layout: tuple | None = None   # rows, columns and labels last drawn

    def set_data(self, net: pd.DataFrame, order: list[str], activity: pd.Series, sort_key: str,
                 row_labels: dict[str, str], col_labels: dict[str, str]) -> None:
        """``net``: country × column net stance; ``order``: the matrix's row order; ``activity``: statements per country."""
        self._data = (net, list(order), activity, sort_key, row_labels, col_labels)
        self._draw()

    def _draw(self) -> None:
        net, order, activity, sort_key, row_labels, col_labels = self._data
        self.rows, self.cols = chart_rows(order, activity, sort_key, self.limit()), list(net.columns)
        self.values = net.reindex(index=self.rows).to_numpy(dtype=float) if self.rows else np.zeros((0, 0))
        if not self.values.size:
            self.image.clear()
            self.show_message("No statements to map yet: open documents, or loosen the filters.")
            return
        names = [row_labels.get(r, r) for r in self.rows]
        layout = (self.rows, self.cols, names, [col_labels.get(c, c) for c in self.cols], len(order), sort_key)
        if layout == self._layout and not self.is_empty and self.image.scene() is not None:
            # the same rows and columns (a review edit): new colours only; setting the axes' labels
            # again made pyqtgraph lay out and repaint 250 row labels (≈ 10 ms on the UI thread)
            self.image.setImage(self.values, levels=(-1, 1), autoLevels=False)
            return
        self._layout = layout
        self.set_caption(f"Net stance — {shown(len(self.rows), len(order), sort_key)}", NET_KEY)
        if self.image.scene() is None:
            self.plot.addItem(self.image)
        self.image.setImage(self.values, levels=(-1, 1), autoLevels=False)
        self.image.setRect(0, 0, len(self.cols), len(self.rows))
        set_categories(self.plot.getAxis("left"),
                       list(zip(np.arange(len(names)) + 0.5, elide(names, LABEL_PX - 14, self.metrics), strict=True)))
        self.plot.setRange(xRange=(0, len(self.cols)), yRange=(0, len(self.rows)), padding=0)
        self.show_plot(len(self.rows), LABEL_PX + len(self.cols) * COL_PX + 90)
        self._label_columns()

    def _label_columns(self) -> None:
        """Topic names cut to the width a column has on screen."""
        if not self.cols:
            return
        col_labels = self._data[5]
        px = int(self.plot.vb.width() / len(self.cols)) - 6 if self.plot.vb.width() > 0 else COL_PX
        names = [col_labels.get(c, c) for c in self.cols]
        set_categories(self.plot.getAxis("top"), list(zip(np.arange(len(names)) + 0.5, elide(names, px, self.metrics), strict=True)))

    def _cell(self, x: float, y: float) -> tuple[int, int] | None:
        r, c = math.floor(y), math.floor(x)
        return (r, c) if 0 <= r < len(self.rows) and 0 <= c < len(self.cols) else None

    def _hit(self, x: float, y: float) -> tuple[str, str] | None:
        cell = self._cell(x, y)
        return (self.rows[cell[0]], self.cols[cell[1]]) if cell else None

    def _describe(self, x: float, y: float) -> str:
        cell = self._cell(x, y)
        if cell is None:
            return ""
        r, c = cell
        row_labels, col_labels = self._data[4], self._data[5]
        net = self.values[r, c]
        what = "no stance recorded" if math.isnan(net) else f"net stance {net:+.2f}"
        return f"{row_labels.get(self.rows[r], self.rows[r])} — {col_labels.get(self.cols[c], self.cols[c])}: {what}\nClick to see the sentences"


class StanceBarsChart(ChartPanel):
    """Cooperative / neutral / conflictual statements per country on one column: horizontal stacked bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Stances by country", parent, ranked=True)
        self.plot.invertY(True)
        self.plot.getAxis("left").setWidth(LABEL_PX)
        self.plot.showAxis("top")       # the count scale above the bars: seen before scrolling down
        self.plot.hideAxis("bottom")
        self.values = pd.DataFrame(columns=list(CLASS_COLOURS))
        self.rows: list[str] = []
        self.column = ""
        self.matrix: object = None  # the matrix drawn from, so an unchanged chart is not redrawn
        self._data: tuple = (pd.DataFrame(columns=list(CLASS_COLOURS)), [], "name", "", "", {})
        self.show_message("Click a cell of the matrix: this chart then shows every country's stances on its topic.")

    def set_data(self, breakdown: pd.DataFrame, order: list[str], sort_key: str, column: str, column_label: str,
                 row_labels: dict[str, str]) -> None:
        """``breakdown``: countries × (cooperative, neutral, conflictual) on ``column``; ``order``: the matrix's row order."""
        self.column = column
        self._data = (breakdown, list(order), sort_key, column, column_label, row_labels)
        self._draw()

    def _draw(self) -> None:
        breakdown, order, sort_key, column, column_label, row_labels = self._data
        if not column:
            return
        listed = bar_order(breakdown, order, sort_key)
        self.rows = chart_rows(listed, breakdown.sum(axis=1), sort_key, self.limit())
        self.values = breakdown.loc[self.rows]
        if not self.rows:
            self.show_message(f"No country takes a stance on {column_label} (with the current filters).")
            return
        self.set_caption(f"Stances on {column_label} — {shown(len(self.rows), len(listed), sort_key)}",
                         list(CLASS_COLOURS.items()))
        self.plot.clear()
        y = np.arange(len(self.rows), dtype=float)
        left = np.zeros(len(self.rows))
        for cls, colour in CLASS_COLOURS.items():
            w = self.values[cls].to_numpy(dtype=float)
            self.plot.addItem(pg.BarGraphItem(x0=left, width=w, y=y, height=0.7, brush=pg.mkBrush(*colour),
                                              pen=pg.mkPen(255, 255, 255, 160)))
            left = left + w
        names = [row_labels.get(a, a) for a in self.rows]
        set_categories(self.plot.getAxis("left"), list(zip(y, elide(names, LABEL_PX - 14, self.metrics), strict=True)))
        self.plot.setRange(xRange=(0, max(1.0, left.max()) * 1.04), yRange=(-0.5, len(self.rows) - 0.5), padding=0)
        self.show_plot(len(self.rows))

    def _hit(self, x: float, y: float) -> tuple[str, str] | None:
        r = _row_at(y, len(self.rows), 0.4)
        return (self.rows[r], self.column) if r is not None else None

    def _describe(self, x: float, y: float) -> str:
        r = _row_at(y, len(self.rows), 0.4)
        if r is None:
            return ""
        actor, row_labels = self.rows[r], self._data[5]
        counts = " · ".join(f"{int(self.values.at[actor, c])} {c}" for c in CLASS_COLOURS)
        return f"{row_labels.get(actor, actor)}: {counts}\nClick to see the sentences"


class TimelineChart(ChartPanel):
    """Statements per period, one line per stance class (documents need dates, and more than one period).

    Clicking a point emits ``sig_point_clicked(period start ISO, stance class)``."""

    sig_point_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Statements over time", parent)
        self.plot_widget.setAxisItems({"bottom": pg.DateAxisItem()})
        self.plot.getAxis("bottom").setStyle(tickFont=self.tick_font)
        self.plot.getAxis("left").setLabel("statements")
        self.values = pd.DataFrame(columns=list(CLASS_COLOURS))
        self.set_caption("Statements over time", list(CLASS_COLOURS.items()))

    def set_data(self, counts: pd.DataFrame) -> None:
        self.values = counts
        if not len(counts):
            self.show_message("No dated documents: the timeline needs documents that carry a date "
                              "(a \"date\" field, or a date in the file's metadata).")
            return
        if len(counts) == 1:
            when = pd.Timestamp(counts.index[0]).strftime("%d %b %Y")
            self.show_message(f"Every dated statement ({int(counts.to_numpy().sum()):,}) falls in one period, "
                              f"starting {when}: there is no change over time to draw.")
            return
        self.plot.clear()
        x = counts.index.to_numpy(dtype="datetime64[s]").astype(np.int64).astype(float)
        for cls, colour in CLASS_COLOURS.items():
            pen = pg.mkPen(colour if cls != "neutral" else (130, 130, 130), width=2)
            self.plot.plot(x, counts[cls].to_numpy(dtype=float), pen=pen, symbol="o", symbolSize=6,
                           symbolBrush=pg.mkBrush(*colour))
        pad = (x.max() - x.min()) * 0.04
        self.plot.setRange(xRange=(x.min() - pad, x.max() + pad), yRange=(0, max(1.0, float(counts.to_numpy().max())) * 1.08),
                           padding=0)
        self.show_plot(0)

    def _point(self, x: float, y: float) -> tuple[int, str] | None:
        """The (period row, class) of the point nearest (x, y), if within 3 % of the view."""
        if self.is_empty or not len(self.values):
            return None
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        xs = self.values.index.to_numpy(dtype="datetime64[s]").astype(np.int64).astype(float)
        best: tuple[float, int, str] | None = None
        for cls in CLASS_COLOURS:
            d = np.hypot((xs - x) / max(x1 - x0, 1e-9), (self.values[cls].to_numpy(dtype=float) - y) / max(y1 - y0, 1e-9))
            i = int(np.argmin(d))
            if best is None or d[i] < best[0]:
                best = (float(d[i]), i, cls)
        return (best[1], best[2]) if best is not None and best[0] <= 0.03 else None

    def click(self, x: float, y: float) -> tuple[str, str] | None:
        point = self._point(x, y)
        if point is None:
            return None
        key = (pd.Timestamp(self.values.index[point[0]]).isoformat(), point[1])
        self.sig_point_clicked.emit(*key)
        return key

    def _describe(self, x: float, y: float) -> str:
        point = self._point(x, y)
        if point is None:
            return ""
        row, cls = point
        when = pd.Timestamp(self.values.index[row]).strftime("%d %b %Y")
        return f"{int(self.values.iloc[row][cls])} {cls} statement(s), period from {when}\nClick to see the sentences"


class GroupedBarsChart(ChartPanel):
    """Net stance per topic, one horizontal bar per compared country; a band marks the selected topic."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Net stance per topic", parent)
        self.plot.invertY(True)
        self.plot.getAxis("left").setWidth(110)
        self.plot.getAxis("bottom").setLabel("net stance (− conflictual · + cooperative)")
        self.band = pg.LinearRegionItem(orientation="horizontal", movable=False, brush=pg.mkBrush(255, 220, 120, 90))
        self.values = pd.DataFrame()
        self.bars: list[pg.BarGraphItem] = []
        self.show_message("Pick two to four countries to compare.")

    def _slot(self) -> float:
        return 0.8 / max(1, len(self.values.columns))

    def set_data(self, net: pd.DataFrame, col_labels: dict[str, str], row_labels: dict[str, str]) -> None:
        """``net``: topic × country net stance (NaN = silent, drawn as no bar)."""
        self.values = net
        self.bars = []
        self._col_labels = col_labels
        self._row_labels = row_labels
        if not len(net):
            self.show_message("These countries take no stance on any topic (with the current filters).")
            return
        self.set_caption("Net stance per topic",
                         [(row_labels.get(a, a), SERIES_COLOURS[i % 4]) for i, a in enumerate(net.columns)])
        self.plot.clear()
        slot = self._slot()
        for i, actor in enumerate(net.columns):
            w = np.nan_to_num(net[actor].to_numpy(dtype=float))
            y = np.arange(len(net)) - 0.4 + slot * (i + 0.5)
            bar = pg.BarGraphItem(x0=np.zeros(len(net)), width=w, y=y, height=slot * 0.9,
                                  brush=pg.mkBrush(*SERIES_COLOURS[i % 4]))
            self.plot.addItem(bar)
            self.bars.append(bar)
        self.plot.addLine(x=0, pen=pg.mkPen(120, 120, 120))
        names = [col_labels.get(c, c) for c in net.index]
        set_categories(self.plot.getAxis("left"), list(zip(range(len(names)), elide(names, 96, self.metrics), strict=True)))
        self.plot.setRange(xRange=(-1.05, 1.05), yRange=(-0.5, len(net) - 0.5), padding=0)
        self.show_plot(len(net), row_px=max(ROW_PX, 6 * len(net.columns) + 8))

    def _hit(self, x: float, y: float) -> tuple[str, str] | None:
        r = _row_at(y, len(self.values), 0.4)
        if r is None:
            return None
        i = math.floor((y - (r - 0.4)) / self._slot())
        actors = list(self.values.columns)
        return (actors[i], str(self.values.index[r])) if 0 <= i < len(actors) else None

    def _describe(self, x: float, y: float) -> str:
        key = self._hit(x, y)
        if key is None:
            return ""
        actor, topic = key
        net = self.values.at[topic, actor]
        what = "no stance recorded" if pd.isna(net) else f"net stance {net:+.2f}"
        return (f"{self._row_labels.get(actor, actor)} — {self._col_labels.get(topic, topic)}: {what}\n"
                "Click to see the sentences")

    def mark(self, position: int | None) -> None:
        """Mark the topic at ``position`` (row of the comparison table), or nothing."""
        if self.band.scene() is not None:
            self.plot.removeItem(self.band)
        if position is not None and 0 <= position < len(self.values) and not self.is_empty:
            self.band.setRegion((position - 0.5, position + 0.5))
            self.plot.addItem(self.band)
