"""Per-sentence attribution: holders, targets, reporter, and the governing cue."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from model.engine.acts import Acts
from model.engine.appeals import (
    first_person_appeal,
    first_person_subject,
    leads_the_audience,
    other_subject,
    speaker_after_igo,
)
from model.engine.clauses import (
    Frame,
    clause_bounds,
    find_frames,
    first_word,
    is_passive,
)
from model.engine.discourse import Discourse, Holder, definite
from model.engine.fallback import fallback, sentiment
from model.engine.gazetteer import Mention
from model.engine.lexicon import CueDef, Hit, Lexicon, category
from model.engine.origins import agents_from, body_placed, ethnic_to_place, later_clauses, saying_verb
from model.engine.phrases import after_intro_phrase, igo_subject, subject_mentions, through_list
from model.engine.reports import AGENT_END, BY, IN_ATTACK, reported
from model.engine.spans import Found, Sentence, cue_hits, governors, round3
from model.engine.standing import STATIVE
from model.engine.targets import Targets
from model.engine.wording import names_media, without_lead_adverb

__all__ = ["Attributor", "Found", "Sentence"]

#: "a group based in Trinidad": the place is where the subject belongs
_BASED: Final = frozenset("based stationed living operating headquartered".split())
#: kinds of name that stand for the country itself
_NAMED_STATE: Final = frozenset({"country", "demonym", "capital"})
_RECIPROCAL: Final = frozenset("meet hold negotiate consult confer telephone clash fight renew resume".split())


class Attributor:
    """Who holds the stances of a sentence.  Results are returned, never kept; the only state is a cache of
    the sentence at hand (the last target found), so one attributor serves one thread at a time."""

    def __init__(self, lexicon: Lexicon, find_agents: Callable[[str], Sequence[object]] | None = None) -> None:
        self.lex = lexicon
        #: role words in a text ("police", "protesters", "the foreign minister"): the gazetteer's agent finder
        self.find_agents = find_agents
        w = lexicon.words
        self.target_preps = frozenset(w.get("target_prepositions", []))
        self.light = frozenset(w.get("light_verbs", []))
        self.light_keep = frozenset(w.get("light_keep", []))
        self.location_preps = frozenset(w.get("location_prepositions", []))
        #: prepositions that put a name in a predicate, not the subject ("in Chad", "of Yemen", "with China")
        self._subject_preps = self.location_preps | self.target_preps | {"of"}
        #: verbs of what befalls the subject, not its act: the fallback reads no stance in them ("X died")
        self.no_act = frozenset(w.get("no_act", []))
        #: what a speaker's "our …" names as its position when no verb does ("deserves our full support")
        self.position_nouns = frozenset(w.get("position_nouns", []))
        #: the act a cue takes in its sentence (its category and sign)
        self.acts = Acts(lexicon)
        #: whom a clause's act is aimed at
        self.targets = Targets(self.location_preps)

    # --- governing cues ------------------------------------------------------
    def govern(self, text: str, cues: list[Hit], a: int, b: int) -> Hit | None:
        inside = [c for c in cues if a <= c.start < b]
        for i, c in enumerate(inside):
            d: CueDef = c.value
            if d.lemma in self.light and d.lemma not in self.light_keep and i + 1 < len(inside):
                nxt = inside[i + 1]
                gap = text[c.end:nxt.start].lower()
                if len(gap) < 30 and (" to " in f" {gap} " or d.lemma == "consider"):
                    continue
            if d.category == "SAY" and i + 1 < len(inside):
                continue
            return c
        return None

    def reports_only(self, sent: Sentence, f: Found) -> bool:
        """The holder of ``f`` only reports its act (``reports.reported``: harm that befell others, an act by no
        country's actor): its statement is a saying, set after the scorer."""
        return reported(sent, f.cue, f.clause_start, f.clause_end, self.find_agents, self.acts.no_agents)

    # --- holders ---------------------------------------------------------------
    def _holders_in(self, text: str, mentions: list[Mention], a: int, b: int, govs: dict[int, str],
                    allow_targets: bool = False, subject: bool = False) -> list[Holder]:
        out: list[Holder] = []
        seen: set[str] = set()
        pool = subject_mentions(text, mentions, a, b) if subject else mentions
        for m in pool:
            if not (a <= m.start and m.end <= b) or not m.is_country:
                continue
            gov = govs.get(m.start, "")
            if not allow_targets and gov in self.target_preps and not (
                    subject and gov == "from" and agents_from(text, a, m.start, self.find_agents)):
                continue
            if subject and govs.get(m.start, "") in self.location_preps and not self.actor_placed(text, a, m.start):
                continue  # "In France, the storm killed …", "A fire in Russia …": a place, not the subject
            if m.code in seen:
                continue
            seen.add(m.code)
            out.append(Holder(m.code, m.text, m.start, m.kind))
        return out

    def actor_placed(self, text: str, a: int, start: int) -> bool:
        """An actor stands before the place name at ``start`` in the subject ("Police in Kenya …", "Protesters
        in Bahrain …"), so the place is where that actor belongs (True also when role words are not at hand)."""
        if self.find_agents is None:
            return True
        words = text[a:start].lower().split()
        return (len(words) >= 2 and words[-2] in _BASED) or bool(self.find_agents(text[a:start])) or body_placed(
            text, a, start)

    def _context_holders(self, sent: Sentence, a: int, b: int, disc: Discourse) -> list[Holder]:
        """Who "we", "the ministers", "it" or "they" between ``a`` and ``b`` stand for."""
        region = [h for h in sent.hits if a <= h.start < b]
        kinds = {h.kind for h in region}
        if "fp" in kinds and sent.speaker_country:
            fp = next(h for h in region if h.kind == "fp")
            if leads_the_audience(sent, fp):
                return []
            if not other_subject(sent, fp.end, b):
                return [Holder(sent.speaker_country, sent.text[fp.start:fp.end], fp.start, "first-person")]
            # "I will not tell the Assembly how many persons it killed": the act is another subject's
        groups = [str(h.value) for h in region if h.kind == "group" and definite(sent.text, h.start, a)]
        if groups:
            found = disc.resolve_group(groups)
            if found:
                return [Holder(h.code, h.text, -1, h.kind) for h in found]
        return self._pronoun_antecedents(sent, region, a, disc)

    def _pronoun_antecedents(self, sent: Sentence, region: list[Hit], a: int, disc: Discourse) -> list[Holder]:
        """The earlier holders a pronoun or definite agent among ``region`` (the hits of a clause or sayer that
        starts at ``a``) stands for."""
        kinds = {h.kind for h in region}
        if "pronN" in kinds:
            return [Holder(h.code, h.text, -1, h.kind) for h in disc.resolve_pronoun(True)]
        if "pron1" in kinds or "defagent" in kinds:
            # only a pronoun or definite agent standing at the clause start
            first = min((h for h in region if h.kind in ("pron1", "defagent")), key=lambda h: h.start)
            if not sent.text[a:first.start].strip(" ,“\"'"):
                return [Holder(h.code, h.text, -1, h.kind) for h in disc.resolve_pronoun(False)]
        return []


    # --- the sentence ----------------------------------------------------------
    def analyse(self, sent: Sentence, disc: Discourse) -> tuple[list[Found], list[Holder]]:
        """The stances of ``sent``, and the sayers its frames name ("…, the Kremlin said": they also
        speak the earlier sentences of a quote that closes here)."""
        text, s, e = sent.text, sent.start, sent.end
        blocked = False  # an organisation is the subject: no country holds, and no fallback guesses one
        cues = cue_hits(sent)
        says = [c for c in cues if category(c) == "SAY"]
        frames = find_frames(text, s, e, says, cues, sent.fold)
        reporter, sayer_holders, unnamed = self._frame_roles(sent, frames, disc)
        # the reported content: where every frame's content overlaps (the whole sentence without frames)
        cs, ce = s, e
        seen = False
        for fr in frames:
            if fr.kind != "according":
                cs = fr.content_start if not seen or fr.content_start > cs else cs
                ce = fr.content_end if not seen or fr.content_end < ce else ce
                seen = True
        for fr in frames:
            if fr.kind == "according":
                cs = fr.content_start if fr.content_start > cs else cs
                ce = fr.content_end if fr.content_end < ce else ce
        frame_verbs = {id(f.verb) for f in frames if f.verb is not None}
        body_cues = [c for c in cues if cs <= c.start < ce and id(c) not in frame_verbs]
        hedged = unnamed or self._hedged(sent, cs, ce)
        found: list[Found] = []
        first_cue: tuple[Hit, int, int] | None = None
        cuts = clause_bounds(text, cs, ce, sent.of("opener")) + [ce]
        for i in range(len(cuts) - 1):
            a, b = cuts[i], cuts[i + 1]
            cue = self.govern(text, body_cues, a, b)
            if cue is None:
                continue
            first_cue = first_cue or (cue, a, b)
            held = self.clause(sent, disc, a, b, cue, hedged, reporter)
            if held is None:
                blocked = True
            else:
                found.extend(held)
            if found or blocked or category(cue) in ("DEMAND", "APPEAL"):
                break  # "X demanded that Y …": Y is the addressee, not a holder
        leading = next((fr for fr in frames if fr.kind == "leading"), None)
        if leading is not None and not sayer_holders and found and found[0].cue is not None and any(
            found[0].clause_start <= h.start < found[0].cue.start for h in sent.of("modal")
        ):
            found = []  # "The forum concluded that the US must …": the US is asked, it holds nothing
        if not found and not blocked and not sayer_holders:
            appeal = first_person_appeal(sent, cs, ce, self.lex.categories)
            if appeal is not None:
                found = [self.make(sent, appeal[1], appeal[0], cs, ce, hedged, reporter, None)]
        if not found and not blocked and not (leading is not None and sayer_holders) and not (
            first_cue and is_passive(text, first_cue[0], first_cue[1], sent.alpha)
        ):
            found = fallback(self, sent, cs, ce, hedged, reporter, first_cue[0].start if first_cue else ce)
        # "I will not tell the Assembly how many persons it killed": the act is another's, the speaker only says it
        unnamed_actor = not found and first_cue is not None and bool(sayer_holders) and all(
            h.kind == "first-person" for h in sayer_holders) and other_subject(sent, first_cue[1], first_cue[0].start)
        if sayer_holders and not unnamed_actor and (
                leading is not None or (not found and first_cue is not None and not blocked)):
            # "X said (that) …" / "…, X said": X holds the stance; content countries become targets
            inner = found[0] if found else None
            found = [self._sayer_found(sent, h, inner, first_cue, frames, hedged, reporter) for h in sayer_holders]
        elif sayer_holders and not found and not blocked and (verb := saying_verb(sent, frames)) is not None:
            # "The elections were rigged,” Kenya’s foreign minister said.", "According to Chile's health
            # ministry, the outbreak is over": the sayer's own statement
            found = [self.make(sent, h, verb, sent.start, sent.end, hedged, reporter, None) for h in sayer_holders]
            tone = sentiment(self.lex, text[cs:ce].lower())
            for f in found:
                f.polarity, f.confidence = tone, round3(f.confidence * 0.6)
        found += later_clauses(self, sent, disc, cuts, body_cues, (hedged, reporter), found)
        for f in found:
            f.speaker = self._speaker(sent, f, frames)
        return found, sayer_holders

    def attribute_to(self, sent: Sentence, holders: list[Holder]) -> list[Found]:
        """Statements of a quoted sentence whose speaker is named only when the quote closes."""
        cue = self.govern(sent.text, cue_hits(sent), sent.start, sent.end)
        if cue is None:
            return []
        hedged = self._hedged(sent, sent.start, sent.end)
        return [self.make(sent, Holder(h.code, h.text, -1, h.kind), cue, sent.start, sent.end, hedged, None, None)
                for h in holders]

    def _hedged(self, sent: Sentence, cs: int, ce: int) -> bool:
        for h in sent.of("hedge"):
            word = str(h.value)
            if word in ("could", "may", "might"):
                # a modal hedges only its own clause's verb, not "it may be noted that"
                if cs <= h.start < ce and not sent.text[h.end:h.end + 10].startswith(" be noted"):
                    return True
            else:
                return True
        return False

    def _speaker(self, sent: Sentence, f: Found, frames: list[Frame]) -> str | None:
        """The person or body that voiced the stance ("Kremlin", "Dmitry Medvedev"), if named."""
        if f.holder.kind in ("person", "body", "capital") and f.holder.start >= 0:
            return f.holder.text
        for fr in frames:
            for m in sent.mentions:
                if (fr.sayer_start <= m.start < fr.sayer_end and m.code == f.holder.code
                        and m.kind in ("person", "body", "capital")):
                    return m.text
        return None

    def _frame_roles(self, sent: Sentence, frames: list[Frame],
                     disc: Discourse) -> tuple[str | None, list[Holder], bool]:
        reporter = None
        holders: list[Holder] = []
        unnamed = False
        for m in sent.mentions:
            if m.kind == "reporter":
                reporter = reporter or m.text
        for f in frames:
            sayer_text = without_lead_adverb(sent.text[f.sayer_start:f.sayer_end].strip(" ,.“”\""))
            ms = [m for m in sent.mentions if f.sayer_start <= m.start < f.sayer_end]
            # (the sayer is the last stretch: "Speaking on state TV, the minister" is the minister, not the outlet)
            if any(m.kind == "reporter" for m in ms) or names_media(sayer_text[sayer_text.rfind(",") + 1:]):
                reporter = reporter or sayer_text[:80]
                continue
            region = [h for h in sent.hits if f.sayer_start <= h.start < f.sayer_end]
            if any(h.kind == "unnamed" for h in region) and not any(m.is_country for m in ms):
                unnamed = True
                reporter = reporter or sayer_text[:80]
                continue
            if ms and ms[0].kind == "igo":
                continue  # "…, the UN mission in Angola said": the organisation speaks
            if ms:  # (not the names of an introductory phrase: "Speaking on TV in Yemen, Houthi spokesman X said")
                ms = after_intro_phrase(sent.text, f.sayer_start, f.sayer_end, ms)
            govs = governors(sent.text, ms, f.sayer_start, sent.alpha)
            hs = self._holders_in(sent.text, ms, f.sayer_start, f.sayer_end, govs, subject=True)
            speaker = sent.speaker_country
            # ("our" only leading the sentence: "… on my part to say that"; not "…, disrupt our social orders.")
            fp = next((h for h in region if h.kind == "fp" or (h.kind == "fpposs" and f.kind == "leading")),
                      None) if not hs and speaker else None
            if fp is not None and speaker and not leads_the_audience(sent, fp):
                # "We believe that …", "I stress that …" in a speech: the speaker's country says it
                hs = [Holder(speaker, sent.text[fp.start:fp.end], fp.start, "first-person")]
            elif not ms:
                # "He also said, “…”", "“…,” she said": the sayer named in an earlier sentence
                hs = self._pronoun_antecedents(sent, region, f.sayer_start, disc)
            if f.kind == "trailing":
                holders.extend(h for h in hs if h.code not in {x.code for x in holders})
            else:
                holders = hs + [h for h in holders if h.code not in {x.code for x in hs}]
        return reporter, holders, unnamed

    def clause(self, sent: Sentence, disc: Discourse, a: int, b: int, cue: Hit, hedged: bool,
                reporter: str | None) -> list[Found] | None:
        """The holders of one clause governed by ``cue``; None when an organisation holds it (no country does)."""
        text = sent.text
        mentions = [m for m in sent.mentions if a <= m.start < b]
        govs = governors(text, mentions, a, sent.alpha)
        holders = self._holders_in(text, mentions, a, cue.start, govs, subject=True)
        holders = ethnic_to_place(text, holders, mentions, govs, self.location_preps)
        acted_upon = False  # a country named as the subject of an agentless passive (no context holder then)
        if is_passive(text, cue, a, sent.alpha) and first_word(text, cue) not in STATIVE:
            by = BY.search(text, cue.end, b)
            if by is None and category(cue) in ("ASSAULT", "FIGHT"):
                by = IN_ATTACK.search(text, cue.end, b)
            agents: list[Holder] = []
            if by:
                stop = AGENT_END.search(text, by.end() + 1, b)
                agent_end = through_list(text, mentions, by.end(), stop.start() if stop else b)
                agents = self._holders_in(text, mentions, by.end(), agent_end, {}, allow_targets=True, subject=True)
                if not agents and not any(by.end() <= m.start < agent_end and m.kind == "igo" for m in mentions):
                    # ("was condemned by members of the European Union": the organisation's members, not the
                    # countries named before)
                    agents = self._context_holders(sent, by.end(), b, disc)
            if agents:
                holders = agents
            else:
                # "Russia was barred from the games", "Yemenis were wounded": a country named as the subject is
                # acted upon; a person or body ("Trump was sentenced") is acted upon by his own state, mostly
                kept = [h for h in holders if h.kind not in _NAMED_STATE and govs.get(h.start, "") not in self.location_preps]
                acted_upon = len(kept) < len(holders)
                holders = kept
        if sent.speaker_country and holders:
            own = first_person_subject(sent, a, cue, holders, govs, self._subject_preps)
            if own is not None:
                holders = [own]  # "With regard to Yemen, we reiterate …": the speaker's, not Yemen's
        if (sent.speaker_country and holders and holders[0].code != sent.speaker_country
                and any(holders[0].start < h.start < cue.start for h in sent.of("modal"))):
            # in a speech, "India must reverse its measures" is the speaker's demand on India
            speaker = Holder(sent.speaker_country, "(speaker)", -1, "first-person")
            f = self.make(sent, speaker, cue, a, b, hedged, reporter, mentions)
            f.polarity, f.category, f.target = -0.5, "DEMAND", holders[0].code
            return [f]
        if igo_subject(sent, a, cue.start, holders) and not speaker_after_igo(sent, a, cue):
            return None  # (but "As a member of the G7+, we will work …" is the speaker's)
        if not holders and not acted_upon:
            holders = self._context_holders(sent, a, cue.start, disc)
        found = [self.make(sent, h, cue, a, b, hedged, reporter, mentions) for h in holders]
        if found and cue.value.lemma in _RECIPROCAL and category(cue) in ("CONSULT", "COOPERATE", "AGREE", "FIGHT"):
            found.extend(self._counterparts(sent, cue, b, mentions, holders, hedged, reporter))
        return found

    def _counterparts(self, sent: Sentence, cue: Hit, b: int, mentions: list[Mention], holders: list[Holder],
                      hedged: bool, reporter: str | None) -> list[Found]:
        """Talks and clashes are held by both sides: "X held talks with Y" → Y too."""
        text = sent.text
        after = [m for m in mentions if m.start >= cue.end and m.end <= b and m.is_country]
        if not after:
            return []
        govs = governors(text, after, cue.end, sent.alpha)
        taken = {h.code for h in holders}
        out: list[Found] = []
        for m in after:
            gov = govs.get(m.start, "")
            if gov == "with" and m.code not in taken:
                taken.add(m.code)
                f = self.make(sent, Holder(m.code, m.text, m.start, m.kind), cue, cue.start, b, hedged, reporter, None)
                f.target = holders[0].code
                f.confidence = round3(f.confidence * 0.75)
                out.append(f)
        return out

    def make(self, sent: Sentence, holder: Holder, cue: Hit, a: int, b: int, hedged: bool,
              reporter: str | None, mentions: list[Mention] | None) -> Found:
        pol, category, negated = self.acts.act(sent, cue, a, b)
        conf = 0.8 if holder.start >= 0 else 0.6
        if holder.kind in ("group", "first-person"):
            conf = 0.7
        if hedged:
            conf *= 0.7
        return Found(holder, cue, category, pol, negated, hedged,
                     self.targets.target(sent, holder.code, cue, b, mentions), None, reporter, round3(conf), a, b)

    def _sayer_found(self, sent: Sentence, holder: Holder, inner: Found | None,
                     first_cue: tuple[Hit, int, int] | None, frames: list[Frame],
                     hedged: bool, reporter: str | None) -> Found:
        if inner is None:
            if first_cue is not None:
                cue, a, b = first_cue
                return self.make(sent, holder, cue, a, b, hedged, reporter, None)
            verb = next(fr.verb for fr in frames if fr.verb is not None)
            return self.make(sent, holder, verb, sent.start, sent.end, hedged, reporter, None)
        assert inner.cue is not None
        f = self.make(sent, holder, inner.cue, inner.clause_start, inner.clause_end, hedged, reporter, None)
        if inner.holder.code != holder.code and inner.holder.start >= 0:
            f.target = inner.holder.code
            if any(inner.clause_start <= h.start < inner.cue.start for h in sent.of("modal")):
                f.polarity, f.category = -0.5, "DEMAND"
        return f

