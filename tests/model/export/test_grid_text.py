"""What a matrix cell shows (a count; ⚠ for a contradiction), its comment, row heights, and country names."""

from __future__ import annotations

from model.export.cells import line_capacity, lines_needed, row_height
from model.export.sheets_grid import CONTRADICTION_MARK, comment_text, count_format, country_name


def test_count_format_marks_only_contradictions():
    assert count_format(False) == "0"
    assert count_format(True) == f'"{CONTRADICTION_MARK} "0'


def test_comment_leads_with_the_dominant_label_and_ends_with_notes():
    row = {"label": "fight for their rights", "count": 9, "n_coop": 5, "n_neutral": 1, "n_conf": 3, "net": 0.2,
           "contradiction": False}
    text = comment_text("UKR", "rights", row, None, notes="[2024-05-01 10:00:00] check the translation")
    lines = text.splitlines()
    assert lines[0] == "Dominant stance: fight for their rights"
    assert "9 statement(s)" in lines[1] and CONTRADICTION_MARK not in text
    assert lines[-2:] == ["Analyst notes:", "[2024-05-01 10:00:00] check the translation"]


def test_lines_needed_counts_wrapped_lines_and_breaks():
    per_line = line_capacity(30)
    assert lines_needed("short", 30) == 1
    assert lines_needed("x" * (per_line + 1), 30) == 2
    assert lines_needed("a\nb\nc", 30) == 3
    assert row_height(1) < row_height(3) <= 409


def test_country_names():
    assert country_name("PAK") == "Pakistan"
    assert country_name("XXX") == "" and country_name("EU") == ""
