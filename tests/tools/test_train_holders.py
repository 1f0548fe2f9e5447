"""The threshold rule of the holder scorer's training (no scikit-learn needed: plain functions)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "tools" / "train_holders.py"


@pytest.fixture(scope="module")
def th():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_holders", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(doc: str, n: int, actor: str) -> tuple:
    return ((doc, n, actor), 0, "engine", [])


# two news articles with a right pair each and one wrong candidate of middling probability; one no-stance
# article whose only candidate is weak
ROWS = [_row("n1", 0, "FRA"), _row("n1", 1, "DEU"), _row("n2", 0, "ITA"), _row("neg", 0, "USA")]
GOLD = {("n1", 0, "FRA"), ("n2", 0, "ITA")}
NEWS = ({"n1", "n2"}, GOLD)


def test_news_precision_counts_pairs_at_the_threshold(th) -> None:  # type: ignore[no-untyped-def]
    probs = [0.9, 0.6, 0.8, 0.1]
    assert th.news_precision(ROWS, probs, NEWS, 0.55) == pytest.approx(2 / 3)
    assert th.news_precision(ROWS, probs, NEWS, 0.65) == 1.0


def test_lowest_threshold_without_a_precision_floor_follows_false_alarms(th) -> None:  # type: ignore[no-untyped-def]
    runs = [[0.9, 0.6, 0.8, 0.1]]
    assert th.lowest_threshold(ROWS, runs, {"neg"}, 0.2) == 0.5


def test_the_precision_floor_raises_the_threshold_past_the_wrong_candidate(th) -> None:  # type: ignore[no-untyped-def]
    runs = [[0.9, 0.6, 0.8, 0.1]]
    assert th.lowest_threshold(ROWS, runs, {"neg"}, 0.2, NEWS, 0.85) == 0.61


def test_the_floor_is_the_mean_over_runs(th) -> None:  # type: ignore[no-untyped-def]
    # the wrong candidate passes 0.5 in one run only: mean precision (2/3 + 1) / 2 = 0.83 until 0.56
    runs = [[0.9, 0.55, 0.8, 0.1], [0.9, 0.4, 0.8, 0.1]]
    assert th.lowest_threshold(ROWS, runs, {"neg"}, 0.2, NEWS, 0.8) == 0.5
    assert th.lowest_threshold(ROWS, runs, {"neg"}, 0.2, NEWS, 0.9) == 0.56


def test_false_alarms_still_bound_the_threshold(th) -> None:  # type: ignore[no-untyped-def]
    runs = [[0.9, 0.3, 0.8, 0.7]]
    assert th.lowest_threshold(ROWS, runs, {"neg"}, 0.2, NEWS, 0.85) == 0.71
