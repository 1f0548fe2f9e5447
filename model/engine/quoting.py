"""Who speaks a quotation, and what that makes of the names inside it: the sayers of a quotation that runs over
several sentences (named where it opens), their sayings in its later sentences, and the countries it only talks
about (named inside the words of a sayer of another country, or of a private person)."""

from __future__ import annotations

from typing import Final

from model.engine.attribution import Attributor
from model.engine.context import DocContext
from model.engine.discourse import Holder
from model.engine.holders import first_cue, inside_quotes
from model.engine.lexicon import Hit
from model.engine.quotes import exclaims
from model.engine.spans import Found, Sentence, cue_hits
from model.engine.standing import Standing

_QUOTES: Final = "“”\""


def opening_sayers(standing: Standing, sent: Sentence, said_by: list[Holder], sure: list[Found]) -> list[Holder]:
    """Who speaks the quotation a sentence opens, for its later sentences: the sayers it names, else its holders
    named outside the quotation marks ("Affleck tweeted, “… a true American hero.": not the country talked
    about); nobody when the sayer is a private person ("Former CIA deputy director X praised him: “…")."""
    if standing.private_sayer(sent):
        return []
    out, private = standing.not_actors(sent, first_cue(sent, cue_hits(sent)))
    if private:
        return []
    text, s = sent.text, sent.start
    # (a speech is often one quotation from start to end: there the names inside it are the speaker's side)
    hs = said_by or [f.holder for f in sure if f.holder.start < 0 or sent.speaker_country
                     or not inside_quotes(text, s, f.holder.start)]
    # not a name that stands for no actor ("Jane Roe of Ruritanian University wrote, “…”": a scholar's words)
    return [h for h in hs if h.kind != "first-person" and h.start not in out]


def quote_candidates(attributor: Attributor, saying: float, sent: Sentence, ctx: DocContext,
                     cands: list[tuple[Found, str]], cue: Hit | None, hedged: bool) -> None:
    """Who speaks the quotation the sentence continues ("… said: “… .  We will not abandon them.”"): read
    as their saying when the sentence has no cue of its own."""
    taken = {f.holder.code for f, _ in cands}
    s, e = sent.start, sent.end
    if cue is None and exclaims(sent.text, s, e):
        return  # a cheer or a slogan with no act of its own ("… .  We shall prevail!”"): no position
    for h in ctx.quoting:
        if h.code in taken:
            continue
        taken.add(h.code)
        holder = Holder(h.code, h.text, -1, h.kind)
        if cue is not None:
            f = attributor.make(sent, holder, cue, s, e, hedged, None, None)
        else:
            f = Found(holder, None, "SAY", saying, False, hedged, None, None, None, 0.6, s, e)
        cands.append((f, "quote"))


def quoting_sayers(sent: Sentence, cands: list[tuple[Found, str]], ctx: DocContext) -> set[str]:
    """The countries of who speaks a sentence's quotation: in a sentence that continues one, its sayers
    (``ctx.quoting``), else the rules' holders named outside the quotation marks of a sentence that quotes someone
    (``Putin said: "… Zimbabwe's modern history …"``): a country named only inside the quotation is talked about."""
    text, s = sent.text, sent.start
    if sent.speaker_country:
        return set()  # (a speech is often one quotation from start to end)
    was_open = ctx.quote_open
    if not was_open and not any(text.find(q, s, sent.end) >= 0 for q in _QUOTES):
        return set()
    sayers = {h.code for h in ctx.quoting} if was_open else set()
    return sayers | {f.holder.code for f, src in cands if src == "engine" and f.holder.start >= 0
                     and f.holder.kind != "first-person" and not inside_quotes(text, s, f.holder.start, was_open)}


def quoted_names(sent: Sentence, found: list[Found], ctx: DocContext, private: bool) -> set[int]:
    """The starts of the names inside a news sentence's quotation that stand for no actor of it: every one when
    its sayer is a private person ("Former FBI agent Jane Roe praised him: “… served at the FBI.”": her words),
    else those of another country than the quotation's known sayers (``Erdogan said: "… a state like the U.S.
    does not give you such a right."``: the country talked about)."""
    text, s = sent.text, sent.start
    was_open = ctx.quote_open
    if sent.speaker_country or not (was_open or any(text.find(q, s, sent.end) >= 0 for q in _QUOTES)):
        return set()
    sayers = set() if private else quoting_sayers(sent, [(f, "engine") for f in found], ctx)
    if not (private or sayers):
        return set()
    return {m.start for m in sent.mentions if (private or m.code not in sayers)
            and inside_quotes(text, s, m.start, was_open)}
