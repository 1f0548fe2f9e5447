"""The workbook as printed and as an audit: print setup read back, the Decisions sheet, notes in Statements
and in Matrix comments."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from model.analysis.matrix import build_matrix, net_to_rgb
from model.export import write_workbook
from model.export.printing import PAGE_FOOTER, page_title
from model.export.review_log import review_log
from model.review import commands as cmd
from tests.model.review_helpers import DOC_A, DOC_B, clock, row, workspace
from tests.model.review_helpers import reviewed as reviewed_statements


def hex_rgb(rgb: tuple[int, int, int]) -> str:
    return "{:02X}{:02X}{:02X}".format(*rgb)


def later(seconds: int):
    return lambda: f"2026-11-28T12:00:{seconds:02d}"


@pytest.fixture
def reviewed(tmp_path):
    """A workspace with a reject (PAK), an edit (RUS: stance and polarity), notes on a statement
    (CHN), on a cell (RUS × security) and on the edited statement, written to a workbook."""
    ws = workspace()
    cmd.reject_statement(row(ws, "PAK"), now=later(1)).do(ws)
    cmd.edit_statement(row(ws, "RUS"), {"stance": "praised", "polarity": 0.9}, now=later(2)).do(ws)
    cmd.note_statement(row(ws, "CHN"), "Check the translation", now=later(3)).do(ws)
    cmd.note_cell("RUS", "security", "Ask the Moscow desk", now=later(4)).do(ws)
    cmd.note_statement(row(ws, "RUS"), "Stance was misread", now=later(5)).do(ws)
    statements = reviewed_statements(ws)
    matrix = build_matrix(statements, columns=["security", "diplomacy"])
    path = tmp_path / "review.xlsx"
    write_workbook(path, matrix, statements, {"inputs": "/data/sets/speeches"}, documents=ws.documents,
                   decisions=ws.decisions, notes=ws.notes, machine=ws.statements)
    return path, ws, matrix


def test_every_sheet_prints_landscape_fit_to_width_with_titles_and_page_numbers(reviewed):
    path, _, _ = reviewed
    wb = load_workbook(path)
    assert wb.sheetnames == ["Matrix", "Net stance", "Counts", "Statements", "Decisions", "Documents", "About"]
    for ws in wb:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert int(setup.fitToWidth) == 1, ws.title
        assert int(setup.fitToHeight) == (1 if ws.title == "About" else 0), ws.title
        assert ws.oddFooter.center.text == PAGE_FOOTER == "Page &P of &N"
        assert ws.oddHeader.center.text == f"speeches — {ws.title}"
        if ws.title != "About":
            assert ws.print_title_rows == "$1:$1", ws.title
    for name in ("Matrix", "Net stance", "Counts"):
        assert wb[name].print_title_cols == "$A:$B"
    assert wb["Statements"].print_title_cols == "$A:$A"


def test_statements_print_the_reading_columns_wrapped(reviewed):
    path, ws, _ = reviewed
    sheet = load_workbook(path)["Statements"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["actor", "topic", "stance", "polarity", "sentence", "notes", "speaker", "title"]
    assert sheet.print_area == f"'Statements'!$A$1:$H${len(reviewed_statements(ws)) + 1}"
    assert sheet.column_dimensions["E"].width >= 80  # the sentence
    sentence = sheet.cell(2, 5)
    assert sentence.alignment.wrap_text and sentence.alignment.vertical == "top"
    assert sheet.cell(2, 1).alignment.vertical == "top"
    long_row = max(range(2, sheet.max_row + 1), key=lambda r: len(sheet.cell(r, 5).value or ""))
    assert sheet.row_dimensions[long_row].height >= 15


def test_a_page_title_cannot_inject_header_codes():
    assert page_title("R&D set", "Matrix") == "R&&D set — Matrix"
    assert page_title("", "About") == "About"
    assert len(page_title("x" * 500, "Counts")) < 100


def test_decisions_sheet_lists_reject_edit_and_notes(reviewed):
    path, _, _ = reviewed
    df = pd.read_excel(path, sheet_name="Decisions", dtype=str).fillna("")
    assert list(df["action"]) == ["reject", "edit", "note", "note", "note"]
    assert list(df["time (UTC)"]) == [f"2026-11-28 12:00:0{s}" for s in range(1, 6)]
    reject = df.iloc[0]
    assert (reject["country"], reject["topic"], reject["document"]) == ("PAK", "security", "a")
    assert reject["sentence"] == "Pakistan condemned the attack on the border."
    assert reject["status"] == "applied"
    edit = df.iloc[1]
    assert edit["sentence"] == "Russia welcomed the talks in Islamabad."
    assert edit["change"].splitlines() == ["stance: welcomed → praised", "polarity: +0.60 → +0.90"]
    assert edit["note"].endswith("Stance was misread")  # the analyst's note on that statement
    cell_note = df.iloc[3]
    assert (cell_note["country"], cell_note["topic"], cell_note["note"]) == ("RUS", "security", "Ask the Moscow desk")
    ws = load_workbook(path)["Decisions"]
    assert ws.freeze_panes == "A2" and ws["E2"].alignment.wrap_text


def test_rejected_statement_is_recorded_not_exported(reviewed):
    path, _, _ = reviewed
    statements = pd.read_excel(path, sheet_name="Statements", dtype=str)
    assert "Pakistan condemned the attack on the border." not in set(statements["sentence"])
    decisions = pd.read_excel(path, sheet_name="Decisions", dtype=str)
    assert "Pakistan condemned the attack on the border." in set(decisions["sentence"])


def test_notes_column_in_statements(reviewed):
    path, _, _ = reviewed
    df = pd.read_excel(path, sheet_name="Statements", dtype=str).fillna("")
    by_sentence = dict(zip(df["sentence"] + "|" + df["actor"], df["notes"], strict=True))
    assert by_sentence["China welcomed the talks as well.|CHN"] == "[2026-11-28 12:00:03] Check the translation"
    assert by_sentence["Russia welcomed the talks in Islamabad.|RUS"].endswith("Stance was misread")
    assert by_sentence["Pakistan welcomed the new trade talks.|PAK"] == ""


def test_matrix_cell_shows_count_fill_and_comment_with_label_and_notes(reviewed):
    path, _, matrix = reviewed
    ws = load_workbook(path)["Matrix"]
    rows = {ws.cell(r, 1).value: r for r in range(2, len(matrix.actors) + 2)}
    header = [c.value for c in ws[1]]
    rus_diplomacy = ws.cell(rows["RUS"], header.index("diplomacy") + 1)
    assert rus_diplomacy.value == int(matrix.counts.at["RUS", "diplomacy"]) == 1
    assert rus_diplomacy.fill.fgColor.rgb[-6:] == hex_rgb(net_to_rgb(matrix.net.at["RUS", "diplomacy"]))
    assert rus_diplomacy.number_format == "0"
    text = rus_diplomacy.comment.text
    assert text.startswith("Dominant stance: praised")
    assert "Analyst notes:" in text and "Stance was misread" in text
    # a note on a cell without statements still shows, as a comment on the empty cell
    rus_security = ws.cell(rows["RUS"], header.index("security") + 1)
    assert rus_security.value is None and "Ask the Moscow desk" in rus_security.comment.text


def test_old_callers_still_get_a_workbook_with_an_empty_decisions_sheet(tmp_path, matrix, statements):
    path = tmp_path / "plain.xlsx"
    write_workbook(path, matrix, statements)
    df = pd.read_excel(path, sheet_name="Decisions")
    assert len(df) == 1 and df.iloc[0, 0].startswith("No review decisions")
    assert load_workbook(path)["Matrix"].oddHeader.center.text == "plain — Matrix"


def test_review_log_before_values_follow_earlier_edits_and_renames():
    ws = workspace(DOC_A, DOC_B)
    cmd.edit_statement(row(ws, "CHN"), {"stance": "hailed"}, now=later(1)).do(ws)
    cmd.rename_value("topic", "diplomacy", "talks", now=later(2)).do(ws)
    cmd.edit_statement(row(ws, "CHN"), {"stance": "cheered", "topic": "economy"}, now=later(3)).do(ws)
    log = review_log(ws.decisions, ws.notes, ws.documents, ws.statements)
    assert list(log["action"]) == ["edit", "rename", "edit"]
    assert log.iloc[0]["change"] == "stance: welcomed → hailed"
    assert log.iloc[1]["change"] == "topic: diplomacy → talks (every statement)"
    assert log.iloc[2]["change"].splitlines() == ["stance: hailed → cheered", "topic: talks → economy"]
    assert log.iloc[2]["topic"] == "talks"  # the statement as it stood before the decision


def test_review_log_reports_decisions_that_no_longer_apply():
    ws = workspace(DOC_A, DOC_B)
    cmd.reject_statement(row(ws, "PAK", doc="b"), now=clock).do(ws)
    ws.documents = [DOC_A]  # document b left the set
    log = review_log(ws.decisions, ws.notes, ws.documents, ws.statements)
    assert log.iloc[0]["status"].startswith("no longer applies: document 'b'")
    assert log.iloc[0]["sentence"] == "Pakistan welcomed the new trade talks."
