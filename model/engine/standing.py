"""Whether a sentence reports an act done, and which of its names stand for the actor who did it.

The holder scorer weighs candidates by where a name stands; some readings take a country out of a sentence's
holders whatever its position, and are decided here, by the rules, before the scorer sees the candidates:

- the act is not done (:meth:`Standing.unreal`): it is under a condition ("If the House votes to impeach …",
  "For the budget to pass, …"), required or supposed ("it must be signed by …", "This would make Taiwan …",
  "has until October 28 to release …"), what a law or a decree says ("The constitution requires …", "Under
  Maryland law, …", "Trump's state of emergency appears to allow …") or an office held ("served eight years as
  the mayor of London") — and nobody is reported saying it (a saying, a quote or a speech keeps it);
- a person who has left an office that is not political, and is named, speaks for himself
  (:meth:`Standing.private_sayer`, and the subject in :meth:`Standing.not_actors`): "Former CIA deputy director
  Michael Morell praised …", "… ,” tweeted former thinktank executive Ken Gude"; a former president or minister
  is still a political actor;
- a name stands for no actor of the act (:meth:`Standing.not_actors`): it names such a former office ("Retired
  FBI agent …") or a people of long ago ("ancient Egyptians"), qualifies a place or a thing before the act ("the Indian capital, New Delhi", "any other U.S.
  territory", "United States flags"; not "Police in the Kenyan capital"), or owns those related to it
  ("Tunisia's neighbouring countries"); and the subject holds nothing when it undergoes the act, in an agentless
  passive no state does to its own people or a verb of undergoing ("Mugabe was considered …", "Johnson was
  questioned about …", "is to face trial"; but "was arrested", "was impeached").

In a speech the speaker says every sentence: no act there is unreal, and the speaker's country is taken out only
as the object of an act; a subject that faces or suffers the act holds nothing (:mod:`model.engine.undergoing`).  The word lists are ``resources/engine_words.json``: ``political_offices``, ``place_nouns``, ``institution_nouns``,
``relational_nouns``, ``passive_state_acts`` and ``passive_state_verbs`` (a state's own acts on a person),
``office_verbs``, ``undergo`` and ``undergoing``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from model.agents import AgentMention
from model.engine.clauses import first_word, is_passive
from model.engine.context import LOCAL_KINDS
from model.engine.gazetteer import Mention
from model.engine.lexicon import Hit, Lexicon, category
from model.engine.sources import unnamed_source
from model.engine.spans import Sentence, cue_hits
from model.engine.textfold import holds_any
from model.engine.things import appositions, names_a_thing
from model.engine.undergoing import object_of_act, second_act, speaker_undergoes

#: a conditional or purpose clause opening the sentence, running up to the cue ("If the House votes",
#: "Unless Congress acts", "For the budget to pass")
_CONDITION: Final = re.compile(r"\s*[“\"]?(?:If|Unless|For\b[^,;:]{0,80}\bto)\b[^,;:]*$")
#: a requirement, supposition or ability governing the verb after it ("must be signed", "would have to pass", "would
#: make", "has until October 28 to release", "is required to", "parliament cannot pass laws", "a governor can veto";
#: not "could not agree", a failure that happened; "must" with any verb after a common plural, how an institution
#: works: "Two-thirds of senators must vote to convict"; not "United States must continue aid", a country's position)
_MODAL: Final = re.compile(r"\b(?:would|can(?:not)?|can't|could(?!\s+not\b|n't)|must(?=\s+(?:\w+ly\s+|also\s+)?be\b)|"
                           r"(?-i:[a-z]+s)\s+must(?!\s+(?:not|have)\b)|(?:has|have|had|needs?) to|"
                           r"(?:is|are|was|were) required to|(?:has|have) until\b[^,;:]{0,30}?\bto)\b", re.IGNORECASE)
#: a law as the subject ("The Puerto Rican constitution requires …") or the frame ("Under Maryland state law, …")
#: (or a legal instrument: "Trump's state of emergency appears to allow him to pull funding")
_STATUTE_SUBJECT: Final = re.compile(
    r"\s*[^,;:]{0,80}?\b(?:constitution|law|statute|rules|regulations|charter|decree|state of emergency)\s+"
    r"(?:(?:appears?|seems?)\s+to\s+)?(?:requires?|required|says|states|stipulates?|specifies|mandates|allow|allows|"
    r"permits|provides|forbids|prohibits|bars|limits)\b", re.IGNORECASE)
_STATUTE_FRAME: Final = re.compile(r"\s*Under\b[^,;:]{0,60}\b(?:law|constitution|statute|rules|regulations)\s*,",
                                   re.IGNORECASE)
#: a person who has left the office the next words name
_FORMER: Final = re.compile(r"\b(?:former|retired|erstwhile|one-time|onetime)\s+", re.IGNORECASE)
_WORD: Final = re.compile(r"[\w’'.-]+")
_QUOTES: Final = "“”\""
#: what ends the words that name an office ("Former CIA deputy director | Michael Morell")
_ROLE_END: Final = re.compile(r"[,;:()“”\"]")
#: a former office opening the sayer's words after a closing quote ("…,” tweeted former thinktank executive")
_TRAILING_FORMER: Final = re.compile(r"\s+(?:the\s+|a\s+)?(?:former|retired)\s+", re.IGNORECASE)
#: words of saying that are not read as its verb ("was quoted as saying", "in a statement")
_SAYING: Final = re.compile(r"\b(?:quoted|saying|statement)\b", re.IGNORECASE)
#: words one of which the regular expressions above need (looked up in the lower-case fold first: most sentences
#: have none, and a plain search is a tenth of the expression's cost)
_STATUTE_WORDS: Final = ("constitution", "law", "statute", "rules", "regulations", "charter", "decree", "emergency")
_SAYING_WORDS: Final = ("quoted", "saying", "statement")
_FORMER_WORDS: Final = ("former", "retired", "erstwhile", "one-time", "onetime")
#: a diplomat's post names the host country, not the diplomat's ("US Ambassador to Germany Richard Grenell said")
_POSTED: Final = re.compile(r"\b(?:ambassadors?|envoys?) to (?:the )?$", re.IGNORECASE)
_MODAL_WORDS: Final = ("would", "can", "could", "must", "has to", "have to", "had to", "need", "required", "until")


def _negated(text: str, start: int) -> bool:
    """The name at ``start`` is quantified by "no" ("No U.S. president has ever been removed"): nobody did it."""
    return text[start - 3:start].lower() == "no " and (start == 3 or not text[start - 4].isalnum())


#: words that make a people or a place one of long ago ("ancient Egyptians", "medieval Venice"): not today's state
_PAST_AGES: Final = ("ancient ", "prehistoric ", "medieval ")


def _of_the_past(text: str, start: int) -> bool:
    """The name at ``start`` is of a people or a place of long ago ("ancient Egyptians captured ibises")."""
    return text[max(0, start - 12):start].lower().endswith(_PAST_AGES)


#: what places an actor in the place after it ("Police in the Kenyan capital", "Residents of the …")
_PLACED: Final = re.compile(r"\s+(?:in|of|from|at|across|near|around|throughout|inside)\b", re.IGNORECASE)
#: the words a possessive names ("'s neighbouring Muslim-majority African")
_POSSESSED: Final = re.compile(r"['’]s((?:\s+[\w-]+){1,3})")
#: what follows a verb of serving when it tells of an office held ("as Speaker", "eight years as the mayor",
#: "in Congress", "two terms", "six-year terms", "more than two"; not "served in Lebanon", soldiers deployed)
_OFFICE_HELD: Final = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:as\b|in\s+(?:the\s+|that\s+)?(?:U\.?S\.?\s+)?"
                                  r"(?:Congress|House|Parliament|Senate|Assembly|Cabinet|legislature|office)\b|"
                                  r"terms?\b|more\s+than\s+(?:one|two|three)\b)")
#: the agent of a passive
_AGENT: Final = re.compile(r"\b(?:by|between|among)\b")
#: the object of "was given" that makes it a court's act
_LEGAL_OBJECT: Final = re.compile(r"\s+(?:an?\s+|the\s+)?(?:[\w$-]+\s+){0,3}?(?:sentence|fine|prison|jail|term)\b",
                                  re.IGNORECASE)
#: a relative clause inside the subject, closed by a comma before the verb
_INSIDE_COMMAS: Final = re.compile(r"[^,;:]*,\s*(?:[\w-]+\s+){0,3}$")
#: participles that state the subject's own position ("Vietnam is committed to …", "is opposed to …")
STATIVE: Final = frozenset("committed determined prepared resolved opposed concerned pleased satisfied interested "
                           "disappointed alarmed convinced engaged involved dedicated devoted united allied".split())


class Standing:
    """The word lists that decide whether an act is done and who stands for its actor (one per lexicon)."""

    def __init__(self, lexicon: Lexicon, find_agents: Callable[[str], Sequence[AgentMention]] | None = None) -> None:
        w = lexicon.words
        #: role words in a text ("police", "residents"): an actor standing before a place belongs there
        self.find_agents = find_agents
        offices = [re.escape(x) for x in w.get("political_offices", [])]
        #: offices whose former holders are still political actors ("former prime minister John Major")
        self.political = re.compile(r"\b(?:" + "|".join(offices) + r")\b", re.IGNORECASE) if offices else None
        #: nouns of places and things a country word may qualify ("the Indian capital", "U.S. territory", "US
        #: states", "United States flags", "the Hong Kong economy")
        self.place_nouns = frozenset(w.get("place_nouns", []))
        #: nouns of acts a country's possessive makes its own ("Thai law", "the Hungarian bid")
        self.act_nouns = frozenset(w.get("act_nouns", []))
        #: the head words of the names of journals, learned societies, universities and museums
        self.institutions = frozenset(w.get("institution_nouns", []))
        #: the categories of the acts a state does to its own people ("was arrested", "was impeached", "was
        #: appointed"): the subject of such a passive keeps its country as the holder
        self.state_acts = frozenset(w.get("passive_state_acts", []))
        #: … and the verbs of such acts in other categories ("was dismissed", "was released")
        self.state_lemmas = frozenset(w.get("passive_state_verbs", []))
        #: the words an office's name is made of ("Prime", "Minister", "Vice", "Chairman")
        self.office_words = frozenset(x for o in w.get("political_offices", []) for x in o.split())
        #: those a country's possessive relates to it ("Russia's allies", "Tunisia's neighbouring countries")
        self.relational = frozenset(w.get("relational_nouns", []))
        #: verbs that tell of an office held when "as" or "in" follows ("served as mayor", "served in Congress")
        self.office_verbs = frozenset(w.get("office_verbs", []))
        #: verbs whose subject undergoes what their object names ("is to face trial")
        self.undergo = frozenset(w.get("undergo", []))
        #: their forms, and those of other verbs of undergoing, as the subject's verb before a cue ("Azerbaijan
        #: suffered further losses, with 80 servicemen killed")
        self.undergoing = frozenset(w.get("undergoing", []))

    # --- acts not done -----------------------------------------------------------
    def unreal(self, sent: Sentence, cue: Hit) -> bool:
        """The act ``cue`` (the sentence's first) is a condition, a requirement, a supposition, the word of a
        law or an office held, and nobody is reported saying it."""
        text, s = sent.text, sent.start
        if sent.speaker_country:
            return False  # a speech: the speaker says it ("Our Constitution stipulates that …")
        if _STATUTE_FRAME.match(text, s, cue.start) or (
                holds_any(sent.fold, _STATUTE_WORDS, s, cue.end) and _STATUTE_SUBJECT.match(text, s, cue.end)):
            return True  # (the law is the sayer: "The constitution states …")
        verb_end = cue.start + len(first_word(text, cue))  # ("served eight years as" may be one cue)
        if cue.value.lemma in self.office_verbs and _OFFICE_HELD.match(text, verb_end) and not any(
                s <= h.start < cue.start and not _INSIDE_COMMAS.match(text, h.end, cue.start) for h in sent.of("opener")):
            return not self.reported(sent)  # an office held, no act ("He then served eight years as mayor")
        if not (_CONDITION.fullmatch(text, s, cue.start) or self._supposed(sent, cue)) or self.reported(sent):
            return False
        # "… would have faced impeachment but resigned": a second act, done
        return not any(h.start > cue.end and h.value == "but" for h in sent.of("opener"))

    def reported(self, sent: Sentence) -> bool:
        """Someone is reported saying what the sentence says: a saying verb, "according to", a quotation."""
        text, s, e = sent.text, sent.start, sent.end
        if any(text.find(q, s, e) >= 0 for q in _QUOTES):
            return True
        if text.find("ccording to", s, e) >= 0:
            return True
        if holds_any(sent.fold, _SAYING_WORDS, s, e) and _SAYING.search(text, s, e) is not None:
            return True
        return any(category(c) == "SAY" for c in cue_hits(sent))

    def _supposed(self, sent: Sentence, cue: Hit) -> bool:
        """A modal of the sentence's main clause governs the cue ("it must be signed by", "This would make
        Taiwan the first country to recognize"): nothing but words stands between them, and no clause opens
        before the modal ("a bill that would ban …" is not the sentence's act)."""
        text, s = sent.text, sent.start
        if not holds_any(sent.fold, _MODAL_WORDS, s, cue.start):
            return False
        last = None
        for m in _MODAL.finditer(text, s, cue.start):
            last = m
        if last is None:
            return False
        gap = text[last.end():cue.start]
        if any(ch in gap for ch in ",;:()"):
            return False
        return not any(s <= h.start < last.start() for h in sent.of("opener"))

    # --- names that stand for no actor ----------------------------------------------
    def not_actors(self, sent: Sentence, cue: Hit | None) -> tuple[set[int], bool]:
        """The starts of the country names that stand for no actor of the act, and whether the subject itself
        holds nothing (a private person, or someone acted upon): then neither does a name before ``cue`` (the
        sentence's end when it has none), nor the article's home country, nor an earlier actor a pronoun would
        stand for."""
        out: set[int] = set()
        text = sent.text
        at = cue.start if cue is not None else sent.end
        own = sent.speaker_country
        # (read once per sentence: most have no "former", and most names no capitalised word or "'s" after them)
        posted = holds_any(sent.fold, ("ambassador", "envoy"), sent.start, sent.end)
        former = holds_any(sent.fold, _FORMER_WORDS, sent.start, sent.end) and _FORMER.search(
            text, sent.start, sent.end) is not None
        for m in sent.mentions:
            if not m.is_country:
                continue
            if own and m.code == own:  # (a speech is its speaker's saying: "Mali's partners", "every city freed")
                if object_of_act(sent, m):  # but not the act it undergoes ("their intention to defeat Russia")
                    out.add(m.start)
                continue
            after = text[m.end:m.end + 2]
            named_on = len(after) == 2 and after[0] == " " and after[1].isupper()
            # (a place after the cue is where the act happens, and the scorer reads it so)
            # (a currency's sign names no actor: "a trust fund worth US$5 million", "HK$300")
            if (after[:1] == "$" or (posted and _POSTED.search(text, max(m.start - 30, 0), m.start) is not None)
                    or _negated(text, m.start) or _of_the_past(text, m.start) or (former and self._former(sent, m))
                    or (after[1:2] == "s" and self._related(text, m))
                    or (named_on and (self._institution(text, m) or self._named_thing(text, m)))
                    or (cue is None and not own and names_a_thing(text, m, self.find_agents, self.act_nouns))
                    or (m.start < at and self._place(text, m) and not self._placed_actor(sent, m))):
                out.add(m.start)
        sourced, by_source = unnamed_source(sent, at)  # ("government sources confirmed …": nobody's act)
        out |= sourced
        if out:
            out |= appositions(sent, out, self.place_nouns)
        private = by_source or (former and self._private_subject(sent, at, out)) or (
            cue is not None and self._acted_upon(sent, cue))
        return out, private

    def _former(self, sent: Sentence, m: Mention) -> bool:
        """``m`` is inside the words naming a person's former office that is not political ("Former CIA
        deputy director Michael Morell", "Retired FBI agent"; not "former US Ambassador Nikki Haley")."""
        text = sent.text
        lo = sent.start if sent.start > m.start - 60 else m.start - 60
        former = None
        for f in _FORMER.finditer(text, lo, m.start):
            former = f
        if former is None or _ROLE_END.search(text, former.end(), m.start):
            return False
        if len(text[former.end():m.start].split()) > 5:
            return False
        return self._private_person(sent, former.end())

    def _private_person(self, sent: Sentence, start: int) -> bool:
        """The words from ``start`` (after "former", "retired") name an office that is not political, then the
        person ("CIA deputy director Michael Morell", "federal prosecutor Elie Honig"; not "Socialist prime
        minister Andreas Papandreou", nor "security officials in White House", who are not named)."""
        text = sent.text
        tokens = self._role_tokens(sent, start)
        kinds = [k for _, k in tokens]
        name = next((i for i in range(len(kinds)) if kinds[i] == "person" or (
            kinds[i] == "cap" and i + 1 < len(kinds) and kinds[i + 1] == "cap")), -1)
        if name <= 0:
            return False  # nobody named, or no office before the name
        office_end = tokens[min(name, 4) - 1][0]
        return self.political is None or self.political.search(text, start, office_end) is None

    def _role_tokens(self, sent: Sentence, start: int) -> list[tuple[int, str]]:
        """The first words from ``start`` up to a comma or a bracket, as (end, kind), a name counting as one word:
        "person" for a person's name, "cap" for a capitalised word that is neither a name nor an office's word,
        "word" for the others."""
        text = sent.text
        stop = _ROLE_END.search(text, start, start + 120)
        end = stop.start() if stop else min(start + 120, sent.end)
        tokens: list[tuple[int, str]] = []
        at = start
        while len(tokens) < 9:
            w = _WORD.search(text, at, end)
            if w is None:
                break
            named = next((x for x in sent.mentions if x.start <= w.start() < x.end), None)
            if named is not None:
                tokens.append((named.end, "person" if named.kind == "person" else "word"))
                at = named.end
                continue
            word = w.group()
            tokens.append((w.end(), "cap" if word[:1].isupper() and word.lower() not in self.office_words else "word"))
            at = w.end()
        return tokens

    def private_sayer(self, sent: Sentence) -> bool:
        """The sentence is what a person who has left an office that is not political says, named after it
        ("“… want him to resign,” tweeted former thinktank executive Ken Gude."): no country holds it."""
        says = [c for c in cue_hits(sent) if category(c) == "SAY"]
        if not says:
            return False
        last = says[-1]
        former = _TRAILING_FORMER.match(sent.text, last.end, sent.end)
        return former is not None and self._private_person(sent, former.end())

    def _private_subject(self, sent: Sentence, at: int, excluded: set[int]) -> bool:
        """The subject before ``at`` is a person who has left an office that is not political, and no other
        country name stands there ("Former CIA deputy director Michael Morell praised …", "Regarding Trump's
        call, former federal prosecutor Elie Honig said …")."""
        text, s = sent.text, sent.start
        former = _FORMER.search(text, s, at)
        if former is None:
            return False
        lead = text[s:former.start()].strip(" “\"")
        if lead and not (lead.endswith(",") and not any(c.start < former.start() for c in cue_hits(sent))):
            return False  # the subject opens the sentence, or follows an introductory phrase
        if not self._private_person(sent, former.end()):
            return False
        return not any(former.start() <= m.start < at and m.is_country and m.start not in excluded
                       for m in sent.mentions)

    def _place(self, text: str, m: Mention) -> bool:
        """``m`` qualifies a place or a thing ("the Indian capital", "any other U.S. territory", "Listed US
        states", "Tonga's capital", "United States flags"), not an actor ("the United States Coast Guard" is one)."""
        if m.kind not in ("country", "demonym"):
            return False
        at = m.end
        for poss in ("'s", "’s"):
            if text.startswith(poss, at):
                at += 2
                break
        word = _WORD.match(text, at + 1) if text[at:at + 1] == " " else None
        if word is None or word.group().lower() not in self.place_nouns:
            return False
        after = _WORD.match(text, word.end() + 1) if text[word.end():word.end() + 1] == " " else None
        return after is None or not after.group()[:1].isupper()

    def _institution(self, text: str, m: Mention) -> bool:
        """``m`` begins the name of a journal, learned society, university or museum ("the American Journal of
        Preventive Medicine", "the Royal Swedish Academy of Sciences"): scholars speaking for themselves."""
        if m.kind not in ("country", "demonym"):
            return False
        at = m.end
        for _ in range(4):
            word = _WORD.match(text, at + 1) if text[at:at + 1] == " " else None
            if word is None or not word.group()[:1].isupper():
                return False
            if word.group().lower() in self.institutions:
                return True
            at = word.end()
        return False

    def _named_thing(self, text: str, m: Mention) -> bool:
        """A city's name that begins another name after an article or a capitalised word ("a London Stock Exchange
        bomb plot", "the Paris Agreement", "First Moscow State Medical University"): a thing, not the city's
        officials ("the London Police", "Moscow Mayor …" stay)."""
        if m.kind not in LOCAL_KINDS or self.find_agents is None or text[m.end:m.end + 1] != " ":
            return False
        before = text[max(0, m.start - 12):m.start].split()
        if not before or not (before[-1].lower() in ("a", "an", "the") or before[-1][:1].isupper()):
            return False  # ("Mayor of London Sadiq Khan": a name follows the city, the mayor's)
        word = _WORD.match(text, m.end + 1)
        return word is not None and word.group()[:1].isupper() and not self.find_agents(word.group())

    def _related(self, text: str, m: Mention) -> bool:
        """``m`` is the possessor of those related to it ("Tunisia's neighbouring countries", "Russia's allies",
        "Johnson's critics"): they act, not it."""
        after = _POSSESSED.match(text, m.end)
        return after is not None and any(w.lower() in self.relational for w in after.group(1).split())

    def _placed_actor(self, sent: Sentence, m: Mention) -> bool:
        """An actor stands before the place ``m`` qualifies, placed in it ("Police in the Kenyan capital",
        "Residents of the Indian capital"): the place is where the actor belongs ("Marine Corps and United
        States flags" name no such place)."""
        if self.find_agents is None:
            return False
        text, s = sent.text, sent.start
        agents = self.find_agents(text[s:m.start])
        return bool(agents) and _PLACED.match(text, s + agents[-1].end, m.start) is not None

    def _acted_upon(self, sent: Sentence, cue: Hit) -> bool:
        """The sentence's subject undergoes ``cue``, an agentless passive of an act no state does to its own
        people ("Mugabe was considered …", "was questioned", "was evacuated") or a verb of undergoing ("is to
        face trial"), and does nothing else in the sentence; nobody is reported saying so."""
        text, s = sent.text, sent.start
        lemma = cue.value.lemma
        if sent.speaker_country:  # (the speaker says every sentence: its acts stay, but not what its subject undergoes)
            return speaker_undergoes(sent, cue, self.undergo, self.undergoing)
        if lemma not in self.undergo and (category(cue) in self.state_acts or lemma in self.state_lemmas
                              or first_word(text, cue) in STATIVE or not is_passive(text, cue, s, sent.alpha)):
            return False
        if _LEGAL_OBJECT.match(text, cue.end):
            return False  # "was given a two-year suspended sentence": a court's act
        if _AGENT.search(text, cue.end, min(sent.end, cue.end + 80)):
            return False
        if self.reported(sent):
            return False
        return self._sole_main_verb(sent, cue)

    def _sole_main_verb(self, sent: Sentence, cue: Hit) -> bool:
        """``cue`` is the verb of the sentence's main clause — no clause opens before it but a relative clause
        inside commas ("Pohiva, who had been Tonga's prime minister, was evacuated …") — and its subject does
        nothing else ("Putin was briefed, and flew to Magnitogorsk")."""
        text, s = sent.text, sent.start
        for h in sent.of("opener"):
            if s <= h.start < cue.start and not _INSIDE_COMMAS.match(text, h.end, cue.start):
                return False
        if any(ch in text[s:cue.start] for ch in ";:"):
            return False
        return not second_act(sent, cue)
