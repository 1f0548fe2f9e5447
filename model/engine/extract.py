"""Stance extraction: documents → statements (one row per country stance).

A mention of a country is not a stance.  For each sentence the engine finds
the event cue that governs each clause and the country that *holds* it — the
subject, the sayer of "X said that …", the agent of a passive, the possessor
or country of an official, the document's speaker for "we" — separating it
from countries that only receive the action (targets) and from whoever
reports it (news agencies, unnamed sources).  See ``model/engine/``.
"""

from __future__ import annotations

from typing import Final

from model.countries import is_iso3
from model.documents import Document, find_dateline
from model.engine.attribution import Attributor, Found, Sentence
from model.engine.background import LifeStory
from model.engine.bare import bare_verb, other_country_acts
from model.engine.content import content_sign
from model.engine.context import DocContext, SentenceFacts, home_bodies, owning_agents, unknown_person_subject
from model.engine.discourse import Discourse, Holder
from model.engine.holders import features, first_cue
from model.engine.home import home_holder, media_sayer, role_of_other
from model.engine.introduced import introduced_mentions
from model.engine.labels import choose_topic, issue_phrase, stance_label
from model.engine.lexicon import Hit, Lexicon
from model.engine.phrases import subject_mentions
from model.engine.quotes import OPEN_QUOTES, paragraph_ends, quote_marks, quote_open_after
from model.engine.quoting import opening_sayers, quote_candidates, quoted_names
from model.engine.scorer import HolderModel
from model.engine.sentences import split_spans
from model.engine.spans import bisect_left, cue_hits, round3
from model.engine.standing import Standing
from model.engine.surnames import surname_mentions
from model.engine.textfold import alpha_fold, paused_gc, text_folds
from model.resources import Resources
from model.statements import COLUMNS, Row

#: the sign of a saying that pays tribute or offers sympathy (CAMEO 051 praise, 018 empathetic comment)
_TRIBUTE: Final = 0.4
#: the sign of a saying that blames (CAMEO 111 criticise or denounce)
_CRITICISM: Final = -0.5
#: what a sayer does when no act governs: say, or (no known cue) whatever the subject's verb is
_SAYING_CATEGORIES: Final = frozenset({"SAY", "OTHER"})
_MEETING_WORDS: Final = frozenset({"meeting", "summit", "talks"})
#: lexicon hits that let a sentence without a name hold a stance: "we", "our …" (with a
#: speaker country), and words that refer back to an earlier actor ("it", "the two sides")
_FIRST_PERSON_KINDS: Final = frozenset({"fp", "fpposs"})
_ANAPHOR_KINDS: Final = frozenset({"pron1", "pronN", "group", "defagent"})
class Engine:
    """Resources compiled for extraction; build once, reuse for many documents.

    An engine keeps caches of the sentence at hand (its shared label, topic and issue; its attributor's
    last target), so it serves one thread at a time: :func:`engine_for` gives each thread its own.
    """

    def __init__(self, resources: Resources, holder_model: bool = True) -> None:
        """``holder_model=False``: the rules' holders and confidence, unscored (and no model file read)."""
        self.resources = resources
        self.lexicon = Lexicon.load(resources.folder, topics=[(t.key, t.cues) for t in resources.topics])
        self.attributor = Attributor(self.lexicon, self.resources.gazetteer.find_agents)
        self.model = HolderModel.load(resources.folder) if holder_model else None
        #: whether an act is done and which names stand for its actor: what the scorer is not asked
        self.standing = Standing(self.lexicon, self.resources.gazetteer.find_agents)
        #: a person's life story ("was born in 1950", "died at home"): background, no act
        self.life = LifeStory(self.lexicon)
        #: names of bodies many countries have, which the gazetteer gives to one ("House of Representatives")
        self._generic_bodies = frozenset(self.lexicon.words.get("generic_bodies", []))
        say = self.lexicon.categories.get("SAY")
        self._saying = say.polarity if say is not None else 0.0  # the sign of a plain saying (its category's)
        #: when a list, every holder candidate's (document, start, end, actor, source, features) is appended
        #: to it and every candidate is emitted (``tools/train_holders.py`` reads them)
        self.collect: list[tuple[str, int, int, str, str, list[float]]] | None = None
        self._iso_codes: dict[str, str | None] = {}  # actor code → ISO3 (successor states applied)
        # holders of one clause share label, topic and issue: the last clause's, kept with its sentence
        self._shared_sent: Sentence | None = None
        self._shared_key = (-1, -1, -1)
        self._shared: tuple[str, str, str] = ("", "", "")
        self._text_of: Sentence | None = None  # the sentence whose text ``_sent_text`` is
        self._sent_text = ""

    def document(self, doc: Document) -> list[dict[str, object]]:
        """The statements of one document, as contract rows (dicts keyed by ``COLUMNS``)."""
        return [dict(zip(COLUMNS, r, strict=True)) for r in self.rows(doc)]

    def rows(self, doc: Document) -> list[Row]:
        """The statements of one document as tuples in ``COLUMNS`` order (what ``statements_frame``
        takes; a tuple is built in a fraction of the time of a 20-key dict)."""
        with paused_gc():  # many small acyclic objects: full collections would only walk them
            return self._document(doc)

    def _document(self, doc: Document) -> list[Row]:
        text = doc.text
        doc_id, speaker_country = doc.id, doc.speaker_country  # (read once: Document is not a compiled class)
        name_fold, fold = text_folds(text)  # same length as the text: offsets carry over ("İstanbul")
        mentions = self.resources.gazetteer.find(text, None, name_fold)
        dl = find_dateline(text)
        if dl:
            mentions = [m for m in mentions if m.start >= dl[1]]
        mentions = surname_mentions(text, mentions)
        disc = Discourse(speaker_country=speaker_country)
        scoring = self.model is not None or self.collect is not None
        ctx = DocContext(mentions, speaker_country,
                         owning_agents(text, self.resources.gazetteer.find_agents(text))
                         if scoring else [])
        if ctx.home and self._generic_bodies:
            mentions = home_bodies(mentions, ctx.home, self._generic_bodies)
        mentions = introduced_mentions(text, mentions, ctx.agents, ctx.home, ctx.place)  # "Lorenzana said"
        n_mentions, m_lo = len(mentions), 0  # mentions are in text order and so are sentences: slices advance
        rows: list[Row] = []
        doc_topics: dict[str, int] = {}
        quoted: list[tuple[int, int]] = []   # sentences of a quote whose speaker is not named yet
        quote_open = False  # a quotation is open where the next sentence starts
        quote_sayers: list[Holder] = []  # who speaks the open quotation (named in the sentence that opened it)
        quote_expert = False  # … an expert, by the role the sentence that opened it names
        quote_last: list[Holder] | None = None  # the antecedents where it opened
        # the lexicon is scanned once over the whole text (cheaper than a regex on each sentence for pronouns)
        alpha = alpha_fold(fold, text)
        whole = self.lexicon.scan(text, fold=fold, alpha=alpha)
        h_starts = [h.start for h in whole]
        spans = list(split_spans(text, name_fold if alpha else ""))  # (alpha is "" with a Kelvin sign)
        ctx.one_sentence = len(spans) == 1
        if scoring and doc.title:
            ctx.title_codes = {m.code for m in self.resources.gazetteer.find(doc.title) if m.is_country}
        for s, e in spans:
            while m_lo < n_mentions and mentions[m_lo].start < s:
                m_lo += 1
            m_hi = m_lo
            while m_hi < n_mentions and mentions[m_hi].start < e:
                m_hi += 1
            ms = mentions[m_lo:m_hi]
            hs = whole[bisect_left(h_starts, s):bisect_left(h_starts, e)]
            opens, closes = quote_marks(text, s, e)
            at_start = quote_open and text[s] not in OPEN_QUOTES  # the sentence goes on with an open quotation
            continues = at_start and bool(quote_sayers)
            ctx.quoting = quote_sayers if continues else []
            ctx.quote_open = at_start
            ctx.quote_expert = at_start and quote_expert
            if not quote_open:
                quote_sayers = []
            quote_open = quote_open_after(text, s, e, quote_open) and not paragraph_ends(text, e)
            opens_here = quote_open and (not at_start or closes >= 0)
            if opens_here:
                quote_expert = scoring and ctx.expert_sayer(text, s, e, ms)
            if quoted and closes < 0:
                quoted.append((s, e))
            elif opens >= 0 and closes < 0:
                quoted = [(s, e)]
            # only sentences that name an actor, or can refer back to one, are read closely
            if not ms and not (
                (speaker_country and any(h.kind in _FIRST_PERSON_KINDS for h in hs))
                or ((disc.last or disc.groups) and any(h.kind in _ANAPHOR_KINDS for h in hs))
            ):
                disc.remember([], [], False)
                if unknown_person_subject(text, s, e, ctx):
                    disc.someone_else()
                quote_last = disc.last if opens_here else quote_last
                if scoring and (ctx.quoting or ((ctx.home or ctx.place) and (
                        any(h.kind == "cue" for h in hs) or ctx.state_role_in(s, e)))):
                    sent = Sentence(text, s, e, ms, hs, speaker_country, fold, alpha=alpha)
                    self._emit(doc_id, sent, [], ctx, doc_topics, rows)
                continue
            sent = Sentence(text, s, e, ms, hs, speaker_country, fold, alpha=alpha)
            # (a quotation whose opener holds nothing, "Actor Jane Roe tweeted, “… .  He never sought …”": its "he"
            # is someone she talks about, not whom the narrative named before it)
            hidden = disc.last if at_start and not continues and disc.last is quote_last else None
            disc.last = [] if hidden is not None else disc.last
            found, said_by = self.attributor.analyse(sent, disc)
            disc.last = hidden if hidden is not None else disc.last
            groups = [str(h.value) for h in hs if h.kind == "group"]
            sure = [f for f in found if f.category != "OTHER"]  # fallback guesses are not antecedents
            if quote_open and not continues and (not at_start or opens >= 0 or closes >= 0):
                # (only where the quotation opens: a later sentence of one whose sayer holds nothing is no opener,
                # "Affleck tweeted, “… .  He never sought …”" gives the quote to nobody, not to whom "he" stands for)
                quote_sayers = opening_sayers(self.standing, sent, said_by, sure)
            consult = any(f.category == "CONSULT" for f in sure) and any(g in _MEETING_WORDS for g in groups)
            disc.remember([f.holder for f in sure], groups, consult)
            quote_last = disc.last if opens_here else quote_last  # (the antecedents before the quotation's words)
            if quoted and closes >= 0:
                # "“… .  … ,” the Kremlin said.": the sayer named after the quote speaks its earlier sentences
                sayers = [h for h in said_by if h.start > closes]
                now = ctx.quoting, ctx.quote_open
                ctx.quoting = []
                for qs, qe in quoted if sayers else ():
                    ctx.quote_open = qs != quoted[0][0]  # (the first opens the quotation, the others go on with it)
                    qhits = whole[bisect_left(h_starts, qs):bisect_left(h_starts, qe)]
                    qsent = Sentence(text, qs, qe, [], qhits, speaker_country, fold, alpha=alpha)
                    self._emit(doc_id, qsent, self.attributor.attribute_to(qsent, sayers), ctx, doc_topics, rows,
                               candidates=False)
                ctx.quoting, ctx.quote_open = now
                quoted = []
            if scoring:
                disc.forget(self._emit(doc_id, sent, found, ctx, doc_topics, rows))
                continue
            for f in found:
                row = self._row(doc_id, sent, f, doc_topics)
                if row is not None:
                    rows.append(row)
        return rows

    def _emit(self, doc_id: str, sent: Sentence, found: list[Found], ctx: DocContext, doc_topics: dict[str, int],
              rows: list[Row], candidates: bool = True) -> set[int]:
        """The rules' holders and the other candidates of a sentence, scored; the likely ones become rows. Returns
        the starts of the names that stand for no actor (:mod:`model.engine.standing`)."""
        cue = first_cue(sent, cue_hits(sent))
        cands: list[tuple[Found, str]] = []
        standing = self._standing_out(sent, ctx, found, cue) if candidates else (found, set(), False, -1)
        out: set[int] = set()
        if standing is not None:  # (None: the act is not done, no candidate)
            kept, out, private, media = standing
            cands = [(f, "engine") for f in kept]
            if candidates and cue is not None:
                self._candidates(sent, ctx, cands, cue, out, private, private or media >= 0)
            elif candidates and ctx.quoting:
                quote_candidates(self.attributor, self._saying, sent, ctx, cands, None, False)
            elif candidates and not ctx.speaker_country:
                # no known cue: the countries named and the home country through the first verb, for the scorer
                # to weigh (officials, police and firefighters act by verbs no cue table lists)
                verb = bare_verb(self.attributor, sent, ctx)
                if verb is not None:
                    self._candidates(sent, ctx, cands, verb, out, private, private)
                    if other_country_acts(sent, verb.start):  # "U.S. officials identified …": not the home's
                        cands = [c for c in cands if c[1] != "home"]
        codes = len({m.code for m in sent.mentions if m.is_country})
        attr = self.attributor
        subjects = {m.start for m in subject_mentions(sent.text, sent.mentions, sent.start, cue.start)} \
            if cue is not None else set()
        facts = SentenceFacts(sent, codes, subjects)
        scored: list[tuple[Found, float, bool, str]] = []  # (candidate, probability, a holder the rules found, ISO3)
        members: dict[tuple[int, int], list[float]] = {}  # the rules' holders of one clause and cue
        for f, source in cands:
            actor = self._iso3(f.holder.code)
            if actor is None:
                continue
            x = features(sent, f, source, ctx, f.holder.code, facts, attr.target_preps, attr.location_preps, actor)
            if self.collect is not None:
                self.collect.append((doc_id, sent.start, sent.end, actor, source, x))
            p = self.model.probability(x) if self.model is not None else f.confidence
            named = source == "engine" and f.holder.kind != "first-person"
            if named:
                members.setdefault(_clause_key(f), []).append(p)
            scored.append((f, p, named, actor))
        model = self.model if self.collect is None else None
        speaker = ctx.speaker_country
        for f, p, named, actor in scored:
            if model is not None:
                group = members.get(_clause_key(f)) if named else None
                if group is not None and len(group) > 1:
                    p = max(group)  # "China, Iran and Russia agreed": one subject, one decision
                if p < model.threshold:
                    continue
                f.confidence = round3(model.confidence(p, bool(speaker) and actor != speaker))
            row = self._row(doc_id, sent, f, doc_topics)
            if row is not None:
                rows.append(row)
        seen = {m.code for m in sent.mentions if m.is_country} | {f.holder.code for f in found}
        if seen:
            ctx.recent = seen
        return out

    def _standing_out(self, sent: Sentence, ctx: DocContext, found: list[Found],
                      cue: Hit | None) -> tuple[list[Found], set[int], bool, int] | None:
        """What the rules know holds nothing (:mod:`model.engine.standing`): None when the act is not done or a
        private person says the sentence (no candidate then), else the rules' holders that stand for an actor, the
        starts of the names that do not, whether the subject holds nothing (then no name before the cue, no
        home country, no earlier actor), and where a news outlet that is the sayer is named (-1: none)."""
        standing = self.standing
        if (cue is not None and not ctx.quoting and standing.unreal(sent, cue)) or standing.private_sayer(sent):
            return None
        if not ctx.quoting and self.life.told(sent, found, standing.reported):
            return None
        out, private = standing.not_actors(sent, cue)
        quoted = quoted_names(sent, found, ctx, private)
        if quoted:
            found = [f for f in found if f.holder.start not in quoted]
        at = cue.start if cue is not None else sent.end
        media = media_sayer(sent, cue) if cue is not None else -1
        if media >= 0:  # ("Ruritanian daily newspaper The Herald revealed …": the country word names the outlet)
            out |= {m.start for m in sent.mentions if media <= m.start < at}
        if out or private:
            # (in a speech, the first person too: "we face challenges"; elsewhere a private sayer's "we" stays)
            drop_fp = bool(sent.speaker_country)
            found = [f for f in found if f.holder.start not in out and not (
                private and (drop_fp or f.holder.kind != "first-person") and f.holder.start < at)]
        return found, out, private, media

    def _candidates(self, sent: Sentence, ctx: DocContext, cands: list[tuple[Found, str]], cue: Hit,
                    out: set[int], private: bool, no_home: bool) -> None:
        """Countries the sentence names that the rules did not take, and the home country (not the names
        in ``out``, and when the subject holds nothing (``private``), no name before the cue and no home; nor
        the home country when ``no_home``: a news outlet says the sentence)."""
        taken = {f.holder.code for f, _ in cands}
        attr = self.attributor
        s, e = sent.start, sent.end
        hedged = attr._hedged(sent, s, e)
        quoted = quoted_names(sent, [f for f, _ in cands], ctx, private)
        for m in sent.mentions:
            if m.start in out or (private and m.start < cue.start):
                continue
            if m.start in quoted:
                taken.add(m.code)  # (Putin said: "… Zimbabwe's modern history …": his words about another country)
                continue
            if m.is_country and m.code not in taken and m.kind not in ("reporter", "igo"):
                taken.add(m.code)
                f = attr.make(sent, Holder(m.code, m.text, m.start, m.kind), cue, s, e, hedged, None, None)
                cands.append((f, "mention"))
        quote_candidates(self.attributor, self._saying, sent, ctx, cands, cue, hedged)
        taken |= {h.code for h in ctx.quoting}
        # the home country, and where the story happens when elsewhere (its police, courts, officials); in a speech,
        # not a country the sentence names as standing for no actor ("their intention to defeat Russia", Russia's)
        if out and sent.speaker_country:
            taken |= {m.code for m in sent.mentions if m.start in out}
        for code in (ctx.home, ctx.place):
            if code and code not in taken and not no_home and not role_of_other(sent, ctx, cue, code):
                cands.append((attr.make(sent, home_holder(sent, ctx, cue, code), cue, s, e, hedged, None, None), "home"))

    def _fallback_topic(self, f: Found, doc_topics: dict[str, int]) -> str:
        """No topic cue in the sentence: the cue's category, else what the document is mostly about."""
        cat = self.lexicon.categories.get(f.category)
        if cat is not None and cat.topic:
            return cat.topic
        # the document's most frequent topic so far (the first of equals), once seen twice
        best = ""
        most = 0
        for topic, n in doc_topics.items():
            if n > most:
                best, most = topic, n
        return best if most >= 2 else "diplomacy"

    def _iso3(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code not in self._iso_codes:
            successor = self.resources.successors.get(code, code)
            self._iso_codes[code] = successor if is_iso3(successor) else None
        return self._iso_codes[code]

    def _row(self, doc_id: str, sent: Sentence, f: Found, doc_topics: dict[str, int]) -> Row | None:
        actor = self._iso3(f.holder.code)
        if actor is None:
            return None
        text = sent.text
        cue = f.cue
        key = (cue.start if cue else -1, f.clause_start, f.holder.start)
        if self._shared_sent is not sent or self._shared_key[:2] != key[:2]:
            fallback = self._fallback_topic(f, doc_topics)
            topic, topic_hit = choose_topic(f, sent.of("topic"), f.clause_start, fallback)
            self._shared = (topic, stance_label(text, f, 9, sent.fold, sent.start, sent.end)[0], issue_phrase(text, topic_hit, sent.fold))
            self._shared_sent, self._shared_key = sent, key
        elif self._shared_key[2] != key[2]:  # another holder of the act: its label may read the holder's words
            self._shared = (self._shared[0], stance_label(text, f, 9, sent.fold, sent.start, sent.end)[0], self._shared[2])
            self._shared_key = key
        topic, label, issue = self._shared
        doc_topics[topic] = doc_topics.get(topic, 0) + 1
        if self._text_of is not sent:
            self._text_of, self._sent_text = sent, text[sent.start:sent.end]
        # in COLUMNS order (tests/model/test_extract_rows.py holds it to that)
        return (
            doc_id,                                                 # document
            self._sent_text,                                        # sentence
            sent.start,                                             # start
            sent.end,                                               # end
            actor,                                                  # actor
            f.holder.text,                                          # actor_text
            f.speaker,                                              # speaker
            self._iso3(f.target) if f.target != actor else None,    # target
            topic,                                                  # topic
            label,                                                  # stance
            round3(self._polarity(sent, f)),                        # polarity
            f.confidence,                                           # confidence
            f.reporter,                                             # reporter
            bool(f.hedged),                                         # hedged
            bool(f.negated),                                        # negated
            issue,                                                  # issue
            f.holder.kind,                                          # actor_kind
            text[cue.start:cue.end] if cue else "",                 # cue
            cue.start if cue else -1,                               # cue_start
            f.holder.start,                                         # actor_start
        )


    def _polarity(self, sent: Sentence, f: Found) -> float:
        """The statement's sign: a saying's (or a sentence's without a known act, or an act it only reports:
        ``Attributor.reports_only``) is what it says in tribute or sympathy, or in blame (set after the scorer)."""
        acts, report = self.attributor.acts, self.attributor.reports_only(sent, f)
        if f.category in _SAYING_CATEGORIES or report:
            if acts.pays_tribute(sent):
                return _TRIBUTE
            if acts.criticises(sent):
                return _CRITICISM
        return content_sign(sent, f, self._saying if report else f.polarity)


def _clause_key(f: Found) -> tuple[int, int]:
    return (f.cue.start if f.cue is not None else -1, f.clause_start)
