"""Safe cells and shared styles for openpyxl's write-only worksheets."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from model.export.safety import is_formula_like, plain_value

#: every font names its face and size: LibreOffice does not fill a missing size from the default
FONT_NAME, FONT_SIZE = "Calibri", 11
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
TITLE_FONT = Font(name=FONT_NAME, size=13, bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTRED_TOP = Alignment(horizontal="center", vertical="top")


#: points of a header row
HEADER_POINTS = 16.0
#: points of one line of 11-point text, and the most a row may be (Excel's limit)
LINE_POINTS, MAX_ROW_POINTS = 15.0, 409.0
#: characters of ordinary text one unit of column width holds (a unit is the width of "0", most
#: letters are narrower: about 1.28 measured in LibreOffice) and the characters word wrapping
#: leaves empty at a line's end; a little low, so a row is rarely too short
CHARS_PER_WIDTH, WRAP_LOSS = 1.2, 5


def line_capacity(width: float) -> int:
    """Characters of wrapped text one line of a column ``width`` wide holds."""
    return max(1, int(width * CHARS_PER_WIDTH) - WRAP_LOSS)


def lines_needed(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` wide (every line break starts one)."""
    per_line = line_capacity(width)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def wrapped_lines(texts: pd.Series, width: float) -> np.ndarray:
    """:func:`lines_needed` of every text of a column at once (missing text: one line)."""
    strings = texts.astype(object).where(texts.notna(), "").astype(str)
    per_line = line_capacity(width)
    # each line break adds a line; a line's length is approximated by the whole text's
    lines = np.ceil(strings.str.len().to_numpy(dtype=float) / per_line) + strings.str.count("\n").to_numpy()
    return np.maximum(lines, 1).astype(int)


def row_height(lines: int | np.ndarray) -> np.ndarray | float:
    """Points for a row of ``lines`` lines of text (at most Excel's limit)."""
    return np.minimum(MAX_ROW_POINTS, LINE_POINTS * np.maximum(lines, 1) + 1)


def set_row_heights(ws: WriteOnlyWorksheet, rows: Sequence[Sequence[Any]], widths: Sequence[float], first_row: int = 2) -> None:
    """Heights of rows of wrapped text (write-only sheets need them before the rows); one-line rows keep the default."""
    for number, values in enumerate(rows, start=first_row):
        lines = max((lines_needed(v, w) for v, w in zip(values, widths, strict=False) if isinstance(v, str) and v),
                    default=1)
        if lines > 1:
            ws.row_dimensions[number].height = float(row_height(lines))


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


def aligned_style_ids(ws: WriteOnlyWorksheet, alignment: Alignment, number_format: str | None = None) -> tuple[int, int]:
    """Register cell formats with ``alignment`` (and ``number_format``), plain and with the quote prefix;
    their style ids."""
    plain = WriteOnlyCell(ws, value="")
    quoted = WriteOnlyCell(ws, value="")
    quoted.quotePrefix = True
    for c in (plain, quoted):
        c.alignment = alignment
        if number_format:
            c.number_format = number_format
    return plain.style_id, quoted.style_id


def header(ws: WriteOnlyWorksheet, names: Sequence[Any]) -> list[Any]:
    """A bold, shaded header row, for row 1: its height is set (unless already), because LibreOffice
    adds an empty page after a long sheet whose repeated header row has no height of its own."""
    if ws.row_dimensions[1].height is None:
        ws.row_dimensions[1].height = HEADER_POINTS
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
