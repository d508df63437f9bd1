"""Running the analysis in a worker thread, reporting progress and partial results."""

from __future__ import annotations

import threading
import time
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.model.background import lower_priority, settle_long_lived_objects

if TYPE_CHECKING:  # the analysis is imported by the worker thread, not at start-up
    from desktop.nlp.results import ChunkAnalysis

#: Partial results are sent at most this often, so the event loop is not flooded.
BATCH_SECONDS = 0.15


class AnalysisWorker(QObject):
    """Analyses one text in its own thread; emits results chunk batch by batch.

    Every signal carries the ``generation`` it was started with, so the receiver can
    ignore a worker that was superseded by a newer one.
    """

    sigStage = Signal(int, str)
    sigProgress = Signal(int, int, int)  # generation, characters done, total characters
    sigChunks = Signal(int, object)  # generation, list[ChunkAnalysis]
    sigEntitiesRevised = Signal(int, object)  # generation, EntityChanges of the document pass
    sigFinished = Signal(int, bool)  # generation, cancelled
    sigFailed = Signal(int, str)

    def __init__(self, text: str, generation: int, lexicon=None, year: int | None = None) -> None:
        super().__init__()
        self._text = text
        self._generation = generation
        self._lexicon = lexicon  # the user's lexicon (a snapshot), or None
        self._year = year  # the year the article was published, when its document says
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the worker to stop after the chunk it is on."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from desktop.nlp import launch_analysis, parallel, pipeline

        lower_priority()  # the window's thread comes first

        generation, total = self._generation, len(self._text)
        if self._cancel.is_set():  # cancelled before its thread started (see AnalysisRunner.hold)
            self.sigFinished.emit(generation, True)
            return
        try:
            # before importing the analysis here: the process started at launch has
            if self._for_launch_process() and self._in_launch_process(total):
                return
            launch_analysis.release()  # not for this text, nor for any later one
            from desktop.core.compiled_patterns import patterns_from_cache

            with patterns_from_cache(save_now=False):  # cached once the analysis has finished
                from desktop.nlp.analysis import PARALLEL_MIN_CHARS, iter_analysis

            # A long text goes to the worker processes whole: this one needs no model,
            # but they may still be loading theirs (2-4 s before the first results).
            long_text = len(self._text) >= PARALLEL_MIN_CHARS
            waiting = long_text and not parallel.ready()
            if not long_text and not pipeline.pipeline_loaded():
                self.sigStage.emit(generation, "Loading the language model…")
                pipeline.load_analysis(compile_units=False, save_patterns=False)
                settle_long_lived_objects()
            if waiting:
                self.sigStage.emit(generation, "Loading the language model…")
            else:
                self._analysing(total)
            batch: list[ChunkAnalysis] = []
            streamed = []  # every chunk's entities, for the document pass
            sent_at = 0.0  # the first chunk goes out at once: first screen first
            for part in iter_analysis(self._text, self._cancel.is_set, lexicon=self._lexicon,
                                      share=False, year=self._year):
                if waiting:
                    waiting = False
                    self._analysing(total)
                batch.append(part)
                streamed.extend(part.entities)
                if time.monotonic() - sent_at >= BATCH_SECONDS:
                    self._send(batch, part.end, total)
                    batch, sent_at = [], time.monotonic()
            if batch:
                self._send(batch, batch[-1].end, total)
            if not self._cancel.is_set():
                self._revise_entities(streamed)
        except Exception as error:  # noqa: BLE001 - any failure is reported, not raised in a thread
            traceback.print_exc()
            self.sigFailed.emit(generation, f"{type(error).__name__}: {error}")
            return
        cancelled = self._cancel.is_set()
        if not cancelled:
            self.sigProgress.emit(generation, total, total)
        self.sigFinished.emit(generation, cancelled)
        from desktop.core import compiled_patterns

        compiled_patterns.save()  # what the cache lacked (the first run after an install): nobody waits now

    def hand_ahead(self) -> None:
        """Give the text to the process started at launch now, if it is for it (on the
        window's thread, its text painted): this worker's thread may start ~0.5 s
        later, once the window's panes are built."""
        from desktop.nlp import launch_analysis

        if self._for_launch_process() and not self._cancel.is_set():
            launch_analysis.send_ahead(self._text, self._lexicon, self._year)

    def _for_launch_process(self) -> bool:
        """A short text, with no model loaded here: the first article at launch."""
        from desktop.nlp import launch_analysis, pipeline

        return len(self._text) < launch_analysis.MAX_CHARS and not pipeline.pipeline_loaded()

    def _in_launch_process(self, total: int) -> bool:
        """Have the process started at launch analyse the text, if there is one
        (``desktop.nlp.launch_analysis``: the first article, on another core); True
        when it did (its results are sent on, the analysis has finished)."""
        from desktop.nlp import launch_analysis

        if not launch_analysis.available():
            return False
        self.sigStage.emit(self._generation, "Loading the language model…")
        outcome = launch_analysis.analyse(self._text, self._lexicon, self._year, self._cancel.is_set)
        if outcome is None:
            if not self._cancel.is_set():
                return False  # it failed: analysed here
        else:
            parts, changes = outcome
            if parts and not self._cancel.is_set():
                self._send(parts, parts[-1].end, total)
            if not self._cancel.is_set():
                self.sigEntitiesRevised.emit(self._generation, changes)
        cancelled = self._cancel.is_set()
        if not cancelled:
            self.sigProgress.emit(self._generation, total, total)
        self.sigFinished.emit(self._generation, cancelled)
        return True

    def _analysing(self, total: int) -> None:
        self.sigStage.emit(self._generation, "Analysing…")
        self.sigProgress.emit(self._generation, 0, total)

    def _revise_entities(self, streamed: list) -> None:
        """Run the document-level entity stages over every chunk's entities and send
        what they changed (see ``desktop.nlp.entities``); for a long text in a worker
        process, as its chunks were."""
        from desktop.nlp.analysis import PARALLEL_MIN_CHARS
        from desktop.nlp.entities.document import document_changes

        args = (streamed, self._text, self._lexicon)
        changes = None
        if len(self._text) >= PARALLEL_MIN_CHARS:
            changes = self._in_worker(document_changes, *args)
            if changes is None and self._cancel.is_set():
                return
        if changes is None:  # a short text, or no worker could run it
            changes = document_changes(*args)
        self.sigEntitiesRevised.emit(self._generation, changes)

    def _in_worker(self, function, *args):
        """``function(*args)`` run in a worker process; None if cancelled meanwhile or
        if the worker failed."""
        from concurrent.futures import TimeoutError as StillRunning

        from desktop.nlp import parallel

        try:
            future = parallel.submit(function, *args)
            while True:
                try:
                    return future.result(timeout=0.1)
                except StillRunning:
                    if self._cancel.is_set():
                        future.cancel()
                        return None
        except Exception:  # noqa: BLE001 - a broken pool: the caller runs it here
            traceback.print_exc()
            return None

    def _send(self, batch: list[ChunkAnalysis], done: int, total: int) -> None:
        settle_long_lived_objects()  # the chunks stay in the session
        self.sigChunks.emit(self._generation, batch)
        self.sigProgress.emit(self._generation, done, total)


def start_worker(worker: AnalysisWorker, start: bool = True) -> QThread:
    """Run ``worker`` in a new thread that quits when the worker is done (with
    ``start=False`` the caller starts the thread).

    The caller keeps both objects referenced until the thread's ``finished``: a
    worker collected while it runs would crash the process.
    """
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.sigFinished.connect(thread.quit)
    worker.sigFailed.connect(thread.quit)
    if start:
        thread.start()
    return thread


def preload_analysis() -> None:
    """Load the language model and import the analysis in a background thread, at a
    lower priority, starting now: the app calls it before its first window is built,
    so a short article's analysis finds the model ready when the text is on screen
    (the first results sooner: issue 22). Thread-safe with the analysis's own load."""
    from desktop.model.background import start_background_thread

    start_background_thread(_preload, name="article-lens-preload")


def _preload() -> None:
    try:
        from desktop.nlp import pipeline

        pipeline.load_analysis()  # the analysis's first import costs ~0.3 s
        settle_long_lived_objects()
    except Exception:  # noqa: BLE001 - the analysis loads it again and reports the failure
        traceback.print_exc()
