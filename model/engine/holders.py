"""Who holds a sentence's stance, decided by a learned scorer over what the rules found.

The rules of :mod:`model.engine.attribution` propose holders; so does every country a sentence
names, and the article's *home country* (the one it is mostly about) for sentences whose actor is
named only by role or name ("Prosecutors said …", "Roberts said …").  Each candidate is described
by a few dozen features the engine already computes — where the name stands relative to the cue,
the preposition before it, the kind of name, the cue's category, how the rules attributed it, the
document's countries — and a logistic model (:mod:`model.engine.scorer` over ``resources/holder_model.json``, trained by
``tools/train_holders.py`` on sentence-level annotations, reported out-of-fold) gives the
probability that the holder is right for that sentence.  That probability is the statement's
``confidence``; candidates under the model's threshold are not emitted (a wrong holder on a top
card costs the analyst more than a missing one).
"""

from __future__ import annotations

from typing import Final

from model.engine.clauses import is_passive
from model.engine.context import LOCAL_KINDS, DocContext, SentenceFacts
from model.engine.lexicon import Hit, category
from model.engine.spans import Found, Sentence, bisect_left

_QUOTES: Final = "“”\""
_PREP_OF: Final = frozenset({"of", "from"})
_DEMANDS: Final = frozenset({"DEMAND", "APPEAL"})
#: words before a name that make it a place ("a city in Russia", "the capital of Niger")
#: nouns of an act or a position: a country that owns one ("Russia's aggression", "the Russian invasion", "the
#: initiative of Colombia") is reported doing it, though not as a verb's subject
_ACT_NOUNS: Final = frozenset(
    "aggression invasion war occupation attack attacks action actions effort efforts initiative initiatives support "
    "decision decisions policy policies position positions proposal proposals offer threat threats sanctions blockade "
    "embargo measures gesture leadership commitment commitments contribution contributions assistance aid bombing "
    "strikes annexation violations interference withdrawal mobilization campaign crimes atrocities solidarity "
    "cooperation recognition intervention provocation provocations hostilities missile missiles drone drones troops "
    "forces".split())
_PLACE_WORDS: Final = ("city in", "town in", "capital", "province", "region of", "village", "near ", "state of",
                       "across ", "coast of", "border with")


#: feature names, in the order :func:`features` fills them (the model file is checked against it)
FEATURES: Final[tuple[str, ...]] = (
    "bias",
    "src_engine", "src_mention", "src_home", "src_quote",
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
    "doc_state", "home_x_doc_state", "home_x_state_role", "is_place", "quote_x_fp", "passive_agent",
    "bare", "bare_x_home", "bare_x_passive", "bare_x_according", "bare_x_state_role", "bare_x_person",
    "bare_x_doc_state", "bare_x_share", "bare_x_home_share", "bare_x_near_start", "bare_x_prep", "bare_x_possessive",
    "bare_x_quote", "bare_x_country",
    "speech_act_owner",
    # a speech's own weights for what reads differently there than in news (learnt apart, so that the speeches'
    # candidates do not move the news weights): the candidate's source, a cue of no known kind, a possessive, a
    # country named in the sentence before, how often the sentence names it
    "speech_x_src_engine", "speech_x_src_mention", "speech_x_src_home", "speech_x_cat_other", "speech_x_possessive",
    "speech_x_recent", "speech_x_code_mentions",
    # a news sentence nobody is reported saying that explains how something works or supposes (a generic or
    # hypothetical construction), and one that names no time (:mod:`model.engine.explaining`)
    "explains", "unanchored",
    # a later sentence of a quotation an expert opened (``DocContext.quote_expert``)
    "quote_expert",
)
_INDEX: Final[dict[str, int]] = {name: i for i, name in enumerate(FEATURES)}
# the index of each feature (constants: a compiled dict lookup per feature and candidate adds up)
_F_BIAS: Final = 0
_F_SRC_ENGINE: Final = 1
_F_SRC_MENTION: Final = 2
_F_SRC_HOME: Final = 3
_F_SRC_QUOTE: Final = 4
_F_K_COUNTRY: Final = 5
_F_K_DEMONYM: Final = 6
_F_K_CAPITAL: Final = 7
_F_K_PERSON: Final = 8
_F_K_BODY: Final = 9
_F_K_LOCAL: Final = 10
_F_K_FIRST_PERSON: Final = 11
_F_K_CONTEXT: Final = 12
_F_ENG_CONF: Final = 13
_F_CAT_SAY: Final = 14
_F_CAT_OTHER: Final = 15
_F_CAT_DEMAND: Final = 16
_F_POL_POS: Final = 17
_F_POL_NEG: Final = 18
_F_HEDGED: Final = 19
_F_NEGATED: Final = 20
_F_REPORTER: Final = 21
_F_REL_POS: Final = 22
_F_NEAR_START: Final = 23
_F_CUE_BEFORE_HOLDER: Final = 24
_F_CUE_NEAR: Final = 25
_F_CUE_MID: Final = 26
_F_CUE_FAR: Final = 27
_F_PREP_TARGET: Final = 28
_F_PREP_LOCATION: Final = 29
_F_PREP_OF: Final = 30
_F_POSSESSIVE: Final = 31
_F_IN_QUOTE: Final = 32
_F_HYPHEN: Final = 33
_F_N_CODES_1: Final = 34
_F_N_CODES_2: Final = 35
_F_N_CODES_3P: Final = 36
_F_CODE_MENTIONS: Final = 37
_F_IS_HOME: Final = 38
_F_DOC_SHARE: Final = 39
_F_HOME_SHARE: Final = 40
_F_FIRST_DOC_CODE: Final = 41
_F_HAS_SAY: Final = 42
_F_HAS_QUOTE: Final = 43
_F_LONG_SENTENCE: Final = 44
_F_SPEECH: Final = 45
_F_IS_SPEAKER: Final = 46
_F_SPEECH_OTHER: Final = 47
_F_AGENT_BEFORE_CUE: Final = 48
_F_AGENT_STATE: Final = 49
_F_PRON_SUBJECT: Final = 50
_F_NAME_BEFORE_CUE: Final = 51
_F_HOME_X_AGENT: Final = 52
_F_HOME_X_SAY: Final = 53
_F_HOME_X_NAME: Final = 54
_F_MENTION_X_NEAR: Final = 55
_F_SPEAKER_X_FP: Final = 56
_F_SUBJECT: Final = 57
_F_ROLE_AFTER: Final = 58
_F_PERSON_BEFORE_CUE: Final = 59
_F_IGO_BEFORE_CUE: Final = 60
_F_NO_ACTOR_BEFORE_CUE: Final = 61
_F_ONE_SENTENCE: Final = 62
_F_ONE_SENTENCE_X_ENGINE: Final = 63
_F_SUBJECT_LIST: Final = 64
_F_GROUP_RESOLVED: Final = 65
_F_IN_TITLE: Final = 66
_F_RECENT: Final = 67
_F_HOME_X_RECENT: Final = 68
_F_AGENT_EXPERT: Final = 69
_F_PLACE_WORDS: Final = 70
_F_DOC_STATE: Final = 71
_F_HOME_X_DOC_STATE: Final = 72
_F_HOME_X_STATE_ROLE: Final = 73
_F_IS_PLACE: Final = 74
_F_QUOTE_X_FP: Final = 75
_F_PASSIVE_AGENT: Final = 76
_F_BARE: Final = 77
_F_BARE_X_HOME: Final = 78
_F_BARE_X_PASSIVE: Final = 79
_F_BARE_X_ACCORDING: Final = 80
_F_BARE_X_STATE_ROLE: Final = 81
_F_BARE_X_PERSON: Final = 82
_F_BARE_X_DOC_STATE: Final = 83
_F_BARE_X_SHARE: Final = 84
_F_BARE_X_HOME_SHARE: Final = 85
_F_BARE_X_NEAR_START: Final = 86
_F_BARE_X_PREP: Final = 87
_F_BARE_X_POSSESSIVE: Final = 88
_F_BARE_X_QUOTE: Final = 89
_F_BARE_X_COUNTRY: Final = 90
#: forms of "be" before a participle: a passive (the subject is acted upon)
_BE: Final = frozenset({"be", "been", "being", "is", "are", "was", "were"})
_F_SPEECH_ACT_OWNER: Final = 91
#: the features a speech has copies of (in :data:`FEATURES` order after ``speech_act_owner``)
_F_EXPLAINS: Final = _F_SPEECH_ACT_OWNER + 8
_F_UNANCHORED: Final = _F_EXPLAINS + 1
_F_QUOTE_EXPERT: Final = _F_UNANCHORED + 1
_SPEECH_COPIES: Final = (_F_SRC_ENGINE, _F_SRC_MENTION, _F_SRC_HOME, _F_CAT_OTHER, _F_POSSESSIVE, _F_RECENT,
                         _F_CODE_MENTIONS)


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


def inside_quotes(text: str, s: int, pos: int, open_at_start: bool = False) -> bool:
    """Whether ``pos`` is inside a quotation: an odd number of quotation marks between ``s`` and ``pos``, or an
    even one when a quotation is open at ``s`` (a sentence that continues one: "… he said, “… .  Being at the helm
    of a state like Ruritania does not …”")."""
    n = 0
    for mark in _QUOTES:
        n += text.count(mark, s, pos)
    return (n % 2 == 1) != open_at_start


def features(sent: Sentence, f: Found, source: str, ctx: DocContext, code: str, facts: SentenceFacts,
             target_preps: frozenset[str], location_preps: frozenset[str], actor: str) -> list[float]:
    """The candidate ``f`` (holder ``code`` as the gazetteer names it, ``actor`` its ISO3 code: a successor
    code where the gazetteer's is historical) as a feature vector in :data:`FEATURES` order."""
    x = [0.0] * len(FEATURES)
    ix = _INDEX
    text, s, e = sent.text, sent.start, sent.end
    h = f.holder
    x[_F_BIAS] = 1.0
    x[ix["src_" + source]] = 1.0
    kind = h.kind
    if source == "home":
        pass
    elif kind == "first-person":
        x[_F_K_FIRST_PERSON] = 1.0
    elif h.start < 0:
        x[_F_K_CONTEXT] = 1.0
    elif kind in ("country", "demonym", "capital", "person", "body"):
        x[ix["k_" + kind]] = 1.0
    elif kind in LOCAL_KINDS:
        x[_F_K_LOCAL] = 1.0
    if source == "engine":
        x[_F_ENG_CONF] = f.confidence
    cat = f.category
    x[_F_CAT_SAY] = 1.0 if cat == "SAY" else 0.0
    x[_F_CAT_OTHER] = 1.0 if cat == "OTHER" else 0.0
    x[_F_CAT_DEMAND] = 1.0 if cat in _DEMANDS else 0.0
    x[_F_POL_POS] = 1.0 if f.polarity > 0.1 else 0.0
    x[_F_POL_NEG] = 1.0 if f.polarity < -0.1 else 0.0
    x[_F_HEDGED] = 1.0 if f.hedged else 0.0
    x[_F_NEGATED] = 1.0 if f.negated else 0.0
    x[_F_REPORTER] = 1.0 if f.reporter else 0.0
    cue = f.cue
    length = e - s if e > s else 1
    if h.start >= 0:
        x[_F_REL_POS] = (h.start - s) / length
        x[_F_NEAR_START] = 1.0 if _words_between(text, s, h.start) <= 3 else 0.0
        if cue is not None:
            if cue.start < h.start:
                x[_F_CUE_BEFORE_HOLDER] = 1.0
            gap = _words_between(text, h.start, cue.start) if cue.start > h.start else _words_between(
                text, cue.end, h.start)
            x[_F_CUE_NEAR if gap <= 3 else (_F_CUE_MID if gap <= 8 else _F_CUE_FAR)] = 1.0
        before = _word_before(text, h.start, s)
        x[_F_PREP_TARGET] = 1.0 if before in target_preps else 0.0
        x[_F_PREP_LOCATION] = 1.0 if before in location_preps else 0.0
        x[_F_PREP_OF] = 1.0 if before in _PREP_OF else 0.0
        end = h.start + len(h.text)
        x[_F_POSSESSIVE] = 1.0 if text[end:end + 2] in ("'s", "’s") else 0.0
        x[_F_HYPHEN] = 1.0 if text[end:end + 1] == "-" or text[h.start - 1:h.start] == "-" else 0.0
        x[_F_IN_QUOTE] = 1.0 if inside_quotes(text, s, h.start, ctx.quote_open) else 0.0
    n_codes = facts.codes
    subjects = facts.subjects
    x[_F_N_CODES_1 if n_codes <= 1 else (_F_N_CODES_2 if n_codes == 2 else _F_N_CODES_3P)] = 1.0
    x[_F_CODE_MENTIONS] = min(3, sum(1 for m in sent.mentions if m.code == code)) / 3.0
    x[_F_IS_HOME] = 1.0 if code == ctx.home else 0.0
    x[_F_DOC_SHARE] = ctx.share(code)
    x[_F_HOME_SHARE] = ctx.home_share if source == "home" else 0.0
    x[_F_FIRST_DOC_CODE] = 1.0 if code == ctx.first else 0.0
    has_say = facts.has_say
    x[_F_HAS_SAY] = 1.0 if has_say else 0.0
    x[_F_HAS_QUOTE] = 1.0 if facts.quoted else 0.0
    x[_F_LONG_SENTENCE] = 1.0 if length > 240 else 0.0
    x[_F_QUOTE_EXPERT] = 1.0 if ctx.quote_expert else 0.0
    speaker = ctx.speaker_country
    if speaker:
        x[_F_SPEECH] = 1.0
        own = actor == speaker  # (the speaker is an ISO3 code, the gazetteer's may be historical)
        x[_F_IS_SPEAKER] = 1.0 if own else 0.0
        x[_F_SPEECH_OTHER] = 0.0 if own else 1.0
    cue_at = cue.start if cue is not None else e
    agent_before, agent_state, agent_expert, name, person, igo, country_before = facts.before(sent, ctx, cue_at)
    agents = ctx.agents
    x[_F_AGENT_BEFORE_CUE] = 1.0 if agent_before else 0.0
    x[_F_AGENT_STATE] = 1.0 if agent_state else 0.0
    pron = facts.pron
    x[_F_PRON_SUBJECT] = 1.0 if pron else 0.0
    x[_F_NAME_BEFORE_CUE] = 1.0 if name else 0.0
    if source == "home":
        x[_F_HOME_X_AGENT] = 1.0 if agent_before else 0.0
        x[_F_HOME_X_SAY] = 1.0 if has_say else 0.0
        x[_F_HOME_X_NAME] = 1.0 if name else 0.0
    if source == "mention":
        x[_F_MENTION_X_NEAR] = x[_F_NEAR_START]
    if speaker and actor == speaker and kind == "first-person":
        x[_F_SPEAKER_X_FP] = 1.0
    if source == "engine" and h.start < 0 and kind not in ("first-person", "home"):
        x[_F_GROUP_RESOLVED] = 1.0  # "the ministers", "the two sides": named earlier
    if h.start >= 0:
        x[_F_SUBJECT] = 1.0 if h.start in subjects else 0.0
        x[_F_SUBJECT_LIST] = 1.0 if h.start in subjects and len(subjects) > 1 else 0.0
        end = h.start + len(h.text)
        i = bisect_left(ctx.agent_starts, end)
        x[_F_ROLE_AFTER] = 1.0 if i < len(agents) and agents[i][0] <= end + 25 else 0.0
    x[_F_PERSON_BEFORE_CUE] = 1.0 if person else 0.0
    x[_F_IGO_BEFORE_CUE] = 1.0 if igo else 0.0
    x[_F_IN_TITLE] = 1.0 if code in ctx.title_codes else 0.0
    if code in ctx.recent:
        x[_F_RECENT] = 1.0
        x[_F_HOME_X_RECENT] = 1.0 if source == "home" else 0.0
    x[_F_AGENT_EXPERT] = 1.0 if agent_expert else 0.0
    if h.start >= 0:
        window = text[max(s, h.start - 25):h.start].lower()
        x[_F_PLACE_WORDS] = 1.0 if any(w in window for w in _PLACE_WORDS) or text[
            h.start + len(h.text):h.start + len(h.text) + 10].startswith(("'s capital", "’s capital")) else 0.0
    if ctx.one_sentence:
        x[_F_ONE_SENTENCE] = 1.0
        x[_F_ONE_SENTENCE_X_ENGINE] = 1.0 if source == "engine" else 0.0
    x[_F_NO_ACTOR_BEFORE_CUE] = 1.0 if not (person or agent_before or name or pron or country_before) else 0.0
    x[_F_DOC_STATE] = ctx.state
    x[_F_HOME_X_DOC_STATE] = ctx.state if source == "home" else 0.0
    if source == "home":
        x[_F_HOME_X_STATE_ROLE] = 1.0 if facts.has_state_role(sent, ctx) else 0.0
        x[_F_IS_PLACE] = 1.0 if code == ctx.place else 0.0
    elif source == "quote":
        x[_F_QUOTE_X_FP] = 1.0 if sent.of("fp") or sent.of("fpposs") else 0.0
    if source == "engine" and cue is not None and h.start > cue.end and is_passive(text, cue, f.clause_start,
                                                                                  sent.alpha):
        x[_F_PASSIVE_AGENT] = 1.0  # the rules read it as the agent of a passive ("wounded in the Saudi-led strikes")
    if speaker and h.start >= 0 and kind != "first-person" and _act_owner(text, h.start, h.start + len(h.text), s, e):
        x[_F_SPEECH_ACT_OWNER] = 1.0  # (in a speech: in news, the home and place candidates read acts otherwise)
    if not speaker and not ctx.one_sentence:
        generic, timeless = facts.explanation(sent)
        x[_F_EXPLAINS] = 1.0 if generic else 0.0
        x[_F_UNANCHORED] = 1.0 if timeless else 0.0
    if speaker:
        i = _F_SPEECH_ACT_OWNER + 1
        for j in _SPEECH_COPIES:
            x[i] = x[j]
            i += 1
    if cat == "OTHER" and source != "engine":
        return _bare(x, sent, cue, agent_state, person)
    return x


def _bare(x: list[float], sent: Sentence, verb: Hit | None, agent_state: bool, person: bool) -> list[float]:
    """A candidate of a sentence with no known cue, read through its first verb
    (:func:`model.engine.fallback.first_verb`): weighed by features of its own, so that these many weak
    candidates do not move the weights of the others."""
    b = [0.0] * len(x)
    text, s, e = sent.text, sent.start, sent.end
    b[_F_BARE] = 1.0
    b[_F_BARE_X_HOME] = x[_F_SRC_HOME]
    b[_F_BARE_X_STATE_ROLE] = 1.0 if agent_state else 0.0  # an official or a state body before the verb
    b[_F_BARE_X_PERSON] = 1.0 if person else 0.0
    b[_F_BARE_X_DOC_STATE] = x[_F_DOC_STATE]
    b[_F_BARE_X_SHARE] = x[_F_DOC_SHARE]
    b[_F_BARE_X_HOME_SHARE] = x[_F_HOME_SHARE]
    b[_F_BARE_X_NEAR_START] = x[_F_NEAR_START]
    b[_F_BARE_X_PREP] = max(x[_F_PREP_TARGET], x[_F_PREP_LOCATION])
    b[_F_BARE_X_POSSESSIVE] = x[_F_POSSESSIVE]
    b[_F_BARE_X_QUOTE] = x[_F_HAS_QUOTE]
    b[_F_BARE_X_COUNTRY] = x[_F_K_COUNTRY] + x[_F_K_DEMONYM]
    b[_F_BARE_X_PASSIVE] = 1.0 if verb is not None and _word_before(text, verb.start, s) in _BE else 0.0
    b[_F_BARE_X_ACCORDING] = 1.0 if "according to" in sent.fold[s:e] else 0.0
    b[_F_EXPLAINS] = x[_F_EXPLAINS]  # (the same weights as the others': an explanation holds no act either way)
    b[_F_UNANCHORED] = x[_F_UNANCHORED]
    return b


def _act_owner(text: str, start: int, end: int, s: int, e: int) -> bool:
    """The name at ``start:end`` owns an act noun ("Russia's aggression", "the Russian brutal war", "the initiative
    of Colombia"): one of the three words after it (lower-case words before it), or the noun before "of"/"by"."""
    nxt = text[end:end + 2]
    at = end + 2 if nxt in ("'s", "’s") else end
    if at > end or (nxt[:1] == " " and nxt[1:2].islower()):
        for w in text[at:min(e, at + 40)].split()[:3]:
            word = w.rstrip(",.;:")
            if word in _ACT_NOUNS:
                return True
            if not word.isalpha() or not word.islower():
                break
    if text[start - 4:start] not in (" of ", " by ", "the "):
        return False  # (the usual case: no noun can own the name before it)
    before = text[max(s, start - 40):start].split()[-3:]
    if before and before[-1] == "the":
        before = before[:-1]
    return len(before) >= 2 and before[-1] in ("of", "by") and before[-2] in _ACT_NOUNS
