"""Stance Atlas model: pure Python + pandas. Never imports Qt or pyqtgraph."""

__version__ = "0.1.0"
