"""What every chart shares: :class:`ChartPanel` (heading with the legend, "Show: Top N / All",
PNG/SVG export, a scrolling plot with room for every row's label, an empty-state sentence), the
stance colours and the pyqtgraph settings.  The charts themselves are in :mod:`gui.charts`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.plain import escaped, tooltip
from model.analysis.chart_rows import DEFAULT_TOP, TOP_CHOICES
from model.analysis.matrix import net_to_rgb

if TYPE_CHECKING:
    from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent

CLASS_COLOURS = {"cooperative": net_to_rgb(0.8), "neutral": net_to_rgb(0.0), "conflictual": net_to_rgb(-0.8)}
SERIES_COLOURS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (148, 103, 189)]
ROW_PX = 20      # one row of a bar chart or heat map: room for a line of label text
COL_PX = 64      # one heat-map column: room for a short topic name
LABEL_PX = 150   # the country names' axis
FRAME_PX = 70    # axes, margins and colour bar around the rows
MIN_HEADING_PX = 120   # the heading's least width: charts fit a dock of a 1024 px window


def configure_pyqtgraph() -> None:
    """Global pyqtgraph options, set once at start-up: light charts that match the tables."""
    pg.setConfigOptions(background="w", foreground="k", antialias=True)


def diverging_colormap() -> pg.ColorMap:
    """The matrix's conflictual ↔ grey ↔ cooperative scale, as a pyqtgraph colour map over −1…1."""
    pos = np.linspace(-1.0, 1.0, 21)
    return pg.ColorMap((pos + 1) / 2, [net_to_rgb(float(p)) for p in pos], name="stance")


#: the heat map's colour key: net stance −1 … +1
NET_KEY = [("−1 conflictual", net_to_rgb(-1.0)), ("−0.5", net_to_rgb(-0.5)), ("0 mixed", net_to_rgb(0.0)),
           ("+0.5", net_to_rgb(0.5)), ("+1 cooperative", net_to_rgb(1.0))]


def shown(drawn: int, total: int, sort_key: str) -> str:
    """What a chart of countries draws, for its caption: "the 25 most active of 197 countries"."""
    if drawn >= total:
        return f"{total} countries"
    which = f"first {drawn} by stance" if sort_key == "stance" else f"{drawn} most active"
    return f"the {which} of {total} countries"


def elide(texts: list[str], pixels: int, metrics: QFontMetrics) -> list[str]:
    """Each text cut with "…" to fit ``pixels`` wide (the full text goes in the tooltip)."""
    return [metrics.elidedText(t, Qt.TextElideMode.ElideRight, max(pixels, 8)) for t in texts]


def legend_html(items: list[tuple[str, tuple[int, int, int]]]) -> str:
    """Coloured squares and names, for a chart's heading (outside the data) and its exported title.

    An entry never wraps inside itself ("United States" stays on one line)."""
    return " &nbsp;".join(f'<span style="color: rgb{colour}">■</span>&nbsp;{escaped(name).replace(" ", "&nbsp;")}'
                          for name, colour in items)


def set_categories(axis: pg.AxisItem, ticks: list[tuple[float, str]]) -> None:
    """One label per row or column; each has room for its text (see ROW_PX, elide), so all are drawn."""
    axis.setStyle(textFillLimits=[(0, 1.0)])
    axis.setTicks([ticks])


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
    """A plot in a scrolling area, a heading with its legend, a message for the empty state, Export PNG…/SVG…."""

    sig_cell_clicked = Signal(str, str)   # (country, column) of the clicked bar or cell

    def __init__(self, title: str, parent: QWidget | None = None, ranked: bool = False) -> None:
        super().__init__(parent)
        self.title = title
        self.caption = title
        self.legend: list[tuple[str, tuple[int, int, int]]] = []
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)   # the wheel scrolls the chart instead of zooming it
        self.plot.hideButtons()
        self.tick_font = QApplication.font()
        self.metrics = QFontMetrics(self.tick_font)
        for side in ("left", "bottom", "top"):
            self.plot.getAxis(side).setStyle(tickFont=self.tick_font)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)   # built here from escaped text only
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.heading.setWordWrap(True)   # a narrow chart wraps its legend instead of claiming the width
        self.heading.setMinimumWidth(MIN_HEADING_PX)   # (a legend entry never breaks: wider ones are cut, not the window)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.plot_widget)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("font-size: 11pt; padding: 12px;")   # the theme's own text colour
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroll_area)
        self.stack.addWidget(self.message)
        self.top = QComboBox()
        for n in TOP_CHOICES:
            self.top.addItem(f"Top {n}" if n else "All", n)
        self.top.setCurrentIndex(self.top.findData(DEFAULT_TOP))
        self.top.setToolTip("How many countries to draw: the most active ones (or the first in the stance sort); "
                            "All scrolls")
        self.top.currentIndexChanged.connect(lambda _i: self._draw())
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.heading, 1)
        if ranked:
            bar.addWidget(QLabel("Show:"))
            bar.addWidget(self.top)
        for label, suffix in (("PNG…", ".png"), ("SVG…", ".svg")):
            b = QToolButton()   # narrower than a push button: the heading keeps the width
            b.setText(label)
            b.setToolTip(f"Export this chart as a {suffix[1:].upper()} file")
            b.clicked.connect(lambda _=False, s=suffix: self._export_dialog(s))
            bar.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        lay.addLayout(bar)
        lay.addWidget(self.stack, 1)
        scene = self.plot_widget.scene()
        scene.sigMouseClicked.connect(self._clicked)
        scene.sigMouseMoved.connect(self._hovered)
        self.empty_text = ""
        self._set_heading()

    # --- what subclasses call -------------------------------------------------
    def limit(self) -> int | None:
        """How many rows to draw (None: all)."""
        return self.top.currentData()

    def show_message(self, text: str) -> None:
        """The empty state: a sentence instead of axes with no meaning."""
        self.plot.clear()
        self.empty_text = text
        self._set_heading()
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def show_plot(self, rows: int = 0, min_width: int = 0, row_px: int = ROW_PX) -> None:
        """Show the plot, tall enough for ``rows`` labelled rows of ``row_px`` (the area scrolls past what fits)."""
        self.empty_text = ""
        self._set_heading()
        self.plot_widget.setMinimumHeight(FRAME_PX + rows * row_px if rows else 0)
        self.plot_widget.setMinimumWidth(min_width)
        self.stack.setCurrentWidget(self.scroll_area)

    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.message

    def set_caption(self, caption: str, legend: list[tuple[str, tuple[int, int, int]]] | None = None) -> None:
        self.caption = caption
        if legend is not None:
            self.legend = legend
        self._set_heading()

    def _set_heading(self) -> None:
        legend = "" if self.empty_text else legend_html(self.legend)   # no key beside a chart that draws nothing
        self.heading.setText(f"<b>{escaped(self.caption)}</b>" + (f"&nbsp;&nbsp;&nbsp;{legend}" if legend else ""))

    def _hit(self, x: float, y: float) -> tuple[str, str] | None:
        """The (country, column) drawn at view coordinates (x, y), if any."""
        return None

    def _describe(self, x: float, y: float) -> str:
        """The hover text at view coordinates (x, y)."""
        return ""

    # --- mouse ---------------------------------------------------------------
    def _view_point(self, scene_pos: QPointF) -> tuple[float, float] | None:
        vb = self.plot.vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        return p.x(), p.y()

    def _clicked(self, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.is_empty:
            return
        point = self._view_point(event.scenePos())
        if point is not None:
            self.click(*point)

    def click(self, x: float, y: float) -> tuple[str, str] | None:
        """Act as a click at view coordinates (x, y): emit the country and column there."""
        key = self._hit(x, y)
        if key is not None:
            self.sig_cell_clicked.emit(*key)
        return key

    def _hovered(self, scene_pos: QPointF) -> None:
        point = self._view_point(scene_pos)
        text = self._describe(*point) if point is not None and not self.is_empty else ""
        self.plot_widget.setToolTip(tooltip(text) if text else "")

    # --- export ----------------------------------------------------------------
    def export(self, path: str | Path) -> Path:
        """Write the chart with its caption and legend as the title (an exported picture explains itself)."""
        legend = legend_html(self.legend)
        self.plot.setTitle(f"<b>{escaped(self.caption)}</b>" + (f"<br>{legend}" if legend else ""))
        self.plot.layout.activate()
        try:
            return export_plot(self.plot, path)
        finally:
            self.plot.setTitle(None)

    def _export_dialog(self, suffix: str) -> None:
        name = self.title.lower().replace(" ", "-") + suffix
        path, _ = QFileDialog.getSaveFileName(self, f"Export {self.title}", name, f"*{suffix}")
        if path:
            self.export(path if path.lower().endswith(suffix) else path + suffix)

    def _draw(self) -> None:
        """Draw again from the data last set (the Show choice changed)."""
