"""The learned holder scorer: its file, its probabilities, and what it lets through."""

import json
from pathlib import Path

import pytest

from model.documents import Document
from model.engine.extract import Engine
from model.engine.holders import FEATURES
from model.engine.scorer import MODEL_FILE, HolderModel
from model.resources import RESOURCES, load_resources


def test_the_shipped_model_matches_the_engines_features() -> None:
    model = HolderModel.load(RESOURCES)
    assert model is not None and 0.3 <= model.threshold <= 0.9
    data = json.loads((RESOURCES / MODEL_FILE).read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES) and "trained_on" in data


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    (tmp_path / MODEL_FILE).write_text(json.dumps({"features": ["bias"], "weights": [1.0], "threshold": 0.5}))
    with pytest.raises(ValueError, match="retrain"):
        HolderModel.load(tmp_path)
    assert HolderModel.load(tmp_path / "none") is None


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    weights = [0.0] * len(FEATURES)
    weights[0], weights[1] = 1.0, -2.0
    model = HolderModel(weights, 0.5)
    x = [0.0] * len(FEATURES)
    x[0] = 1.0
    assert model.probability(x) == pytest.approx(0.7310585786)
    x[1] = 1.0
    assert model.probability(x) == pytest.approx(0.2689414213)


def test_confidence_is_the_calibrated_probability(tmp_path: Path) -> None:
    weights = [0.0] * len(FEATURES)
    plain = HolderModel(weights, 0.5)
    assert plain.confidence(0.8) == pytest.approx(0.8)  # no calibration: the probability itself
    squeezed = HolderModel(weights, 0.5, (0.5, 0.0))
    assert squeezed.confidence(0.5) == pytest.approx(0.5)
    assert squeezed.confidence(0.9) == pytest.approx(0.75)  # sigmoid(0.5 · logit 0.9) = 3 / 4
    assert squeezed.confidence(0.1) == pytest.approx(0.25)
    assert squeezed.confidence(0.0) > 0.0 and squeezed.confidence(1.0) < 1.0
    ranks = [squeezed.confidence(p / 20) for p in range(21)]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)  # the order of cards is kept
    (tmp_path / MODEL_FILE).write_text(json.dumps(
        {"features": list(FEATURES), "weights": weights, "threshold": 0.5, "calibration": [0.5, 0.0]}))
    loaded = HolderModel.load(tmp_path)
    assert loaded is not None and loaded.confidence(0.9) == pytest.approx(0.75)


def test_a_speechs_other_holders_have_their_own_calibration(tmp_path: Path) -> None:
    weights = [0.0] * len(FEATURES)
    model = HolderModel(weights, 0.5, (1.0, 0.0), (1.0, -1.0))
    assert model.confidence(0.8) == pytest.approx(0.8)
    assert model.confidence(0.8, speech_other=True) < 0.8 - 0.1  # sigmoid(logit 0.8 − 1) ≈ 0.60
    (tmp_path / MODEL_FILE).write_text(json.dumps(
        {"features": list(FEATURES), "weights": weights, "threshold": 0.5, "calibration": [1.0, 0.0],
         "calibration_speech_other": [1.0, -1.0]}))
    loaded = HolderModel.load(tmp_path)
    assert loaded is not None and loaded.confidence(0.8, True) == pytest.approx(model.confidence(0.8, True))
    shipped = HolderModel.load(RESOURCES)
    assert shipped is not None and shipped.confidence(0.8, True) < shipped.confidence(0.8)


def test_the_shipped_model_is_calibrated_for_real_documents() -> None:
    model = HolderModel.load(RESOURCES)
    assert model is not None
    # fitted on real articles and speeches, the top of the scale is less sure than the raw scorer
    assert model.confidence(0.95) < 0.95
    rows = _rows(Engine(load_resources()), SET)
    assert rows and all(model.confidence(model.threshold) - 1e-3 <= r["confidence"] < 1.0 for r in rows)


def _rows(engine: Engine, text: str) -> list[dict[str, object]]:
    return engine.document(Document(id="x", text=text))


SET = ("Russia said it will not take part in the inauguration ceremony of the Taliban government. "
       "A fire broke out in a market in Norway. The blockade of Qatar has hurt trade.")


def test_confidence_is_the_scorers_probability_and_low_candidates_are_dropped() -> None:
    res = load_resources()
    scored, rules = Engine(res), Engine(res, holder_model=False)
    model = scored.model
    assert model is not None
    rows = _rows(scored, SET)
    assert all(r["confidence"] >= model.threshold for r in rows)
    assert [r["actor"] for r in rows if "take part" in str(r["sentence"])] == ["RUS"]
    collected: list = []
    rules.collect = collected
    _rows(rules, SET)
    # every candidate the scorer saw is in the training collection, with one value per feature
    assert collected and all(len(c[5]) == len(FEATURES) for c in collected)
    sources = {c[4] for c in collected}
    assert "engine" in sources


def test_without_a_model_the_rules_confidence_is_kept() -> None:
    rows = _rows(Engine(load_resources(), holder_model=False), SET)
    assert {r["confidence"] for r in rows} <= {0.8, 0.6, 0.7, 0.56, 0.42, 0.49, 0.48, 0.336}


def test_a_historical_code_of_the_speakers_country_is_the_speaker() -> None:
    """The Supreme Soviet is coded SUN by the gazetteer and RUS in statements: in a Russian speech it is the
    speaker's own holder, not another country (which has its own, lower calibration)."""
    engine = Engine(load_resources(), holder_model=False)
    collected: list = []
    engine.collect = collected
    engine.document(Document(id="s", text="The Supreme Soviet adopted the resolution on the treaty.",
                             speaker_country="RUS"))
    own = [c[5] for c in collected if c[3] == "RUS"]
    assert own
    assert all(x[FEATURES.index("is_speaker")] == 1.0 and x[FEATURES.index("speech_other")] == 0.0 for x in own)


HOUSTON = ("Mexico said eight Mexican citizens were among the victims of the shooting in Houston. Mexico's foreign "
           "minister will travel to Houston, Texas, on Monday. Mexican officials condemned the attack. "
           "Police said the suspected gunman surrendered to officers after the shooting.")


def test_the_place_of_the_story_is_a_candidate_for_its_role_words() -> None:
    """The story is mostly about Mexico (home) but happens in Houston: the police there are the United States',
    so the place's country is scored as a holder too (source "home", feature is_place)."""
    engine = Engine(load_resources(), holder_model=False)
    collected: list = []
    engine.collect = collected
    engine.document(Document(id="d", text=HOUSTON))
    police = HOUSTON.index("Police said")
    place = [c for c in collected if c[1] == police and c[3] == "USA"]
    assert [c[4] for c in place] == ["home"]
    assert place[0][5][FEATURES.index("is_place")] == 1.0
    assert all(c[5][FEATURES.index("is_place")] == 0.0 for c in collected if c[3] == "MEX")


def test_a_speechs_other_holders_stay_under_their_ceiling(tmp_path: Path) -> None:
    """Read samples of a speech's other holders at 0.8 and more were right about half the time: they are never
    shown that sure (the shipped model's ceiling), whatever their probability."""
    weights = [0.0] * len(FEATURES)
    (tmp_path / MODEL_FILE).write_text(json.dumps(
        {"features": list(FEATURES), "weights": weights, "threshold": 0.5, "calibration": [1.0, 0.0],
         "calibration_speech_other": [1.0, 0.0], "ceiling_speech_other": 0.75}))
    model = HolderModel.load(tmp_path)
    assert model is not None
    assert model.confidence(0.99, speech_other=True) == 0.75 and model.confidence(0.99) > 0.98
    shipped = HolderModel.load(RESOURCES)
    assert shipped is not None and shipped.confidence(0.999, speech_other=True) < 0.8


def test_the_agent_the_rules_read_in_a_passive_is_a_feature() -> None:
    """"wounded in the Saudi-led strikes", "criticised by France": the rules' holder after a passive cue is its
    agent (feature passive_agent); a subject before an active cue is not."""
    engine = Engine(load_resources(), holder_model=False)
    collected: list = []
    engine.collect = collected
    for text in ("Yemenis were wounded in the Saudi-led strikes.", "Iran was criticised by France over the test.",
                 "France criticised Iran over the missile test."):
        engine.document(Document(id=text[:5], text=text))
    agent = {(c[0], c[3]): c[5][FEATURES.index("passive_agent")] for c in collected if c[4] == "engine"}
    assert agent[("Yemen", "SAU")] == 1.0
    assert agent[("Iran ", "FRA")] == 1.0
    assert agent[("Franc", "FRA")] == 0.0


def test_a_country_owning_an_act_noun_in_a_speech_is_a_feature() -> None:
    """"We condemn Peru's aggression", "the initiative of Chile": in a speech the country owns an act named as a noun
    (feature speech_act_owner); a country only named ("the people of Bolivia") does not, nor does news."""
    engine = Engine(load_resources(), holder_model=False)
    collected: list = []
    engine.collect = collected
    for speaker, text in (("KEN", "We condemn Peru's brutal aggression against its neighbours."),
                          ("KEN", "We support the initiative of Chile on the oceans."),
                          ("KEN", "We support the people of Bolivia in their hour of need."),
                          (None, "Officials condemned Peru's aggression against its neighbours.")):
        engine.document(Document(id=text[:6], text=text, speaker_country=speaker))
    owner = {(c[0], c[3]): c[5][FEATURES.index("speech_act_owner")] for c in collected}
    assert owner[("We con", "PER")] == 1.0
    assert owner[("We sup", "CHL")] == 1.0
    assert owner[("We sup", "BOL")] == 0.0
    assert owner[("Offici", "PER")] == 0.0
