"""Worker pool: results come back; a task that hangs, crashes or eats memory fails alone."""

import time

from model.readers.pool import WorkerPool

from .tasks import crash_task, echo_task, hungry_task, slow_task


def drain(pool, limit=60.0):
    out = {}
    end = time.monotonic() + limit
    while pool.pending and time.monotonic() < end:
        for key, ok, value in pool.poll(0.2):
            out[key] = (ok, value)
    assert not pool.pending, "the pool did not finish"
    return out


def test_results_and_failures_each_stay_with_their_task():
    with WorkerPool(2, timeout=1.0) as pool:
        pool.submit("slow", slow_task, 30)
        pool.submit("crash", crash_task)
        pool.submit("hungry", hungry_task)
        for i in range(4):
            pool.submit(i, echo_task, f"v{i}")
        out = drain(pool)
    assert out["slow"] == (False, out["slow"][1]) and "gave up after 1 s" in out["slow"][1]
    assert not out["crash"][0] and "crashed" in out["crash"][1] and "exit code 3" in out["crash"][1]
    assert not out["hungry"][0] and "memory" in out["hungry"][1]
    assert [out[i] for i in range(4)] == [(True, f"v{i}") for i in range(4)]


def test_timeout_counts_from_dispatch_not_worker_start():
    # the worker imports a heavy reader module first; the 2 s budget is for the task alone
    with WorkerPool(1, timeout=2.0, preload=["model.readers.html"]) as pool:
        pool.submit("quick", slow_task, 0.1)
        assert drain(pool) == {"quick": (True, "finished")}


def test_worker_that_cannot_start_fails_tasks_instead_of_hanging():
    with WorkerPool(1, timeout=5.0, preload=["model.readers.no_such_module"]) as pool:
        pool.submit("a", echo_task, "x")
        out = drain(pool)
    assert out == {"a": (False, "the reader process could not start")}


def test_close_stops_running_work():
    pool = WorkerPool(1, timeout=60.0)
    pool.submit("long", slow_task, 60)
    end = time.monotonic() + 30
    while not any(w.busy for w in pool._workers) and time.monotonic() < end:
        pool.poll(0.1)
    procs = [w.process for w in pool._workers]
    pool.close()
    assert procs and not any(p.is_alive() for p in procs)
    assert pool.pending == 0
