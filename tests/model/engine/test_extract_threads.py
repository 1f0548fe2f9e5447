"""Extraction is re-entrant: two sets extracted at once, in two threads, give what each gives alone.

(The GUI opens set B while set A still loads: two worker threads in ``extract_statements``.)
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from model.documents import Document
from model.engine.batch import engine_for, extract_statements
from model.readers import load_paths
from model.resources import Resources, load_resources

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
#: names swapped in the copies of the seed article, so that every copy says something else
NAMES = ["China", "Iran", "Russia", "Pakistan", "Tajikistan", "Uzbekistan", "India", "France", "Turkey"]


def _renamed(text: str, shift: int) -> str:
    for i, name in enumerate(NAMES):
        text = text.replace(name, f"\0{i}\0")
    for i in range(len(NAMES)):
        text = text.replace(f"\0{i}\0", NAMES[(i + shift) % len(NAMES)])
    return text


def _documents(prefix: str, copies: int, reverse: bool) -> list[Document]:
    """Copies of the seed article, names rotated (and the paragraphs reversed for the second set)."""
    (seed,) = load_paths([SEEDS]).documents
    paragraphs = seed.text.split("\n")
    if reverse:
        paragraphs.reverse()
    text = "\n".join(paragraphs)
    return [Document(id=f"{prefix}{i}", text=_renamed(text, i)) for i in range(copies)]


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Let the interpreter switch threads as often as it can, so that shared state would show."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def _extract_at_once(sets: list[list[Document]], resources: Resources) -> list[pd.DataFrame]:
    start = threading.Barrier(len(sets))
    results: list[pd.DataFrame | BaseException | None] = [None] * len(sets)

    def run(i: int) -> None:
        try:
            start.wait()
            results[i] = extract_statements(sets[i], resources, workers=1)
        except BaseException as exc:  # noqa: BLE001 (given back to the test)
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(sets))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    frames: list[pd.DataFrame] = []
    for r in results:
        if not isinstance(r, pd.DataFrame):
            raise AssertionError(f"an extraction failed: {r!r}")
        frames.append(r)
    return frames


def test_two_extractions_at_once_give_their_single_threaded_results(resources: Resources,
                                                                    busy_switching: None) -> None:
    sets = [_documents("a", 8, reverse=False), _documents("b", 8, reverse=True)]
    alone = [extract_statements(docs, resources, workers=1) for docs in sets]
    assert all(len(df) > 50 for df in alone)
    assert not alone[0]["sentence"].equals(alone[1]["sentence"])  # two different results to keep apart
    for _ in range(2):
        together = _extract_at_once(sets, resources)
        for got, want in zip(together, alone, strict=True):
            pd.testing.assert_frame_equal(got, want)


def test_each_thread_has_its_own_engine(resources: Resources) -> None:
    mine = engine_for(resources)
    assert engine_for(resources) is mine  # kept for this thread
    theirs: list[object] = []
    t = threading.Thread(target=lambda: theirs.append(engine_for(resources)))
    t.start()
    t.join()
    assert theirs and theirs[0] is not mine
    assert engine_for(load_resources()) is not mine  # other resources, another engine
