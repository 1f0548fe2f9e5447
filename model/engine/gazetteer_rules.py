"""Case and context rules that keep common words and namesakes out of the actor list.

* Case: a name written with capitals only matches capitalised text ("turkey"
  the bird, "china" the porcelain, "us" the pronoun stay out); short names and
  acronyms ("US", "UN", "Xi") must match exactly, or appear in all-caps text
  such as a dateline ("KABUL, Sept 9 (Reuters) -") or a headline.
* ``personal-name`` flag: "Jordan", "Chad", "Israel", "Washington" … are not
  the country when a capitalised given name stands before them ("Michael
  Jordan") or a capitalised surname after them ("Chad Johnson").
* ``us-state`` flag: "Georgia" is the US state when its surroundings speak of
  Atlanta, a governor, "the U.S. state of" … more than of Tbilisi or the
  Caucasus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

#: capitalised words that are not given names when they stand before a name
_NOT_GIVEN: Final = frozenset(
    """The A An In At On For From To And But Or With By Of As Both Neither Either Not Only Neighbouring Neighboring
    Northern Southern Eastern Western Central Ex Pro Anti Visit Visits Visiting Across Against Between Without
    Within Via Unlike Like Including Including Except Beyond Inside Outside Near Toward Towards Under Over After Before
    While When Where Whether If Unless Since Until Than That This These Those Which Who Whom Whose Why How What Said
    Says Told Tells Warned Warns Urged Urges Accused Accuses Slammed Slams Hit Hits Backs Back Sends Send Meets Meet
    Mr Mrs Ms Dr Gen Lt Col Maj Capt Sgt Adm President Premier King Queen Prince Emir Minister Secretary Ambassador
    Envoy Spokesman Spokeswoman Chancellor Governor Senator Leader Meanwhile Also Even Today Yesterday Now Then Later
    Earlier Last Next Already Still Yet However Instead Indeed Thus Hence Therefore Moreover Furthermore Besides
    Recently Currently Previously Eventually Finally Initially Officially Reportedly Apparently Why Is Are Was Were
    Will Would Could Should Can May Might Must Has Have Had Does Do Did Led Help Helps Join Joins Tell Tells Ask Asks
    Sees See Let Lets Make Makes Take Takes Give Gives Neighbour Neighbor Fellow Oil Gas Aid Trade War Peace""".split()
)
_MONTHS_DAYS: Final = frozenset(
    """January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul
    Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
_WORD: Final = re.compile(r"[^\W\d_][\w'\u2019.-]*")

_US_STATE_CUES: Final = re.compile(
    r"\bAtlanta\b|\bU\.?S\.? state\b|\bstate of Georgia\b|\bGeorgia state\b|\bGov\.|\b[Gg]overnor\b|\bSavannah\b"
    r"|\bPeach State\b|\bRepublicans?\b|\bDemocrats?\b|\bDemocratic\b|\bcounty\b|\bCounty\b|\bGa\.|\bFulton\b"
    r"|\bAugusta\b|\bMacon\b|\bKemp\b|\bRaffensperger\b|\bWarnock\b|\bOssoff\b|\bprimary\b|\bSenate runoff\b"
    r"|\bFlorida\b|\bAlabama\b|\bTennessee\b|\bCarolina\b|\bTexas\b|\bBulldogs\b"
)
_GEORGIA_CUES: Final = re.compile(
    r"\bTbilisi\b|\bGeorgian\b|\bOssetia\b|\bAbkhazia\b|\bCaucasus\b|\bSaakashvili\b|\bKobakhidze\b|\bGaribashvili\b"
    r"|\bZurabishvili\b|\bKavelashvili\b|\bArmenia\b|\bAzerbaijan\b|\bRussia\b|\bUkraine\b|\bMoscow\b|\bBlack Sea\b"
    r"|\bEU\b|\bEuropean Union\b|\bNATO\b|\bIvanishvili\b|\bBatumi\b"
)


def caps_context(text: str, start: int, end: int, reach: int = 24) -> bool:
    """True when the text around a match is written in capitals (dateline, headline)."""
    around = text[max(0, start - reach): start] + text[end: end + reach]
    letters = [ch for ch in around if ch.isalpha()]
    return len(letters) >= 3 and not any(ch.islower() for ch in letters)


def case_ok(surface: str, name: str, text: str, start: int, end: int) -> bool:
    """Does the surface's capitalisation fit the dictionary name?"""
    if surface == name or not any(ch.isupper() for ch in name):
        return True
    if surface.isupper():
        return name.isupper() or len(name) > 4 or caps_context(text, start, end)
    if name.isupper() and len(name) >= 4 and surface == name.capitalize():
        return True  # "Nasa", "Opec", "Nato": the British style of an acronym
    if len(name) <= 4 or (name.isupper() and len(name) <= 6):
        return False  # "us", "Us", "un", "Xi" in lower case: only the exact form counts
    name_words, surf_words = name.split(), surface.split()
    if len(name_words) != len(surf_words):
        return surface[:1].isupper() or surface[:1].isdigit()
    return all(not nw[:1].isupper() or sw[:1].isupper() or sw[:1].isdigit() for nw, sw in zip(name_words, surf_words, strict=True))


def _next_word(text: str, end: int) -> tuple[str, int]:
    i = end
    while i < len(text) and text[i] == " ":
        i += 1
    if i == end:
        return "", i
    m = _WORD.match(text, i)
    return (m.group(0).rstrip(".'\u2019"), m.end()) if m else ("", i)


def next_lower_word(text: str, end: int) -> str:
    """The word after ``end`` (one space) when it is written in lower case, else ""."""
    word, _ = _next_word(text, end)
    return word if word[:1].islower() else ""


def _prev_word(text: str, start: int) -> tuple[str, int]:
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    if i == start:
        return "", start
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-'\u2019"):
        j -= 1
    return text[j:i], j


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and not word.isupper() and word.replace("-", "").replace("'", "").isalpha()


def is_personal_name(text: str, start: int, end: int, known_word: Callable[[str], bool]) -> bool:
    """"Michael Jordan", "Chad Johnson": a namesake, not the country.

    ``known_word(word)`` says whether a word starts another dictionary name or
    a role word ("Jordan King Abdullah", "Sudan Chad border").
    """
    if caps_context(text, start, end):
        return False
    nxt, nxt_end = _next_word(text, end)
    after_next, _ = _next_word(text, nxt_end) if nxt else ("", 0)
    title_case = _capitalised(after_next)
    if _capitalised(nxt) and nxt not in _MONTHS_DAYS and nxt not in _NOT_GIVEN and not known_word(nxt) and not title_case:
        return True
    prev, _ = _prev_word(text, start)
    if prev.endswith(("'s", "\u2019s")):
        return False  # "Netanyahu's Israel"
    if not _capitalised(prev) or prev in _NOT_GIVEN or prev in _MONTHS_DAYS or known_word(prev):
        return False
    return not _capitalised(nxt)


def is_us_state(text: str, start: int, end: int, reach: int = 200) -> bool:
    """"Georgia" near Atlanta, a governor or "the U.S. state of" is the US state."""
    window = text[max(0, start - reach): end + reach]
    us = len(_US_STATE_CUES.findall(window))
    return us > 0 and us > len(_GEORGIA_CUES.findall(window))


def name_goes_on(text: str, end: int) -> bool:
    """A capitalised word follows ``end`` after one space: the name at ``end`` continues."""
    return end + 1 < len(text) and text[end] == " " and text[end + 1].isupper()
