"""Safe cells and shared styles for openpyxl's write-only worksheets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from model.export.safety import is_formula_like, plain_value

#: every font names its face and size: LibreOffice does not fill a missing size from the default
FONT_NAME, FONT_SIZE = "Calibri", 11
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
TITLE_FONT = Font(name=FONT_NAME, size=13, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CELL_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
CONTRADICTION_BORDER = Border(*(Side(style="medium", color="000000"),) * 4)


def cell(ws: WriteOnlyWorksheet, value: Any, **style: Any) -> Any:
    """A value for ``ws.append``: plain when possible, a styled cell when needed.

    Text a spreadsheet would read as a formula becomes a string cell with
    Excel's quote prefix, so it is shown and kept as typed, never evaluated.
    """
    value = plain_value(value)
    risky = isinstance(value, str) and is_formula_like(value)
    if not style and not risky:
        return value
    c = WriteOnlyCell(ws, value=value)
    if risky:
        c.data_type = "s"
        c.quotePrefix = True
    for name, setting in style.items():
        setattr(c, name, setting)
    return c


def quote_style_id(ws: WriteOnlyWorksheet) -> int:
    """Register the quote-prefix cell format in the workbook and return its style id."""
    probe = WriteOnlyCell(ws, value="")
    probe.quotePrefix = True
    return probe.style_id


def header(ws: WriteOnlyWorksheet, names: Sequence[Any]) -> list[Any]:
    """A bold, shaded header row."""
    return [cell(ws, n, font=HEADER_FONT, fill=HEADER_FILL) for n in names]


def set_widths(ws: WriteOnlyWorksheet, widths: Sequence[float]) -> None:
    """Column widths (characters); write-only sheets need them before the first row."""
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def table_ref(n_columns: int, n_rows: int) -> str:
    """``A1:<last column><last row>`` for an autofilter over a header and ``n_rows`` rows."""
    return f"A1:{get_column_letter(max(1, n_columns))}{n_rows + 1}"


def fill_for(rgb: tuple[int, int, int]) -> PatternFill:
    r, g, b = rgb
    return PatternFill("solid", fgColor=f"{r:02X}{g:02X}{b:02X}")


def font_for(rgb: tuple[int, int, int], bold: bool = False) -> Font:
    """Black text on light fills, white on dark ones."""
    r, g, b = rgb
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return Font(name=FONT_NAME, size=FONT_SIZE, color="FFFFFF" if luminance < 140 else "000000", bold=bold)
