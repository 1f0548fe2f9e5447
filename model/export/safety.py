"""Making untrusted text safe for spreadsheets.

Document text comes from the internet.  Before it reaches a cell it is
cleaned here: characters Excel rejects are removed, over-long text is cut
with a visible marker, and text that a spreadsheet would read as a formula
(OWASP ASVS 1.2.10: a leading ``=``, ``+``, ``-``, ``@``, tab, CR or NUL)
is flagged so that writers store it as text — in ``.xlsx`` as a string cell
with Excel's quote prefix, in ``.csv`` behind a leading apostrophe.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

#: characters a cell may hold at most (Excel's limit, in UTF-16 code units)
MAX_CELL_CHARS = 32_767
#: rows a sheet holds at most (Excel's limit, header included)
MAX_SHEET_ROWS = 1_048_576
#: characters a sheet name may hold at most
MAX_SHEET_NAME = 31

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")
TRUNCATION_MARKER = " …[cut: {n} more characters]"

# XML 1.0 forbids these (Excel refuses the file); tab, LF and CR are kept.
ILLEGAL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would evaluate ``text`` typed into a cell."""
    return text.startswith(FORMULA_START)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def truncate(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """``text`` cut to ``limit`` UTF-16 units, ending in a marker saying how much was cut."""
    if len(text) <= limit // 2 or _utf16_len(text) <= limit:
        return text
    keep = limit - len(TRUNCATION_MARKER.format(n=len(text)))
    head = text[:keep]
    while (excess := _utf16_len(head) - keep) > 0:  # characters beyond the BMP count twice
        head = head[: len(head) - excess]
    return head + TRUNCATION_MARKER.format(n=len(text) - len(head))


def clean_text(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """Remove characters Excel rejects and cut text over ``limit`` with a marker."""
    if ILLEGAL_CHARS.search(text):
        text = ILLEGAL_CHARS.sub("", text)
    return truncate(text, limit)


def is_missing(value: Any) -> bool:
    """None, NaN, pandas NA/NaT."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(value != value)  # NaN-like scalars (numpy, pandas NA)
    except (TypeError, ValueError):
        return False


def plain_value(value: Any) -> Any:
    """A Python scalar for a cell: None for missing, numpy scalars unwrapped, text cleaned."""
    if is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return str(value)
    if isinstance(value, bool | int | float):
        return value
    return clean_text(value if isinstance(value, str) else str(value))


def csv_safe(value: Any) -> Any:
    """Value for a CSV cell: text a spreadsheet would evaluate gets a leading apostrophe.

    Nothing else changes: CSV has no length limit and no forbidden characters.
    """
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def safe_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """A valid, unused sheet name: ≤ 31 characters, none of ``[]:*?/\\``, not quoted at the ends."""
    base = _SHEET_BAD.sub("_", name).strip().strip("'") or "Sheet"
    if base.lower() == "history":  # reserved by Excel
        base = "History_"
    base = base[:MAX_SHEET_NAME]
    used = {t.lower() for t in taken}
    candidate, n = base, 1
    while candidate.lower() in used:
        n += 1
        suffix = f" ({n})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    return candidate


def sheet_ref(sheet: str, cell: str) -> str:
    """A reference to ``cell`` on ``sheet`` for internal links: ``'Sheet name'!A2``."""
    return "'" + sheet.replace("'", "''") + "'!" + cell
