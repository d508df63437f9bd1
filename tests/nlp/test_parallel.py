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
