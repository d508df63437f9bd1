"""The corpus view's run over a folder: files found (:mod:`corpus_scan`), taken from
the cache when unchanged (:mod:`corpus_cache`), the others analysed by the engine
given (in the app: the command line's :func:`desktop.corpus.analyse_for_view` in the
app's worker processes, :func:`desktop.nlp.parallel.submit`; see
:mod:`desktop.ui.corpus_window`), and what was computed cached again.

Nothing heavy runs on the window's thread: the walk and the dispatch of the
documents to the workers each have a thread, and hand their results over in
batches (queued signals). A document is a record (a dict of the cache's
DOCUMENT_COLUMNS, with ``path`` and ``status``: waiting, analysed, cached or failed).
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass

import pandas as pd
from PySide6.QtCore import QObject, Signal

from desktop.model.background import settle_long_lived_objects, start_background_thread
from desktop.model.corpus_cache import DOCUMENT_COLUMNS, CorpusCache
from desktop.model.corpus_scan import FolderScan, Found

#: Documents in flight per worker process (one computed, one waiting its turn).
IN_FLIGHT_PER_WORKER = 2
#: Results are handed to the window at most this often (s).
RESULT_BATCH_SECONDS = 0.05

WAITING, ANALYSED, CACHED, FAILED = "waiting", "analysed", "cached", "failed"


def _workers() -> int:
    from desktop.nlp.parallel import worker_count

    return worker_count(local=False)


class CorpusRun(QObject):
    """One run over ``folder``: ``find(folder)`` lists its articles' paths (in a
    thread), ``submit(path, known_sha256)`` starts one's analysis and returns a Future
    of its result (a :class:`desktop.corpus.DocumentResult`: ``error``, ``skipped``
    when its text's sha256 is ``known_sha256``, ``sha256``, ``title``, ``date`` and
    ``tables``, entities and figures). Signals: ``sigAdded(records)`` as files are found
    (those unchanged since the cache, and those that cannot be read, come final),
    ``sigDone(list[(record, figures)])`` as documents are analysed (figures: that
    text's figure rows, None when failed), ``sigProgress(done, found)``,
    ``sigFinished(cancelled)`` and ``sigSaved(path)`` once the cache is written."""

    sigAdded = Signal(object)  # object: the records themselves, not copies
    sigDone = Signal(object)
    sigProgress = Signal(int, int)
    sigFinished = Signal(bool)
    sigSaved = Signal(str)
    _sigResults = Signal(object)

    def __init__(self, folder: str, find: Callable[[str], Iterable[str]],
                 submit: Callable[[str, str], Future], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.cache = CorpusCache(folder).load()
        self.records: dict[str, dict] = {}
        self.figures: dict[str, pd.DataFrame] = {}  # sha256 -> rows
        self.found = self.done = 0
        self.counts: Counter = Counter()  # documents by status
        #: documents sent to the workers this run (a cached reopen sends none)
        self.analysed: list[str] = []
        self.scanning = True
        self.finished = self.cancelled = False
        self._submit = submit
        self._queue: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._saved = threading.Event()
        self._scan = FolderScan(folder, find, self._record, self)
        self._scan.sigFound.connect(self._on_found)
        self._scan.sigFinished.connect(self._on_scanned)
        self._sigResults.connect(self._on_results)

    def start(self) -> None:
        self.started_at = time.monotonic()
        self._scan.start()
        start_background_thread(self._dispatch, name="article-lens-corpus-run")

    def cancel(self) -> None:
        """Stop finding and analysing: what was done stays (and is cached)."""
        if self.finished:
            return
        self._scan.cancel()
        self._stop.set()
        self.scanning = False
        self._finish(cancelled=True)

    def wait_saved(self, seconds: float = 30.0) -> bool:
        return self._saved.wait(seconds)

    # -- files found (window's thread) ------------------------------------------------
    def _on_found(self, batch: list[dict]) -> None:
        if self.finished:
            return
        for record in batch:
            document, status = record["document"], record["status"]
            self.records[document] = record
            self.counts[status] += 1
            if status == WAITING:
                self._queue.put((document, record["path"], self.cache.known_sha256(document)))
            else:
                self.done += 1
                if status == CACHED and record["sha256"] in self.cache.figures:
                    self.figures[record["sha256"]] = self.cache.figures[record["sha256"]]
        self.found += len(batch)
        self.sigAdded.emit(batch)
        self.sigProgress.emit(self.done, self.found)
        settle_long_lived_objects()  # the records stay: no cycle collection need visit them again
        self._finish_if_done()

    def _record(self, item: Found) -> dict:
        """The record of a file found (in the walk's thread: the cache is only read)."""
        base = {"document": item.document, "path": item.path, "size": item.size, "mtime_ns": item.mtime_ns,
                "sha256": "", "title": "", "date": "", "entities": 0, "figures": 0, "error": item.error}
        if item.error:
            return base | {"status": FAILED}
        cached = self.cache.lookup(item.document, item.size, item.mtime_ns)
        if cached is None:
            return base | {"status": WAITING}
        status = FAILED if isinstance(cached.get("error"), str) and cached["error"] else CACHED
        return base | {name: cached[name] for name in ("sha256", "title", "date", "entities", "figures", "error")} \
            | {"status": status}

    def _on_scanned(self, count: int, cancelled: bool) -> None:
        self.scanning = False
        self._queue.put(None)  # the dispatcher ends once the rest is done
        self._finish_if_done()

    # -- the workers (dispatcher thread) --------------------------------------------
    def _dispatch(self) -> None:
        limit = max(1, _workers() * IN_FLIGHT_PER_WORKER)
        pending: dict[Future, str] = {}
        results: list = []
        sent = time.monotonic()
        ended = False
        while not self._stop.is_set():
            while not ended and len(pending) < limit:
                try:
                    item = self._queue.get(timeout=0.05 if not pending else 0)
                except queue.Empty:
                    break
                if item is None:
                    ended = True
                    break
                document, path, known = item
                try:
                    pending[self._submit(path, known)] = document
                except Exception as error:  # noqa: BLE001 - the pool is broken: this document fails
                    results.append((document, _failure(error)))
            if ended and not pending:
                break
            if pending:
                finished, _ = wait(list(pending), timeout=0.05, return_when=FIRST_COMPLETED)
                for future in finished:
                    results.append((pending.pop(future), _result_of(future)))
            if results and time.monotonic() - sent >= RESULT_BATCH_SECONDS:
                self._hand_over(results)
                results, sent = [], time.monotonic()
        for future in pending:
            future.cancel()  # a document a worker has begun is let finish, unheard
        if results and not self._stop.is_set():
            self._hand_over(results)

    def _hand_over(self, results: list) -> None:
        try:
            self._sigResults.emit(results)
        except RuntimeError:  # the run was deleted (its window closed)
            self._stop.set()

    # -- results (window's thread) -----------------------------------------------------
    def _on_results(self, results: list) -> None:
        if self.finished:
            return
        done = []
        for document, result in results:
            record = self.records[document]
            self.analysed.append(document)
            figures = None
            if result.error:
                record.update(status=FAILED, error=result.error, sha256=result.sha256)
            elif result.skipped:  # its text is the one cached: the cached rows
                cached = self.cache.documents.get(document, {})
                record.update({name: cached.get(name, record[name]) for name in ("title", "date", "entities",
                                                                                  "figures")},
                              status=CACHED, sha256=result.sha256, error="")
                figures = self.cache.figures.get(result.sha256)
            else:
                figures = result.tables["figures"]
                record.update(status=ANALYSED, sha256=result.sha256, title=result.title, date=result.date,
                              entities=len(result.tables["entities"]), figures=len(figures), error="")
            if figures is not None:
                self.figures[result.sha256] = figures
            self.counts[WAITING] -= 1
            self.counts[record["status"]] += 1
            done.append((record, figures))
        self.done += len(results)
        self.sigDone.emit(done)
        self.sigProgress.emit(self.done, self.found)
        settle_long_lived_objects()
        self._finish_if_done()

    def _finish_if_done(self) -> None:
        if not self.scanning and self.done >= self.found:
            self._finish(cancelled=False)

    def _finish(self, cancelled: bool) -> None:
        if self.finished:
            return
        self.finished, self.cancelled = True, cancelled
        self.seconds = time.monotonic() - getattr(self, "started_at", time.monotonic())
        self._stop.set()
        self.sigFinished.emit(cancelled)
        # the tables are made and written in a thread: 100,000 rows take ~1 s
        start_background_thread(self._save, list(self.records.values()), dict(self.figures), cancelled,
                                bool(self.analysed), name="article-lens-corpus-cache")

    def _save(self, records: list[dict], figures: dict, cancelled: bool, analysed: bool) -> None:
        cache = self.cache
        done = {record["document"]: {name: record[name] for name in DOCUMENT_COLUMNS}
                for record in records if record["status"] != WAITING}
        if cancelled:  # what this run did not reach stays cached as it was
            done = {name: row for name, row in cache.documents.items() if name not in done} | done
            figures = {sha: rows for sha, rows in cache.figures.items() if sha not in figures} | figures
        unchanged = not analysed and done.keys() == cache.documents.keys() and all(
            (row["size"], row["mtime_ns"]) == (cache.documents[name]["size"], cache.documents[name]["mtime_ns"])
            for name, row in done.items())
        try:
            where = str(cache.where if unchanged else cache.save(list(done.values()), figures))
        except Exception:  # noqa: BLE001 - a cache that cannot be written is only a slower reopen
            where = ""
        self._saved.set()
        try:
            self.sigSaved.emit(where)
        except RuntimeError:
            pass


def _result_of(future: Future):
    """The DocumentResult of ``future``, or one that says why it failed."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a worker that died fails its document only
        return _failure(error)


@dataclass
class _Failed:
    """The result of a document whose task failed (its worker died …)."""

    error: str
    sha256: str = ""
    skipped: bool = False


def _failure(error: Exception) -> _Failed:
    return _Failed(f"{type(error).__name__}: {error}")
