"""The workbook read back with openpyxl and pandas: every sheet, fills, comments, links."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from model.analysis.matrix import net_to_rgb
from model.export import comparison_frame, write_matrix
from model.statements import EXTRA_FIELDS, STATEMENT_FIELDS


@pytest.fixture
def workbook_path(tmp_path, matrix, statements, documents, issues, topics):
    path = tmp_path / "atlas.xlsx"
    notices = write_matrix(
        matrix, statements, path, {"inputs": "seeds/"},
        documents=documents, issues=issues, topics=topics,
        filters={"countries": ["RUS", "PAK"], "date from": "2021-09-01", "unused": None},
        comparison=comparison_frame(matrix, ["RUS", "PAK"]),
    )
    assert notices == []
    return path


def hex_rgb(rgb: tuple[int, int, int]) -> str:
    return "{:02X}{:02X}{:02X}".format(*rgb)


def test_sheets_in_order(workbook_path):
    wb = load_workbook(workbook_path)
    assert wb.sheetnames == ["Matrix", "Net stance", "Counts", "Comparison", "Statements", "Decisions", "Documents",
                             "About"]


def test_matrix_cells_counts_fills_and_marks(workbook_path, matrix):
    ws = load_workbook(workbook_path)["Matrix"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Country", "Name", *matrix.columns] and not any(header[5:])
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:E{len(matrix.actors) + 1}"
    assert ws["C1"].alignment.textRotation == 90  # column names upright: the count columns stay narrow
    rows = {ws.cell(r, 1).value: r for r in range(2, len(matrix.actors) + 2)}
    assert set(rows) == {"CHN", "PAK", "RUS"}
    assert ws.cell(rows["RUS"], 2).value == "Russia"  # the same name as on screen
    for actor, r in rows.items():
        for j, column in enumerate(matrix.columns, start=3):
            c = ws.cell(r, j)
            n = int(matrix.counts.at[actor, column])
            if n == 0:
                assert c.value is None
                continue
            assert c.value == n  # the count, a number
            assert c.fill.fgColor.rgb[-6:] == hex_rgb(net_to_rgb(matrix.net.at[actor, column]))
            assert c.comment.text.startswith(f"Dominant stance: {matrix.labels.at[actor, column]}")
    # RUS pledged to respect the ceasefire and rejected the ceasefire terms: a contradiction, ⚠ before the count
    contradiction = ws.cell(rows["RUS"], 3)
    assert bool(matrix.contradictions.at["RUS", "security"])
    assert contradiction.number_format == '"⚠ "0' and contradiction.font.bold
    # RUS diplomacy holds a cooperative and a conflictual statement on no shared issue: no mark
    mixed = ws.cell(rows["RUS"], 4)
    assert int(matrix.counts.at["RUS", "diplomacy"]) == 2 and not bool(matrix.contradictions.at["RUS", "diplomacy"])
    assert mixed.number_format == "0" and "⚠" not in mixed.comment.text
    assert ws.cell(rows["PAK"], 3).number_format == "0"


def test_matrix_comment_holds_strongest_evidence(workbook_path):
    ws = load_workbook(workbook_path)["Matrix"]
    rus_security = ws["C4"]
    assert ws["A4"].value == "RUS"
    text = rus_security.comment.text
    assert "Russia rejected the ceasefire terms." in text  # confidence 0.95, |polarity| 0.9: the strongest
    assert "2 statement(s)" in text and "1 cooperative" in text and "1 conflictual" in text
    assert "contradiction" in text


def test_matrix_links_open_first_row_of_the_cell(workbook_path, matrix):
    wb = load_workbook(workbook_path)
    ws, st = wb["Matrix"], wb["Statements"]
    header = [c.value for c in st[1]]
    a, t = header.index("actor") + 1, header.index("topic") + 1
    seen = 0
    for r in range(2, len(matrix.actors) + 2):
        actor = ws.cell(r, 1).value
        for j, column in enumerate(matrix.columns, start=3):
            c = ws.cell(r, j)
            if c.value is None:
                assert c.hyperlink is None
                continue
            link = c.hyperlink
            assert link.target is None  # internal, not a file/URL link
            sheet, ref = link.location.split("!")
            assert sheet == "'Statements'" and ref.startswith("A")
            row = int(ref[1:])
            assert (st.cell(row, a).value, st.cell(row, t).value) == (actor, column)
            assert (st.cell(row - 1, a).value, st.cell(row - 1, t).value) != (actor, column)  # the first one
            seen += 1
    assert seen == int((matrix.counts > 0).to_numpy().sum())


def test_number_grids(workbook_path, matrix):
    net = pd.read_excel(workbook_path, sheet_name="Net stance", index_col=0)
    counts = pd.read_excel(workbook_path, sheet_name="Counts", index_col=0)
    assert list(net.columns) == ["Name", *matrix.columns]
    for actor in matrix.actors:
        for column in matrix.columns:
            assert counts.at[actor, column] == matrix.counts.at[actor, column]
            expected = matrix.net.at[actor, column]
            if pd.isna(expected):
                assert pd.isna(net.at[actor, column])
            else:
                assert net.at[actor, column] == pytest.approx(expected, abs=1e-4)
    ws = load_workbook(workbook_path)["Net stance"]
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref


def test_statements_sheet_has_every_field(workbook_path, statements):
    df = pd.read_excel(workbook_path, sheet_name="Statements")
    assert len(df) == len(statements)
    assert set(STATEMENT_FIELDS) | set(EXTRA_FIELDS) | {"title", "date", "source", "url", "edited"} <= set(df.columns)
    assert list(df.columns[:2]) == ["actor", "topic"]
    keys = list(zip(df["actor"], df["topic"], strict=True))
    assert keys == sorted(keys)  # each matrix cell's rows are contiguous
    row = df[df["sentence"] == "Pakistan hosted the intelligence chiefs."].iloc[0]
    assert (row["title"], row["source"], row["url"], row["speaker"]) == (
        "Chiefs meet in Islamabad", "Dawn", "https://example.org/d1", "ISI")
    assert row["polarity"] == pytest.approx(0.7) and not row["edited"] and not row["hedged"]
    ws = load_workbook(workbook_path)["Statements"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{len(statements) + 1}"
    assert ws.cell(2, df.columns.get_loc("hedged") + 1).data_type == "b"
    assert ws.cell(2, df.columns.get_loc("start") + 1).data_type == "n"


def test_edited_and_provenance_written_when_present(tmp_path, matrix, statements):
    statements = statements.assign(edited=[False, True, False, False, False, False],
                                   provenance=["auto", "analyst", "auto", "auto", "auto", "auto"])
    path = tmp_path / "e.xlsx"
    write_matrix(matrix, statements, path)
    df = pd.read_excel(path, sheet_name="Statements")
    row = df[df["sentence"] == "Pakistan hosted the intelligence chiefs."].iloc[0]
    assert bool(row["edited"]) and row["provenance"] == "analyst"
    assert df["edited"].sum() == 1


def test_documents_sheet_status_and_reason(workbook_path):
    df = pd.read_excel(workbook_path, sheet_name="Documents")
    assert list(df["status"]) == ["loaded", "loaded", "failed", "skipped"]
    assert list(df["statements"]) == [3, 3, 0, 0]
    assert df.iloc[2]["reason"] == "not a text file" and df.iloc[2]["document"] == "inputs/broken.pdf"
    assert df.iloc[0]["title"] == "Chiefs meet in Islamabad"


def test_about_names_version_inputs_filters_topics(workbook_path):
    about = load_workbook(workbook_path)["About"]
    pairs = {r[0]: r[1] for r in about.iter_rows(values_only=True) if r and r[0]}
    assert pairs["Version"].startswith("Stance Atlas ")
    assert pairs["inputs"] == "seeds/"
    assert pairs["Filter: countries"] == "RUS, PAK"
    assert pairs["Filter: date from"] == "2021-09-01"
    assert "Filter: unused" not in pairs
    assert "Written" in pairs and pairs["Matrix columns"] == "topic"
    rows = list(about.iter_rows(values_only=True))
    assert ("economy", "Economy — All about economy.") in rows
    cues = rows.index(("Topic cue words", None))
    assert ("economy", "economy") in rows[cues:]
    assert about.print_area == f"'About'!$A$1:$B${cues - 1}"  # the cue words and field meanings do not print
    assert about["B2"].alignment.wrap_text


def test_about_says_when_no_filter(tmp_path, matrix, statements):
    path = tmp_path / "n.xlsx"
    write_matrix(matrix, statements, path)
    pairs = {r[0]: r[1] for r in load_workbook(path)["About"].iter_rows(values_only=True) if r and r[0]}
    assert pairs["Filters"].startswith("none")
    assert "Comparison" not in load_workbook(path).sheetnames


def test_comparison_sheet(workbook_path, matrix):
    df = pd.read_excel(workbook_path, sheet_name="Comparison")
    assert list(df.columns) == ["topic", "RUS stance", "RUS count", "RUS net", "PAK stance", "PAK count", "PAK net"]
    assert list(df["topic"]) == ["security", "diplomacy"]  # economy: neither country
    assert df.loc[0, "RUS count"] == 2 and df.loc[0, "PAK stance"] == "host"
    ws = load_workbook(workbook_path)["Comparison"]
    assert ws["B2"].fill.fgColor.rgb[-6:] == hex_rgb(net_to_rgb(matrix.net.at["RUS", "security"]))


def test_comparison_frame_rejects_unknown_country(matrix):
    with pytest.raises(KeyError, match="XXX"):
        comparison_frame(matrix, ["RUS", "XXX"])
    full = comparison_frame(matrix, ["CHN"], keep_empty=True)
    assert len(full) == len(matrix.columns)


def test_empty_statements_still_give_a_workbook(tmp_path):
    from model.analysis.matrix import build_matrix
    from model.statements import empty_statements

    path = tmp_path / "empty.xlsx"
    write_matrix(build_matrix(empty_statements(), columns=["security"]), empty_statements(), path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Matrix", "Net stance", "Counts", "Statements", "Decisions", "Documents", "About"]
    assert wb["Statements"].max_row == 1
