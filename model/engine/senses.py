"""Which reading a cue word has where it stands: a verb (an act), or a noun, adjective or particle (none).

"the meeting", "an attack", "small island States", "a P5 (permanent five) State" are nouns; "a world free from
blackmail", "they are welcome to" adjectives; "pushed back" a particle (not "to back", support); a gerund is a
verb only after an auxiliary or a light verb ("is holding", "considered taking").
"""

from __future__ import annotations

from typing import Final

from model.engine.clauses import BE_FORMS, alpha_word_before, first_word, words_before
from model.engine.lexicon import CueDef, Hit
from model.engine.textfold import is_word_char

_DETERMINERS: Final = frozenset("the a an its his her their our your my whose such certain this these those that any every each no".split())
#: verb cues that are also adjectives, and the words after them that make them one ("a world free from
#: blackmail", "free and fair elections", "is welcome to join"; but "to free the hostages", "we welcome and …")
_ADJECTIVAL: Final[dict[str, frozenset[str]]] = {"free": frozenset({"from", "of", "and"}), "welcome": frozenset({"to"})}
#: verbs whose particle "back" is not the verb "to back" ("push back", "hold back", "fight back")
_PARTICLE_VERBS: Final = frozenset("push pushes pull pulls come comes came go goes went fight fights fought hit hits "
                                   "strike strikes struck step steps hold holds held bring brings brought roll rolls "
                                   "scale scales cut cuts draw draws drew turn turns get gets got give gives gave look "
                                   "looks set sets sit sits stand stands stood talk talks write writes wrote call calls "
                                   "pay pays paid fall falls fell send sends sent put puts take takes took".split())
#: words before such a cue that make it an adjective ("is free", "remain free")
_COPULAS: Final = frozenset("is are was were be been being am remain remains remained stay stays stayed become "
                            "becomes became".split())
_NOUN_PREPS: Final = frozenset("of for in after against from with by during amid despite without per".split())
#: verb cues that news uses mostly as nouns ("armed forces", "press officer", "apartment block", "police station",
#: "television host", "Tropical Storm", "severe burns", "the incoming chair of", "state media"):
#: their bare and -s forms are verbs only with a subject or auxiliary right before them ("will host", "it states")
#: or an object right after them ("forces the government", "hosts Japan's", "grants asylum to")
_NOUN_FIRST: Final = frozenset("force press block station host storm burn chair state march grant".split())
_VERB_BEFORE: Final = frozenset("to will would can could may might must shall should did does do not never also i we you they "
                                "he she it who which that".split())
_OBJECT_START: Final = frozenset("the a an its his her their our your my this these those that some any every each all no "
                                 "him them it us me you".split())
#: prepositions that make the word right after them a noun ("living on hope", "under attack"; not "about 2000 protested")
_NEXT_PREPS: Final = frozenset("""on at into about between among amongst within through toward towards across via upon
    under over like onto beyond throughout regarding concerning""".split())
_ING_LICENSORS: Final = frozenset("consider considered considers considering continue continued continues began begun begin begins start starts started stop stops stopped keep keeps keeping kept were was are is been be am not also still now".split())


def is_nominal(text: str, cue: Hit, floor: int, alpha: str = "") -> bool:
    """A verb cue used as a noun ("the meeting", "an attack") or adjective."""
    d = cue.value
    if isinstance(d, CueDef):  # (always, for cue hits: read natively rather than by name)
        kind, lemma, objects = d.kind, d.lemma, d.objects
    else:
        kind, lemma, objects = getattr(d, "kind", "verb"), getattr(d, "lemma", ""), getattr(d, "objects", frozenset())
    if kind != "verb":
        return False
    noun_first = lemma in _NOUN_FIRST
    if text[cue.start].isupper() and (_lower_word_before(text, cue.start, floor)
                                      or _char_before(text, cue.start, floor) in _NOUN_MARKS
                                      or (noun_first and _char_before(text, cue.start, floor).isalpha())
                                      or _in_name(text, cue.start, floor)):
        return True  # "small island States", "the Armed Forces", "a P5 (permanent five) State" (a headline's
        # "Canada Supports …" stays a verb)
    # the two words before the cue, nearest last: words_before(text, cue.start, 2, floor, alpha), read as two
    # strings rather than a list
    n = 0
    prev = last = ""
    if alpha:
        lo = floor if floor > cue.start - 24 else cue.start - 24
        i, last = alpha_word_before(text, alpha, cue.start, lo)
        if i >= 0:
            n = 1
            i, prev = alpha_word_before(text, alpha, i, lo)
            if i >= 0:
                n = 2
    else:
        before = words_before(text, cue.start, 2, floor)
        n = len(before)
        last = before[-1] if n else ""
        prev = before[0] if n == 2 else ""
    if n and (last in _DETERMINERS or last in _NOUN_PREPS or last in _QUANTIFIERS or last.endswith("'s")
              or last.endswith("’s") or (last in _NEXT_PREPS and _char_before(text, cue.start, floor).isalpha())):
        return True
    form = first_word(text, cue)  # "take" of "take part"
    if _noun_by_what_follows(text, cue, form, lemma, d, last):
        return True
    if n == 2 and _participle_after_gerund(text, cue, form, prev, last, floor):
        return True
    if noun_first and not objects and form in (lemma, lemma + "s", lemma + "es") and last not in _VERB_BEFORE:
        # (a plural right before the bare form is its subject: "voters support stricter rules", "protesters march")
        return not _object_follows(text, cue.end) and not (form == lemma and _plural(last))
    if lemma == "back" and (last.endswith(("ed", "ing")) or last in _PARTICLE_VERBS):
        return True  # "pushed back", "were held back", "fight back": a particle, not "to back" (support)
    after = _ADJECTIVAL.get(form) if form == lemma else None
    if after is not None and (last in _COPULAS or _word_after(text, cue.end) in after):
        return True
    if n == 2 and prev in _DETERMINERS and not last.endswith("ly"):
        # "the recent attack", "an important meeting" (but not "the government recently agreed")
        return form.endswith("ing") or form == lemma
    if form.endswith("ing"):
        # a gerund is verbal only after an auxiliary or a light verb ("is holding", "considered taking"), also
        # across an adverb ("is fully cooperating")
        if last.endswith("ly") and n == 2:
            last = prev
        return last not in BE_FORMS and last not in _ING_LICENSORS
    return False


def _participle_after_gerund(text: str, cue: Hit, form: str, prev: str, last: str, floor: int) -> bool:
    """A participle between a gerund and its noun is an adjective ("visiting wounded soldiers", "guarding
    captured militants"): the gerund is a verb (no determiner before it, not "being" or "having", lower case:
    not "the bombing injured dozens", "Beijing condemned Japanese officials") and a noun follows."""
    if not form.endswith("ed") or not last.endswith("ing") or len(last) < 6 or last in _NOT_GERUNDS:
        return False
    if prev in _DETERMINERS or prev.endswith(("'s", "’s")):
        return False
    j = cue.start - 1
    while j > floor and text[j] == " ":
        j -= 1
    if not text[j - len(last) + 1:j + 1].islower():
        return False
    nxt = _word_after(text, cue.end)
    return (nxt.isalpha() and nxt not in _OBJECT_START and nxt not in _FUNCTION_AFTER and nxt not in _NEXT_PREPS
            and nxt not in _NUMBER_WORDS)


#: "-ing" words a participle after which is a verb: auxiliaries ("being detained", "having captured the town")
#: and nouns of events that do things ("a car bombing killed five", "government shelling wounded another")
_NOT_GERUNDS: Final = frozenset("""being having getting bombing bombings shelling shooting shootings fighting
    flooding uprising meeting ruling hearing briefing funding spending training building warning
    crossing killing killings beating stabbing rioting looting landing sitting evening morning""".split())
#: a number after the participle is its object ("killed five", "wounded dozens")
_NUMBER_WORDS: Final = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty hundred hundreds thousand thousands million millions dozen dozens scores several many more most at least
    nearly almost about over up some""".split())


def _plural(word: str) -> bool:
    """A plural noun ("voters", "Americans"; not "press", "its", "this")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _DETERMINERS


def _object_follows(text: str, pos: int) -> bool:
    """An object starts right after ``pos``: a determiner or pronoun, a name or a number ("hosts Japan's crown
    prince", "forces the government"), or a bare noun with an infinitive after it ("grants asylum to")."""
    j = pos
    while j < len(text) and text[j] == " ":
        j += 1
    if j >= len(text) or j == pos:
        return False
    if text[j].isupper() or text[j].isdigit():
        return True
    word = _word_after(text, pos)
    return word in _OBJECT_START or (bool(word) and _word_after(text, j + len(word)) == "to")


def _noun_by_what_follows(text: str, cue: Hit, form: str, lemma: str, d: object, last: str) -> bool:
    """A one-word cue in its base or -s form that reads as a noun by what follows it: "of" ("claims of immunity",
    "the principal hosts of migrants"), or an auxiliary with no pronoun before the cue ("sanctions were in
    place", "forces have"); a cue after a number with a noun after it ("21 injured individuals")."""
    end = cue.end
    if end - cue.start != len(form) or end >= len(text) or text[end] != " ":
        return False  # a phrase cue ("take part") is read as written; a word after it, one space on
    number = cue.start >= 2 and text[cue.start - 1] == " " and text[cue.start - 2].isdigit()
    if not (number or form == lemma or form == lemma + "s" or form == lemma + "es" or form == lemma[:-1] + "ies"):
        return False
    nxt = text[end + 1:end + 9].split(" ", 1)[0]  # the next word, enough of it to know it
    if number:
        return nxt.isalpha() and nxt not in _FUNCTION_AFTER
    if nxt == "of":
        return lemma not in _OF_VERBS
    return nxt in _AUXILIARIES and last not in _SUBJECT_PRONOUNS and getattr(d, "category", "") != "SAY"


#: words before a cue that make it a noun ("several alleged accomplices", "other forces")
_QUANTIFIERS: Final = frozenset("several various numerous multiple other additional countless".split())
#: verbs followed by "of" ("warns of", "approve of", "speak of")
_OF_VERBS: Final = frozenset("""warn speak approve think complain consist dispose die despair hear beware boast smell
    tire partake remind inform convince assure accuse rob deprive rid clear relieve notify suspect dream learn know
    talk""".split())
_AUXILIARIES: Final = frozenset("is are was were has have had will would can could may might must should".split())
_SUBJECT_PRONOUNS: Final = frozenset("i we you he she it they who which that what".split())
#: words after a number + cue that make the cue a verb ("2,000 protested against", "300 attended the rally")
_FUNCTION_AFTER: Final = frozenset("""the a an and or to in on at for with by from of against into over as their its his
    her our this that these those is are was were has have had will would""".split())


def _word_after(text: str, pos: int) -> str:
    """The word right after ``pos`` (after spaces), lower case."""
    j = pos
    while j < len(text) and text[j] == " ":
        j += 1
    k = j
    while k < len(text) and is_word_char(text[k]):
        k += 1
    return text[j:k].lower()


#: what stands right before a capitalised noun, never before a capitalised verb: a closing bracket, a digit
_NOUN_MARKS: Final = ")]0123456789"


def _char_before(text: str, pos: int, floor: int) -> str:
    """The character right before ``pos`` after spaces ("" at ``floor``)."""
    j = pos - 1
    while j >= floor and text[j] == " ":
        j -= 1
    return text[j] if j >= floor else ""


def _in_name(text: str, pos: int, floor: int) -> bool:
    """A capitalised word before ``pos`` that does not open the sentence, and a lower-case word before that: the
    cue is part of a name ("the Madagascar Emergency Plan", "Ulysses S. Grant"), not a headline's verb."""
    j = pos - 1
    while j >= floor and text[j] in " .":
        j -= 1
    k = j
    while k >= floor and is_word_char(text[k]):
        k -= 1
    if j <= k or not text[k + 1].isupper():
        return False
    for i in range(floor, k):
        if text[i].islower() and (i == floor or not is_word_char(text[i - 1])):
            return True  # a lower-case word earlier in the sentence: running text
    return False


def _lower_word_before(text: str, pos: int, floor: int) -> bool:
    """The word right before ``pos`` (after spaces) starts with a lower-case letter."""
    j = pos - 1
    while j >= floor and text[j] == " ":
        j -= 1
    k = j
    while k >= floor and is_word_char(text[k]):
        k -= 1
    return j > k and text[k + 1].islower()
