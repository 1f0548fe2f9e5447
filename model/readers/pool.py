"""Worker processes that run readers with a time and memory limit per file.

A file that makes its parser loop, crash or eat memory costs one worker
process, which is killed and replaced; the load goes on.  Workers are
started with ``spawn`` (safe from a GUI thread), import the readers they will
need before they say they are ready, and only then get work, so the time limit
measures parsing alone.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from model.documents import LoadError
from model.errorlog import INTERNAL_ERROR, log_exception

MEMORY_LIMIT = 2 * 1024**3   # address space per worker (bytes); an idle worker with every reader uses ~0.2 GB
_MAX_START_FAILURES = 3

#: what a task gave: (key, ok, value) — value is the function's result, or a reason
Outcome = tuple[Hashable, bool, Any]


def _limit_memory(limit: int | None) -> None:
    if not limit:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform, or not allowed
        pass


def _run(func: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
    try:
        return True, func(*args)
    except LoadError as exc:
        return False, str(exc)
    except MemoryError:
        return False, "too large to read: it needs more memory than a reader may use; it may be damaged or hostile"
    except Exception as exc:  # noqa: BLE001 - report, never kill the worker
        log_exception(f"worker task {getattr(func, '__name__', func)}{args!r:.300}", exc)
        return False, f"could not be read: {INTERNAL_ERROR}"


def _worker_main(conn: Connection, preload: Sequence[str], memory_limit: int | None) -> None:
    _limit_memory(memory_limit)
    for module in preload:
        importlib.import_module(module)
    conn.send(("ready",))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        key, func, args = msg
        ok, value = _run(func, args)
        try:
            conn.send((key, ok, value))
        except Exception as exc:  # noqa: BLE001 - e.g. a result that does not pickle
            conn.send((key, False, f"the result could not be passed back ({type(exc).__name__})"))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    key: Hashable | None = None
    busy: bool = False
    deadline: float = 0.0


class WorkerPool:
    """Run ``func(*args)`` tasks in worker processes, each within ``timeout`` seconds."""

    def __init__(
        self, size: int, timeout: float, preload: Sequence[str] = (), memory_limit: int | None = MEMORY_LIMIT
    ) -> None:
        self._ctx = mp.get_context("spawn")
        self._size = max(1, size)
        self._timeout = timeout
        self._preload = tuple(preload)
        self._memory_limit = memory_limit
        self._queue: deque[tuple[Hashable, Callable[..., Any], tuple[Any, ...]]] = deque()
        self._workers: list[_Worker] = []
        self._start_failures = 0
        self._closed = False

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pending(self) -> int:
        """Tasks not yet finished (queued or running)."""
        return len(self._queue) + sum(1 for w in self._workers if w.busy)

    def submit(self, key: Hashable, func: Callable[..., Any], *args: Any) -> None:
        if self._closed:
            raise RuntimeError("the pool is closed")
        self._queue.append((key, func, args))
        self._fill()

    def _fill(self) -> None:
        """Start workers up to the pool size, as long as there is work for them."""
        while len(self._workers) < min(self._size, self.pending) and self._start_failures < _MAX_START_FAILURES:
            self._workers.append(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_worker_main, args=(child, self._preload, self._memory_limit), daemon=True,
            name="stance-atlas-reader",
        )
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _dispatch(self) -> None:
        for w in self._workers:
            if self._queue and w.ready and not w.busy:
                task = self._queue.popleft()
                try:
                    w.conn.send(task)
                except (OSError, ValueError):  # it died meanwhile: the task waits, poll() replaces the worker
                    self._queue.appendleft(task)
                    w.ready = False
                    continue
                w.key, w.busy, w.deadline = task[0], True, time.monotonic() + self._timeout

    def poll(self, wait_for: float = 0.0) -> list[Outcome]:
        """Finished tasks, waiting up to ``wait_for`` seconds for the first one."""
        out: list[Outcome] = []
        self._dispatch()
        if not self._workers:
            self._fail_all_if_cannot_start(out)
            return out
        now = time.monotonic()
        deadlines = [w.deadline - now for w in self._workers if w.busy]
        timeout = max(0.0, min([wait_for, *deadlines]))
        ready = set(wait([w.conn for w in self._workers] + [w.process.sentinel for w in self._workers], timeout))
        for w in list(self._workers):
            if w.conn in ready:
                self._receive(w, out)
            elif w.process.sentinel in ready:
                self._lost(w, out, self._died_reason(w))
            elif w.busy and time.monotonic() > w.deadline:
                self._lost(w, out, f"gave up after {self._timeout:g} s (reading took too long; the file may be damaged or hostile)")
        self._fail_all_if_cannot_start(out)
        self._dispatch()
        return out

    def _receive(self, w: _Worker, out: list[Outcome]) -> None:
        try:
            msg = w.conn.recv()
        except (EOFError, OSError):
            self._lost(w, out, self._died_reason(w))
            return
        if msg == ("ready",):
            w.ready = True
            self._start_failures = 0
            return
        key, ok, value = msg
        w.busy, w.key = False, None
        out.append((key, ok, value))

    @staticmethod
    def _died_reason(w: _Worker) -> str:
        end = time.monotonic() + 1.0
        while w.process.exitcode is None and time.monotonic() < end:  # its pipe closes just before it is reapable
            w.process.join(0.05)
        return f"the reader crashed on this file (exit code {w.process.exitcode})"

    def _lost(self, w: _Worker, out: list[Outcome], reason: str) -> None:
        """Replace a worker that died or overran; its task fails with ``reason``."""
        if w.busy:
            out.append((w.key, False, reason))
        elif not w.ready:
            self._start_failures += 1
        self._stop(w, kill=True)
        self._workers.remove(w)
        self._fill()

    def _fail_all_if_cannot_start(self, out: list[Outcome]) -> None:
        if self._queue and not self._workers:  # _fill gave up after repeated start failures
            while self._queue:
                key, _, _ = self._queue.popleft()
                out.append((key, False, "the reader process could not start"))

    @staticmethod
    def _stop(w: _Worker, kill: bool) -> None:
        if kill:
            w.process.kill()
        else:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                w.process.kill()
        w.process.join(2)
        if w.process.is_alive():
            w.process.kill()
            w.process.join(1)
        w.conn.close()

    def close(self) -> None:
        """Stop every worker; tasks still running or queued are dropped."""
        self._closed = True
        self._queue.clear()
        for w in self._workers:
            self._stop(w, kill=w.busy or not w.ready)
        self._workers.clear()
