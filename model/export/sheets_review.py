"""The Decisions sheet: every review decision and note, oldest first (see :mod:`model.export.review_log`)."""

from __future__ import annotations

import pandas as pd
from openpyxl.styles import PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from model.export.cells import WRAP, cell, header, set_row_heights, set_widths, table_ref
from model.export.review_log import APPLIED, LOG_COLUMNS

DECISIONS_SHEET = "Decisions"
#: column widths (characters), in the order of LOG_COLUMNS
DECISION_WIDTHS = (20, 8, 8, 13, 60, 14, 30, 34, 14)
#: a light fill on the action of decisions that take a statement out, or no longer apply
REJECT_FILL = PatternFill("solid", fgColor="F4CCCC")
STALE_FILL = PatternFill("solid", fgColor="FFF2CC")
EMPTY = "No review decisions or notes: every statement is as the machine extracted it."


def write_decisions_sheet(ws: WriteOnlyWorksheet, log: pd.DataFrame) -> None:
    """One row per decision or note (``log`` from :func:`model.export.review_log.review_log`), text wrapped."""
    set_widths(ws, DECISION_WIDTHS)
    ws.freeze_panes = "A2"
    records = list(log[list(LOG_COLUMNS)].itertuples(index=False, name=None))
    set_row_heights(ws, records, DECISION_WIDTHS)
    ws.append(header(ws, LOG_COLUMNS))
    if not records:
        ws.append([cell(ws, EMPTY)])
        return
    for record in records:
        values = dict(zip(LOG_COLUMNS, record, strict=True))
        row = [cell(ws, v or None, alignment=WRAP) for v in record]
        if values["action"] == "reject":
            row[1] = cell(ws, values["action"], alignment=WRAP, fill=REJECT_FILL)
        if values["status"] != APPLIED:
            row[-1] = cell(ws, values["status"], alignment=WRAP, fill=STALE_FILL)
        ws.append(row)
    ws.auto_filter.ref = table_ref(len(LOG_COLUMNS), len(log))
