"""A quick run of tools/crash_test.py: savers killed with SIGKILL never leave a bad project."""

import os

import pytest

from model.review.workspace import fingerprint
from tools.crash_test import run, state


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks the saving process")
def test_thirty_killed_save_cycles_leave_intact_projects(tmp_path):
    c = run(cycles=30, folder=tmp_path, seed=7)
    assert c.problems == [] and c.ok
    assert c.saves_started >= 30 and c.kills >= 5
    assert c.equal_before + c.equal_after == c.kills
    assert not list(tmp_path.glob(".*.saving"))         # the last clean-up removed every temporary file


def test_states_differ_and_are_deterministic():
    assert fingerprint(state(3)) == fingerprint(state(3))
    assert len({fingerprint(state(n)) for n in range(6)}) == 6
