"""Quotation marks in running text: where a sentence's quotation opens and closes, and whether one is still
open after it (a quotation that runs over several sentences is spoken by whoever opened it)."""

from __future__ import annotations

from typing import Final

OPEN_QUOTES: Final = "“\""
_QUOTE_MARKS: Final = ('"', "“", "”")


def quote_open_after(text: str, s: int, e: int, was_open: bool) -> bool:
    """Whether a quotation is open at the end of the sentence ``s:e``, given whether it was at its start
    (straight quotes toggle; curly ones open and close)."""
    is_open = was_open
    i = s
    while True:
        j = _next_quote(text, i, e)
        if j < 0:
            return is_open
        ch = text[j]
        is_open = (not is_open) if ch == '"' else ch == "“"
        i = j + 1


def _next_quote(text: str, i: int, e: int) -> int:
    best = -1
    for mark in _QUOTE_MARKS:
        j = text.find(mark, i, e)
        if j >= 0 and (best < 0 or j < best):
            best = j
    return best


def quote_marks(text: str, s: int, e: int) -> tuple[int, int]:
    """Offset of an opening quote at the sentence start, and of the last closing quote (-1 if none)."""
    opens = s if text[s] in OPEN_QUOTES else -1
    closes = max(text.rfind("”", s, e), text.rfind('"', s + 1, e) if opens == -1 or text[s] == '"' else -1)
    return opens, closes


def exclaims(text: str, s: int, e: int) -> bool:
    """The sentence ``s:e`` ends in an exclamation mark (before closing quotes: "We shall prevail!”")."""
    return text[s:e].rstrip(" \n\"”’'").endswith("!")


def paragraph_ends(text: str, e: int) -> bool:
    """A line break follows the sentence ending at ``e`` before anything but white space ("….  \\n\\n"): a
    quotation left open there does not go on into the next paragraph."""
    rest = text[e:e + 12]
    return "\n" in rest[:len(rest) - len(rest.lstrip())]
