"""Labels an analyst reads as a phrase (issue 15), one test per cause of an unreadable label found by reading
Wikinews and UN 2022 samples (docs/labels_sample_before.tsv): the act's verb group, what a saying verb says,
quotation marks, a clause that runs on, the word budget, "that", lists and dates, the sentence's end."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.discourse import Holder
from model.engine.extract import Engine
from model.engine.labels import stance_label
from model.engine.lexicon import CueDef, Hit
from model.engine.spans import Found
from model.resources import load_resources


@pytest.fixture(scope="module")
def rules() -> Engine:
    return Engine(load_resources(), holder_model=False)


def _labels(engine: Engine, text: str, speaker: str | None = None) -> list[str]:
    return [str(r["stance"]) for r in engine.document(Document(id="d", text=text, speaker_country=speaker))]


def _label(text: str, cue: str, category: str = "SUPPORT", lemma: str = "", max_words: int = 9) -> str:
    at = text.index(cue)
    hit = Hit(at, at + len(cue), "cue", CueDef(lemma or cue, category, 0.0, "", "verb"))
    f = Found(Holder("RUS", "Russia", 0, "country"), hit, category, 0.0, False, False, None, None, None, 0.8,
              0, len(text))
    return stance_label(text, f, max_words)[0]


@pytest.mark.parametrize(("text", "cue", "label"), [
    # the auxiliaries, adverbs and "been" of a passive come in: a bare participle says nothing
    ("The local police chief and two others were also injured.", "injured", "were also injured"),
    ("Officials said they have been confirmed killed.", "killed", "have been confirmed killed"),
    # a verb that takes the cue with "to" comes in when it changes the act (unable, refused, prefer not)
    ("Police have been unable to question him.", "question", "have been unable to question him"),
    ("Moscow refused to sign the declaration.", "sign", "refused to sign the declaration"),
    ("These are actions that I prefer not to discuss today.", "discuss", "prefer not to discuss today"),
    ("Let's keep fighting.", "fighting", "keep fighting"),
    # … and not when it adds nothing ("would like to", "wish to"); an adverb does not open the group
    ("I would like to congratulate Mr. Korosi on his election.", "congratulate",
     "congratulate Mr. Korosi on his election"),
    ("It also urged people to respect the rules of the road.", "urged", "urged people to respect the rules of the road"),
    ("Being genuinely committed to peace is what we ask.", "committed", "committed to peace"),
])
def test_the_act_starts_at_its_verb_group(text: str, cue: str, label: str) -> None:
    assert _label(text, cue) == label


@pytest.mark.parametrize(("text", "label"), [
    # the quotation before the verb ("…," said X): what was said, not the sayer's name
    ('"This is the worst case we could have," said County Sheriff Bill Brown.',
     "said: This is the worst case we could have"),
    ('"We will keep searching until we find it," Navy spokesman Arba Agung told The Jakarta Post.',
     "told: We will keep searching until we find it"),
    # a saying that closes the clause it reports ("…, scientists report")
    ("The lodges hold more than six thousand lions, scientists report.",
     "report: The lodges hold more than six thousand lions"),
    # a short addressee, then what was said after the comma
    ("A spokeswoman told CNN, neighbours had tried to save the owner.",
     "told CNN: neighbours had tried to save the owner"),
    # an adjunct, then what was said after a colon or "that" (not the sayer's apposition before the verb)
    ('Vladimir Putin, president of Russia, said in a statement: "Many important dates are tied to his name."',
     "said in a statement: Many important dates are tied"),  # (ten words)
    ("Angela Merkel, the German chancellor, said on Monday that the talks had failed.",
     "said on Monday that the talks had failed"),
])
def test_a_saying_verb_is_labelled_by_what_is_said(text: str, label: str) -> None:
    assert _label(text, "said" if " said" in text else "told" if " told" in text else "report", "SAY") == label


def test_an_opening_quotation_mark_does_not_end_the_object_and_no_mark_is_kept() -> None:
    text = 'Labour leader Jeremy Corbyn called the move a "smash and grab on our democracy".'
    assert _label(text, "called") == "called the move a smash and grab on our democracy"
    text = "In 2021 the President launched a broad initiative called “Yashil Makon” across the country."
    assert _label(text, "launched") == "launched a broad initiative called Yashil Makon across the country"


@pytest.mark.parametrize(("text", "cue", "label"), [
    # another clause's auxiliary ends the phrase; its subject after "and" goes with it
    ("China and Russia have pledged funds and Syria is taxing certain goods.", "pledged", "have pledged funds"),
    ("We will give them the best information we can.", "give", "will give them the best information"),
    # a relative clause's verb with its object before it: the main clause's verb is not its object, and the
    # noun the clause is about comes in
    ("The challenges we are facing are becoming more complex every day.", "facing", "The challenges we are facing"),
    # a saying's content may hold its own auxiliary
    ("The governor told reporters the towns damaged were mostly coastal.", "told",
     "told reporters the towns damaged were mostly coastal"),
])
def test_a_label_stops_where_another_clause_begins(text: str, cue: str, label: str) -> None:
    assert _label(text, cue, "SAY" if cue == "told" else "SUPPORT") == label


@pytest.mark.parametrize(("text", "cue", "label"), [
    # ten words at most: a phrase cut inside a noun phrase goes back to its last preposition
    ("Russia will not take part in the inauguration ceremony of the new interim government.", "take part",
     "will not take part in the inauguration ceremony"),
    ("We commend the agency and its Director General for their professional work in Iran.", "commend",
     "commend the agency and its Director General"),
    # an adverbial phrase is left out rather than counted ("in any way", "once again")
    ("Russia will not take part in any way in the Taliban government’s inauguration ceremony.", "take part",
     "will not take part in the Taliban government’s inauguration ceremony"),
    ("We stress once again the need to address the core of the crisis.", "stress",
     "stress the need to address the core of the crisis"),
    # a list's commas and a date's are no clause breaks; a list the budget cuts goes back to its first comma
    ("India has always espoused a cooperative, inclusive and consultative approach.", "espoused",
     "has always espoused a cooperative, inclusive and consultative approach"),
    ("The United Kingdom voted on June 23, 2016, to leave the European Union.", "voted",
     "voted on June 23, 2016, to leave the European Union"),
    ("They discussed the immediate future of regional security, economic and trade ties with the group.",
     "discussed", "discussed the immediate future of regional security"),
    ("Two representatives opposed both articles, and a third voted for the first.", "opposed",
     "opposed both articles"),
])
def test_the_budget_keeps_a_whole_phrase(text: str, cue: str, label: str) -> None:
    assert _label(text, cue) == label


@pytest.mark.parametrize(("text", "cue", "label"), [
    ("Argentina will stand ready to help overcome that great challenge.", "stand ready to",
     "will stand ready to help overcome that great challenge"),  # a determiner
    ("We helped to ensure that the mission was informed by women.", "helped",
     "helped to ensure that the mission was informed by women"),  # after a verb: its content
    ("We need to remind ourselves that the rule of law matters.", "need",
     "need to remind ourselves that the rule of law matters"),
    ("The council is blocking a debate that would establish the truth.", "blocking", "is blocking a debate"),
    ("We will all recall that, last December, the Council had to reject a draft.", "recall",
     "recall that the Council had to reject a draft"),  # an aside between commas is left out
])
def test_that_continues_after_a_verb_and_stops_a_relative_clause(text: str, cue: str, label: str) -> None:
    assert _label(text, cue, "SAY" if cue == "recall" else "SUPPORT") == label


def test_a_label_stays_inside_its_sentence() -> None:
    text = "Russia said it would not attend the summit. Ukraine welcomed the decision."
    at = text.index("attend")
    f = Found(Holder("RUS", "Russia", 0, "country"), Hit(at, at + 6, "cue", None), "REJECT", 0.0, True, False,
              None, None, None, 0.8, 0, len(text))
    assert stance_label(text, f, 9, "", 0, text.index(" Ukraine"))[0] == "would not attend the summit"
    assert stance_label(text, f)[0] == "would not attend the summit"  # a full stop ends it, whatever the clause


@pytest.mark.parametrize(("text", "label"), [
    ("Russia will not take part in any way in the Taliban government’s inauguration ceremony, TASS reported.",
     "will not take part in the Taliban government’s inauguration ceremony"),
    ("“We will not attend the summit,” said Russian Foreign Minister Sergei Lavrov. Kyiv welcomed it.",
     "will not attend the summit"),  # (the quotation's own cue holds the stance)
])
def test_through_the_engine(rules: Engine, text: str, label: str) -> None:
    assert label in _labels(rules, text)
