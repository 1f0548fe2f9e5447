"""Where a stance label starts when its cue is a noun after a determiner ("took [a parting] shot",
"assure him of [our full] support"): at the verb whose object the noun heads, so the label says what was done
with it rather than naming a thing ("shot on Twitter", "support")."""

from __future__ import annotations

from typing import Final

from model.engine.label_ends import last_word
from model.engine.label_words import AUX, COORD, PREPOSITIONS, PRONOUNS, STOPS, SUBORDINATORS
from model.engine.textfold import next_run

#: determiners and possessives that open the noun phrase the cue heads
_DETERMINERS: Final = frozenset("a an the this these those our my his her their its your".split())
#: object pronouns between a verb and "of" / "for" ("assure him of", "thank them for")
_OBJECTS: Final = frozenset("him her them us you me it".split())
#: words that are no verb of the noun phrase: they stand in the way
_NOT_VERBS: Final = AUX | COORD | PREPOSITIONS | PRONOUNS | STOPS | SUBORDINATORS | _DETERMINERS | frozenset(
    """there here not no also to as all both such only just even up out down off beyond like around behind near
    along throughout per than via so too very more most one two three many few several some any each every other
    another""".split())
#: adjectives between a determiner and the cue that no suffix shows ("our full support", "my sincere thanks")
_ADJECTIVES: Final = frozenset("full sincere special profound deep strong great warm firm heartfelt whole own best utmost new "
                               "clear".split())
_ADJECTIVE_ENDS: Final = ("ed", "ing", "al", "ful", "ive", "ous", "ic", "ent", "ant", "ary", "ble", "less")


def noun_verb_start(text: str, fold: str, pos: int, end: int, floor: int, hi: int) -> int:
    """Where the verb stands whose object is the noun phrase ending in the cue ``[pos, end)``: up to two words of
    the phrase (adjectives, a possessor), a determiner, then the verb, or a verb, an object pronoun and
    "of" / "for"; no punctuation between and nothing before ``floor``; -1 if none."""
    s, e = next_run(fold, end, hi)
    if s < hi and not text[end:s].strip() and (fold[s:e] in _DETERMINERS or fold[s:e] in _OBJECTS):
        return -1  # the cue has an object of its own: a verb ("warmongering | distract us")
    p = pos
    for _ in range(4):
        s, e = last_word(fold, floor, p)
        if e <= s or text[e:p].strip():
            return -1
        w = fold[s:e]
        p = s
        if w in _DETERMINERS:
            break
        if w.endswith(("'s", "’s")):  # a possessor, with its determiner ("our delegation’s")
            s, e = last_word(fold, floor, p)
            if e > s and not text[e:p].strip() and fold[s:e] in _DETERMINERS:
                p = s
            break
        if not (w in _ADJECTIVES or "-" in w or w.endswith(_ADJECTIVE_ENDS)) or w in _NOT_VERBS or text[s].isupper():
            return -1  # (a noun before the cue is its subject: "an anonymous source | described")
    else:
        return -1
    s, e = last_word(fold, floor, p)
    if e <= s or text[e:p].strip():
        return -1
    w = fold[s:e]
    if w in ("of", "for"):  # "assure him of | our support"
        s2, e2 = last_word(fold, floor, s)
        if e2 <= s2 or text[e2:s].strip() or fold[s2:e2] not in _OBJECTS:
            return -1
        s, e = last_word(fold, floor, s2)
        if e <= s or text[e:s2].strip():
            return -1
        w = fold[s:e]
    return s if w not in _NOT_VERBS and not text[s].isupper() and w.isalpha() else -1
