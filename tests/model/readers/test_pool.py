"""Worker pool: results come back; a task that hangs, crashes or eats memory fails alone.

No test here bets on the speed of the machine: a hanging task really never returns, and the pool's
clock is the test's (``hang_clock``, ``manual_clock``); the only real-time bounds are safety nets.
"""

import time

from model.readers.pool import WorkerPool

from .tasks import crash_task, echo_task, hanging_task, hungry_task, slow_task

#: seconds after which a test gives up waiting for the pool (a hung test, not a slow machine)
SAFETY_NET = 600.0


def drain(pool, limit=SAFETY_NET):
    out = {}
    end = time.monotonic() + limit
    while pool.pending and time.monotonic() < end:
        for key, ok, value in pool.poll(0.2):
            out[key] = (ok, value)
    assert not pool.pending, "the pool did not finish"
    return out


def test_a_hanging_task_is_given_up_and_the_next_ones_run(hang_clock):
    with WorkerPool(1, timeout=60.0) as pool:
        pool.submit("hang", hanging_task)
        for i in range(3):
            pool.submit(i, echo_task, f"v{i}")
        out = drain(pool)
    assert out["hang"] == (False, "gave up after 60 s (reading took too long; the file may be damaged or hostile)")
    assert [out[i] for i in range(3)] == [(True, f"v{i}") for i in range(3)]
    assert hang_clock.offset  # the task did hang (and only the clock's jump ended it)


def test_crashes_and_hunger_fail_alone():
    with WorkerPool(2, timeout=SAFETY_NET) as pool:
        pool.submit("crash", crash_task)
        pool.submit("hungry", hungry_task)
        for i in range(4):
            pool.submit(i, echo_task, f"v{i}")
        out = drain(pool)
    assert not out["crash"][0] and "crashed" in out["crash"][1] and "exit code 3" in out["crash"][1]
    assert not out["hungry"][0] and "memory" in out["hungry"][1]
    assert [out[i] for i in range(4)] == [(True, f"v{i}") for i in range(4)]


def test_timeout_counts_from_dispatch_not_worker_start(manual_clock):
    # the worker imports a heavy reader module first; the 2 s budget is for the task alone
    with WorkerPool(1, timeout=2.0, preload=["model.readers.html"]) as pool:
        pool.submit("quick", echo_task, "done")  # no poll yet: the worker cannot have said it is ready
        manual_clock.now += 10.0  # a start-up far longer than the budget
        assert drain(pool) == {"quick": (True, "done")}


def test_the_time_limit_ends_a_task_that_overruns_it(manual_clock):
    with WorkerPool(1, timeout=2.0) as pool:
        pool.submit("long", slow_task, SAFETY_NET)
        end = time.monotonic() + SAFETY_NET
        while not any(w.busy for w in pool._workers) and time.monotonic() < end:
            pool.poll(0.1)
        manual_clock.now += 2.5
        assert drain(pool) == {"long": (False, "gave up after 2 s (reading took too long; the file may be "
                                                "damaged or hostile)")}


def test_worker_that_cannot_start_fails_tasks_instead_of_hanging():
    with WorkerPool(1, timeout=5.0, preload=["model.readers.no_such_module"]) as pool:
        pool.submit("a", echo_task, "x")
        out = drain(pool)
    assert out == {"a": (False, "the reader process could not start")}


def test_close_stops_running_work():
    pool = WorkerPool(1, timeout=SAFETY_NET)
    pool.submit("long", slow_task, SAFETY_NET)
    end = time.monotonic() + SAFETY_NET
    while not any(w.busy for w in pool._workers) and time.monotonic() < end:
        pool.poll(0.1)
    procs = [w.process for w in pool._workers]
    pool.close()
    assert procs and not any(p.is_alive() for p in procs)
    assert pool.pending == 0
