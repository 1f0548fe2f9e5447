"""Labels that end and start where they read whole (issue 15), one group per cause of an unreadable label found
by reading the top cards of Wikinews and UN 2022 (session 12, second reading): a cut phrase ending on a compound
preposition's head ("in favor"), a saying verb's time adjunct taking the room of what was said, a subject's tail
keeping its verb out ("that the leadership of X | were"), and a noun cue labelled without the verb whose object
it is ("shot on Twitter", "support")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_labels_reach import _label  # noqa: E402


@pytest.mark.parametrize(("text", "cue", "label"), [
    # a phrase cut before "of" / "with" / "to" loses the compound preposition's head too
    ("The old mayor has now decided to step down in favour of a younger candidate from the northern district.",
     "decided", "has now decided to step down"),
    ("Our islands must cut their emissions of greenhouse gases in keeping with the targets agreed in Paris.", "cut",
     "must cut their emissions of greenhouse gases"),
    ("The union filed a complaint against the employer on behalf of the workers dismissed last spring.", "filed",
     "filed a complaint against the employer"),
    ("We must choose a negotiated settlement of the conflict instead of the long and costly war.", "choose",
     "must choose a negotiated settlement of the conflict"),
    # a phrase that ends there anyway keeps it
    ("The party voted in favour.", "voted", "voted in favour"),
])
def test_a_cut_phrase_does_not_end_on_a_compound_prepositions_head(text: str, cue: str, label: str) -> None:
    assert _label(text, cue) == label


def test_a_saying_verbs_time_adjunct_makes_room_for_what_is_said() -> None:
    text = "The governor said on Tuesday the province had reached a deal with the nurses."
    assert _label(text, "said", "SAY") == "said the province had reached a deal with the nurses"
    # what is said fits: the adjunct stays
    assert _label("The governor said on Tuesday the strike was over.", "said", "SAY") == \
        "said on Tuesday the strike was over"


@pytest.mark.parametrize(("text", "cue", "label"), [
    # the budget reaches the clause's verb but cuts right after it: the subject's tail is left out
    ("We would have wished that the present rulers of Elbonia were not choosing the old path again.", "wished",
     "would have wished that the present rulers were not choosing"),
    # an "and" inside the subject's tail does not hide the verb
    ("We are sure that the cooperation for shared interests and common benefits must remain at the core of it.",
     "sure", "are sure that the cooperation must remain at the core"),
])
def test_a_subjects_tail_gives_way_to_its_verb(text: str, cue: str, label: str) -> None:
    assert _label(text, cue) == label


@pytest.mark.parametrize(("text", "cue", "label"), [
    # a plural verb after "and": the conjunction joins the subject itself, which keeps its words
    ("We are sure that the power of regional trade and open borders are both our strongest tools for growth.",
     "sure", "are sure that the power of regional trade"),
    # a clause opened inside the subject: its verb is not the subject's
    ("We admit that we ourselves profit from doing what is best for our own farmers and traders.", "admit",
     "admit that we ourselves profit from doing what is best"),
])
def test_a_subjects_tail_stays_when_the_verb_is_not_its_own(text: str, cue: str, label: str) -> None:
    assert _label(text, cue) == label


@pytest.mark.parametrize(("text", "cue", "holder", "label"), [
    # a noun cue after a determiner (and adjectives): from the verb it is the object of
    ("The senator took a parting shot at the governor on the radio.", "shot", "senator",
     "took a parting shot at the governor on the radio"),
    ("We thank them for their generous support.", "support", "We", "thank them for their generous support"),
    ("I assure her of my country’s full support.", "support", "I", "assure her of my country’s full support"),
    ("We extend our sincere thanks to the donors.", "thanks", "We", "extend our sincere thanks to the donors"),
    # a noun before the cue is its subject; a cue with an object of its own is a verb
    ("Sources said an unnamed official described the plan.", "described", "official", "described the plan"),
    ("Let no leader’s warmongering distract us from our work.", "warmongering", "leader", "warmongering distract us from our work"),
    # "as" or a quantifier before the noun phrase is no verb
    ("He was chosen as the elected representative of the island.", "representative", "He",
     "representative of the island"),
])
def test_a_noun_cue_is_labelled_from_its_verb(text: str, cue: str, holder: str, label: str) -> None:
    assert _label(text, cue, "SUPPORT", holder) == label


@pytest.mark.parametrize(("text", "label"), [
    # a word in quotation marks inside what is said does not end it
    ('The spokesman said the old mayor had been an “honest” man.', "said the old mayor had been an honest man"),
    ('The minister said he was "deeply humbled" by the vote.', "said he was deeply humbled by the vote"),
    # a quotation that was what is said, then "and …": the phrase ends with it
    ('The bishop said “we never learn” and that the past repeats itself.', "said: we never learn"),
])
def test_a_quoted_word_inside_what_is_said_does_not_end_it(text: str, label: str) -> None:
    assert _label(text, "said", "SAY") == label


@pytest.mark.parametrize(("text", "cue", "holder", "label"), [
    # a passive's subject opened by a number names what was done to
    ("The governor said last night that twenty people have been confirmed killed.", "killed", "governor",
     "twenty people have been confirmed killed"),
    ("At least nine people died and 35 were rescued, according to officials.", "rescued", "officials", "35 were rescued"),
    ("Rescuers said 1,200 were evacuated from the valley.", "evacuated", "Rescuers", "1,200 were evacuated from the valley"),
    ("Firefighters said the two old towers were saved.", "saved", "Firefighters", "the two old towers were saved"),
    # a number after a preposition is inside the subject, whose head stands before
    ("Police said officials from 12 ministries were questioned.", "questioned", "Police", "were questioned"),
])
def test_a_passive_subject_opened_by_a_number(text: str, cue: str, holder: str, label: str) -> None:
    assert _label(text, cue, "COERCE", holder) == label
