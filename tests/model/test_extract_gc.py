"""The single-process extraction keeps the loaded resources out of the collector's walks, for the run only."""

from __future__ import annotations

from model.documents import Document


def test_frozen_heap_freezes_for_the_run_and_restores() -> None:
    import gc

    from model.extract import frozen_heap

    assert gc.get_freeze_count() == 0
    with frozen_heap():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    gc.freeze()  # someone else's freeze is left as it was
    try:
        before = gc.get_freeze_count()
        with frozen_heap():
            pass
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


def test_extract_statements_leaves_the_heap_unfrozen() -> None:
    import gc

    from model.extract import extract_statements

    df = extract_statements([Document(id="d", text="Russia condemned the attack.")], workers=1)
    assert list(df["actor"]) == ["RUS"] and gc.get_freeze_count() == 0
