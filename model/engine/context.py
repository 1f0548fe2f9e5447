"""What the holder scorer knows of a document and of a sentence: the document's countries (its home,
the place where the story happens, how much it is about states acting) and, per sentence, its saying
verbs, quotes and who stands before the cue (read once for all of its candidates)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from model.agents import AgentMention
from model.engine.discourse import Holder
from model.engine.explaining import explains, unanchored
from model.engine.gazetteer import Entry, Mention
from model.engine.lexicon import category
from model.engine.spans import Sentence, bisect_left

LOCAL_KINDS: Final = frozenset({"city", "region", "capital"})
STATE_ROLES: Final = frozenset({"GOV", "MIL", "JUD", "COP", "LEG", "SPY", "PTY"})
#: territories without a government of their own: never an article's home country
_NO_GOVERNMENT: Final = frozenset({"ATA", "BVT", "HMD", "SGS", "UMI", "ATF"})
#: role words of people who speak for themselves or report (experts, media, doctors, international staff)
_EXPERT_ROLES: Final = frozenset({"EDU", "MED", "IGO", "HLH"})
#: officials, state bodies and state role words a document needs for its full weight of politics
_STATE_SATURATION: Final = 6.0


class DocContext:
    """What the scorer needs to know about the whole document."""

    def __init__(self, mentions: list[Mention], speaker_country: str | None,
                 agents: list[tuple[int, int, str]]) -> None:
        counts: dict[str, int] = {}
        first = ""
        for m in mentions:
            if m.is_country and m.kind not in ("reporter", "igo") and m.code not in _NO_GOVERNMENT:
                code = m.code
                counts[code] = counts.get(code, 0) + 1
                if not first:
                    first = code
        total = sum(counts.values())
        home, most = "", 0
        for code, n in counts.items():
            if n > most:
                home, most = code, n
        self.counts = counts
        self.total = total
        self.first = first
        self.home = home if most >= 2 or (most == 1 and total == 1) else ""
        # the country where the story happens, by its towns and regions ("El Paso", "Bradford"), when it is not
        # the home: its police, prosecutors and courts act there whoever the story is mostly about
        places: dict[str, int] = {}
        for m in mentions:
            if m.kind in LOCAL_KINDS and m.code and m.code not in _NO_GOVERNMENT:
                places[m.code] = places.get(m.code, 0) + 1
        place = max(places, key=lambda c: places[c]) if places else ""
        self.place = place if place != self.home and places.get(place, 0) >= 2 else ""
        self.home_share = most / total if total else 0.0
        self.speaker_country = speaker_country
        self.agents = agents  # (start, end, role) of role words ("police", "prosecutors") in text order
        # how much the document is about states acting: officials, state bodies, state role words
        # (a science or sports report names countries as places and has few of them)
        state = sum(1 for m in mentions if m.is_country and m.kind in ("person", "body", "capital"))
        state += sum(1 for a in agents if a[2] in STATE_ROLES)
        # (relative to how often it names countries, up to six: a short report needs fewer)
        # a speech is a state speaking, whatever it names
        self.state = 1.0 if speaker_country else min(state / max(1.0, min(_STATE_SATURATION, total / 2.0)), 1.0)
        self.agent_starts = [a[0] for a in agents]
        self.one_sentence = False  # the document is a single sentence (a wire lead, a coded event)
        self.title_codes: set[str] = set()  # countries the document's title names
        self.recent: set[str] = set()  # countries named or holding in the last sentence that had any
        #: the sayers of a quotation this sentence continues ("X said: “… .  We will …”"), else empty
        self.quoting: list[Holder] = []
        #: a quotation is open where this sentence starts (it continues one, whoever its sayer)
        self.quote_open = False
        #: … and the sentence that opened it names an expert as its sayer, and no state's role or official
        #: ("professor Jane Roe said, “… .  These results can help governments …”": a scholar's words)
        self.quote_expert = False

    def state_role_in(self, start: int, end: int) -> bool:
        """A state's role word ("police", "prosecutors", "the court") between ``start`` and ``end``."""
        agents = self.agents
        i = bisect_left(self.agent_starts, start)
        while i < len(agents) and agents[i][0] < end:
            if agents[i][2] in STATE_ROLES:
                return True
            i += 1
        return False

    def expert_sayer(self, text: str, s: int, e: int, mentions: list[Mention]) -> bool:
        """The sentence names an expert's role outside its quotation marks ("professor", "doctor", "researcher"),
        and neither a state's role nor an official or a state body there (the sentence ``s:e``, its names
        ``mentions``)."""
        agents = self.agents
        expert = False
        for i in range(bisect_left(self.agent_starts, s), len(agents)):
            a0, _a1, role = agents[i]
            if a0 >= e:
                break
            if _quoted_at(text, s, a0):
                continue
            if role in STATE_ROLES:
                return False
            expert = expert or role in _EXPERT_ROLES
        return expert and not any(m.kind in ("person", "body") and not _quoted_at(text, s, m.start)
                                  for m in mentions)

    def share(self, code: str) -> float:
        return self.counts.get(code, 0) / self.total if self.total else 0.0


def _quoted_at(text: str, s: int, pos: int) -> bool:
    """An odd number of quotation marks between ``s`` and ``pos``."""
    return (text.count('"', s, pos) + text.count("“", s, pos) + text.count("”", s, pos)) % 2 == 1


def _capitalised_name_before(text: str, s: int, cue_start: int) -> bool:
    """A name-like run of capitalised words before the cue, not just the sentence's first word."""
    words = text[s:cue_start].split()
    return any(w[:1].isupper() and w[1:2].islower() for w in words[1:])


class SentenceFacts:
    """What every candidate of one sentence shares, read once: saying verbs, quotes, a pronoun
    subject, the subject's names, and (per cue position) who stands before the cue."""

    def __init__(self, sent: Sentence, codes: int, subjects: set[int]) -> None:
        text, s, e = sent.text, sent.start, sent.end
        self.codes = codes
        self.subjects = subjects
        self.has_say = any(category(c) == "SAY" for c in sent.of("cue"))
        self.quoted = text.find("“", s, e) >= 0 or text.find("”", s, e) >= 0 or text.find('"', s, e) >= 0
        self.pron = any(p.start - s < 4 for p in sent.of("pron1")) or any(p.start - s < 4 for p in sent.of("pronN"))
        self.state_role: bool | None = None  # a state's role word anywhere in the sentence (read when asked)
        self.explaining: tuple[bool, bool] | None = None  # (explains, unanchored) of a news sentence (when asked)
        self._before: dict[int, tuple[bool, bool, bool, bool, bool, bool, bool]] = {}

    def has_state_role(self, sent: Sentence, ctx: DocContext) -> bool:
        """A state's role word anywhere in the sentence ("…, police said", "according to prosecutors")."""
        if self.state_role is None:
            self.state_role = ctx.state_role_in(sent.start, sent.end)
        return self.state_role

    def explanation(self, sent: Sentence) -> tuple[bool, bool]:
        """Whether a news sentence nobody is reported saying has a generic or hypothetical construction, and
        whether it names no time (:mod:`model.engine.explaining`); (False, False) in a speech or when reported."""
        got = self.explaining
        if got is None:
            text, fold, s, e = sent.text, sent.fold, sent.start, sent.end
            if sent.speaker_country or self.has_say or self.quoted or (fold or text).find("ccording to", s, e) >= 0:
                got = (False, False)
            else:
                got = (explains(text, fold, s, e), unanchored(fold, s, e))
            self.explaining = got
        return got

    def before(self, sent: Sentence, ctx: DocContext, cue_at: int) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
        """(role word, state role, expert role, capitalised name, person/body, IGO, country) before ``cue_at``."""
        got = self._before.get(cue_at)
        if got is not None:
            return got
        s = sent.start
        agent = state = expert = False
        agents = ctx.agents
        for i in range(bisect_left(ctx.agent_starts, s), len(agents)):
            a0, _a1, role = agents[i]
            if a0 >= cue_at:
                break
            agent = True
            state = state or role in STATE_ROLES
            expert = expert or role in _EXPERT_ROLES
        person = igo = country = False
        for m in sent.mentions:
            if m.start < cue_at:
                person = person or m.kind in ("person", "body")
                igo = igo or m.kind == "igo"
                country = country or m.is_country
        got = (agent, state, expert, _capitalised_name_before(sent.text, s, cue_at), person, igo, country)
        self._before[cue_at] = got
        return got


#: capitalised words that open a sentence without naming its subject
_NOT_A_NAME: Final = frozenset("""The A An In On At For From To And But Or As After Before When While If Although Though
    Since Because During Under Over By With Without According Also However Meanwhile Earlier Later Today Yesterday
    This That These Those It He She They We I There Here Its His Her Their Our Some Many Most All Both Each Other
    Several No One Two Three Police Officials Authorities Prosecutors Investigators""".split())


def unknown_person_subject(text: str, s: int, e: int, ctx: DocContext) -> bool:
    """The sentence opens with a capitalised name the gazetteer does not know, then a verb in lower case ("Khan
    was convicted …", "Usman Khan had served …"), and no role word stands there."""
    name = person_subject_words(text, s, e)
    if not name:
        return False
    k = bisect_left(ctx.agent_starts, s)
    return not (k < len(ctx.agents) and ctx.agents[k][0] < s + len(name))


def person_subject_words(text: str, s: int, e: int) -> str:
    """The capitalised name (up to three words) that opens the sentence before a word in lower case ("Khan was
    convicted …", "Usman Khan had served …"), else ""."""
    words = text[s:min(e, s + 60)].split()
    i = 0
    while i < len(words) and i < 3 and words[i][:1].isupper() and words[i].isalpha() and words[i] not in _NOT_A_NAME:
        i += 1
    if i == 0 or i >= len(words) or not words[i][:1].islower():
        return ""
    return " ".join(words[:i])

def home_bodies(mentions: list[Mention], home: str, generic: frozenset[str]) -> list[Mention]:
    """``mentions`` with the bare names of bodies many countries have ("the House of Representatives", which the
    gazetteer gives to the US) read as the article's home country's, when the home is another country and the
    article never names the body with its country ("the United States House of Representatives"): Puerto Rico's,
    Australia's, Japan's or the Philippines' house in their news."""
    bare = [m for m in mentions if m.text in generic and m.code != home]
    if not bare:
        return mentions
    named = {m.code for m in mentions if m.kind == "body" and m.text not in generic and any(
        m.text.endswith(g) for g in generic)}
    out = []
    for m in mentions:
        if m.text in generic and m.code != home and m.code not in named:
            e = m.entry
            m = Mention(m.start, m.end, m.text, Entry(e.name, home, e.kind, e.note, e.since, e.until, e.flags))
        out.append(m)
    return out


#: a role word's possessive and the noun it owns ("a diplomat's wife", "the Navy's records")
_OWNED: Final = re.compile(r"['’]s? ([a-z]+)")
#: what a role word's possessive may own that is someone else or a thing, not its act: kin, home, body, papers
_NOT_ITS_ACT: Final = frozenset("""wife husband son sons daughter daughters mother father parents child children family
    families widow brother sister relatives home house residence car vehicle life death body funeral grave records
    files archives""".split())


def owning_agents(text: str, agents: Sequence[AgentMention]) -> list[tuple[int, int, str]]:
    """The role words of ``text`` as (start, end, role), but those whose possessive owns someone else or a thing
    ("a diplomat's wife", "the Navy's records", "the mother's life"): not the actor the sentence is about."""
    out: list[tuple[int, int, str]] = []
    for a in agents:
        m = _OWNED.match(text, a.end)
        if m is not None and m.group(1) in _NOT_ITS_ACT:
            continue
        out.append((a.start, a.end, a.role))
    return out
