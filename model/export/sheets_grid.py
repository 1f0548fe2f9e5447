"""The grid sheets: Matrix (labels, fills, comments, links), Net stance, Counts, Comparison."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.hyperlink import Hyperlink

from model.countries import country_names
from model.export.cells import (
    CELL_WRAP,
    CONTRADICTION_BORDER,
    HEADER_FONT,
    cell,
    fill_for,
    font_for,
    header,
    set_widths,
    table_ref,
)
from model.export.safety import clean_text, sheet_ref
from model.matrix import Matrix, net_to_rgb

CONTRADICTION_MARK = "⚠"
COMMENT_AUTHOR = "Stance Atlas"
#: characters of evidence shown in a cell comment
COMMENT_CHARS = 600
#: width (characters) of a matrix column, and of the text shown in its cells: one line, because
#: LibreOffice draws a linked cell as one unwrapped line (the comment holds the whole label)
CELL_WIDTH = 26
#: height (points) of a matrix row
ROW_HEIGHT = 20
LEGEND = (
    "Each cell: dominant stance label (number of statements). Fill: net stance, "
    "red = conflictual, grey = neutral, blue = cooperative (same scale as the screen).",
    f"{CONTRADICTION_MARK} and a black border: the cell holds both cooperative and conflictual statements.",
    "Hover a cell for its strongest evidence sentence; click it to jump to its rows in Statements.",
)


def country_name(code: str) -> str:
    """English short name of an ISO 3166-1 alpha-3 code, or "" when it is not one."""
    if not (isinstance(code, str) and len(code) == 3):
        return ""
    return country_names().get(code.upper(), "")  # the same names as the screen


def cell_text(label: str, count: int, contradiction: bool) -> str:
    """What a matrix cell shows: ``[⚠ ]label (count)``, the label shortened to fit one line."""
    mark = f"{CONTRADICTION_MARK} " if contradiction else ""
    suffix = f" ({count})"
    room = CELL_WIDTH - 2 - len(mark) - len(suffix)
    if len(label) > room:
        label = label[: room - 1].rstrip() + "…"
    return f"{mark}{label}{suffix}"


def _signed(x: float) -> str:
    return f"{x:+.2f}"


def cell_records(matrix: Matrix) -> dict[tuple[str, str], dict[str, object]]:
    """(actor, column) → the matrix's summary of that cell (count, net, n_coop, …)."""
    return {(str(r["actor"]), str(r[matrix.by])): r for r in matrix.cells.to_dict(orient="records")}


def comment_text(actor: str, column: str, row: Mapping[str, Any], evidence: pd.Series | None) -> str:
    """Counts, net stance and the strongest evidence sentence of one cell (``row`` from :func:`cell_records`)."""
    lines = [
        f"{actor} · {column}: {int(row['count'])} statement(s) — {int(row['n_coop'])} cooperative, "
        f"{int(row['n_neutral'])} neutral, {int(row['n_conf'])} conflictual; net {_signed(float(row['net']))}",
    ]
    lines.append(f"Dominant stance: {row['label']}")
    if bool(row["contradiction"]):
        lines.append(f"{CONTRADICTION_MARK} contradiction: this country takes opposite positions on one issue")
    if evidence is not None:
        sentence = str(evidence["sentence"])
        if len(sentence) > COMMENT_CHARS:
            sentence = sentence[:COMMENT_CHARS] + "…"
        who = ", ".join(str(evidence[k]) for k in ("speaker", "document") if isinstance(evidence.get(k), str) and evidence[k])
        lines.append(f"Strongest evidence ({evidence['stance']}, polarity {_signed(float(evidence['polarity']))}):")
        lines.append(f"“{sentence}”" + (f" — {who}" if who else ""))
    return "\n".join(lines)


def _matrix_cell(
    ws: WriteOnlyWorksheet,
    matrix: Matrix,
    summary: Mapping[str, object],
    actor: str,
    column: str,
    link: tuple[str, int] | None,
    evidence: pd.Series | None,
) -> object:
    n = int(matrix.counts.at[actor, column])
    if n == 0:
        return None
    net = float(matrix.net.at[actor, column])
    contradiction = bool(matrix.contradictions.at[actor, column])
    rgb = net_to_rgb(net)
    text = cell_text(str(matrix.labels.at[actor, column]), n, contradiction)
    style: dict[str, object] = {"fill": fill_for(rgb), "font": font_for(rgb, bold=contradiction), "alignment": CELL_WRAP}
    if contradiction:
        style["border"] = CONTRADICTION_BORDER
    c = cell(ws, text, **style)
    note = Comment(clean_text(comment_text(actor, column, summary, evidence)), COMMENT_AUTHOR)
    note.width, note.height = 360, 180
    c.comment = note
    if link is not None:
        sheet, row = link
        c.hyperlink = Hyperlink(
            ref=c.coordinate, location=sheet_ref(sheet, f"A{row}"), tooltip=f"Open the {n} statement(s) in {sheet}"
        )
    return c


def _print_landscape_fit_width(ws: WriteOnlyWorksheet) -> None:
    """Printed (or saved as PDF): landscape, all columns on one page width, header on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def write_matrix_sheet(
    ws: WriteOnlyWorksheet,
    matrix: Matrix,
    links: Mapping[tuple[str, str], tuple[str, int]],
    evidence: Mapping[tuple[str, str], pd.Series],
) -> None:
    """Countries × columns: label (count), net-stance fill, contradiction mark, comment, link."""
    set_widths(ws, [9, 22] + [CELL_WIDTH] * len(matrix.columns))
    ws.freeze_panes = "C2"
    _print_landscape_fit_width(ws)
    ws.append(header(ws, ["Country", "Name", *matrix.columns]))
    summaries = cell_records(matrix)
    for i in range(len(matrix.actors)):  # write-only sheets need row heights before the rows
        ws.row_dimensions[i + 2].height = ROW_HEIGHT
    for actor in matrix.actors:
        row = [cell(ws, actor, font=HEADER_FONT), cell(ws, country_name(actor))]
        for column in matrix.columns:
            key = (actor, column)
            summary = summaries.get(key, {})
            row.append(_matrix_cell(ws, matrix, summary, actor, column, links.get(key), evidence.get(key)))
        ws.append(row)
    ws.auto_filter.ref = table_ref(2 + len(matrix.columns), len(matrix.actors))
    ws.append([])
    for line in LEGEND:
        ws.append([None, cell(ws, line)])


def write_number_grid(ws: WriteOnlyWorksheet, matrix: Matrix, grid: pd.DataFrame, number_format: str) -> None:
    """Net stance or Counts: the matrix grid as numbers, for pivoting and charts."""
    set_widths(ws, [9, 22] + [max(10, len(str(c)) + 2) for c in matrix.columns])
    ws.freeze_panes = "C2"
    ws.append(header(ws, ["Country", "Name", *matrix.columns]))
    for actor in matrix.actors:
        row: list[object] = [actor, country_name(actor)]
        for column in matrix.columns:
            value = grid.at[actor, column]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                row.append(None)
            else:
                row.append(cell(ws, round(float(value), 4) if number_format != "0" else int(value),
                                number_format=number_format))
        ws.append(row)
    ws.auto_filter.ref = table_ref(2 + len(matrix.columns), len(matrix.actors))


def write_comparison_sheet(ws: WriteOnlyWorksheet, frame: pd.DataFrame) -> None:
    """Any frame, one row per index entry; "<X> stance" cells are filled by their "<X> net" sibling."""
    columns = [str(c) for c in frame.columns]
    set_widths(ws, [max(12, min(40, len(c) + 4)) for c in columns])
    ws.freeze_panes = "B2"
    ws.append(header(ws, columns))
    for values in frame.itertuples(index=False, name=None):
        record = dict(zip(columns, values, strict=True))
        row = []
        for name, value in record.items():
            net = record.get(name[: -len(" stance")] + " net") if name.endswith(" stance") else None
            if isinstance(net, int | float) and not math.isnan(net) and value:
                rgb = net_to_rgb(float(net))
                row.append(cell(ws, value, fill=fill_for(rgb), font=font_for(rgb)))
            else:
                row.append(cell(ws, value))
        ws.append(row)
    ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(columns)))}{len(frame) + 1}"
