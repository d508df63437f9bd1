"""Running the analysis of a long text on every core: this process and worker
processes share the batches.

Each worker process loads the pipeline once and analyses whole batches of chunks,
sending back only spans and readings (small, plain data), never spaCy Docs. The
process that asks (whose pipeline is already loaded) analyses batches too: the first
one at once (the first screen), then whichever batch comes next whenever the workers
have enough queued, so there is one worker per core *besides* its own. Until a
worker has loaded its pipeline it is given nothing, so a cold start never delays a
text this process could have finished alone. Results come back in text order. The
pool is started on first use with the "spawn" method (safe in a process that runs
Qt threads) and kept for later analyses; :func:`start` starts it ahead of time (a
window does once it is idle) and :func:`warm_up` waits for it too.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_for
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Batches a loaded worker is given ahead: one it computes and one it takes next,
#: so it never waits for this process to finish a batch of its own.
_AHEAD_PER_WORKER = 2

#: How much nicer than the process that asks the workers run.
WORKER_NICENESS = 10

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
#: One task per worker submitted with the pool; each is done once a worker has
#: loaded the pipeline.
_started: list[Future[int]] = []
#: The end of the items.
_END = object()


def worker_count(local: bool = True) -> int:
    """Worker processes to use: one per core the process may run on besides the one
    of this process when it analyses too (``local``), else one per core; at least 1."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, cores - 1 if local else cores)


def _warm_worker() -> None:
    """Load the pipeline and import the analysis (its first import costs ~0.3 s,
    which would otherwise delay the first batch a worker is given)."""
    _exit_with_parent()
    try:
        os.nice(WORKER_NICENESS)  # the window (when there is one) comes first, even now
    except OSError:
        pass
    import desktop.nlp.analysis  # noqa: F401
    from desktop.nlp.pipeline import load_pipeline
    from desktop.nlp.units import compile_unit_matchers

    load_pipeline()
    compile_unit_matchers()  # ~40 ms here, in the background, not on a first text


def _exit_with_parent() -> None:
    """End this worker as soon as the process that started it is gone: a window
    killed or crashed would otherwise leave its workers (~200 MB each) running on."""
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])  # readable once the parent's end of the pipe closes
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _worker_pid() -> int:
    return os.getpid()


def _pool_instance(local: bool = True) -> ProcessPoolExecutor:
    """The pool, started on first use with as many workers as ``local`` calls for."""
    global _pool
    with _lock:
        if _pool is None:
            count = worker_count(local)
            _pool = ProcessPoolExecutor(
                max_workers=count,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm_worker,
            )
            # Submitting spawns the workers now; each task ends once one has loaded.
            _started[:] = [_pool.submit(_worker_pid) for _ in range(count)]
        return _pool


def _ready_workers() -> int:
    """How many workers have loaded the pipeline (at least; a fast one may have run
    two of the start-up tasks)."""
    return sum(future.done() for future in _started)


def start(local: bool = True) -> None:
    """Start the worker processes in the background (they load the pipeline); with
    ``local=False``, one per core, for callers that leave all the work to them."""
    _pool_instance(local)


def submit(function: Callable[..., R], *args) -> Future[R]:
    """Run ``function(*args)`` in a worker process (the pool is started if need be),
    away from this process's GIL."""
    return _pool_instance(local=False).submit(function, *args)


def let_leave(future: Future, seconds: float = 0.003) -> None:
    """Give up the GIL for a moment (at most ``seconds``) so that ``future``'s task
    leaves for its worker: this process's pool threads hand it over, and they need
    the GIL, which a caller about to run long C calls (regular-expression scans over
    a whole text) would otherwise hold until those end, starting the worker ~70 ms
    late on a 1 MB text."""
    wait_for([future], timeout=seconds)


def warm_up() -> list[int]:
    """Start the worker processes and wait until they have loaded the pipeline (a
    window can call it when idle, so the first analysis does not wait for them);
    returns their process ids."""
    _pool_instance()
    wait_for(list(_started))
    return worker_pids()


def ready() -> bool:
    """Whether the worker processes run and have loaded the pipeline."""
    with _lock:
        return _pool is not None and bool(_started) and all(f.done() for f in _started)


def worker_pids() -> list[int]:
    """The process ids of the running worker processes (none before first use)."""
    with _lock:
        processes = getattr(_pool, "_processes", None) or {}
        return sorted(processes)


def shutdown_pool(wait: bool = False) -> None:
    """Stop the worker processes (they are started again when next needed);
    ``wait`` waits until they have exited."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
        _started.clear()
    if pool is not None:
        pool.shutdown(wait=wait, cancel_futures=True)


atexit.register(shutdown_pool)


def map_in_order(
    function: Callable[[T], R], items: Iterable[T], should_stop: Callable[[], bool] = lambda: False,
    weight: Callable[[T], int] = lambda item: 1, total: int | None = None, local: bool = True,
) -> Iterator[R]:
    """``function(item)`` for each item, computed here and in the worker processes
    and yielded in the order of ``items``; stops once ``should_stop()``.

    The first item is computed here (the first screen), but only after the loaded
    workers have been handed the items after it, so they start at once. Each time
    this process is free, the workers are handed items first: one whenever a worker
    would otherwise sit idle, more while they have fewer than two each in hand and,
    when ``total`` (the sum of every item's ``weight``) is given, while what they hold
    is less than what is left for this process; then this process computes the next
    one. So the processes finish together.
    With ``local=False`` every item goes to the workers (a window's process keeps its
    time, and the GIL, for the window).
    """
    pool = _pool_instance(local)
    pending: deque[tuple[Future[R], int]] = deque()
    upcoming = iter(items)
    kept: deque[tuple[T, int]] = deque()  # read from ``items``, not yet handed to anyone
    left = total

    def take() -> tuple[T, int] | None:
        if kept:
            return kept.popleft()
        item = next(upcoming, _END)
        return None if item is _END else (item, weight(item))

    def workers_take(size: int) -> bool:
        if not local:
            return True
        held = [w for future, w in pending if not future.done()]
        ready = _ready_workers()
        if len(held) < ready:  # a loaded worker would otherwise sit idle
            return True
        return len(held) < ready * _AHEAD_PER_WORKER and (left is None or sum(held) + 2 * size <= left)

    def keep_here() -> tuple[T, Future[R]] | None:
        nonlocal left
        taken = take()
        if taken is None:
            return None
        item, size = taken
        if left is not None:
            left -= size
        here: Future[R] = Future()
        pending.append((here, 0))
        return item, here

    try:
        mine = keep_here() if local else None
        while True:
            if should_stop():
                return
            while (taken := take()) is not None:
                item, size = taken
                if not workers_take(size):
                    kept.appendleft(taken)
                    break
                if left is not None:
                    left -= size
                pending.append((pool.submit(function, item), size))
            if mine is None and (mine := keep_here()) is None:
                break
            item, here = mine
            here.set_result(function(item))
            mine = None
            while pending and pending[0][0].done():
                yield pending.popleft()[0].result()
        while pending:
            if should_stop():
                return
            yield pending.popleft()[0].result()
    finally:
        for future, _ in pending:
            future.cancel()
