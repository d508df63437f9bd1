"""The corpus run on a Dask distributed cluster (``--engine dask --scheduler ADDRESS``;
``pip install "article-lens[dask]"`` on the client and on every worker).

A worker plugin loads the model once per worker process (not per task) and holds the
hashes to skip (``--resume``); each task is :func:`desktop.corpus.analyse_document` on
one file, so the rows are those of the local engine. The workers read the files
themselves: they must see them at the same absolute paths (a shared file system).
Results come back as they finish, with a bounded number of tasks in flight, and are
written by the client as they arrive: nothing is held for the whole corpus.
Start workers with one thread each (``--nthreads 1``): one document at a time per
process, as the local engine runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from desktop.corpus import DocumentResult, analyse_document

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the client says what to install
    WorkerPlugin = object


class CorpusWorker(WorkerPlugin):
    """Loads the model when a worker starts (or joins) and keeps the hashes to skip."""

    name = "article-lens-corpus"

    def __init__(self, done: Iterable[str] = ()) -> None:
        self.done = frozenset(done)

    def setup(self, worker) -> None:
        from desktop.corpus import load_model, set_done

        set_done(self.done)
        load_model()


def run_dask(documents: Iterable[str], what: str, scheduler: str, done: Iterable[str] = (),
             output_format: str = "", in_flight_per_thread: int = 4) -> Iterator[DocumentResult]:
    """Each document's result as it finishes on the cluster at ``scheduler``."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise SystemExit('article-lens: --engine dask needs Dask: pip install "article-lens[dask]"') from None
    with Client(scheduler) as client:
        client.register_plugin(CorpusWorker(done), name=CorpusWorker.name)
        threads = max(1, sum(client.nthreads().values()))
        limit = threads * in_flight_per_thread
        source = iter(documents)
        names = {}

        def submit_next() -> bool:
            try:
                document = next(source)
            except StopIteration:
                return False
            path = document if "://" in document else os.path.abspath(document)
            future = client.submit(analyse_document, document, what, path, output_format, pure=False)
            names[future.key] = document
            running.add(future)
            return True

        running = as_completed()
        for _ in range(limit):
            if not submit_next():
                break
        for future in running:
            document = names.pop(future.key)
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 - a worker lost: the document failed
                result = DocumentResult(document, error=f"{type(error).__name__}: {error}")
            future.release()
            yield result
            submit_next()
