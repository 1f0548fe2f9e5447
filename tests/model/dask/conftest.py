"""The Dask tests' shared dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.cluster import dataset
from model.cluster.extract import SynchronousRunner, run_extract
from tests.model.dask.helpers import SEEDS, make_corpus


@pytest.fixture(scope="session")
def seeds_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test corpus and the seeds extracted in small parts (read only by the tests)."""
    root = tmp_path_factory.mktemp("lean")
    out = root / "set"
    run_extract([str(make_corpus(root)), str(SEEDS)], out, SynchronousRunner(), part_mb=0.002)
    assert len(dataset.statement_parts(out)) > 3   # rows spread over parts: the locator is part and row
    return out
