"""The analysis shared between this process and a worker process."""

from desktop.nlp import parallel


def test_results_come_back_in_order_whoever_computes_them():
    try:
        parallel.warm_up()
        items = [-n for n in range(40)]
        assert list(parallel.map_in_order(abs, items, weight=lambda item: 1, total=40)) == list(range(40))
        assert list(parallel.map_in_order(abs, items)) == list(range(40))
        assert parallel.worker_pids()
    finally:
        parallel.shutdown_pool(wait=True)


def test_stopping_stops_the_results():
    try:
        results = parallel.map_in_order(abs, range(10), should_stop=lambda: True)
        assert list(results) == []
    finally:
        parallel.shutdown_pool(wait=True)


class _ThreadsAsWorkers:
    """A thread pool standing in for the worker processes, one "worker" loaded."""

    def __init__(self, monkeypatch, workers: int = 1):
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(workers)
        monkeypatch.setattr(parallel, "_pool_instance", lambda local=True: self.pool)
        monkeypatch.setattr(parallel, "_ready_workers", lambda: workers)


def test_the_workers_start_on_the_next_items_before_this_process_computes_the_first(monkeypatch):
    import threading

    fake = _ThreadsAsWorkers(monkeypatch)
    second_started = threading.Event()
    where: dict[int, str] = {}

    def work(item: int) -> int:
        where[item] = threading.current_thread().name
        if item == 0:  # the first screen waits for a worker to be busy on item 1
            assert second_started.wait(5), "no worker was given item 1 while item 0 was computed"
        if item == 1:
            second_started.set()
        return item * 10

    try:
        results = list(parallel.map_in_order(work, range(6), weight=lambda item: 1, total=6))
    finally:
        fake.pool.shutdown()
    assert results == [0, 10, 20, 30, 40, 50]
    assert where[0] == threading.main_thread().name and where[1] != where[0]


def test_an_idle_worker_is_given_the_next_item_even_a_large_one(monkeypatch):
    import threading

    fake = _ThreadsAsWorkers(monkeypatch)
    where: dict[int, str] = {}

    def work(item: int) -> int:
        where[item] = threading.current_thread().name
        return item

    sizes = [1, 100, 1]  # by size alone, item 1 is more than half of what is left
    try:
        assert list(parallel.map_in_order(work, range(3), weight=lambda item: sizes[item], total=102)) == [0, 1, 2]
    finally:
        fake.pool.shutdown()
    assert where[1] != threading.main_thread().name


_START_WORKERS_THEN_WAIT = """
import sys, time
from desktop.nlp import parallel
print(*parallel.warm_up(), flush=True)
time.sleep(600)
"""


def test_the_workers_end_when_the_process_that_started_them_is_killed():
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    process = subprocess.Popen([sys.executable, "-c", _START_WORKERS_THEN_WAIT], cwd=repo,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        pids = [int(pid) for pid in process.stdout.readline().split()]
        assert pids and all(_running(pid) for pid in pids)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_running(pid) for pid in pids), "the workers outlived the killed process"
    finally:
        if process.poll() is None:
            process.kill()
        for pid in pids if "pids" in locals() else []:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie counts as ended)."""
    from pathlib import Path

    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def _long_news_text() -> str:
    from pathlib import Path

    from desktop.nlp.analysis import PARALLEL_MIN_CHARS

    root = Path(__file__).resolve().parents[2]
    paragraphs = [p for path in sorted([*root.glob("seeds/*.txt"), *root.glob("tests/data/*.txt")])
                  for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    text, copy = "", 0
    while len(text) < PARALLEL_MIN_CHARS + 5_000:
        copy += 1
        text += "\n\n".join(paragraphs) + f"\n\nREPORT {copy} ENDS HERE\n\n"
    return text


def test_the_analysis_on_every_core_finds_what_it_finds_in_one_process():
    from desktop.nlp.analysis import iter_analysis

    text = _long_news_text()

    def findings(**options):
        parts = list(iter_analysis(text, **options))
        return [e for p in parts for e in p.entities], [f for p in parts for f in p.figures]

    try:
        alone = findings(parallel=False)
        assert len(alone[0]) > 500 and len(alone[1]) > 100
        parallel.warm_up()
        assert findings(parallel=True) == alone  # this process and a loaded worker
        assert findings(parallel=True, share=False) == alone  # the workers only, as a window asks
    finally:
        parallel.shutdown_pool(wait=True)


def test_a_task_let_leave_runs_while_this_process_holds_the_gil_in_a_long_call():
    import random
    import time

    numbers = [random.random() for _ in range(1_500_000)]
    try:
        parallel.warm_up()
        started_there = parallel.submit(time.time)
        parallel.let_leave(started_there)
        busy_from = time.time()
        sorted(numbers)  # one C call that keeps the GIL throughout (~0.3 s)
        busy_until = time.time()
        # without let_leave the task leaves only once the GIL is free: at the very end
        assert started_there.result() < busy_from + (busy_until - busy_from) / 2
    finally:
        parallel.shutdown_pool(wait=True)


def test_a_loaded_worker_has_every_unit_pattern_compiled():
    from desktop.nlp.figures import units

    probe = ("(lambda u: sorted(u._MATCHERS) == sorted(u._PATTERNS))"
             "(__import__('desktop.nlp.figures.units', fromlist=['units']))")
    try:
        parallel.warm_up()
        assert parallel.submit(eval, probe).result() is True
        assert len(units._PATTERNS) > 20
    finally:
        parallel.shutdown_pool(wait=True)


def test_idle_workers_exit_and_the_pool_starts_again_when_needed(monkeypatch):
    import time

    monkeypatch.setattr(parallel, "IDLE_EXIT_SECONDS", 1.0)
    try:
        pids = parallel.warm_up()
        assert pids and all(_running(pid) for pid in pids)
        assert parallel.submit(abs, -3).result() == 3
        deadline = time.monotonic() + 30
        while (parallel.worker_pids() or any(_running(pid) for pid in pids)) \
                and time.monotonic() < deadline:
            time.sleep(0.1)
        assert parallel.worker_pids() == []
        assert not any(_running(pid) for pid in pids), "idle workers still run"
        assert parallel.submit(abs, -4).result() == 4  # a new pool, started on demand
        assert parallel.worker_pids() and not set(parallel.worker_pids()) & set(pids)
    finally:
        parallel.shutdown_pool(wait=True)


def test_the_pool_is_not_idle_while_a_task_runs_longer_than_the_idle_time(monkeypatch):
    import time

    monkeypatch.setattr(parallel, "IDLE_EXIT_SECONDS", 0.5)
    try:
        parallel.warm_up()
        pids = parallel.worker_pids()
        future = parallel.submit(time.sleep, 2.0)
        time.sleep(1.5)
        assert parallel.worker_pids() == pids
        assert future.result(timeout=30) is None
    finally:
        parallel.shutdown_pool(wait=True)


def test_the_worker_count_follows_the_cores_and_the_memory(monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: set(range(8)))
    monkeypatch.setattr(parallel, "available_mib", lambda: 64_000)
    assert parallel.worker_count(local=False) == 8 and parallel.worker_count(local=True) == 7
    monkeypatch.setattr(parallel, "available_mib", lambda: parallel.RESERVED_MIB + 3 * parallel.WORKER_MIB)
    assert parallel.worker_count(local=False) == 3
    monkeypatch.setattr(parallel, "available_mib", lambda: 100)
    assert parallel.worker_count(local=False) == 1  # one at least: a long text needs it
    monkeypatch.setattr(parallel, "available_mib", lambda: None)  # not known: the cores decide
    assert parallel.worker_count(local=False) == 8


_FORKED_FIND_THE_SAME = """
import sys
sys.path.insert(0, {tests!r})
from desktop.nlp import parallel
from desktop.nlp.analysis import iter_analysis
from nlp.test_parallel import _long_news_text

text = _long_news_text()
assert parallel.start_method() == "fork", parallel.start_method()
def findings(**options):
    parts = list(iter_analysis(text, **options))
    return [e for p in parts for e in p.entities], [f for p in parts for f in p.figures]
alone = findings(parallel=False)
shared = findings(parallel=True)
assert parallel.worker_pids(), "no worker"
print(shared == alone and len(alone[0]) > 500)
"""


def test_workers_forked_by_the_command_line_find_what_one_process_finds():
    """Without Qt (the command line) workers are forked from the process that loaded
    the pipeline; they find exactly what that process finds alone."""
    import subprocess
    import sys
    from pathlib import Path

    tests = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", _FORKED_FIND_THE_SAME.format(tests=str(tests))],
                          cwd=tests.parent, capture_output=True, text=True, timeout=600)
    assert done.stdout.strip() == "True", done.stderr


def test_a_process_with_qt_spawns_its_workers():
    import PySide6.QtCore  # noqa: F401 - loaded in every window's process

    assert parallel.start_method() == "spawn"
