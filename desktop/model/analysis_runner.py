"""AnalysisRunner: starts, cancels and outlives analysis workers for the model."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from desktop.model.analysis_worker import AnalysisWorker, start_worker
from desktop.model.background import NEXT_SLICE_MS

#: Entities handed on per turn of the event loop: a batch from a worker process holds
#: thousands, and taking them in at once would stall the window.
APPLY_SLICE_ENTITIES = 400


class AnalysisRunner(QObject):
    """One analysis at a time; results of a cancelled or replaced run are dropped.

    Signals carry no generation: only the current run's reach the listener. Results
    are handed on in slices, one per turn of the event loop, in the order they came
    (sigFinished after the last of them).
    """

    sigStarted = Signal()
    sigStage = Signal(str)
    sigProgress = Signal(int, int)  # characters done, total
    sigChunks = Signal(object)  # list[ChunkAnalysis]
    sigEntitiesRevised = Signal(object)  # EntityChanges: the document pass, before sigFinished
    sigFinished = Signal(bool)  # cancelled
    sigFailed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._worker: AnalysisWorker | None = None
        self._running: dict[QThread, AnalysisWorker] = {}  # kept alive until each thread ends
        self._held: list[QThread] | None = None  # threads waiting for release(), while held
        self._pending: deque[tuple[int | None, Callable[[object], None], object]] = deque()
        self._hand_on = QTimer(self)
        self._hand_on.setSingleShot(True)
        self._hand_on.setInterval(NEXT_SLICE_MS)
        self._hand_on.timeout.connect(self._hand_on_next)

    @property
    def running(self) -> bool:
        return self._worker is not None

    def hold(self) -> None:
        """Start no worker thread until ``release``: the analysis imports spaCy, which
        would slow down what the app does meanwhile (at start-up: the first paint).
        ``start`` still makes its worker, and the analysis counts as running."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start the threads held back since ``hold`` (a cancelled one ends at once)."""
        held, self._held = self._held, None
        for thread in held or []:
            thread.start()

    def hand_ahead(self) -> None:
        """Give the running analysis's text to the process started at launch now, if it
        is the first article's (see ``AnalysisWorker.hand_ahead``)."""
        if self._worker is not None:
            self._worker.hand_ahead()

    def start(self, text: str, lexicon=None, year: int | None = None) -> None:
        """Analyse ``text`` in a new worker thread, cancelling any running one;
        ``lexicon`` (a snapshot of the user's, or None) is applied to the entities;
        ``year``: when the article was published, if its document says."""
        self.cancel()
        worker = AnalysisWorker(text, self._generation, lexicon, year)
        worker.sigStage.connect(self._on_stage)
        worker.sigProgress.connect(self._on_progress)
        worker.sigChunks.connect(self._on_chunks)
        worker.sigEntitiesRevised.connect(self._on_entities_revised)
        worker.sigFinished.connect(self._on_finished)
        worker.sigFailed.connect(self._on_failed)
        self._worker = worker
        thread = start_worker(worker, start=self._held is None)
        if self._held is not None:
            self._held.append(thread)
        self._running[thread] = worker
        thread.finished.connect(lambda: self._running.pop(thread, None))
        self.sigStarted.emit()

    def cancel(self) -> None:
        """Stop the running analysis; its later results are ignored."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
            self.sigFinished.emit(True)
        self._generation += 1
        self._pending = deque(item for item in self._pending if item[0] is None)

    def shutdown(self) -> None:
        """Cancel and wait for every worker thread to end (and end the process started
        at launch, if it still waits for a text or analyses one nobody will take)."""
        from desktop.nlp import launch_analysis

        self.cancel()
        launch_analysis.release()
        self._held = None  # never started: nothing to wait for
        for thread in list(self._running):
            thread.quit()
            thread.wait()
        self._running.clear()

    def _current(self, generation: int) -> bool:
        return self._worker is not None and generation == self._generation

    def _on_stage(self, generation: int, message: str) -> None:
        if self._current(generation):
            self.sigStage.emit(message)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if self._current(generation):
            self.sigProgress.emit(done, total)

    def _on_chunks(self, generation: int, parts) -> None:
        if self._current(generation):
            for part_slice in _slices(parts, APPLY_SLICE_ENTITIES):
                self._later(generation, self.sigChunks.emit, part_slice)

    def _on_entities_revised(self, generation: int, changes) -> None:
        if self._current(generation):
            self._later(generation, self.sigEntitiesRevised.emit, changes)

    def _on_finished(self, generation: int, cancelled: bool) -> None:
        if self._current(generation):
            self._later(generation, self._finish, cancelled)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self._later(generation, self._fail, message)

    def _finish(self, cancelled: bool) -> None:
        self._worker = None
        self.sigFinished.emit(cancelled)

    def _fail(self, message: str) -> None:
        self._worker = None
        self.sigFailed.emit(message)

    def in_own_turn(self, call: Callable[[], None]) -> None:
        """Run ``call`` in a turn of the event loop of its own, after the results
        waiting to be handed on (whichever analysis runs, if any)."""
        self._later(None, lambda _: call(), None)

    def _later(self, generation: int | None, call: Callable[[object], None], argument: object) -> None:
        self._pending.append((generation, call, argument))
        if not self._hand_on.isActive():
            self._hand_on.start()

    def _hand_on_next(self) -> None:
        if self._pending:
            generation, call, argument = self._pending.popleft()
            if generation is None or self._current(generation):
                call(argument)
        if self._pending:
            self._hand_on.start()


def _slices(parts: Sequence, entities: int) -> Iterator[list]:
    """``parts`` (ChunkAnalysis) in runs of consecutive chunks holding about
    ``entities`` entities each."""
    run: list = []
    count = 0
    for part in parts:
        run.append(part)
        count += len(part.entities) + len(part.figures)
        if count >= entities:
            yield run
            run, count = [], 0
    if run:
        yield run
