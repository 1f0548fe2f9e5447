"""The words a stance label is read with (:mod:`model.engine.label_parts`): auxiliaries, catenative verbs,
clause openers and stops, prepositions, what a label does not end with, quotation marks."""

from __future__ import annotations

from typing import Final

from model.engine.morph import verb_forms

#: auxiliaries and modals: in the verb group before a cue; after its object, the start of another clause
AUX: Final = frozenset("""will would could may might must should shall can has have had did does do is are was were
    am be been being get got gets""".split())
#: finite auxiliaries that open another clause after a cue's object ("the challenges we are facing are becoming")
FINITE: Final = frozenset("will would could may might must should shall can has have had did does do is are was "
                           "were am".split())
BE: Final = frozenset("is are was were be been being am".split())
NEG: Final = frozenset("not never cannot".split())
ADVERBS: Final = frozenset("""also only already still just even now then further again always never once soon
    jointly thus therefore ever yet first subsequently""".split())
#: words ending in -ly that are no adverbs
LY_NOUNS: Final = frozenset("family supply rally reply ally assembly anomaly monopoly july italy fly ply".split())
#: verbs that take "to" + the cue and change what the act is ("refused to sign", "threatened to impose", "have been
#: unable to question"); "would like to", "wish to", "will continue to" add nothing a label needs
CATENATIVE: Final = frozenset(
    w for lemma in ("want", "need", "intend", "plan", "hope", "seek", "try", "decide", "agree", "refuse", "fail",
                    "promise", "pledge", "vow", "threaten", "expect", "offer", "prefer", "aim", "attempt", "prepare",
                    "have", "decline", "commit")
    for w in verb_forms(lemma)) | frozenset("able unable ready willing determined prepared about ought eager due".split())
#: verbs that take the cue's -ing form ("keep fighting", "continued working")
ING_CATENATIVE: Final = frozenset(
    w for lemma in ("keep", "continue", "stop", "start", "begin", "resume", "consider", "avoid", "finish", "quit")
    for w in verb_forms(lemma))
#: words that end a label: a clause opener (a relative or adverbial clause), or the start of an attribution
STOPS: Final = frozenset("""which who whom whose where when whenever whereas while because although though after
    before since unless but""".split())
#: saying verbs' forms that attribute a sentence ("…, officials told state media")
SAYING: Final = frozenset(w for lemma in ("say", "tell", "report", "add", "announce", "state", "confirm")
                          for w in verb_forms(lemma))
#: a relative clause after these is what they stand for ("thank all those | who have assisted us")
RELATIVE_HEADS: Final = frozenset("those anyone everyone everybody anybody".split())
RELATIVES: Final = frozenset("who whom".split())
#: "than" after these is no clause break ("to more than 120 countries")
COMPARATIVES: Final = frozenset("more less fewer rather other".split())
#: words that open a clause of the object's own (an auxiliary after them is no run-on)
SUBORDINATORS: Final = frozenset("that if whether how why what unless until once than so".split())
#: "that" after these opens the content of the cue ("remind ourselves that", "its insistence that")
THAT_AFTER: Final = frozenset("""him her them us me you ourselves themselves itself himself herself myself yourselves
    insistence concern concerns hope hopes belief view fact conviction assurance assurances warning message position
    claim claims expectation confidence understanding reminder sense those""".split()) | frozenset(
    # a verb that takes a clause: "we will no longer say | that Ebola is incurable", "those who believe | that …"
    w for lemma in ("say", "tell", "believe", "think", "know", "hope", "expect", "note", "recall", "stress",
                    "emphasize", "warn", "insist", "agree", "fear", "feel", "show", "argue", "claim", "announce",
                    "state", "declare", "reaffirm", "reiterate", "recognize", "acknowledge", "understand", "ensure")
    for w in verb_forms(lemma))
COORD: Final = frozenset("and or".split())
#: words after a comma that open an aside, not a list's next item ("peace, like air and sunshine, is …")
NOT_LISTED: Final = frozenset("""like such as including especially particularly notably namely even not which who
    whose where when while""".split())
PREPOSITIONS: Final = frozenset("""of in on at for with by from to into over under between against during through
    including toward towards across about among amid despite without within via upon""".split())
#: where a phrase cut by the word budget may end: before one of these
BOUNDARIES: Final = PREPOSITIONS | COORD | frozenset("if whether unless until once than so".split())
#: what a label does not end with
DANGLING: Final = frozenset("""and or but of the a an to in on at for with by from as than its their his her our your
    my such if whether""".split())
#: dangling too when the budget cut the phrase after them ("overcome that | great challenge")
CUT_DANGLING: Final = frozenset("that this these those all both each every any some no".split())
#: dangling when the phrase stops before its clause's end ("had been | disrupted", "human rights are | , more than …",
#: "as they think they | are,")
OPEN_DANGLING: Final = frozenset("be been being i we he she they".split()) | FINITE
PRONOUNS: Final = frozenset("i we you he she it they".split())
ABBREVIATIONS: Final = frozenset("mr mrs ms dr st jr sr lt gen col gov sen rep no vs etc inc co corp ltd prof".split())
#: opening quotation marks (a straight double quote opens when white space stands before it)
OPENERS: Final = "“‘"
QUOTES: Final = "“”\"‘"
#: dashes that open and close an aside ("ask — or when we ask — for full membership")
DASHES: Final = frozenset("— – --".split())
#: signs that stand before a word and belong to it ("#US", "@user", "$400")
SIGNS: Final = frozenset("# @ $ € £".split())
