"""Stance Atlas model: pure Python + pandas. Never imports Qt or pyqtgraph."""

from model import native as _native

__version__ = "0.1.0"

# the engine's modules may be compiled by tools/build_native.py; use them only if current
_native.enable()
