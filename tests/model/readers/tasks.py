"""Worker-pool tasks for the tests: a light module, quick for a worker to import."""

from __future__ import annotations

import os
import time


def slow_task(seconds: float) -> str:
    """A worker task that overruns any short time limit."""
    time.sleep(seconds)
    return "finished"


def crash_task() -> None:
    """A worker task that kills its process, as a parser segfault would."""
    os._exit(3)


def hungry_task() -> int:
    """A worker task that asks for far more memory than a reader may use."""
    return len(bytearray(16 * 1024**3))


def echo_task(value: str) -> str:
    return value
