"""English verb inflection for cue phrases (no external model).

``verb_forms("agree")`` → {"agree", "agrees", "agreed", "agreeing"}; the
first word of a phrase is inflected, the rest kept ("hold talks" → "held talks").
"""

from __future__ import annotations

from typing import Final

IRREGULAR: Final[dict[str, tuple[str, ...]]] = {
    "be": ("is", "are", "was", "were", "been", "being", "am"),
    "have": ("has", "had", "having"),
    "do": ("does", "did", "done", "doing"),
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "meet": ("meets", "met", "meeting"),
    "hold": ("holds", "held", "holding"),
    "send": ("sends", "sent", "sending"),
    "lend": ("lends", "lent", "lending"),
    "give": ("gives", "gave", "given", "giving"),
    "take": ("takes", "took", "taken", "taking"),
    "make": ("makes", "made", "making"),
    "write": ("writes", "wrote", "written", "writing"),
    "shoot": ("shoots", "shot", "shooting"),
    "fight": ("fights", "fought", "fighting"),
    "seek": ("seeks", "sought", "seeking"),
    "strike": ("strikes", "struck", "striking", "stricken"),
    "beat": ("beats", "beat", "beaten", "beating"),
    "bring": ("brings", "brought", "bringing"),
    "leave": ("leaves", "left", "leaving"),
    "go": ("goes", "went", "gone", "going"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "undertake": ("undertakes", "undertook", "undertaken", "undertaking"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"),
    "bid": ("bids", "bid", "bidding"),
    "drive": ("drives", "drove", "driven", "driving"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "hit": ("hits", "hit", "hitting"),
    "spend": ("spends", "spent", "spending"),
    "build": ("builds", "built", "building"),
    "arise": ("arises", "arose", "arisen", "arising"),
    "freeze": ("freezes", "froze", "frozen", "freezing"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
    "forgive": ("forgives", "forgave", "forgiven", "forgiving"),
    "cut": ("cuts", "cut", "cutting"),
    "put": ("puts", "put", "putting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "let": ("lets", "let", "letting"),
    "set": ("sets", "set", "setting"),
    "bar": ("bars", "barred", "barring"),
    "ban": ("bans", "banned", "banning"),
    "plan": ("plans", "planned", "planning"),
    "slam": ("slams", "slammed", "slamming"),
    "stop": ("stops", "stopped", "stopping"),
    "commit": ("commits", "committed", "committing"),
    "permit": ("permits", "permitted", "permitting"),
    "admit": ("admits", "admitted", "admitting"),
    "veto": ("vetoes", "vetoed", "vetoing"),
    "rebut": ("rebuts", "rebutted", "rebutting"),
    "rebuff": ("rebuffs", "rebuffed", "rebuffing"),
    "spill": ("spills", "spilled", "spilt", "spilling"),
    "lead": ("leads", "led", "leading"),
    "win": ("wins", "won", "winning"),
    "sell": ("sells", "sold", "selling"),
    "buy": ("buys", "bought", "buying"),
    "keep": ("keeps", "kept", "keeping"),
    "begin": ("begins", "began", "begun", "beginning"),
    "run": ("runs", "ran", "running"),
    "rise": ("rises", "rose", "risen", "rising"),
    "lay": ("lays", "laid", "laying"),
    "pay": ("pays", "paid", "paying"),
    "feel": ("feels", "felt", "feeling"),
    "drop": ("drops", "dropped", "dropping"),
    "wound": ("wounds", "wounded", "wounding"),
    "shell": ("shells", "shelled", "shelling"),
    "label": ("labels", "labelled", "labeled", "labelling", "labeling"),
    "cancel": ("cancels", "cancelled", "canceled", "cancelling", "canceling"),
    "travel": ("travels", "travelled", "traveled", "travelling", "traveling"),
    "signal": ("signals", "signalled", "signaled", "signalling", "signaling"),
    "expel": ("expels", "expelled", "expelling"),
    "compel": ("compels", "compelled", "compelling"),
    "control": ("controls", "controlled", "controlling"),
    "patrol": ("patrols", "patrolled", "patrolling"),
    "imprison": ("imprisons", "imprisoned", "imprisoning"),
    "occur": ("occurs", "occurred", "occurring"),
    "refer": ("refers", "referred", "referring"),
    "prefer": ("prefers", "preferred", "preferring"),
    "confer": ("confers", "conferred", "conferring"),
    "defer": ("defers", "deferred", "deferring"),
    "deter": ("deters", "deterred", "deterring"),
    "kidnap": ("kidnaps", "kidnapped", "kidnapping", "kidnaped"),
    "ship": ("ships", "shipped", "shipping"),
    "skip": ("skips", "skipped", "skipping"),
    "snub": ("snubs", "snubbed", "snubbing"),
    "shun": ("shuns", "shunned", "shunning"),
    "rally": ("rallies", "rallied", "rallying"),
    "bomb": ("bombs", "bombed", "bombing"),
    "fire": ("fires", "fired", "firing"),
}

_VOWELS: Final = set("aeiou")


def _regular(verb: str) -> tuple[str, ...]:
    if verb.endswith("ee"):
        return (verb + "s", verb + "d", verb + "ing")
    if verb.endswith("e"):
        return (verb + "s", verb + "d", verb[:-1] + "ing")
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return (verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return (verb + "es", verb + "ed", verb + "ing")
    # single short syllable CVC → double the consonant (stop → stopped)
    if (3 <= len(verb) <= 4 and verb[-1] not in _VOWELS | {"w", "x", "y"}
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS and not _VOWELS & set(verb[:-3])):
        return (verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing")
    return (verb + "s", verb + "ed", verb + "ing")


def verb_forms(phrase: str) -> set[str]:
    """Every inflection of a phrase whose first word is a verb lemma."""
    head, _, rest = phrase.partition(" ")
    forms = {head, *IRREGULAR.get(head, _regular(head))}
    tail = f" {rest}" if rest else ""
    return {f + tail for f in forms}


def noun_forms(phrase: str) -> set[str]:
    last = phrase.rsplit(" ", 1)[-1]
    plural = last + "es" if last.endswith(("s", "sh", "ch", "x")) else last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in _VOWELS else last + "s"
    return {phrase, phrase[: len(phrase) - len(last)] + plural}
