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
