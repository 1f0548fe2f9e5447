"""Print an exported workbook the way LibreOffice does: PDF, pages per sheet, first page of each sheet as PNG.

Every printed page carries its sheet's name in the page header (``<set> — <sheet>``,
see :mod:`model.export.printing`), so the pages of one PDF are told apart by the
text of their first line.  Needs ``soffice`` (LibreOffice) and poppler's
``pdftotext`` / ``pdftoppm``.

    .venv/bin/python tools/render_workbook.py OUT.xlsx --outdir DIR [--dpi 50] [--first-pages docs/workbook]

``--first-pages`` also copies each sheet's first page to ``<folder>/<sheet>.png``
(``net-stance.png`` …), the pictures the README shows.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

TIMEOUT = 900


def to_pdf(xlsx: Path, outdir: Path) -> Path:
    """``xlsx`` converted by LibreOffice (a private profile, so no clash with a running instance)."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (outdir / "lo-profile").resolve().as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(xlsx)], check=True, capture_output=True, timeout=TIMEOUT)
    pdf = outdir / (xlsx.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice wrote no {pdf.name}")
    return pdf


def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext; pages end with a form feed)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=TIMEOUT)
    pages = out.stdout.decode("utf-8", "replace").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def sheet_of(text: str, sheets: list[str]) -> str | None:
    """The sheet a page belongs to: the one named at the end of its header line."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    named = [s for s in sheets if first == s or first.endswith(f"— {s}")]
    return max(named, key=len) if named else None


def pages_by_sheet(pdf: Path, sheets: list[str]) -> dict[str, list[int]]:
    """Sheet → its page numbers (1-based); pages whose header names no sheet go under ""."""
    out: dict[str, list[int]] = {s: [] for s in sheets}
    for number, text in enumerate(page_texts(pdf), start=1):
        out.setdefault(sheet_of(text, sheets) or "", []).append(number)
    return out


def render_page(pdf: Path, page: int, png_base: Path, dpi: int = 50) -> Path:
    """One page as ``<png_base>.png``."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(png_base)], check=True, capture_output=True, timeout=TIMEOUT)
    return png_base.with_suffix(".png")


def slug(sheet: str) -> str:
    """A file name for a sheet: "Net stance" → "net-stance", "Statements (2)" → "statements-2"."""
    return "-".join("".join(c if c.isalnum() else " " for c in sheet.lower()).split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("xlsx", type=Path)
    parser.add_argument("--outdir", type=Path, required=True)
    parser.add_argument("--dpi", type=int, default=50)
    parser.add_argument("--first-pages", type=Path, help="also copy each sheet's first page here as <sheet>.png")
    args = parser.parse_args(argv)
    sheets = load_workbook(args.xlsx, read_only=True).sheetnames
    pdf = to_pdf(args.xlsx, args.outdir)
    pages = pages_by_sheet(pdf, sheets)
    total = sum(len(p) for p in pages.values())
    print(f"{pdf}: {total} pages")
    for sheet, numbers in pages.items():
        if not numbers:
            print(f"  {sheet or '(no sheet named)':<16} no pages")
            continue
        png = render_page(pdf, numbers[0], args.outdir / f"first-{(sheet or 'unknown').replace(' ', '_')}", args.dpi)
        if args.first_pages is not None and sheet:
            args.first_pages.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, args.first_pages / f"{slug(sheet)}.png")
        print(f"  {sheet or '(no sheet named)':<16} {len(numbers):>5} pages from page {numbers[0]:>5}  {png.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
