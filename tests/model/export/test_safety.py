"""Cleaning, truncation, formula detection and sheet names."""

from __future__ import annotations

import pytest

from model.export.safety import (
    MAX_CELL_CHARS,
    clean_text,
    csv_safe,
    is_formula_like,
    plain_value,
    safe_sheet_name,
    sheet_ref,
    truncate,
)


@pytest.mark.parametrize("text", ["=1+1", "+33 1", "-2", "@SUM(A1)", "\tx", "\rx", "\x00x"])
def test_formula_starts_are_flagged(text):
    assert is_formula_like(text)
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize("text", ["Russia said", " =1", "", "’=x", "1-2"])
def test_ordinary_text_is_not_flagged(text):
    assert not is_formula_like(text)
    assert csv_safe(text) == text


def test_csv_safe_leaves_numbers_alone():
    assert csv_safe(-0.5) == -0.5 and csv_safe(None) is None


def test_illegal_control_characters_removed_tab_newline_kept():
    assert clean_text("a\x00b\x07c\x1fd\ufffee\tf\ng\rh") == "abcde\tf\ng\rh"


def test_short_text_is_not_cut():
    text = "x" * MAX_CELL_CHARS
    assert truncate(text) is text


def test_long_text_cut_with_visible_marker():
    text = "y" * 40_000
    out = truncate(text)
    assert MAX_CELL_CHARS - 5 <= len(out) <= MAX_CELL_CHARS
    assert out.endswith(f"…[cut: {40_000 - out.index(' …')} more characters]")
    assert out.startswith("y" * 30_000)


def test_cut_counts_astral_characters_as_two_units():
    text = "😀" * 20_000  # 40,000 UTF-16 units
    out = truncate(text)
    assert len(out.encode("utf-16-le")) // 2 <= MAX_CELL_CHARS
    assert "more characters]" in out


def test_plain_value_unwraps_and_blanks_missing():
    import numpy as np

    assert plain_value(np.int64(3)) == 3 and type(plain_value(np.int64(3))) is int
    assert plain_value(float("nan")) is None
    assert plain_value(None) is None
    assert plain_value(float("inf")) == "inf"
    assert plain_value(True) is True


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Statements", "Statements"),
        ("a/b\\c[d]e:f*g?h", "a_b_c_d_e_f_g_h"),
        ("x" * 40, "x" * 31),
        ("'quoted'", "quoted"),
        ("", "Sheet"),
        ("History", "History_"),
    ],
)
def test_sheet_names_sanitised(name, expected):
    out = safe_sheet_name(name)
    assert out == expected and len(out) <= 31


def test_sheet_names_made_unique_within_31_characters():
    taken = ["Statements", "y" * 31]
    assert safe_sheet_name("statements", taken) == "statements (2)"
    out = safe_sheet_name("y" * 40, taken)
    assert out == "y" * 27 + " (2)" and len(out) == 31


def test_sheet_ref_quotes_names():
    assert sheet_ref("Statements (2)", "A5") == "'Statements (2)'!A5"
    assert sheet_ref("O'Neil", "B1") == "'O''Neil'!B1"
