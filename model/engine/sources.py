"""Unnamed sources: "government sources confirmed …", "a German government source said …", "FSB sources have
ascribed …", "a source within the Interior Ministry said …", "sources close to the party".

An unnamed source holds nothing (the annotation guidelines skip them, as they skip media that only report): the
body or country that qualifies the source names where the source sits, not who speaks; and when such a source is
the subject of the sentence's act, neither the names before the act nor the article's home country hold it.  A
source a sayer cites ("The Kremlin, citing intelligence sources, said …", "according to sources, police …") leaves
the sayer and the subject as they are.

Researchers and scientists reporting their findings are the same (experts speak for themselves): when they are the
subject of the act ("In findings published on Monday, researchers from X University in the U.S. reported …"), the
names placing them and the home country hold nothing; what they report keeps its actors.
"""

from __future__ import annotations

import re
from typing import Final

from model.engine.lexicon import category
from model.engine.spans import Sentence, cue_hits

_QUOTE_MARKS: Final = "“”\""
#: researchers reporting ("researchers", "a team of scientists", "an international team of researchers")
_RESEARCHERS: Final = re.compile(r"\b(?:[Rr]esearchers|[Ss]cientists)\b")
#: the word, singular or plural (not "resources", "outsourced")
_SOURCE: Final = re.compile(r"\b[Ss]ources?\b")
#: lower-case words between the name that qualifies the source and the word ("German government source")
_QUALIFIES: Final = re.compile(r"(?:['’]s)?(?:\s+[a-z-]+){0,2}\s+")
#: what places the source in the body named after it ("sources within the Democratic Party")
_PLACED: Final = re.compile(r"\s+(?:within|in|inside|from|at|close\s+to|familiar\s+with)\s+(?:the\s+)?", re.IGNORECASE)
#: a source cited by a sayer or a frame, not the subject ("citing sources", "according to sources", "non-government
#: sources", "other sources")
_CITED: Final = re.compile(r"(?:\b(?:citing|cited|according\s+to|quoting|quoted|by|of|on|to|with|other)\b|non-)"
                           r"(?:\s+[\w-]+){0,3}\s*$", re.IGNORECASE)


def unnamed_source(sent: Sentence, at: int) -> tuple[set[int], bool]:
    """The starts of the names that qualify an unnamed source, and whether such a source is the subject of the act
    at ``at`` (the sentence's first cue, or its end)."""
    text, s, e = sent.text, sent.start, sent.end
    fold = sent.fold
    if sent.speaker_country:
        return set(), False  # (a speech's "sources" are of energy or funding, and the speaker says it all)
    research = researchers(sent, at)
    if research is not None:
        return research
    if fold and fold.find("source", s, e) < 0:
        return set(), False  # (most sentences: one plain search)
    out: set[int] = set()
    subject = False
    for src in _SOURCE.finditer(text, s, e):
        a, b = src.start(), src.end()
        if _CITED.search(text, max(s, a - 40), a):
            continue  # (the sayer's source: "citing sources within the Department of Defense")
        named = False
        first = a  # where the words naming the source begin
        chain = -1  # the end of a name placing the source: a name right after it goes on ("United States
        # Department of Defense")
        for m in sent.mentions:
            if (m.end <= a and _QUALIFIES.fullmatch(text, m.end, a)) or (
                    m.start >= b and _PLACED.fullmatch(text, b, m.start)) or (chain >= 0 and m.start == chain + 1):
                out.add(m.start)
                named = True
                first = min(first, m.start)
                chain = m.end if m.start >= b else -1
        if a < at and (named or _bare_subject(text, s, a)) and _opens(text, s, first):
            subject = True
    return out, subject


def researchers(sent: Sentence, at: int) -> tuple[set[int], bool] | None:
    """Researchers or scientists open the sentence (after an introductory phrase at most) as the subject of the act
    at ``at``: no name before it holds (None: they do not). When the act is what they report and a country is named
    between their saying and it ("Researchers said Russian hackers attacked …"), only the names before their saying
    are out, and the others keep their places."""
    text, s, fold = sent.text, sent.start, sent.fold
    if fold and fold.find("researchers", s, at) < 0 and fold.find("scientists", s, at) < 0:
        return None
    m = _RESEARCHERS.search(text, s, at)
    if m is None:
        return None
    comma = text.rfind(",", s, m.start())
    lead = text[comma + 1 if comma >= 0 else s:m.start()]
    if len(lead.split()) > 4 or any(ch in text[s:m.start()] for ch in _QUOTE_MARKS):
        return None
    says = next((c.start for c in cue_hits(sent) if m.end() <= c.start < at and category(c) == "SAY"), at)
    if any(says <= n.start < at and n.is_country for n in sent.mentions):
        return {n.start for n in sent.mentions if n.start < says}, False
    return set(), True


def _opens(text: str, s: int, first: int) -> bool:
    """The source opens the sentence, after an introductory phrase at most ("Rather, government sources confirmed
    …", "On Monday, a source within the ministry said …"), and is not the sayer of a report it ends ("… , Thai
    military sources said today": the report's subject keeps its act)."""
    lead = text[s:first]
    return len(lead.split()) <= 8 and not any(ch in lead for ch in _QUOTE_MARKS)


def _bare_subject(text: str, s: int, a: int) -> bool:
    """The source word heads the words that open the sentence or follow its introductory phrase ("Rather,
    government sources …", "A source told …", "Two sources said …")."""
    lead = text[text.rfind(",", s, a) + 1 if text.rfind(",", s, a) >= 0 else s:a]
    return len(lead.split()) <= 3 and not any(ch in lead for ch in "“\"")
