"""The Excel workbook (walking-skeleton version: Matrix, Statements, About)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from model import __version__
from model.export.atomic import atomic_write
from model.matrix import Matrix, net_to_rgb
from model.statements import STATEMENT_FIELDS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")


def safe_text(value: Any) -> Any:
    """Document text never becomes a formula; strings are capped to Excel's limit."""
    if not isinstance(value, str):
        return value
    value = "".join(ch for ch in value if ch in "\t\n" or ord(ch) >= 32)
    if value.startswith(_FORMULA_START):
        value = "'" + value
    if len(value) > 32767:
        value = value[:32750] + " …[truncated]"
    return value


def write_workbook(path: Path, matrix: Matrix, statements: pd.DataFrame, context: dict[str, Any]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Matrix")
    bold = Font(bold=True)
    header = [WriteOnlyCell(ws, value="Country")] + [WriteOnlyCell(ws, value=c) for c in matrix.columns]
    for c in header:
        c.font = bold
    ws.append(header)
    for actor in matrix.actors:
        row = [WriteOnlyCell(ws, value=actor)]
        for col in matrix.columns:
            n = int(matrix.counts.at[actor, col])
            cell = WriteOnlyCell(ws, value=f"{safe_text(matrix.labels.at[actor, col])} ({n})" if n else None)
            if n:
                r, g, b = net_to_rgb(matrix.net.at[actor, col])
                cell.fill = PatternFill("solid", fgColor=f"{r:02X}{g:02X}{b:02X}")
            row.append(cell)
        ws.append(row)
    st = wb.create_sheet("Statements")
    st.append(list(STATEMENT_FIELDS))
    for rec in statements[list(STATEMENT_FIELDS)].itertuples(index=False):
        st.append([None if (isinstance(v, float) and v != v) else safe_text(v) for v in rec])
    about = wb.create_sheet("About")
    about.append(["Stance Atlas", __version__])
    about.append(["Written", dt.datetime.now().isoformat(timespec="seconds")])
    for k, v in context.items():
        about.append([safe_text(str(k)), safe_text(str(v))])
    with atomic_write(path) as tmp:
        wb.save(tmp)
