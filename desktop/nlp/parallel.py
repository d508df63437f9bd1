"""Running the analysis of a long text on every core: this process and worker
processes share the batches.

Each worker process loads the pipeline once and analyses whole batches of chunks,
sending back only spans and readings (small, plain data), never spaCy Docs. The
process that asks (whose pipeline is already loaded) analyses batches too: the first
one at once (the first screen), then whichever batch comes next whenever the workers
have enough queued, so there is one worker per core *besides* its own. Until a
worker has loaded its pipeline it is given nothing, so a cold start never delays a
text this process could have finished alone. Results come back in text order.

One pool serves the whole process (every window of the app). It is started on first
use — a long text, a large session's figures — with as many workers as the cores
and the available memory allow (:func:`worker_count`), and ends once it has had
nothing to do for IDLE_EXIT_SECONDS: its workers (~150-230 MiB each) exit, and the
next long text starts it again. :func:`start` starts it ahead of time and
:func:`warm_up` waits for it too.

Workers are forked from this process once it has loaded the pipeline where that is
safe (:func:`start_method`: the command line, no Qt and no other thread): each starts
at once with the model in memory it shares with this process, instead of importing
spaCy and loading the model again (~1-1.5 s of a core). A window's process runs Qt
threads, whose locks a forked child could inherit held: its workers are spawned.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_for
from typing import TypeVar

from desktop.nlp.pipeline import load_analysis

T = TypeVar("T")
R = TypeVar("R")

#: Batches a loaded worker is given ahead: one it computes and one it takes next,
#: so it never waits for this process to finish a batch of its own.
_AHEAD_PER_WORKER = 2

#: The pool ends (its workers exit) once it has had no task for this long (s). Read
#: at each check, so a test may shorten it.
IDLE_EXIT_SECONDS = 60.0
#: What one worker process needs (the model, the analysis, a batch's data), in MiB:
#: its peak resident memory analysing 1 MB is ~230 MiB.
WORKER_MIB = 250
#: Memory left for the rest of the machine when counting workers, in MiB.
RESERVED_MIB = 512

_lock = threading.RLock()  # re-entered: a done callback may run inside submit
_pool: ProcessPoolExecutor | None = None
#: One task per worker submitted with the pool; each is done once a worker has
#: loaded the pipeline.
_started: list[Future[int]] = []
#: Tasks of the pool not yet done, and when the last one ended (monotonic seconds).
_in_flight = 0
_last_done = 0.0
#: Calls of map_in_order under way (the pool is never idle while one runs).
_mapping = 0
_idle_check: threading.Event | None = None  # set to stop the current pool's watcher
#: The end of the items.
_END = object()


def worker_count(local: bool = True) -> int:
    """Worker processes to use: one per core the process may run on besides the one
    of this process when it analyses too (``local``), else one per core; no more
    than the available memory holds (WORKER_MIB each, RESERVED_MIB kept); at least 1."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    by_cores = cores - 1 if local else cores
    available = available_mib()
    by_memory = by_cores if available is None else (available - RESERVED_MIB) // WORKER_MIB
    return max(1, min(by_cores, by_memory))


def available_mib() -> int | None:
    """Memory available for new processes without swapping (Linux: MemAvailable),
    in MiB; None where it is not known."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return None


def _warm_worker(nicer: bool) -> None:
    """Load the pipeline and import the analysis (its first import costs ~0.3 s,
    which would otherwise delay the first batch a worker is given); ``nicer``: run
    at a lower priority than the process that asked (a window, which comes first)."""
    from desktop import process_settings

    _exit_with_parent()
    process_settings.configure_worker(nicer)
    load_analysis()


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


def start_method() -> str:
    """How worker processes are started here: "fork" on Linux in a process without Qt
    and with no other thread running (the command line; the workers then share the
    pipeline this process loaded), else "spawn" (a fresh interpreter each)."""
    if sys.platform.startswith("linux") and "PySide6.QtCore" not in sys.modules \
            and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _pool_instance(local: bool = True) -> ProcessPoolExecutor:
    """The pool, started on first use with as many workers as ``local`` calls for."""
    global _pool, _idle_check
    with _lock:
        if _pool is None:
            count = worker_count(local)
            method = start_method()
            if method == "fork":  # loaded here first, so that every worker has it from the start
                load_analysis()
            _pool = ProcessPoolExecutor(
                max_workers=count,
                mp_context=multiprocessing.get_context(method),
                initializer=_warm_worker,
                # nicer than a window; as nice as the command line that asks
                initargs=("PySide6.QtCore" in sys.modules,),
            )
            # Submitting spawns the workers now; each task ends once one has loaded.
            _started[:] = [_submit_locked(_pool, _worker_pid) for _ in range(count)]
            _idle_check = threading.Event()
            threading.Thread(target=_end_when_idle, args=(_pool, _idle_check),
                             name="article-lens-pool-idle", daemon=True).start()
        return _pool


def _submit_locked(pool: ProcessPoolExecutor, function: Callable[..., R], *args) -> Future[R]:
    """``pool.submit``, counted as a task in flight until it is done (hold _lock)."""
    global _in_flight
    future = pool.submit(function, *args)
    _in_flight += 1
    future.add_done_callback(_task_done)
    return future


def _submit(pool: ProcessPoolExecutor, function: Callable[..., R], *args) -> Future[R]:
    with _lock:
        return _submit_locked(pool, function, *args)


def _task_done(_future: Future) -> None:
    global _in_flight, _last_done
    with _lock:
        _in_flight -= 1
        _last_done = time.monotonic()


def _end_when_idle(pool: ProcessPoolExecutor, stop: threading.Event) -> None:
    """Shut ``pool`` down once no task has been in flight for IDLE_EXIT_SECONDS (the
    whole pool: its workers load and idle together); ends with the pool."""
    global _pool
    while not stop.wait(min(1.0, max(0.05, IDLE_EXIT_SECONDS / 4))):
        with _lock:
            if _pool is not pool:
                return
            if _in_flight or _mapping or time.monotonic() - _last_done < IDLE_EXIT_SECONDS:
                continue
            _pool = None
            _started.clear()
        pool.shutdown(wait=False, cancel_futures=True)
        return


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
    while True:
        pool = _pool_instance(local=False)
        with _lock:
            if _pool is pool:  # not ended as idle meanwhile
                return _submit_locked(pool, function, *args)


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
        if _idle_check is not None:
            _idle_check.set()
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
    global _mapping
    with _lock:
        pool = _pool_instance(local)
        _mapping += 1
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
                pending.append((_submit(pool, function, item), size))
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
        with _lock:
            _mapping -= 1
