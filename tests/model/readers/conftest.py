"""Clocks for the worker pool's time limits, so that no test bets on how fast this machine is; and the csv
module's field limit (process-wide) put back after each test."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from model.readers import pool

from .tasks import HANG_MARKER_ENV


@pytest.fixture(autouse=True)
def _csv_field_limit() -> Iterator[None]:
    """A reader sets ``csv.field_size_limit`` to its record cap, which some tests lower to a few hundred bytes:
    later tests (the resources' own tables) must not read under that cap."""
    limit = csv.field_size_limit()
    yield
    csv.field_size_limit(limit)


class HangClock:
    """Real time until a task says it hangs (it writes the marker file first), then an hour later.

    Time limits run out at once for the work that hangs — however fast or loaded the machine — and
    work dispatched afterwards gets its whole budget on the new time."""

    JUMP = 3600.0

    def __init__(self, marker: Path) -> None:
        self.marker = marker
        self.offset = 0.0

    def monotonic(self) -> float:
        if not self.offset and self.marker.exists():
            self.offset = self.JUMP
        return time.monotonic() + self.offset


class ManualClock:
    """A clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def hang_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HangClock]:
    """The pool's clock jumps when a task of ``tasks`` hangs (use a pool of one worker: a task that
    runs beside the hanging one would run out of time too)."""
    marker = tmp_path / "hanging.marker"
    monkeypatch.setenv(HANG_MARKER_ENV, str(marker))  # the workers are spawned with this environment
    clock = HangClock(marker)
    monkeypatch.setattr(pool, "time", SimpleNamespace(monotonic=clock.monotonic))
    yield clock


@pytest.fixture
def manual_clock(monkeypatch: pytest.MonkeyPatch) -> ManualClock:
    clock = ManualClock()
    monkeypatch.setattr(pool, "time", SimpleNamespace(monotonic=clock.monotonic))
    return clock
