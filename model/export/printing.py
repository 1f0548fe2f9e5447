"""Print setup of a worksheet: what a sheet looks like printed or saved as PDF.

Every sheet prints landscape, all its (printed) columns on one page width,
its header row and country column on every page, a title at the top and
"Page n of N" at the bottom.  openpyxl writes page setup, margins, header
and footer at the end of a write-only sheet and the repeated rows/columns as
the workbook's ``Print_Titles`` defined names, so everything here may be set
before or after the rows are appended; the row splicer
(:mod:`model.export.fastrows`) leaves both untouched.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins

#: footer of every printed page (``&P`` page, ``&N`` pages)
PAGE_FOOTER = "Page &P of &N"
#: characters of the set's name kept in the page header
TITLE_CHARS = 80
#: column widths (characters) one landscape page shows at about 60 %: the smallest readable scale
MAX_CHARS_ACROSS = 240
#: margins in inches: narrow at the sides, so a wide sheet prints at a readable scale; Excel's usual top and
#: bottom (with less room for the header, LibreOffice added an empty page after some long sheets)
MARGINS = PageMargins(left=0.4, right=0.4, top=0.75, bottom=0.75, header=0.3, footer=0.3)


@dataclass(frozen=True)
class PrintLayout:
    """How one sheet prints.

    ``title_rows`` / ``title_cols`` repeat on every page ("1:1", "A:B");
    ``area`` limits what prints ("A1:G500"); ``one_page`` fits the whole
    sheet on a single page instead of one page width; ``pages_wide`` is
    the page widths the columns are spread over (1 unless a grid has so many
    columns that one width would print them too small to read, see
    :func:`pages_across`).
    """

    title_rows: str | None = "1:1"
    title_cols: str | None = None
    area: str | None = None
    one_page: bool = False
    pages_wide: int = 1


def pages_across(widths: Sequence[float]) -> int:
    """Page widths a sheet's columns need so that the print is not shrunk below a readable scale."""
    return max(1, math.ceil(sum(widths) / MAX_CHARS_ACROSS))


def page_title(set_name: str, sheet: str) -> str:
    """The page header, ``<set name> — <sheet>`` (the sheet alone when the set has no name).

    One line, the name shortened to :data:`TITLE_CHARS`; ``&`` starts a code in
    a header, so it is doubled.
    """
    name = " ".join(set_name.split())
    if len(name) > TITLE_CHARS:
        name = name[: TITLE_CHARS - 1].rstrip() + "…"
    title = f"{name} — {sheet}" if name else sheet
    return title.replace("&", "&&")


def set_print(ws: WriteOnlyWorksheet, set_name: str, layout: PrintLayout = PrintLayout()) -> None:
    """Landscape, fit to page width (or one page), repeated titles, a header title and page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = layout.pages_wide
    ws.page_setup.fitToHeight = 1 if layout.one_page else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = MARGINS
    ws.print_options.gridLines = False
    if layout.title_rows:
        ws.print_title_rows = layout.title_rows
    if layout.title_cols:
        ws.print_title_cols = layout.title_cols
    if layout.area:
        ws.print_area = layout.area
    ws.oddHeader.center.text = page_title(set_name, ws.title)
    ws.oddHeader.center.size = 10
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.oddFooter.center.size = 9
