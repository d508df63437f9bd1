"""Running the analysis of a long text on every core, in worker processes.

Each worker process loads the pipeline once and analyses whole batches of chunks,
sending back only spans and readings (small, plain data), never spaCy Docs. Results
come back in text order so the first screen is ready first. The pool is started on
first use with the "spawn" method (safe in a process that runs Qt threads) and kept
for later analyses.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Batches submitted ahead of the one being waited for, per worker.
_AHEAD_PER_WORKER = 2

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def worker_count() -> int:
    """Worker processes to use: one per core the process may run on, at least 1."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, cores)


def _warm_worker() -> None:
    from desktop.nlp.pipeline import load_pipeline

    load_pipeline()


def _pool_instance() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=worker_count(),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm_worker,
            )
        return _pool


def shutdown_pool() -> None:
    """Stop the worker processes (they are started again when next needed)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


atexit.register(shutdown_pool)


def map_in_order(
    function: Callable[[T], R], items: Iterable[T], should_stop: Callable[[], bool] = lambda: False
) -> Iterator[R]:
    """``function(item)`` for each item, computed in the worker processes and
    yielded in the order of ``items``; stops submitting work once ``should_stop()``."""
    pool = _pool_instance()
    pending: deque[Future[R]] = deque()
    limit = worker_count() * _AHEAD_PER_WORKER
    source = iter(items)
    try:
        for item in source:
            pending.append(pool.submit(function, item))
            if len(pending) >= limit:
                if should_stop():
                    return
                yield pending.popleft().result()
        while pending:
            if should_stop():
                return
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
