"""Sentences that explain how something works rather than report an act: two signals for the holder scorer.

A news article stops to tell its reader how an institution or a procedure works ("Senators serve six-year terms",
"a simple majority of the House is needed to impeach an official", "it has been customary for candidates to
release their tax returns", "the Prime Minister is elected indirectly, as the people vote for their members of
Parliament") or what would happen under a supposition ("If the president were removed, the Senate could …", "the
would-be successor should the nominee remain unconfirmed").  The rules read such a sentence's subject as an actor;
nobody acts there.  These are *features*, not rules: the same words also tell real decisions ("the court said
citizenship can only be resolved by Congress"), so the scorer weighs them, and only where nobody is reported saying
the sentence (a saying verb, a quotation or "according to" makes the sayer's act the sentence's) and never in a
speech (the speaker says every sentence).

- :func:`explains`: a generic or hypothetical construction — an adverb of custom ("customarily", "usually",
  "normally"), a modal passive of possibility ("can be removed", "could then be appointed"), a requirement
  ("is needed", "are required"), an office filled in the present ("is elected", "are appointed"), terms of office
  ("serve six-year terms", "limited to two terms"), "the process by which", "under this proposal", a supposition
  ("if … were", "would-be", "should X remain"; not "were to", mostly a plan: "talks were to resume on Monday").
- :func:`unanchored`: no time the act would be done at — no weekday, "yesterday", "today", "last week", month or
  year.  Reported acts are dated; explanations are not.  (A year long before the article is *not* a sign of
  background: the annotators count historical acts of states, "The British relinquished control of Hong Kong
  in 1997".)
"""

from __future__ import annotations

import re
from typing import Final

from model.engine.textfold import holds_any

#: generic and hypothetical constructions, read in the lower-case word fold (punctuation is a space there)
_GENERIC: Final = re.compile(
    r"\b(?:customar(?:y|ily)|commonplace|traditionally|usually|typically|normally|ordinarily|by convention|"
    r"longstanding tradition|it is (?:common|usual|rare)|"
    r"(?:can|could|may)(?: then| only| still| also)? be \w+ed|"
    r"(?:is|are) (?:needed|required|necessary)|"
    r"(?:is|are) (?:elected|appointed|chosen|selected|nominated)|"
    r"serve[sd]? (?:a |an )?[\w-]+-year terms?|for [\w-]+-year terms|limited to \w+ terms|"
    r"is the process|process by which|"
    r"under (?:this|the|such an?) (?:proposal|plan|system|model)|"
    r"the (?:people|voters|citizens|public) (?:vote|elect|choose)|"
    r"if\b[^.;]{0,60}\bwere|would-be)\b")
#: words one of which :data:`_GENERIC` needs (the cheap test first: most sentences have none)
_GENERIC_WORDS: Final = ("custom", "commonplace", "tradition", "usually", "typically", "normally", "ordinarily",
                         "convention", "common", "usual", "rare", " be ", "needed", "required", "necessary",
                         "appointed", "chosen", "selected", "nominated", "terms", "process", "under ", "vote",
                         "elect", "choose", "were", "would-be")
#: "should" before a capitalised name and a verb of remaining or failing: a supposition ("should Doe remain
#: unconfirmed"), not an appeal ("should be", "should not" after a subject)
_SHOULD: Final = re.compile(r"\bshould [A-Z][\w-]+ (?:remain|be|fail|not|lose|win)\b")
#: a time the act is done at (with spaces around short words: "ago" is not "Chicago", "march" not "marched")
_ANCHORS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                   "today", "tonight", "tomorrow", "last week", "last month", "last year", "last night",
                   "this week", "this month", "this morning", "this afternoon", "this evening", "this year",
                   "earlier", "recently", " ago ", "january", "february", " march ", "april", "june ", "july",
                   "august", "september", "october", "november", "december")
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")


def explains(text: str, fold: str, s: int, e: int) -> bool:
    """The sentence ``text[s:e]`` (``fold`` its lower-case word fold) has a generic or hypothetical construction."""
    if holds_any(fold, _GENERIC_WORDS, s, e) and _GENERIC.search(fold or text.lower(), s, e) is not None:
        return True
    return (not fold or fold.find("should", s, e) >= 0) and _SHOULD.search(text, s, e) is not None


def unanchored(fold: str, s: int, e: int) -> bool:
    """The sentence names no day, month, year or recent time."""
    if not fold:
        return False  # (nothing to read cheaply: the feature stays off)
    if holds_any(fold, _ANCHORS, s, e):
        return False
    return not ((fold.find("19", s, e) >= 0 or fold.find("20", s, e) >= 0) and _YEAR.search(fold, s, e))
