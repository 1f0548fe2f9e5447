"""Open the exported workbook in an independent client (LibreOffice) and compare with pandas.

1. Exports the seed set (plus a small collection of hostile text: formula
   payloads and control characters) with ``python main.py export``.
2. Converts every sheet to CSV with LibreOffice headless (the CSV filter's
   12th token ``-1`` = all sheets) and checks each value against pandas'
   reading of the same workbook (openpyxl engine).
3. Renders the Matrix sheet to PDF with LibreOffice and to PNG with
   ``pdftoppm`` (poppler-utils), for a person to look at (``--png``; by
   default in the work folder, kept with ``--keep``).  The README's pictures
   of every sheet come from ``tools/render_workbook.py --first-pages``.

Needs ``soffice`` (Debian: libreoffice-calc-nogui) and ``pdftoppm``
(poppler-utils).  Exit status 0 when every sheet matches, 1 otherwise,
2 when LibreOffice is not installed.

    .venv/bin/python tools/check_libreoffice.py [--png OUT.png] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model.cli import run  # noqa: E402

# field separator 44 (,), text delimiter 34 ("), UTF-8 (76), from line 1, raw values not "as shown", all sheets
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
DPI = 220
HOSTILE = [
    {"id": "=HYPERLINK(\"http://evil.example\",\"x\")", "title": "@SUM(1+1)*cmd|' /C calc'!A0",
     "source": "+cmd", "url": "-2+3",
     "text": "MOSCOW: Russia condemned the strikes on Tuesday.\x07 Pakistan welcomed the talks in Doha."},
]


def soffice(*args: str, cwd: Path) -> None:
    profile = (cwd / "lo-profile").as_uri()  # a private profile: no clash with a running LibreOffice
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", *args],
                   cwd=cwd, check=True, capture_output=True, timeout=300)


def export(work: Path) -> Path:
    collection = work / "hostile.jsonl"
    collection.write_text("".join(json.dumps(d) + "\n" for d in HOSTILE), encoding="utf-8")
    out = work / "atlas.xlsx"
    status = run("export", [str(ROOT / "seeds"), str(collection), "-o", str(out), "-q"])
    if status != 0:
        raise SystemExit(f"export failed with status {status}")
    return out


def norm(value: object) -> object:
    """A comparable form of a cell value: None/"" → "", numbers → float, booleans → TRUE/FALSE."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return float(value)
    text = str(value)
    try:
        return float(text)
    except ValueError:
        return text.replace("\r\n", "\n").replace("\r", "\n")


def same(a: object, b: object) -> bool:
    a, b = norm(a), norm(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def compare(xlsx: Path, work: Path) -> list[str]:
    """Differences between LibreOffice's CSV of every sheet and pandas' reading of it."""
    soffice("--convert-to", CSV_FILTER, "--outdir", str(work / "csv"), str(xlsx), cwd=work)
    sheets = pd.read_excel(xlsx, sheet_name=None, header=None, dtype=object)
    problems: list[str] = []
    for name, frame in sheets.items():
        csv = work / "csv" / f"{xlsx.stem}-{name}.csv"
        if not csv.exists():
            problems.append(f"{name}: LibreOffice wrote no {csv.name}")
            continue
        lo = pd.read_csv(csv, header=None, dtype=str, keep_default_na=False, encoding="utf-8")
        rows = max(len(frame), len(lo))
        cols = max(frame.shape[1], lo.shape[1])
        cells = 0
        for r in range(rows):
            for c in range(cols):
                mine = frame.iat[r, c] if r < len(frame) and c < frame.shape[1] else None
                theirs = lo.iat[r, c] if r < len(lo) and c < lo.shape[1] else None
                cells += 1
                if not same(mine, theirs):
                    problems.append(f"{name}!R{r + 1}C{c + 1}: pandas {mine!r} ≠ LibreOffice {theirs!r}")
        print(f"  {name:<14} {len(frame):>5} rows × {frame.shape[1]:>3} columns, {cells} cells compared")
    return problems


def render_matrix(xlsx: Path, work: Path, png: Path) -> Path:
    """The Matrix sheet alone, as LibreOffice prints it, to PNG."""
    wb = load_workbook(xlsx)
    for name in wb.sheetnames[1:]:
        del wb[name]
    only = work / "matrix-only.xlsx"
    wb.save(only)
    soffice("--convert-to", "pdf", "--outdir", str(work / "pdf"), str(only), cwd=work)
    pdf = work / "pdf" / "matrix-only.pdf"
    png.parent.mkdir(parents=True, exist_ok=True)
    x, y, w, h = content_box(pdf, work, DPI)
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
                    "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), str(pdf), str(png.with_suffix(""))],
                   check=True, capture_output=True, timeout=120)
    shutil.copy(pdf, png.with_suffix(".pdf"))
    return png


def content_box(pdf: Path, work: Path, dpi: int, margin: int = 12) -> tuple[int, int, int, int]:
    """Bounding box (x, y, width, height in pixels at ``dpi``) of the non-white part of page 1."""
    stem = work / "page"
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True, capture_output=True, timeout=120)
    data = (work / "page.pgm").read_bytes()
    fields = data.split(maxsplit=4)  # P5, width, height, maxval, pixels
    width, height = int(fields[1]), int(fields[2])
    pixels = np.frombuffer(fields[4][: width * height], dtype=np.uint8).reshape(height, width)
    ys, xs = np.nonzero(pixels < 250)
    if len(xs) == 0:
        return 0, 0, width, height
    x0, y0 = max(0, int(xs.min()) - margin), max(0, int(ys.min()) - margin)
    x1, y1 = min(width, int(xs.max()) + margin), min(height, int(ys.max()) + margin)
    return x0, y0, x1 - x0, y1 - y0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", type=Path, help="where to save the render (default: matrix-sheet.png in the work folder)")
    parser.add_argument("--keep", type=Path, help="keep the workbook and LibreOffice's files in this folder")
    args = parser.parse_args(argv)
    if not shutil.which("soffice"):
        print("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        xlsx = export(work)
        print(f"exported {xlsx.name}; LibreOffice vs pandas, sheet by sheet:")
        problems = compare(xlsx, work)
        if shutil.which("pdftoppm"):
            print(f"Matrix sheet rendered by LibreOffice: {render_matrix(xlsx, work, args.png or work / 'matrix-sheet.png')}")
        else:
            print("pdftoppm not installed (poppler-utils): no PNG of the Matrix sheet")
    for p in problems[:40]:
        print("  DIFF " + p)
    print("LibreOffice check: " + ("PASS, same values" if not problems else f"FAIL, {len(problems)} differences"))
    return 0 if not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
