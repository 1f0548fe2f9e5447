"""The single-process extraction keeps the loaded resources out of the collector's walks, for the run only."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from model.documents import Document
from model.engine.batch import extract_statements, frozen_heap


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """A heap nothing has frozen (the GUI freezes it for the app's life; put back as it was)."""
    was_frozen = gc.get_freeze_count() > 0
    gc.unfreeze()
    try:
        yield
    finally:
        gc.unfreeze()
        if was_frozen:
            gc.freeze()


def test_frozen_heap_freezes_for_the_run_and_restores(unfrozen: None) -> None:
    with frozen_heap():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_frozen_heap_leaves_someone_elses_freeze(unfrozen: None) -> None:
    gc.freeze()
    before = gc.get_freeze_count()
    with frozen_heap():
        pass
    assert gc.get_freeze_count() == before


def test_extract_statements_leaves_the_heap_unfrozen(unfrozen: None) -> None:
    df = extract_statements([Document(id="d", text="Russia condemned the attack.")], workers=1)
    assert list(df["actor"]) == ["RUS"] and gc.get_freeze_count() == 0
