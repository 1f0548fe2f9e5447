"""Running one round of Dask tasks: on the synchronous scheduler, or on a ``distributed`` client.

Each round reports its progress under the round's name (:data:`ROUNDS`), counted in parts,
and stops with :class:`model.progress.Cancelled` when its progress asks it to; any exception
(Ctrl-C too) cancels the round's tasks before it goes on.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from typing import Any

from model.errorlog import log_exception
from model.progress import Cancelled, NullProgress, Progress

#: each round of tasks (the name in its task keys) as progress on stderr names it
ROUNDS = {"count": "counting lines", "extract": "reading and extracting", "reextract": "re-extracting",
          "write": "writing"}


class Runner:
    """Runs one round of independent tasks and returns their results in order; a task that
    failed (its worker died more often than Dask allows) gives its exception as the result."""

    def run(self, label: str, func: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        raise NotImplementedError

    def slots(self) -> int:
        """How many tasks run at once."""
        return 1


class SynchronousRunner(Runner):
    """Dask's synchronous scheduler: every task in this process, one after the other."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress or NullProgress()

    def run(self, label: str, func: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        import dask  # noqa: PLC0415
        from dask.callbacks import Callback  # noqa: PLC0415

        total = len(calls)
        done = [0]
        progress = self.progress

        def posttask(_key: object, _result: object, _dsk: object, _state: object, _worker_id: object) -> None:
            done[0] += 1
            progress.report(done[0], total, ROUNDS.get(label, label))

        def pretask(_key: object, _dsk: object, _state: object) -> None:
            if progress.cancelled():
                raise Cancelled()

        tasks = [dask.delayed(func, pure=False)(*c, dask_key_name=f"stance-{label}-{i:05d}")
                 for i, c in enumerate(calls)]
        with Callback(pretask=pretask, posttask=posttask):
            return list(dask.compute(*tasks, scheduler="synchronous"))


class DistributedRunner(Runner):
    """A ``distributed`` client: a LocalCluster or any running scheduler."""

    def __init__(self, client: Any, progress: Progress | None = None) -> None:
        self.client = client
        self.progress = progress or NullProgress()
        self.run_id = uuid.uuid4().hex[:8]

    def slots(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def run(self, label: str, func: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        from distributed import as_completed  # noqa: PLC0415

        keys = [f"stance-{label}-{self.run_id}-{i:05d}" for i in range(len(calls))]
        futures = [self.client.submit(func, *c, key=k, pure=False) for c, k in zip(calls, keys, strict=True)]
        results: dict[str, Any] = {}
        try:
            for done, fut in enumerate(as_completed(futures), 1):
                if self.progress.cancelled():
                    raise Cancelled()
                try:
                    results[fut.key] = fut.result()
                except Exception as exc:  # noqa: BLE001 (a part whose workers kept dying: named, not fatal)
                    log_exception(f"dask task {fut.key}", exc)
                    results[fut.key] = exc
                self.progress.report(done, len(calls), ROUNDS.get(label, label))
        except BaseException:
            self.client.cancel(futures)
            raise
        finally:
            for fut in futures:
                fut.release()
        return [results[k] for k in keys]


def local_client(workers: int | None = None) -> tuple[Any, Any]:
    """A LocalCluster of ``workers`` single-threaded processes (default: this machine's cores)."""
    import dask  # noqa: PLC0415
    from distributed import Client, LocalCluster  # noqa: PLC0415

    # non-daemonic workers may start the reader processes that bound a hostile PDF/HTML file
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster
