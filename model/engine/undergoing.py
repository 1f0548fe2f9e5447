"""A subject that undergoes what its sentence tells — faces, suffers, loses — does not act: "we face many
challenges", "Thailand faces challenges from the situation in Myanmar", "Azerbaijan suffered further losses, with
80 servicemen killed" hold no stance of the subject's (issue 15: the speaker's own country as the victim of its
sentence's act was a speech's top card)."""

from __future__ import annotations

import re
from typing import Final

from model.engine.clauses import words_before
from model.engine.gazetteer import Mention
from model.engine.lexicon import Hit, category
from model.engine.spans import Sentence, cue_hits
from model.engine.textfold import holds_any

#: a second act of the same subject after the cue ("was briefed, and flew")
_COORDINATED: Final = re.compile(r"\b(?:and|but)\b")
#: how many words the subject and its verb take at most at the start of a sentence (for a verb of undergoing)
_SUBJECT_WORDS: Final = 8
#: the word before a cue that makes it a second verb of the sentence's subject
_SECOND_VERB: Final = [[w] for w in ("and", "but", "then", "also", "has", "have", "had", "will")]
#: an infinitive right before a name: the name is its object ("to defeat Russia", "to isolate the Sudan")
_INFINITIVE_OBJECT: Final = re.compile(r"\bto\s+[a-z]{3,}\s+(?:the\s+)?$")
_WORD: Final = re.compile(r"[\w’'.-]+")
#: what every form in ``engine_words.json``'s ``undergoing`` begins with (face, suffer, endure, undergo, lost/loses)
_STEMS: Final = ("fac", "suffer", "endur", "underw", "undergo", "lost", "lose")


def second_act(sent: Sentence, cue: Hit) -> bool:
    """A later cue is coordinated with ``cue``: a second act of the same subject ("was briefed, and flew")."""
    text = sent.text
    return any(c.start > cue.end and _COORDINATED.search(text, cue.end, c.start) for c in cue_hits(sent))


def speaker_undergoes(sent: Sentence, cue: Hit, undergo: frozenset[str], undergoing: frozenset[str]) -> bool:
    """In a speech, the subject of ``cue`` undergoes it (its lemma in ``undergo``: "we face …", in whatever clause:
    "the challenges we face") or undergoes what a verb before it names (a form in ``undergoing``: "Azerbaijan
    suffered losses, with 80 servicemen killed") — unless the speaker says it in a frame of its own ("We believe
    that … the challenges we face": the belief is a position)."""
    if cue.value.lemma not in undergo and not holds_any(sent.fold, _STEMS, sent.start, cue.start):
        return False  # (the usual case, decided by a plain search)
    if any(c.start < cue.start and category(c) == "SAY" for c in cue_hits(sent)):
        return False
    return not second_act(sent, cue) if cue.value.lemma in undergo else _undergoes_before(sent, cue, undergoing)


def _undergoes_before(sent: Sentence, cue: Hit, undergoing: frozenset[str]) -> bool:
    """The subject's verb, among the sentence's first words before ``cue``, is one of undergoing, and ``cue`` is no
    second verb of the subject ("Azerbaijan suffered further losses, with 80 servicemen killed"; not "… suffered
    losses and launched a counter-offensive")."""
    text, s = sent.text, sent.start
    if not undergoing or words_before(text, cue.start, 1, s, sent.alpha)[-1:] in _SECOND_VERB:
        return False
    for i, w in enumerate(_WORD.finditer(text, s, cue.start)):
        if i >= _SUBJECT_WORDS:
            break
        if w.group().lower() in undergoing:
            return i > 0 and not any(s <= h.start < w.start() for h in sent.of("opener"))
    return False


def object_of_act(sent: Sentence, m: Mention) -> bool:
    """``m`` follows a cue's verb or an infinitive with nothing or "the" between ("attacked the Philippines", "their
    intention to defeat Russia")."""
    text = sent.text
    for c in cue_hits(sent):
        if c.end <= m.start and m.start - c.end <= 5 and text[c.end:m.start].strip().lower() in ("", "the"):
            return True
    return _INFINITIVE_OBJECT.search(text, max(sent.start, m.start - 30), m.start) is not None
