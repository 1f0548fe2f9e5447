"""Hong Kong's officials hold for Hong Kong (HKG), as the news annotations code them, not for China: the people
list (from Phoenix, which coded them CHN) names them with HKG (issue 15)."""

from __future__ import annotations

import pytest

from model.documents import Document
from model.engine.extract import Engine


@pytest.mark.parametrize("text", [
    "Regina Ip criticised the lawmakers who disrupted the address.",
    "Ambrose Lee defended the police response to the march.",
])
def test_a_hong_kong_official_holds_for_hong_kong(engine: Engine, text: str) -> None:
    holders = {str(r["actor"]) for r in engine.document(Document(id="d", text=text))}
    assert "HKG" in holders and "CHN" not in holders
