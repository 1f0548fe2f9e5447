"""The pieces of a stance label (issue 15: a phrase an analyst reads as an act, "will not take part in the
inauguration ceremony"): the verb group before the cue ("have been unable to", "would like to"), the
object or content after it, stopped at a clause break, and what a saying verb says when it stands after
the quotation ("“…,” said the sheriff") or after the clause it reports ("…, scientists report").

Words are read from ``fold`` (``word_fold`` of the lower-cased text: runs of non-spaces at the text's
offsets); the text between two words (its "gap") is read for punctuation.
"""

from __future__ import annotations

from typing import Final

from model.engine.label_ends import adjunct_end, last_word, stub_end, trim
from model.engine.label_gaps import gap_kind, has_space, joins, relative_aside_end
from model.engine.label_reach import (
    ASIDES,
    adjective_series_end,
    aside_end,
    dash_aside_end,
    determiner_that,
    finite_ahead,
    infinitive_to,
    joined_plural,
    noun_will,
    to_ahead,
)
from model.engine.label_words import (
    ADVERBS,
    AUX,
    BE,
    BOUNDARIES,
    CATENATIVE,
    COMPARATIVES,
    COORD,
    DASHES,
    FINITE,
    ING_CATENATIVE,
    LY_NOUNS,
    NEG,
    PREPOSITIONS,
    PRONOUNS,
    QUOTES,
    RELATIVE_HEADS,
    RELATIVES,
    STOPS,
    SUBORDINATORS,
    THAT_AFTER,
)
from model.engine.textfold import next_run


def words_in(label: str) -> int:
    """Words of a label as a reader counts them (runs between white space)."""
    return len(label.split())


def group_start(text: str, fold: str, pos: int, floor: int, is_ing: bool) -> int:
    """Start of the verb group ending at ``pos`` (the cue's start): auxiliaries, negations, adverbs inside the
    group, and a verb that takes the cue ("will not", "have been confirmed", "have been unable to", "prefer not
    to", "keep" before "fighting"); ``pos`` when there is none.  Never before ``floor``, never over
    punctuation, at most six words.  A "to" comes in only with the verb that takes it; an adverb or "being"
    does not open the group ("also urged" → "urged", "Being committed" → "committed")."""
    start = at = pos
    need_verb = False  # a "to" was read: the word before it must take it
    for _ in range(6):
        s, e = last_word(fold, floor, at)
        if e <= s or text[e:at].strip():
            break
        w = fold[s:e]
        if need_verb:
            if w in NEG:
                at = s  # "prefer not to discuss"
                continue
            if w not in CATENATIVE:
                break
            need_verb = False
        elif w == "to":
            need_verb = True
            at = s
            continue
        elif not (w in AUX or w in NEG or w.endswith("n't") or w.endswith("n’t") or _is_adverb(text, w, s)
                  or (is_ing and start == pos and w in ING_CATENATIVE)
                  or (w.endswith("ed") and _be_before(text, fold, floor, s))):
            break
        at = start = s
    while start < pos:  # the group opens with its auxiliary, negation or verb
        e = fold.find(" ", start, pos)
        w = fold[start:e]
        if not (w == "being" or (w not in NEG and _is_adverb(text, w, start))) or e < 0:
            break
        start = _skip(fold, e, pos)
    return start


def _be_before(text: str, fold: str, floor: int, pos: int) -> bool:
    """Is the word before ``pos`` a form of "be" ("been confirmed killed")?"""
    s, e = last_word(fold, floor, pos)
    return e > s and fold[s:e] in BE and not text[e:pos].strip()


def _is_adverb(text: str, w: str, s: int) -> bool:
    return w in ADVERBS or (len(w) > 4 and w.endswith("ly") and w not in LY_NOUNS and not text[s].isupper())


class Scan:
    """Where a cue's object (or a saying's content) ends: ``end``, the words taken, ``gap``, the punctuation
    that stopped it ("" when a word or the end stopped it), and ``holes``, the spans a label leaves out ("take
    part [in any way] in the ceremony")."""

    def __init__(self, end: int, words: int, gap: str, holes: list[tuple[int, int]]) -> None:
        self.end = end
        self.words = words
        self.gap = gap
        self.holes = holes


def without(text: str, a: int, b: int, holes: list[tuple[int, int]]) -> str:
    """``text[a:b]`` less the ``holes`` inside it."""
    if not holes:
        return text[a:b]
    out = []
    for s, e in holes:
        if a <= s and e <= b:
            out.append(text[a:s])
            a = e
    out.append(text[a:b])
    return " ".join(out)


def scan(text: str, fold: str, pos: int, hi: int, budget: int, clauses: bool, asked: bool = False,
         subject_holes: bool = True) -> Scan:
    """Read the words after ``pos`` up to ``hi`` while they belong to the phrase: at most ``budget`` words,
    stopping at a clause break (punctuation, a relative or adverbial clause, another clause's auxiliary unless
    ``clauses``: a saying's content may hold one).  A phrase cut by the budget goes back to its last
    preposition, conjunction or list comma, and dangling words are dropped ("of the", "and").  A clause's subject
    the budget cuts loses its prepositional phrase when its auxiliary follows ("that the orders [placed to equip
    the police] are late"); ``asked``: an appeal's addressee loses its tail when what is asked follows ("call on all
    countries [of the world] to show unity")."""
    end = pos
    words = 0
    p = pos
    boundary = -1    # the end before the last preposition / conjunction / list comma
    boundary_words = 0
    boundary_word = ""
    coord = -1       # the end before the last "and" / "or"
    coord_words = 0
    prev = prev2 = ""
    sub = False      # inside a clause the phrase opened ("that …", "if …")
    sub_at = pos - 1
    sub_words = 0
    sub_verb = True  # the clause the phrase opened has its verb (an "if …" clause cut before it is left out)
    finite = False   # an auxiliary was read in the clause the phrase opened (its subject is whole)
    subject_at = -1  # the end before the first preposition of that clause's subject ("the orders | placed to …")
    subject_words = 0
    verb_hole = -1   # where the verb after a subject's tail left out stands
    verb_at = -1     # where that clause's first auxiliary stands, and the words read before it
    verb_words = 0
    least = 2        # the fewest words a phrase cut back to a boundary keeps
    that_end = -1    # where the last "that" that opened a clause ends
    addressee_at = -1  # an appeal's addressee before its first preposition or "and" ("all countries | of the world")
    addressee_words = 0
    to_at = -1         # where its first "to" stands, and the words before it
    to_words = 0
    if asked:
        s, e = next_run(fold, pos, hi)
        w = fold[s:e]  # ("urge | a peaceful resolution to …", "seek | to tap into …", "act | in a manner to …")
        asked = w not in _NOT_ADDRESSEES and w not in PREPOSITIONS
    year_comma = False
    stopped = ""
    cut = False
    ended = False    # the phrase reached the end of its clause or sentence
    list_at = -1     # the end before a list's first comma, until its "and" / "or"
    list_words = 0
    holes: list[tuple[int, int]] = []
    adjunct = adjunct_end(fold, pos, hi)[0] if clauses else -1  # ("said | on Friday | the United States is …")
    while True:
        s, e = next_run(fold, p, hi)
        if s >= hi:
            ended = True
            break
        gap = text[p:s]
        if gap != " ":  # (the usual gap: nothing to read)
            if words and gap and not has_space(gap) and joins(gap):
                end = p = e  # "U.S", "5.7", "5:00"
                continue
            if gap.strip() == "," and words and (fold.startswith("which ", s) or fold.startswith("who ", s)):
                close = relative_aside_end(text, fold, s, hi)
                if close > 0:  # "believe gas | , which leaks often, | was the trigger"
                    holes.append((end, close))
                    p = close
                    continue
            if gap.strip() == "," and words >= 2:
                noun = adjective_series_end(text, fold, prev2, prev, p, hi)
                if noun > 0:  # "an independent, transparent UNESCO mission", or "a freer | , more … | world" when long
                    series = words_in(text[p:noun])
                    if words + series < budget:
                        words += series
                    else:
                        holes.append((end, noun))
                    p = noun
                    continue
            if gap.strip():
                kind = gap_kind(text, fold, gap, prev, s, e, hi, year_comma, list_at > pos)
                if kind == "stop" and gap.strip() in DASHES:
                    close = dash_aside_end(text, gap.strip(), s, hi)
                    if close > 0:  # "ask — or when we ask — | for full membership"
                        if words:  # (a phrase the budget cuts after the aside goes back to it)
                            boundary, boundary_words, boundary_word = end, words, "—"
                        holes.append((end, close))
                        p = close
                        continue
                if kind == "stop":
                    stopped = gap.strip()
                    ended = stopped[0] in ".?!" or stopped[-1] in ".?!"
                    break
                year_comma = kind == "date"
                if kind == "list" and words:
                    boundary, boundary_words, boundary_word = end, words, ","
                    if list_at < 0:
                        list_at, list_words = end, words
        w = fold[s:e]
        special = w in _SPECIAL
        if special:  # (most words are none of these: read once)
            if w in ASIDES:
                skip = aside_end(fold, w, e, hi)
                if skip > 0:
                    holes.append((end, skip))
                    p = skip
                    continue
            if (w in STOPS and not (words == 0 and text[s].isupper())  # (a quotation may open "After elections")
                    and not (prev in RELATIVE_HEADS and w in RELATIVES)):
                break
            if w == "according" and fold.startswith("to", _skip(fold, e, hi)):
                break
            if w == "as" and fold.startswith("part of", _skip(fold, e, hi)):
                break
            if w == "that":
                if not (words == 0 or prev in THAT_AFTER or prev2 == "to" or (prev == "that" and sub)
                        or (clauses and not sub and words <= 4)  # "told reporters | that …", "indicated to them that"
                        or determiner_that(text, fold, e, hi)):  # ("to ensure that …": after a verb)
                    break
                sub, sub_at, sub_words, sub_verb = True, end, words, True
                finite, subject_at, that_end = False, -1, e
            elif w in STOPS and prev in RELATIVE_HEADS and w in RELATIVES:
                # "agree with those | who say …": the relative clause is what "those" stands for
                sub, sub_at, sub_words, sub_verb = True, end, words, True
            elif w in SUBORDINATORS:
                sub, sub_at, sub_words, sub_verb = True, end, words, w not in _BACK_OFF
                if not finite:  # (another clause in the subject: "that we benefit from doing what | is")
                    subject_at = -1
            if words == 0 and w in BE and not clauses:
                break  # "the challenges we are facing | are becoming": the cue's object stood before it
            if (w in FINITE and words and prev != "to" and prev not in COORD and prev not in FINITE
                    and not (w == "will" and noun_will(text, fold, e, hi))):  # ("find the political will to act")
                # another clause's verb: "funds | and Syria is", "the challenges we are facing | are becoming"
                if coord > sub_at and words - coord_words <= 3:
                    end, words = coord, coord_words
                    break
                if not (sub or clauses):
                    if prev in PRONOUNS:
                        end = last_word(fold, pos, end)[0]  # "the best information | we can"
                        words -= 1
                    break
        if (words >= budget and subject_holes and subject_at > pos and verb_at > subject_at and words - verb_words < 3
                and subject_words + 3 <= budget and not joined_plural(fold, subject_at, verb_at)):
            # "wished that the current leadership | [of Armenia] | were not following": the verb cut right after it
            _add_hole(holes, subject_at, verb_at)
            verb_hole = verb_at
            words -= verb_words - subject_words
            subject_at, boundary, coord, least = -1, -1, -1, subject_words + 3
            continue
        if words >= budget:
            # (the verb and two words after it must fit: "… | is an inevitable step")
            verb = (finite_ahead(text, fold, subject_at, hi)
                    if subject_holes and subject_at > pos and not finite and subject_words + 3 <= budget else -1)
            if verb > 0:  # "warned that bringing its forces closer | [to our borders] | was unacceptable"
                _add_hole(holes, subject_at, verb)
                verb_hole = verb
                end, words, p, boundary, subject_at, finite = subject_at, subject_words, verb, -1, -1, True
                coord = -1  # (an "and" inside the subject left out)
                least = words + 3  # (a later cut keeps the verb and two words: "the only way | is by addressing")
                continue
            if asked and addressee_at > pos and addressee_words + 3 <= budget:
                # "call on all countries | [of the world] | to show unity": the "to" read already, or ahead
                to = to_at if to_at > addressee_at else to_ahead(text, fold, p, hi)
                if to > 0:
                    _add_hole(holes, addressee_at, to)
                    asked, boundary, least = False, -1, addressee_words + 3
                    if to_at > addressee_at:
                        words -= to_words - addressee_words
                    else:
                        end, words, p = addressee_at, addressee_words, to
                        continue
        if words >= budget and adjunct > 0 and end > adjunct:
            # what is said is cut: the saying verb's time adjunct makes room ("said [on Friday] the United States …")
            rest = scan(text, fold, adjunct, hi, budget, clauses, asked)
            if rest.end > adjunct:
                return Scan(rest.end, rest.words, rest.gap, [(pos, adjunct), *rest.holes])
        if words >= budget:
            cut = True
            if sub and not sub_verb and sub_words >= 2:  # "would only vote for it | if the British people"
                end, words = sub_at, sub_words
                break
            if list_at > pos:  # a list the budget cuts goes back to its first comma ("security, economic | and")
                end, words = list_at, list_words
                break
            # back to the last boundary, unless the phrase ends at one anyway, or ends with the auxiliary of a
            # "that" clause whose subject is whole ("that the rule of law | is")
            at_boundary = (w in BOUNDARIES and not (w == "than" and prev in COMPARATIVES)) or w in STOPS
            if (not at_boundary and boundary > pos and boundary_words >= least
                    and (prev not in FINITE or boundary_word in SUBORDINATORS)):
                end, words = boundary, boundary_words
            break
        if (special and words and w in BOUNDARIES and not (w == "to" and prev == "order")
                and not (w == "than" and prev in COMPARATIVES)):  # ("to more | than 120 countries")
            boundary, boundary_words, boundary_word = end, words, w
            before = words - (sub_words + 1 if sub else 0)  # (words of the clause's subject read so far)
            if (subject_at < 0 and not finite and (sub or clauses) and w in PREPOSITIONS
                    and before >= (3 if w == "of" else 2)):  # ("the rule of law" keeps its "of")
                subject_at, subject_words = end, words
            if (asked and w != "to" and addressee_at < 0 and to_at < 0 and words >= 2
                    and not (w in COORD and list_at > pos)):  # (a list of addressees is kept whole)
                addressee_at, addressee_words = end, words
            if w in COORD:
                coord, coord_words = end, words
                if list_at > pos:  # the list's last item: cut before it, the list goes back to its first comma
                    boundary, boundary_words = list_at, list_words
                list_at = -1
        if special and w in FINITE:
            if not finite:
                verb_at, verb_words = s, words
            sub_verb = finite = True
        if asked and w == "to" and to_at < 0 and prev != "order" and infinitive_to(text, fold, e, hi):
            to_at, to_words = s, words  # (what is asked: "to show unity"; not "a solution | to the crisis")
        words += 1
        end = p = e
        prev2, prev = prev, w
    end = trim(fold, pos, end, cut, not ended)  # ("they think they are." ends there; "human rights are, …" not)
    if cut:  # ("drop out | in favor | of a run": a compound preposition's head goes with it)
        end = stub_end(fold, pos, end, hi)
    if end == that_end and not (stopped or ended):  # a clause opener with nothing after it ("decided that | although …")
        end = trim(fold, pos, last_word(fold, pos, end)[0], cut, True)
    for h in holes:
        if h[0] < end < h[1]:  # (trimmed back into a hole: the label ends before it)
            end = trim(fold, pos, h[0], cut, True)
    if verb_hole > 0 and end < next_run(fold, next_run(fold, verb_hole, hi)[1], hi)[1]:
        # the subject's tail left out for a verb the label then cuts: read it without the hole
        return scan(text, fold, pos, hi, budget, clauses, asked, False)
    return Scan(end, words, stopped, [h for h in holes if h[1] <= end] if holes else holes)


#: first words of an appeal's object that is no addressee ("urge | a peaceful resolution to …", "seek | to tap …")
_NOT_ADDRESSEES: Final = frozenset("a an that".split())

#: clause openers a phrase cut before the clause's verb goes back before ("vote for it | if the people")
_BACK_OFF: Final = frozenset("if whether unless until".split())

#: every word ``scan`` reads for more than its place in the phrase
_SPECIAL: Final = (frozenset(ASIDES) | STOPS | SUBORDINATORS | BE | FINITE | BOUNDARIES
                   | frozenset(["according", "as", "that"]))


def _add_hole(holes: list[tuple[int, int]], a: int, b: int) -> None:
    """Add the hole ``[a, b)``, in place of the holes inside it (an aside inside a tail left out)."""
    holes[:] = [h for h in holes if not (a <= h[0] and h[1] <= b)]
    holes.append((a, b))


def _skip(fold: str, pos: int, hi: int) -> int:
    while pos < hi and fold[pos] == " ":
        pos += 1
    return pos


def quote_free(s: str) -> str:
    """``s`` without quotation marks (a label quotes nothing: "called the move a smash and grab")."""
    for q in QUOTES:
        if q in s:
            pieces = s.split(q)
            s = pieces[0]
            for piece in pieces[1:]:
                if s and piece and s[-1].isalnum() and not piece[0].isspace() and piece[0] not in ".,;:!?)":
                    s += " "  # (a mark between two words parts them: 'take“take' is two words)
                s += piece
    return s
