"""model/ stands alone: importing every module of it loads neither Qt, pyqtgraph nor the GUI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import pkgutil, importlib, sys
import model
names = sorted(m.name for m in pkgutil.walk_packages(model.__path__, "model."))
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph", "gui"})
print(len(names), loaded)
"""


def test_importing_all_of_model_loads_no_qt_and_no_gui() -> None:
    # a fresh interpreter: in this one, pytest-qt and the GUI tests may have loaded Qt already
    out = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    count, loaded = out.stdout.split(" ", 1)
    assert int(count) > 50  # every module was imported
    assert loaded.strip() == "[]"
