"""What a matrix cell shows, and country names."""

from __future__ import annotations

from model.export.sheets_grid import CELL_WIDTH, CONTRADICTION_MARK, cell_text, country_name


def test_short_label_shown_whole():
    assert cell_text("condemn", 3, False) == "condemn (3)"
    assert cell_text("condemn", 3, True) == f"{CONTRADICTION_MARK} condemn (3)"


def test_long_label_shortened_to_one_line_with_count_kept():
    text = cell_text("held an important meeting in Islamabad and deliberated", 12, True)
    assert text.startswith(f"{CONTRADICTION_MARK} held an") and text.endswith("… (12)")
    assert len(text) <= CELL_WIDTH - 2


def test_country_names():
    assert country_name("PAK") == "Pakistan"
    assert country_name("XXX") == "" and country_name("EU") == ""
