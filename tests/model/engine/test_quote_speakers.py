"""Who holds what a quotation says (issue 15): a country named inside the words of a sayer of another country, or of a
private person, is talked about, also in the later sentences of a quotation that runs on; a quotation opened by nobody
who holds is nobody's in its later sentences; a cheer that closes a quotation is no position; a quotation left open
at a paragraph's end does not run into the next one; the scorer knows a quotation an expert opened; a name that stands
for no actor is no antecedent of a later "he", nor is the narrative's last holder inside a quotation nobody who holds
opened."""

from __future__ import annotations

from model.documents import Document
from model.engine.extract import Engine
from model.engine.holders import FEATURES
from tests.model.engine.helpers import sentence_actors


def _collected(engine: Engine, text: str) -> list[tuple[int, str, list[float]]]:
    """(sentence start, country, features) of every holder candidate the scorer is asked about."""
    engine.collect = []
    try:
        engine.rows(Document(id="d", text=text))
        return [(start, actor, x) for _doc, start, _end, actor, _source, x in engine.collect]
    finally:
        engine.collect = None


def _candidates(engine: Engine, text: str) -> set[tuple[int, str]]:
    return {(start, actor) for start, actor, _x in _collected(engine, text)}


def test_a_country_in_the_later_sentence_of_another_sayers_quotation_holds_nothing(engine: Engine) -> None:
    first = 'Kenyan President William Ruto said on Friday, "Our police officers will stay in Haiti until the job is done.'
    later = 'Being a power like Germany does not give anyone the right to tell us when to leave."'
    held = sentence_actors(engine, first + " " + later)
    assert "KEN" in held[first]
    assert "DEU" not in held.get(later, set())
    other = 'Turkish President Recep Tayyip Erdogan said on Tuesday, "We will open the museum for prayers. '
    tail = 'France cannot tell us what to do with it."'
    assert "FRA" not in sentence_actors(engine, other + tail).get(tail, set())


def test_a_country_in_a_private_persons_quotation_is_no_candidate(engine: Engine) -> None:
    text = 'Retired NASA engineer Mary Collins welcomed the launch on Twitter: "Japan has shown the world how to explore."'
    assert not {actor for _start, actor in _candidates(engine, text)} & {"JPN", "USA"}


def test_a_quotation_its_opener_gives_nobody_is_nobodys_later(engine: Engine) -> None:
    text = ('For his service, Ray Novak was awarded the Medal of Freedom by then-U.S.-president Barack Obama. Actor Tom '
            'Brady tweeted, "Ray Novak was a true American hero. He never sought praise, he merely sought to serve his '
            'country. I am so proud to have worked with him and to have told his story."')
    last = "I am so proud to have worked with him and to have told his story.\""
    assert last not in sentence_actors(engine, text)


def test_a_scholar_of_a_university_named_for_a_country_speaks_for_nobody(engine: Engine) -> None:
    text = ('Jane Doe of American University wrote, "The ruling goes too far. It sets a dangerous precedent for speech '
            'online."')
    assert "It sets a dangerous precedent for speech online.\"" not in sentence_actors(engine, text)


def test_a_cheer_closing_a_quotation_is_no_position(engine: Engine) -> None:
    first = 'Cuban Foreign Minister Bruno Rodriguez wrote on Twitter: "We reject the new ban on flights to our airports.'
    held = sentence_actors(engine, first + ' We shall prevail!"')
    assert "CUB" in held[first]
    assert 'We shall prevail!"' not in held


def test_a_quotation_left_open_ends_with_its_paragraph(engine: Engine) -> None:
    first = 'The Kenyan president said: "We will send a thousand police officers to Haiti.'
    held = sentence_actors(engine, first + "  \n\nCritics of the plan say the mission is too costly.")
    assert "KEN" in held[first]
    assert "Critics of the plan say the mission is too costly." not in held


def test_the_scorer_knows_the_later_sentences_of_a_quotation_an_expert_opened(engine: Engine) -> None:
    quote = '"The floods were the worst in decades. Kenya must now build better drains."'
    expert = _collected(engine, "Professor Jane Roe of the University of Nairobi said, " + quote)
    official = _collected(engine, "Kenyan Interior Minister Kithure Kindiki said, " + quote)
    at = FEATURES.index("quote_expert")
    assert expert and all(x[at] == (1.0 if start > 60 else 0.0) for start, _a, x in expert)
    assert official and all(x[at] == 0.0 for _s, _a, x in official)


def test_a_name_that_stands_for_no_actor_is_no_antecedent(engine: Engine) -> None:
    last = 'He noted, "Every protest since June has been met with force."'
    text = ("Kenyan police arrested ten protesters in Nairobi on Monday. Kenya defended the arrests. American University "
            "law professor John Stone said the arrests were seen as a warning to the opposition. " + last)
    assert "USA" not in sentence_actors(engine, text).get(last, set())


def test_a_he_in_a_quotation_its_opener_gives_nobody_is_not_the_narratives_holder(engine: Engine) -> None:
    later = "He never sought praise, he merely sought to serve his country.\""
    text = ('For his service, Ray Novak was awarded the Medal of Freedom by then-U.S.-president Barack Obama. Actor Tom '
            'Brady tweeted, "Ray Novak was a true American hero. ' + later)
    assert later not in sentence_actors(engine, text)
    named = 'He touts the withdrawal at every rally."'
    text = ('Analyst Mark Hale wrote, "The militia lost thousands of fighters in the battle. President Biden later '
            'withdrew the troops. ' + named)
    assert sentence_actors(engine, text).get(named) == {"USA"}  # (named inside the quotation: still his)

