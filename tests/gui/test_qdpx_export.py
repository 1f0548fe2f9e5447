"""File › Export REFI-QDA project… writes a .qdpx of the filtered statements, valid against the REFI-QDA schema."""

import io
import zipfile
from pathlib import Path

from lxml import etree
from PySide6.QtWidgets import QFileDialog

from model.export.qdpx import NS

SCHEMA = Path(__file__).resolve().parents[1] / "model" / "export" / "refi-qda" / "Project-mrt2019.xsd"


def test_export_refi_qda_project_from_the_menu(seeded, qtbot, tmp_path, monkeypatch):
    w = seeded
    out = tmp_path / "work.qdpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(w.exporter.sig_exported, timeout=30000):
        w.menu_actions["export_qdpx"].trigger()
    with zipfile.ZipFile(out) as zf:
        qde = etree.parse(io.BytesIO(zf.read("project.qde")))
        sources = [n for n in zf.namelist() if n.startswith("Sources/")]
    etree.XMLSchema(etree.parse(str(SCHEMA))).assertValid(qde)
    assert len(sources) == len(w.state.analysis.documents)
    assert len(qde.findall(".//q:PlainTextSelection", {"q": NS})) == len(w.state.view.statements)
