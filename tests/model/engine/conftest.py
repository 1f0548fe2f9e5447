"""The engine the engine tests share: built once (loading the resources is the slow part); a test that needs
another (the rules alone, ``holder_model=False``) defines its own ``engine`` fixture."""

import pytest

from model.engine.extract import Engine
from model.resources import load_resources


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(load_resources())
