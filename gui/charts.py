"""pyqtgraph charts: matrix heat map, stance bars per country, statements over time, comparison bars.

Each chart is a :class:`ChartPanel` (a plot plus PNG/SVG export).  Charts keep
the numbers they draw in plain attributes (``values``, ``labels``) so tests
check data, not pixels.  pyqtgraph lays out titles and legend entries as HTML:
names that come from the documents (issues, topics, countries) go in escaped.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.plain import escaped
from model.matrix import net_to_rgb

CLASS_COLOURS = {"cooperative": net_to_rgb(0.8), "neutral": net_to_rgb(0.0), "conflictual": net_to_rgb(-0.8)}
SERIES_COLOURS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (148, 103, 189)]
MAX_TICK_LABEL = 12


def configure_pyqtgraph() -> None:
    """Global pyqtgraph options, set once at start-up: light charts that match the tables."""
    pg.setConfigOptions(background="w", foreground="k", antialias=True)


def diverging_colormap() -> pg.ColorMap:
    """The matrix's conflictual ↔ grey ↔ cooperative scale, as a pyqtgraph colour map over −1…1."""
    pos = np.linspace(-1.0, 1.0, 21)
    return pg.ColorMap((pos + 1) / 2, [net_to_rgb(float(p)) for p in pos], name="stance")


MAX_TICKS = 60


def _ticks(labels: list[str], width: int = MAX_TICK_LABEL) -> list[list[tuple[float, str]]]:
    """Tick labels centred on cells; with many rows only every k-th is written (the axis stays legible and fast)."""
    step = max(1, -(-len(labels) // MAX_TICKS))
    return [[(i + 0.5, _short(t, width)) for i, t in enumerate(labels) if i % step == 0]]


def _short(text: str, width: int = MAX_TICK_LABEL) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def export_plot(plot_item: pg.PlotItem, path: str | Path) -> Path:
    """Write a chart as .png or .svg (by suffix)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        _export_svg(plot_item, path)
        return path
    if suffix == ".png":
        exporter = pg_exporters.ImageExporter(plot_item)
        exporter.parameters()["width"] = max(800, int(plot_item.sceneBoundingRect().width()))
    else:
        raise ValueError(f"charts are exported as .png or .svg, not '{suffix or path.name}'")
    exporter.export(str(path))
    return path


def _export_svg(plot_item: pg.PlotItem, path: Path) -> None:
    """SVG through pyqtgraph's exporter, else Qt's own SVG generator.

    pyqtgraph 0.14.0's exporter cannot parse the path syntax newer Qt writes
    (pyqtgraph issue #3485); Qt then renders the same scene region itself.
    """
    try:
        pg_exporters.SVGExporter(plot_item).export(str(path))
        return
    except ValueError:
        pass
    rect = plot_item.sceneBoundingRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle("Stance Atlas chart")
    painter = QPainter(generator)
    try:
        plot_item.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    finally:
        painter.end()


class ChartPanel(QWidget):
    """A plot with Export PNG…/SVG… buttons."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setTitle(title)
        self.plot.setMenuEnabled(False)
        self.note = pg.TextItem("", color=(90, 90, 90), anchor=(0.5, 0.5))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for label, suffix in (("Export PNG…", ".png"), ("Export SVG…", ".svg")):
            b = QPushButton(label)
            b.setToolTip(f"Save this chart as a {suffix[1:].upper()} file")
            b.clicked.connect(lambda _=False, s=suffix: self._export_dialog(s))
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.plot_widget)
        lay.addLayout(buttons)

    def export(self, path: str | Path) -> Path:
        return export_plot(self.plot, path)

    def _export_dialog(self, suffix: str) -> None:
        name = self.title.lower().replace(" ", "-") + suffix
        path, _ = QFileDialog.getSaveFileName(self, f"Export {self.title}", name, f"*{suffix}")
        if path:
            self.export(path if path.lower().endswith(suffix) else path + suffix)

    def _clear(self, message: str = "") -> None:
        self.plot.clear()
        if message:
            self.note.setText(message)
            self.plot.addItem(self.note)
            self.note.setPos(0.5, 0.5)
            self.plot.setRange(xRange=(0, 1), yRange=(0, 1))


class HeatmapChart(ChartPanel):
    """Net stance per country (rows) × column, with labelled axes and a diverging colour bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Net stance heat map", parent)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=diverging_colormap(), label="net stance",
                                        interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        self.plot.invertY(True)
        self.plot.setAspectLocked(False)
        self.plot.getAxis("left").setLabel("country")
        self.plot.getAxis("bottom").setLabel("topic")
        self.values = np.zeros((0, 0))
        self.rows: list[str] = []
        self.cols: list[str] = []

    def set_data(self, net: pd.DataFrame, rows: list[str], row_labels: dict[str, str], col_labels: dict[str, str]) -> None:
        self.rows, self.cols = list(rows), list(net.columns)
        self.values = net.reindex(index=self.rows).to_numpy(dtype=float) if self.rows else np.zeros((0, 0))
        if self.note.scene() is not None:
            self.plot.removeItem(self.note)
        if not self.values.size:
            self.image.clear()
            return
        self.image.setImage(self.values, levels=(-1, 1), autoLevels=False)
        self.image.setRect(0, 0, len(self.cols), len(self.rows))
        self.plot.getAxis("left").setTicks(_ticks([row_labels.get(r, r) for r in self.rows]))
        self.plot.getAxis("bottom").setTicks(_ticks([col_labels.get(c, c) for c in self.cols], width=10))
        self.plot.setRange(xRange=(0, len(self.cols)), yRange=(0, len(self.rows)), padding=0)


class StanceBarsChart(ChartPanel):
    """Cooperative / neutral / conflictual statements per country, stacked, for one column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Stances by country", parent)
        self.plot.getAxis("left").setLabel("statements")
        self.plot.addLegend(offset=(-10, 10))
        self.values = pd.DataFrame(columns=list(CLASS_COLOURS))
        self.column = ""
        self.matrix: object = None  # the matrix drawn from, so an unchanged chart is not redrawn

    def set_data(self, breakdown: pd.DataFrame, column: str, column_label: str, row_labels: dict[str, str]) -> None:
        self.values, self.column = breakdown, column
        self._clear("" if len(breakdown) else f"No statement on {column_label}")
        self.plot.setTitle(f"Stances by country — {escaped(column_label)}")
        if not len(breakdown):
            return
        x = np.arange(len(breakdown))
        bottom = np.zeros(len(breakdown))
        for cls, colour in CLASS_COLOURS.items():
            h = breakdown[cls].to_numpy(dtype=float)
            self.plot.addItem(pg.BarGraphItem(x=x, height=h, y0=bottom, width=0.7, brush=pg.mkBrush(*colour), name=cls))
            bottom = bottom + h
        self.plot.getAxis("bottom").setTicks([[(i, _short(row_labels.get(a, a))) for i, a in enumerate(breakdown.index)]])
        self.plot.setRange(xRange=(-0.6, len(x) - 0.4), yRange=(0, max(1.0, bottom.max())))


class TimelineChart(ChartPanel):
    """Statements per period, one line per stance class (documents need dates)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Statements over time", parent)
        self.plot_widget.setAxisItems({"bottom": pg.DateAxisItem()})
        self.plot.getAxis("left").setLabel("statements")
        self.plot.addLegend(offset=(-10, 10))
        self.values = pd.DataFrame(columns=list(CLASS_COLOURS))

    def set_data(self, counts: pd.DataFrame) -> None:
        self.values = counts
        self._clear("" if len(counts) else "The documents carry no dates")
        if not len(counts):
            return
        x = counts.index.to_numpy(dtype="datetime64[s]").astype(np.int64).astype(float)
        for cls, colour in CLASS_COLOURS.items():
            pen = pg.mkPen(colour if cls != "neutral" else (130, 130, 130), width=2)
            self.plot.plot(x, counts[cls].to_numpy(dtype=float), pen=pen, symbol="o", symbolSize=5,
                           symbolBrush=pg.mkBrush(*colour), name=cls)
        self.plot.enableAutoRange()


class GroupedBarsChart(ChartPanel):
    """Net stance per topic, one bar per compared country; a band marks the selected topic."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Net stance per topic", parent)
        self.plot.getAxis("left").setLabel("net stance")
        self.plot.addLegend(offset=(-10, 10))
        self.band = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(255, 220, 120, 70))
        self.values = pd.DataFrame()
        self.bars: list[pg.BarGraphItem] = []

    def set_data(self, net: pd.DataFrame, col_labels: dict[str, str], row_labels: dict[str, str]) -> None:
        """``net``: topic × country net stance (NaN = silent, drawn as no bar)."""
        self.values = net
        self._clear("" if len(net) else "Nothing to compare")
        self.bars = []
        if not len(net):
            return
        n = len(net.columns)
        width = 0.8 / n
        for i, actor in enumerate(net.columns):
            h = np.nan_to_num(net[actor].to_numpy(dtype=float))
            x = np.arange(len(net)) - 0.4 + width * (i + 0.5)
            bar = pg.BarGraphItem(x=x, height=h, width=width * 0.9, brush=pg.mkBrush(*SERIES_COLOURS[i % 4]),
                                  name=escaped(row_labels.get(actor, actor)))
            self.plot.addItem(bar)
            self.bars.append(bar)
        self.plot.addLine(y=0, pen=pg.mkPen(120, 120, 120))
        self.plot.getAxis("bottom").setTicks([[(j, _short(col_labels.get(c, c))) for j, c in enumerate(net.index)]])
        self.plot.setRange(xRange=(-0.6, len(net) - 0.4), yRange=(-1.05, 1.05 + 0.2 * n))

    def mark(self, position: int | None) -> None:
        """Mark the topic at ``position`` (row of the comparison table), or nothing."""
        if self.band.scene() is not None:
            self.plot.removeItem(self.band)
        if position is not None and 0 <= position < len(self.values):
            self.band.setRegion((position - 0.5, position + 0.5))
            self.plot.addItem(self.band)
