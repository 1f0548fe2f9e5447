"""The grid sheets: Matrix (counts, fills, comments, links), Net stance, Counts, Comparison."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.hyperlink import Hyperlink

from model.analysis.matrix import Matrix, net_to_rgb
from model.countries import country_names
from model.export.cells import (
    HEADER_FILL,
    HEADER_FONT,
    cell,
    fill_for,
    font_for,
    header,
    set_widths,
    table_ref,
)
from model.export.safety import clean_text, sheet_ref

CONTRADICTION_MARK = "⚠"
COMMENT_AUTHOR = "Stance Atlas"
#: characters of evidence shown in a cell comment
COMMENT_CHARS = 600
#: characters of analyst notes shown in a cell comment
NOTE_CHARS = 1200
#: width (characters) of a grid column: a count or a net stance; the header is turned upright
CELL_WIDTH = 7
#: width of the country name column: "Saint Vincent and the Grenadines" fits
NAME_WIDTH = 32
#: number formats of a matrix cell: the count, and the count marked as a contradiction
COUNT_FORMAT, CONTRADICTION_FORMAT = "0", f'"{CONTRADICTION_MARK} "0'
#: height (points) of a grid row
ROW_HEIGHT = 15
#: net stances shown in the colour scale under the matrix
SCALE = (-1.0, -0.5, 0.0, 0.5, 1.0)
LEGEND = (
    "Each cell: the number of statements. Fill: net stance, red = conflictual, grey = neutral, "
    "blue = cooperative (the scale below; same colours as the screen).",
    f"{CONTRADICTION_MARK} before the number: a contradiction, the country takes a position for an issue and one "
    "against the same issue in two sentences (will attend / will not take part); cooperative and conflictual "
    "statements on different issues are not one.",
    "Each cell's comment: the dominant stance label, the counts, the strongest evidence and the analyst's notes; "
    "click a cell to jump to its rows in Statements.",
)
UPRIGHT = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
CENTER = Alignment(horizontal="center", vertical="center")


def country_name(code: str) -> str:
    """English short name of an ISO 3166-1 alpha-3 code, or "" when it is not one."""
    if not (isinstance(code, str) and len(code) == 3):
        return ""
    return country_names().get(code.upper(), "")  # the same names as the screen


def count_format(contradiction: bool) -> str:
    """The number format of a matrix cell: the count, with ⚠ before it for a contradiction."""
    return CONTRADICTION_FORMAT if contradiction else COUNT_FORMAT


def _signed(x: float) -> str:
    return f"{x:+.2f}"


def cell_records(matrix: Matrix) -> dict[tuple[str, str], dict[str, object]]:
    """(actor, column) → the matrix's summary of that cell (count, net, n_coop, …)."""
    return {(str(r["actor"]), str(r[matrix.by])): r for r in matrix.cells.to_dict(orient="records")}


def comment_text(actor: str, column: str, row: Mapping[str, Any], evidence: pd.Series | None,
                 notes: str = "") -> str:
    """Dominant label, counts, net stance, strongest evidence and notes of one cell (``row`` from
    :func:`cell_records`, ``notes`` the analyst's notes as text)."""
    lines = [
        f"Dominant stance: {row['label']}",
        f"{actor} · {column}: {int(row['count'])} statement(s) — {int(row['n_coop'])} cooperative, "
        f"{int(row['n_neutral'])} neutral, {int(row['n_conf'])} conflictual; net {_signed(float(row['net']))}",
    ]
    if bool(row["contradiction"]):
        lines.append(f"{CONTRADICTION_MARK} contradiction: this country takes a position for and one against one issue")
    if evidence is not None:
        sentence = str(evidence["sentence"])
        if len(sentence) > COMMENT_CHARS:
            sentence = sentence[:COMMENT_CHARS] + "…"
        who = ", ".join(str(evidence[k]) for k in ("speaker", "document") if isinstance(evidence.get(k), str) and evidence[k])
        lines.append(f"Strongest evidence ({evidence['stance']}, polarity {_signed(float(evidence['polarity']))}):")
        lines.append(f"“{sentence}”" + (f" — {who}" if who else ""))
    if notes:
        lines.append("Analyst notes:")
        lines.append(notes if len(notes) <= NOTE_CHARS else notes[:NOTE_CHARS] + "…")
    return "\n".join(lines)


def _matrix_cell(
    ws: WriteOnlyWorksheet,
    matrix: Matrix,
    summary: Mapping[str, object],
    key: tuple[str, str],
    link: tuple[str, int] | None,
    evidence: pd.Series | None,
    notes: str,
) -> object:
    actor, column = key
    n = int(matrix.counts.at[actor, column])
    if n == 0:
        if not notes:
            return None
        c = WriteOnlyCell(ws, value=None)  # a note on an empty cell still shows
        c.comment = _comment(f"{actor} · {column}: no statements\nAnalyst notes:\n{notes}")
        return c
    contradiction = bool(matrix.contradictions.at[actor, column])
    rgb = net_to_rgb(float(matrix.net.at[actor, column]))
    c = cell(ws, n, fill=fill_for(rgb), font=font_for(rgb, bold=contradiction), alignment=CENTER,
             number_format=count_format(contradiction))
    c.comment = _comment(comment_text(actor, column, summary, evidence, notes))
    if link is not None:
        sheet, row = link
        c.hyperlink = Hyperlink(
            ref=c.coordinate, location=sheet_ref(sheet, f"A{row}"), tooltip=f"Open the {n} statement(s) in {sheet}"
        )
    return c


def _comment(text: str) -> Comment:
    note = Comment(clean_text(text), COMMENT_AUTHOR)
    note.width, note.height = 380, 200
    return note


def grid_widths(matrix: Matrix) -> list[float]:
    """Country code, name, then one narrow column per matrix column."""
    return [8.0, float(NAME_WIDTH)] + [float(CELL_WIDTH)] * len(matrix.columns)


def _grid_header(ws: WriteOnlyWorksheet, matrix: Matrix) -> list[object]:
    """The header row: "Country", "Name", then the column names turned upright (row 1 made tall enough)."""
    longest = max((len(str(c)) for c in matrix.columns), default=8)
    ws.row_dimensions[1].height = min(200, max(40, 6.5 * longest + 8))
    names = header(ws, ["Country", "Name"])
    for c in names:
        c.alignment = Alignment(vertical="bottom")
    return names + [cell(ws, c, font=HEADER_FONT, fill=HEADER_FILL, alignment=UPRIGHT) for c in matrix.columns]


def _prepare_grid(ws: WriteOnlyWorksheet, matrix: Matrix) -> None:
    """Widths, frozen pane and row heights: write-only sheets need them before the rows."""
    set_widths(ws, grid_widths(matrix))
    ws.freeze_panes = "C2"
    for i in range(len(matrix.actors)):
        ws.row_dimensions[i + 2].height = ROW_HEIGHT


def write_matrix_sheet(
    ws: WriteOnlyWorksheet,
    matrix: Matrix,
    links: Mapping[tuple[str, str], tuple[str, int]],
    evidence: Mapping[tuple[str, str], pd.Series],
    notes: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """Countries × columns: the count, net-stance fill, contradiction mark, comment (label, evidence,
    ``notes`` by (actor, column)), link to the statements."""
    notes = notes or {}
    _prepare_grid(ws, matrix)
    ws.append(_grid_header(ws, matrix))
    summaries = cell_records(matrix)
    for actor in matrix.actors:
        row = [cell(ws, actor, font=HEADER_FONT), cell(ws, country_name(actor))]
        for column in matrix.columns:
            key = (actor, column)
            row.append(_matrix_cell(ws, matrix, summaries.get(key, {}), key, links.get(key), evidence.get(key),
                                    notes.get(key, "")))
        ws.append(row)
    ws.auto_filter.ref = table_ref(2 + len(matrix.columns), len(matrix.actors))
    ws.append([])
    ws.append([None, cell(ws, "Net stance scale", font=HEADER_FONT)]
              + [cell(ws, x, number_format="+0.0;-0.0;0", fill=fill_for(net_to_rgb(x)),
                      font=font_for(net_to_rgb(x)), alignment=CENTER) for x in SCALE])
    for line in LEGEND:
        ws.append([None, cell(ws, line)])


def write_number_grid(ws: WriteOnlyWorksheet, matrix: Matrix, grid: pd.DataFrame, number_format: str) -> None:
    """Net stance or Counts: the matrix grid as numbers, for pivoting and charts."""
    _prepare_grid(ws, matrix)
    ws.append(_grid_header(ws, matrix))
    for actor in matrix.actors:
        row: list[object] = [cell(ws, actor, font=HEADER_FONT), country_name(actor)]
        for column in matrix.columns:
            value = grid.at[actor, column]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                row.append(None)
            else:
                row.append(cell(ws, round(float(value), 4) if number_format != "0" else int(value),
                                number_format=number_format))
        ws.append(row)
    ws.auto_filter.ref = table_ref(2 + len(matrix.columns), len(matrix.actors))


def comparison_widths(frame: pd.DataFrame) -> list[float]:
    """Column widths of the Comparison sheet."""
    return [max(12, min(40, len(str(c)) + 4)) for c in frame.columns]


def write_comparison_sheet(ws: WriteOnlyWorksheet, frame: pd.DataFrame, widths: list[float] | None = None) -> None:
    """Any frame, one row per index entry; "<X> stance" cells are filled by their "<X> net" sibling."""
    columns = [str(c) for c in frame.columns]
    set_widths(ws, widths or comparison_widths(frame))
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
