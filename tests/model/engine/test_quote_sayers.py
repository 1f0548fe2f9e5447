"""Who speaks the later sentences of a quotation (issue 15, extract._quote_sayers): not a private person who has left
a non-political office ("Former CIA deputy director X praised him on Twitter: “… He will be missed.”"), and not a
country talked about inside the quotation; a minister's quotation stays his country's."""

from __future__ import annotations

from model.engine.extract import Engine
from tests.model.engine.helpers import sentence_actors


def test_a_private_persons_quotation_has_no_holder(engine: Engine) -> None:
    text = ("Former United States intelligence officer Jim Dale died on Saturday. Former CIA deputy director Mark Hollis "
            "praised Dale on Twitter: \"Jim was one of the best officers to ever serve at CIA. His work helped to protect "
            "our nation in significant ways. He will be missed.\"")
    assert sentence_actors(engine, text) == {}


def test_a_ministers_quotation_stays_his_countrys(engine: Engine) -> None:
    text = ('Russian Foreign Minister Sergei Lavrov told reporters in Moscow: "We will not accept these sanctions. Our '
            'response will be firm and swift."')
    assert sentence_actors(engine, text).get('Our response will be firm and swift."') == {"RUS"}

