from model.engine.morph import noun_forms, verb_forms


def test_regular_and_irregular_inflections():
    assert verb_forms("agree") == {"agree", "agrees", "agreed", "agreeing"}
    assert {"stopped", "stopping"} <= verb_forms("stop")
    assert {"opened", "opening"} <= verb_forms("open")  # two syllables: no doubled consonant
    assert {"denied", "denies"} <= verb_forms("deny")
    assert {"held talks", "holding talks"} <= verb_forms("hold talks")
    assert {"withdrew", "withdrawn"} <= verb_forms("withdraw")


def test_noun_plurals():
    assert noun_forms("hunger strike") == {"hunger strike", "hunger strikes"}
    assert "embassies" in noun_forms("embassy")
