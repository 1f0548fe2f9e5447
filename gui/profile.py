"""Country profile: one country's positions across topics, with a small bar chart."""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from gui.frame_model import Column, FrameTableModel
from gui.plain import escaped
from model.analysis.matrix import net_to_rgb


def _net(v: object) -> str:
    return "" if v is None or (isinstance(v, float) and np.isnan(v)) else f"{float(cast(float, v)):+.2f}"


def _net_colour(field: str, value: object) -> QColor | None:
    if field != "net" or value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return QColor(*net_to_rgb(float(cast(float, value))))


class ProfilePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor: str | None = None
        self.matrix: object = None  # the matrix shown, so an unchanged profile is not redrawn
        self.heading = QLabel("Click a country (row header or cell) to see its positions across topics.")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # built here from escaped text only
        self.col_names: dict[str, str] = {}
        self.model = FrameTableModel([
            Column("Topic", "name"),
            Column("Statements", "count", tooltip="statements on this topic"),
            Column("Net", "net", _net, "confidence-weighted mean polarity, −1 conflictual … +1 cooperative"),
            Column("Coop.", "n_coop"), Column("Neutral", "n_neutral"), Column("Confl.", "n_conf"),
            Column("Main stance", "label", tooltip="the most confident, most marked stance label"),
            Column("⚡", "contradiction", lambda v: "⚡" if v else "", "a position for and one against one issue on this topic"),
        ], background=_net_colour, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(84)
        self.chart = pg.PlotWidget()
        self.chart.setMenuEnabled(False)
        self.chart.getPlotItem().getAxis("left").setLabel("net stance")
        self.chart.setMinimumHeight(120)
        self.bars: pg.BarGraphItem | None = None
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.chart)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.heading)
        lay.addWidget(split, 1)

    def show_profile(self, actor: str, name: str, profile: pd.DataFrame, col_names: dict[str, str]) -> None:
        self.actor = actor
        profile = profile.assign(name=[col_names.get(c, c) for c in profile["column"]])
        self.model.set_frame(profile)
        total = int(profile["count"].sum()) if len(profile) else 0
        self.heading.setText(f"<b>{escaped(name)}</b> ({escaped(actor)}) — {total} statement(s) on {len(profile)} topic(s)")
        plot = self.chart.getPlotItem()
        plot.clear()
        self.bars = None
        if not len(profile):
            return
        net = profile["net"].to_numpy(dtype=float)
        brushes = [pg.mkBrush(*net_to_rgb(float(v))) for v in net]
        self.bars = pg.BarGraphItem(x=np.arange(len(net)), height=np.nan_to_num(net), width=0.7, brushes=brushes)
        plot.addItem(self.bars)
        plot.addLine(y=0, pen=pg.mkPen(120, 120, 120))
        plot.getAxis("bottom").setTicks([[(i, n[:12]) for i, n in enumerate(profile["name"])]])
        plot.setRange(xRange=(-0.6, len(net) - 0.4), yRange=(-1.05, 1.05))
