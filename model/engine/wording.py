"""Quick tests on the words around a name or a sayer, each standing in for a regex it runs only when needed.

"anti-Russia" and "Russian-backed" name a country that holds nothing; "However, the Kremlin" is the
Kremlin; "the state news agency" is a reporter.  Each test first looks for what its regex cannot
match without (a hyphen, a comma, one of the media words), which rules out nearly every case.
"""

from __future__ import annotations

import re
from typing import Final

_AFFIXED: Final = re.compile(r"(?:anti|pro|non|ex)-$", re.IGNORECASE)
_LEAD_ADVERB: Final = re.compile(r"^(?:[A-Z][a-z]+ly|However|Meanwhile|Separately|Earlier|Later|Also),\s*")
#: (a bulletin, gazette or records report a claim, they hold no stance: "according to Federal Aviation
#: Administration records", "according to Manila Bulletin")
_MEDIA: Final = re.compile(r"\b(news agency|agency|newspaper|daily|radio|television|tv|media|report|bulletin|gazette|"
                           r"records)\b", re.I)
#: every _MEDIA word holds one of these once case-folded (but "İ" and "ı", which its "i" matches, fold otherwise)
_MEDIA_PARTS: Final = ["agency", "newspaper", "daily", "radio", "television", "tv", "media", "report", "bulletin",
                       "gazette", "records"]  # (a list:
# compiled, a Final tuple is rebuilt at each use)


def affixed(text: str, start: int) -> bool:
    """"anti-", "pro-", "non-", "ex-" right before ``start`` (``_AFFIXED``; no hyphen, no regex)."""
    lo = start - 5 if start > 5 else 0
    return text.find("-", start - 2 if start > 2 else 0, start) != -1 and _AFFIXED.search(text, lo, start) is not None


def sponsored(text: str, end: int) -> bool:
    """"Russian-backed", "Iran-funded", "a Beijing-based analyst", "a Paris-bound flight" …: the name qualifies
    someone or something else (tested on the hyphen first)."""
    return (end < len(text) and text[end] == "-"
            and text.startswith(("-backed", "-funded", "-sponsored", "-allied", "-based", "-bound", "-born", "-made",
                                 "-built", "-registered", "-flagged", "-owned", "-listed", "-headquartered"), end))


def without_lead_adverb(s: str) -> str:
    """``_LEAD_ADVERB.sub("", s)``: the pattern is anchored at the start and ends with a comma."""
    if "," not in s:
        return s
    m = _LEAD_ADVERB.match(s)
    return s[m.end():] if m else s


def names_media(s: str) -> bool:
    """``_MEDIA.search(s)``, tried only when one of its words can be there."""
    folded = s.casefold()
    maybe = any(w in folded for w in _MEDIA_PARTS) or "\u0130" in s or "\u0131" in s
    return maybe and _MEDIA.search(s) is not None
