"""The engine's tuple rows are in ``COLUMNS`` order: the frame and every export rely on it."""

from __future__ import annotations

import bisect

from hypothesis import given
from hypothesis import strategies as st

from model.documents import Document
from model.engine.extract import Engine
from model.resources import load_resources
from model.statements import COLUMNS, statements_frame

TEXT = ("Russia will not take part in the inauguration ceremony, TASS reported, citing the Kremlin. "
        "Pakistan hosted the intelligence chiefs of China and Iran on Saturday.")


def _engine() -> Engine:
    return Engine(load_resources())


def test_rows_are_tuples_in_column_order() -> None:
    engine = _engine()
    doc = Document(id="d1", text=TEXT)
    rows = engine.rows(doc)
    assert rows and all(isinstance(r, tuple) and len(r) == len(COLUMNS) for r in rows)
    r = dict(zip(COLUMNS, rows[0], strict=True))
    assert r["document"] == "d1"
    assert r["sentence"] == TEXT[r["start"]:r["end"]]
    assert r["actor"] == "RUS" and r["negated"] is True and r["reporter"] == "TASS"
    assert TEXT[r["cue_start"]:].startswith(r["cue"]) and r["cue"]
    assert TEXT[r["actor_start"]:].startswith(r["actor_text"])
    assert isinstance(r["polarity"], float) and r["polarity"] < 0


def test_document_dicts_and_frame_agree_with_rows() -> None:
    engine = _engine()
    doc = Document(id="d1", text=TEXT)
    dicts = engine.document(doc)
    assert [list(d) for d in dicts] == [COLUMNS] * len(dicts)
    assert [tuple(d.values()) for d in dicts] == engine.rows(doc)
    from_tuples = statements_frame(engine.rows(doc))
    from_dicts = statements_frame(dicts)
    assert from_tuples.equals(from_dicts)
    assert list(from_tuples["actor"]) == ["RUS", "PAK"]


@given(st.lists(st.integers(-5, 40), max_size=30), st.integers(-6, 41))
def test_bisect_left_is_the_library_one_even_unsorted(a: list[int], x: int) -> None:
    from model.engine.spans import bisect_left

    assert bisect_left(a, x) == bisect.bisect_left(a, x)
    a.sort()
    assert bisect_left(a, x) == bisect.bisect_left(a, x)
