"""The workbook opened by an independent client: LibreOffice finds the same values as pandas.

Runs tools/check_libreoffice.py; skipped where LibreOffice is not installed
(.ci/run installs libreoffice-calc-nogui).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[3] / "tools"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_the_same_values(tmp_path, capsys):
    sys.path.insert(0, str(TOOLS))
    try:
        import check_libreoffice
    finally:
        sys.path.remove(str(TOOLS))
    png = tmp_path / "matrix.png"
    status = check_libreoffice.main(["--png", str(png), "--keep", str(tmp_path / "work")])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "PASS, same values" in out
    for sheet in ("Matrix", "Net stance", "Counts", "Statements", "Documents", "About"):
        assert f"  {sheet}" in out
    if shutil.which("pdftoppm"):
        assert png.stat().st_size > 1000


def test_comparison_tells_values_apart():
    sys.path.insert(0, str(TOOLS))
    try:
        from check_libreoffice import same
    finally:
        sys.path.remove(str(TOOLS))
    assert same(1, "1") and same(0.1 + 0.2, "0.3") and same(None, "") and same(True, "TRUE")
    assert same("a\r\nb", "a\nb")
    assert not same("=1+1", "2") and not same(1, "2") and not same("x", "")
