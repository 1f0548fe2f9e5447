"""Who holds a sentence's stance, decided by a learned scorer over what the rules found.

The rules of :mod:`model.engine.attribution` propose holders; so does every country a sentence
names, and the article's *home country* (the one it is mostly about) for sentences whose actor is
named only by role or name ("Prosecutors said …", "Roberts said …").  Each candidate is described
by a few dozen features the engine already computes — where the name stands relative to the cue,
the preposition before it, the kind of name, the cue's category, how the rules attributed it, the
document's countries — and a logistic model (``resources/holder_model.json``, trained by
``tools/train_holders.py`` on sentence-level annotations, reported out-of-fold) gives the
probability that the holder is right for that sentence.  That probability is the statement's
``confidence``; candidates under the model's threshold are not emitted (a wrong holder on a top
card costs the analyst more than a missing one).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Final

from model.engine.discourse import Holder
from model.engine.lexicon import Hit, category
from model.engine.spans import Found, Sentence
from model.gazetteer import Mention

MODEL_FILE: Final = "holder_model.json"

_QUOTES: Final = "“”\""
_LOCAL_KINDS: Final = frozenset({"city", "region", "capital"})
_STATE_ROLES: Final = frozenset({"GOV", "MIL", "JUD", "COP", "LEG", "SPY", "PTY"})
_PREP_OF: Final = frozenset({"of", "from"})
_DEMANDS: Final = frozenset({"DEMAND", "APPEAL"})
#: role words of people who speak for themselves or report (experts, media, doctors, international staff)
#: territories without a government of their own: never an article's home country
_NO_GOVERNMENT: Final = frozenset({"ATA", "BVT", "HMD", "SGS", "UMI", "ATF"})
_EXPERT_ROLES: Final = frozenset({"EDU", "MED", "IGO", "HLH"})
#: words before a name that make it a place ("a city in Russia", "the capital of Niger")
_PLACE_WORDS: Final = ("city in", "town in", "capital", "province", "region of", "village", "near ", "state of",
                       "across ", "coast of", "border with")

#: feature names, in the order :func:`features` fills them (the model file is checked against it)
FEATURES: Final[tuple[str, ...]] = (
    "bias",
    "src_engine", "src_mention", "src_home",
    "k_country", "k_demonym", "k_capital", "k_person", "k_body", "k_local", "k_first_person", "k_context",
    "eng_conf",
    "cat_say", "cat_other", "cat_demand", "pol_pos", "pol_neg",
    "hedged", "negated", "reporter",
    "rel_pos", "near_start", "cue_before_holder", "cue_near", "cue_mid", "cue_far",
    "prep_target", "prep_location", "prep_of", "possessive", "in_quote", "hyphen",
    "n_codes_1", "n_codes_2", "n_codes_3p", "code_mentions",
    "is_home", "doc_share", "home_share", "first_doc_code",
    "has_say", "has_quote", "long_sentence",
    "speech", "is_speaker", "speech_other",
    "agent_before_cue", "agent_state", "pron_subject", "name_before_cue",
    "home_x_agent", "home_x_say", "home_x_name", "mention_x_near", "speaker_x_fp",
    "subject", "role_after", "person_before_cue", "igo_before_cue", "no_actor_before_cue",
    "one_sentence", "one_sentence_x_engine", "subject_list", "group_resolved",
    "in_title", "recent", "home_x_recent", "agent_expert", "place_words",
)
_INDEX: Final[dict[str, int]] = {name: i for i, name in enumerate(FEATURES)}


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
        self.home_share = most / total if total else 0.0
        self.speaker_country = speaker_country
        self.agents = agents  # (start, end, role) of role words ("police", "prosecutors") in text order
        self.agent_starts = [a[0] for a in agents]
        self.one_sentence = False  # the document is a single sentence (a wire lead, a coded event)
        self.title_codes: set[str] = set()  # countries the document's title names
        self.recent: set[str] = set()  # countries named or holding in the last sentence that had any

    def share(self, code: str) -> float:
        return self.counts.get(code, 0) / self.total if self.total else 0.0


class HolderModel:
    """A logistic model over :data:`FEATURES`; ``threshold`` is the least probability emitted."""

    def __init__(self, weights: list[float], threshold: float) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(f"holder model has {len(weights)} weights for {len(FEATURES)} features")
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def load(cls, folder: Path) -> HolderModel | None:
        """The model in ``folder`` (None when there is none: the rules' own confidence is kept)."""
        path = folder / MODEL_FILE
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        names = list(data["features"])
        if names != list(FEATURES):
            raise ValueError(f"{path}: its features do not match the engine's (retrain: tools/train_holders.py)")
        return cls([float(w) for w in data["weights"]], float(data["threshold"]))

    def probability(self, x: list[float]) -> float:
        z = 0.0
        w = self.weights
        for i in range(len(x)):
            if x[i] != 0.0:
                z += w[i] * x[i]
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


def bisect_left(a: list[int], x: int) -> int:
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def first_cue(sent: Sentence, cues: list[Hit]) -> Hit | None:
    """The cue a candidate's statement is read from: the first that is not a saying verb, else the first."""
    for c in cues:
        if category(c) != "SAY":
            return c
    return cues[0] if cues else None


def _word_before(text: str, start: int, floor: int) -> str:
    j = start - 1
    while j >= floor and text[j] == " ":
        j -= 1
    end = j + 1
    while j >= floor and (text[j].isalpha() or text[j] == "-"):
        j -= 1
    return text[j + 1:end].lower()


def _words_between(text: str, a: int, b: int) -> int:
    return len(text[a:b].split()) if b > a else 0


def _inside_quotes(text: str, s: int, pos: int) -> bool:
    n = 0
    for ch in text[s:pos]:
        if ch in _QUOTES:
            n += 1
    return n % 2 == 1


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
        self._before: dict[int, tuple[bool, bool, bool, bool, bool, bool, bool]] = {}

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
            state = state or role in _STATE_ROLES
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


def features(sent: Sentence, f: Found, source: str, ctx: DocContext, code: str, facts: SentenceFacts,
             target_preps: frozenset[str], location_preps: frozenset[str]) -> list[float]:
    """The candidate ``f`` (holder ``code``) as a feature vector in :data:`FEATURES` order."""
    x = [0.0] * len(FEATURES)
    ix = _INDEX
    text, s, e = sent.text, sent.start, sent.end
    h = f.holder
    x[ix["bias"]] = 1.0
    x[ix["src_" + source]] = 1.0
    kind = h.kind
    if source == "home":
        pass
    elif kind == "first-person":
        x[ix["k_first_person"]] = 1.0
    elif h.start < 0:
        x[ix["k_context"]] = 1.0
    elif kind in ("country", "demonym", "capital", "person", "body"):
        x[ix["k_" + kind]] = 1.0
    elif kind in _LOCAL_KINDS:
        x[ix["k_local"]] = 1.0
    if source == "engine":
        x[ix["eng_conf"]] = f.confidence
    cat = f.category
    x[ix["cat_say"]] = 1.0 if cat == "SAY" else 0.0
    x[ix["cat_other"]] = 1.0 if cat == "OTHER" else 0.0
    x[ix["cat_demand"]] = 1.0 if cat in _DEMANDS else 0.0
    x[ix["pol_pos"]] = 1.0 if f.polarity > 0.1 else 0.0
    x[ix["pol_neg"]] = 1.0 if f.polarity < -0.1 else 0.0
    x[ix["hedged"]] = 1.0 if f.hedged else 0.0
    x[ix["negated"]] = 1.0 if f.negated else 0.0
    x[ix["reporter"]] = 1.0 if f.reporter else 0.0
    cue = f.cue
    length = e - s if e > s else 1
    if h.start >= 0:
        x[ix["rel_pos"]] = (h.start - s) / length
        x[ix["near_start"]] = 1.0 if _words_between(text, s, h.start) <= 3 else 0.0
        if cue is not None:
            if cue.start < h.start:
                x[ix["cue_before_holder"]] = 1.0
            gap = _words_between(text, h.start, cue.start) if cue.start > h.start else _words_between(
                text, cue.end, h.start)
            x[ix["cue_near" if gap <= 3 else ("cue_mid" if gap <= 8 else "cue_far")]] = 1.0
        before = _word_before(text, h.start, s)
        x[ix["prep_target"]] = 1.0 if before in target_preps else 0.0
        x[ix["prep_location"]] = 1.0 if before in location_preps else 0.0
        x[ix["prep_of"]] = 1.0 if before in _PREP_OF else 0.0
        end = h.start + len(h.text)
        x[ix["possessive"]] = 1.0 if text[end:end + 2] in ("'s", "’s") else 0.0
        x[ix["hyphen"]] = 1.0 if text[end:end + 1] == "-" or text[h.start - 1:h.start] == "-" else 0.0
        x[ix["in_quote"]] = 1.0 if _inside_quotes(text, s, h.start) else 0.0
    n_codes = facts.codes
    subjects = facts.subjects
    x[ix["n_codes_1" if n_codes <= 1 else ("n_codes_2" if n_codes == 2 else "n_codes_3p")]] = 1.0
    x[ix["code_mentions"]] = min(3, sum(1 for m in sent.mentions if m.code == code)) / 3.0
    x[ix["is_home"]] = 1.0 if code == ctx.home else 0.0
    x[ix["doc_share"]] = ctx.share(code)
    x[ix["home_share"]] = ctx.home_share if source == "home" else 0.0
    x[ix["first_doc_code"]] = 1.0 if code == ctx.first else 0.0
    has_say = facts.has_say
    x[ix["has_say"]] = 1.0 if has_say else 0.0
    x[ix["has_quote"]] = 1.0 if facts.quoted else 0.0
    x[ix["long_sentence"]] = 1.0 if length > 240 else 0.0
    speaker = ctx.speaker_country
    if speaker:
        x[ix["speech"]] = 1.0
        x[ix["is_speaker"]] = 1.0 if code == speaker else 0.0
        x[ix["speech_other"]] = 1.0 if code != speaker else 0.0
    cue_at = cue.start if cue is not None else e
    agent_before, agent_state, agent_expert, name, person, igo, country_before = facts.before(sent, ctx, cue_at)
    agents = ctx.agents
    x[ix["agent_before_cue"]] = 1.0 if agent_before else 0.0
    x[ix["agent_state"]] = 1.0 if agent_state else 0.0
    pron = facts.pron
    x[ix["pron_subject"]] = 1.0 if pron else 0.0
    x[ix["name_before_cue"]] = 1.0 if name else 0.0
    if source == "home":
        x[ix["home_x_agent"]] = 1.0 if agent_before else 0.0
        x[ix["home_x_say"]] = 1.0 if has_say else 0.0
        x[ix["home_x_name"]] = 1.0 if name else 0.0
    if source == "mention":
        x[ix["mention_x_near"]] = x[ix["near_start"]]
    if speaker and code == speaker and kind == "first-person":
        x[ix["speaker_x_fp"]] = 1.0
    if source == "engine" and h.start < 0 and kind not in ("first-person", "home"):
        x[ix["group_resolved"]] = 1.0  # "the ministers", "the two sides": named earlier
    if h.start >= 0:
        x[ix["subject"]] = 1.0 if h.start in subjects else 0.0
        x[ix["subject_list"]] = 1.0 if h.start in subjects and len(subjects) > 1 else 0.0
        end = h.start + len(h.text)
        i = bisect_left(ctx.agent_starts, end)
        x[ix["role_after"]] = 1.0 if i < len(agents) and agents[i][0] <= end + 25 else 0.0
    x[ix["person_before_cue"]] = 1.0 if person else 0.0
    x[ix["igo_before_cue"]] = 1.0 if igo else 0.0
    x[ix["in_title"]] = 1.0 if code in ctx.title_codes else 0.0
    if code in ctx.recent:
        x[ix["recent"]] = 1.0
        x[ix["home_x_recent"]] = 1.0 if source == "home" else 0.0
    x[ix["agent_expert"]] = 1.0 if agent_expert else 0.0
    if h.start >= 0:
        window = text[max(s, h.start - 25):h.start].lower()
        x[ix["place_words"]] = 1.0 if any(w in window for w in _PLACE_WORDS) or text[
            h.start + len(h.text):h.start + len(h.text) + 10].startswith(("'s capital", "’s capital")) else 0.0
    if ctx.one_sentence:
        x[ix["one_sentence"]] = 1.0
        x[ix["one_sentence_x_engine"]] = 1.0 if source == "engine" else 0.0
    x[ix["no_actor_before_cue"]] = 1.0 if not (person or agent_before or name or pron or country_before) else 0.0
    return x


def home_holder(sent: Sentence, ctx: DocContext, cue: Hit) -> Holder:
    """The home country as the holder of a sentence whose actor is named by role or name only."""
    text = sent.text
    i = bisect_left(ctx.agent_starts, sent.start)
    if i < len(ctx.agents) and ctx.agents[i][0] < cue.start:
        a0, a1, _role = ctx.agents[i]
        return Holder(ctx.home, text[a0:a1], -1, "home")
    words = text[sent.start:cue.start].strip(" ,“\"").split()
    return Holder(ctx.home, " ".join(words[-4:])[:60], -1, "home")
