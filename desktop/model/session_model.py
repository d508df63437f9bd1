"""SessionModel: the one writer of the session, with undo and change signals."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QUndoStack

from desktop.core.article import Article
from desktop.core.figure import FigureReading
from desktop.core.highlight import Highlight
from desktop.core.session import Session
from desktop.core.suggestions import new_suggestions
from desktop.model import commands
from desktop.model.analysis_worker import AnalysisWorker, start_worker
from desktop.nlp.analysis import ChunkAnalysis
from desktop.nlp.highlight_figures import figures_for_highlights
from desktop.nlp.sentences import SentenceIndex

UNDO_LIMIT = 500


class SessionModel(QObject):
    """Holds the open session; every change goes through here.

    Views read from the model and call its methods; the model changes the session
    (through undo commands for a person's edits), then emits the signal of what
    changed. The current selection (a highlight id, or "") lives here too, so every
    view follows the same one.
    """

    sigSessionReset = Signal()  # a new article or session: redraw everything
    sigHighlightsChanged = Signal(int, int)  # the text range whose highlights changed
    sigFiguresChanged = Signal()
    sigSelectionChanged = Signal(str)
    sigHiddenLabelsChanged = Signal()
    sigAnalysisStarted = Signal()
    sigAnalysisStage = Signal(str)
    sigAnalysisProgress = Signal(int, int)  # characters done, total
    sigAnalysisFinished = Signal(bool)  # cancelled
    sigAnalysisFailed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._session = Session(Article(""))
        self._readings: dict[tuple[int, int], FigureReading | None] = {}
        self._sentences = SentenceIndex()
        self._figures: pd.DataFrame | None = None
        self._selected = ""
        self._generation = 0
        self._worker: AnalysisWorker | None = None
        self._threads: set[QThread] = set()

    # -- reading -------------------------------------------------------------
    @property
    def session(self) -> Session:
        return self._session

    @property
    def article(self) -> Article:
        return self._session.article

    @property
    def text(self) -> str:
        return self._session.article.text

    @property
    def selected_id(self) -> str:
        """The selected highlight's id, or "" when nothing is selected."""
        return self._selected

    @property
    def hidden_labels(self) -> frozenset[str]:
        return frozenset(self._session.hidden_labels)

    @property
    def analysing(self) -> bool:
        return self._worker is not None

    def figures(self) -> pd.DataFrame:
        """The figures table derived from the current highlights (cached)."""
        if self._figures is None:
            self._figures = figures_for_highlights(
                self.text, self._session.highlights, self._readings, self._sentences
            )
        return self._figures

    def label_counts(self) -> dict[str, int]:
        """Visible highlights per label, in label-bar order, labels with none left out."""
        counts = self._session.highlights.label_counts()
        return {name: counts[name] for name in self._session.label_names() if counts[name]}

    def highlight(self, highlight_id: str) -> Highlight | None:
        return self._session.highlights.get(highlight_id)

    def highlights_in(self, start: int, end: int) -> list[Highlight]:
        """Visible highlights overlapping ``[start, end)``."""
        return [h for h in self._session.highlights.overlapping(start, end) if h.visible]

    def highlights_at(self, position: int) -> list[Highlight]:
        """Visible highlights under ``position``, innermost first."""
        return [h for h in self._session.highlights.at(position) if h.visible]

    # -- opening -------------------------------------------------------------
    def open_article(self, article: Article, analyse: bool = True) -> None:
        """Start a new session on ``article`` and analyse it in the background."""
        self.open_session(Session(article), analyse=analyse)

    def open_session(self, session: Session, analyse: bool = True) -> None:
        """Show ``session``; history and caches start afresh."""
        self.cancel_analysis()
        self._session = session
        self._readings, self._sentences = {}, SentenceIndex()
        self._figures, self._selected = None, ""
        self.undo_stack.clear()
        self.sigSessionReset.emit()
        self.sigFiguresChanged.emit()
        self.sigSelectionChanged.emit("")
        if analyse:
            self.start_analysis()

    # -- analysis ------------------------------------------------------------
    def start_analysis(self) -> None:
        """Analyse the article text in a worker thread; results stream in."""
        self.cancel_analysis()
        self._generation += 1
        worker = AnalysisWorker(self.text, self._generation)
        worker.sigStage.connect(self._on_worker_stage)
        worker.sigProgress.connect(self._on_worker_progress)
        worker.sigChunks.connect(self._on_worker_chunks)
        worker.sigFinished.connect(self._on_worker_finished)
        worker.sigFailed.connect(self._on_worker_failed)
        self._worker = worker
        thread = start_worker(worker)
        self._threads.add(thread)
        thread.finished.connect(lambda: self._threads.discard(thread))
        self.sigAnalysisStarted.emit()

    def cancel_analysis(self) -> None:
        """Stop the running analysis; what it already found stays."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
            self.sigAnalysisFinished.emit(True)
        self._generation += 1

    def shutdown(self) -> None:
        """Stop background work and wait for it (before the app quits)."""
        self.cancel_analysis()
        for thread in list(self._threads):
            thread.quit()
            thread.wait()
        self._threads.clear()

    def _current(self, generation: int) -> bool:
        return self._worker is not None and generation == self._generation

    def _on_worker_stage(self, generation: int, message: str) -> None:
        if self._current(generation):
            self.sigAnalysisStage.emit(message)

    def _on_worker_progress(self, generation: int, done: int, total: int) -> None:
        if self._current(generation):
            self.sigAnalysisProgress.emit(done, total)

    def _on_worker_chunks(self, generation: int, parts: list[ChunkAnalysis]) -> None:
        if not self._current(generation):
            return
        self.apply_chunk_results(parts)

    def _on_worker_finished(self, generation: int, cancelled: bool) -> None:
        if self._current(generation):
            self._worker = None
            self.sigAnalysisFinished.emit(cancelled)

    def _on_worker_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self._worker = None
            self.sigAnalysisFailed.emit(message)

    def apply_chunk_results(self, parts: Iterable[ChunkAnalysis]) -> None:
        """Add the suggestions, figure readings and sentences of analysed chunks."""
        parts = list(parts)
        if not parts:
            return
        spans = []
        for part in parts:
            self._sentences.add(part.sentences)
            for reading in part.figures:
                self._readings[(reading.start, reading.end)] = reading
            spans.extend((e.start, e.end, e.label) for e in part.entities)
        self._session.highlights.extend(new_suggestions(self._session.highlights, spans))
        self._figures = None
        self.sigHighlightsChanged.emit(parts[0].start, parts[-1].end)
        self.sigFiguresChanged.emit()

    # -- view state ----------------------------------------------------------
    def select(self, highlight_id: str) -> None:
        """Make ``highlight_id`` the selection ("" clears it)."""
        if highlight_id and highlight_id not in self._session.highlights:
            highlight_id = ""
        if highlight_id != self._selected:
            self._selected = highlight_id
            self.sigSelectionChanged.emit(highlight_id)

    def set_label_hidden(self, label: str, hidden: bool) -> None:
        """Hide or show every highlight of ``label`` in the article."""
        hidden_labels = self._session.hidden_labels
        if hidden == (label in hidden_labels):
            return
        if hidden:
            hidden_labels.add(label)
        else:
            hidden_labels.discard(label)
        self.sigHiddenLabelsChanged.emit()

    # -- edits (undoable) ----------------------------------------------------
    def add_highlight(self, start: int, end: int, label: str) -> Highlight:
        """Add a hand-made highlight over ``[start, end)`` as one undo step."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the text")
        highlight = Highlight(start, end, label, origin="manual", status="accepted")
        self.undo_stack.push(commands.AddHighlights(self, [highlight], f"Add {label}"))
        return highlight

    def remove_highlights(self, highlight_ids: Iterable[str]) -> None:
        """Delete highlights as one undo step."""
        doomed = [self._session.highlights[i] for i in highlight_ids]
        if doomed:
            text = "Delete highlight" if len(doomed) == 1 else f"Delete {len(doomed)} highlights"
            self.undo_stack.push(commands.RemoveHighlights(self, doomed, text))

    def relabel(self, highlight_id: str, label: str) -> None:
        """Give a highlight another label (it becomes the person's decision)."""
        before = self._session.highlights[highlight_id]
        if before.label == label:
            return
        after = before.edited(label=label, status="accepted")
        self.undo_stack.push(
            commands.ReplaceHighlights(self, [before], [after], f"Label as {label}")
        )

    # -- called by undo commands only ----------------------------------------
    def _insert_highlights(self, highlights: list[Highlight]) -> None:
        self._session.highlights.extend(highlights)
        self._changed(highlights)

    def _delete_highlights(self, highlight_ids: list[str]) -> None:
        removed = [self._session.highlights.remove(i) for i in highlight_ids]
        if self._selected in highlight_ids:
            self.select("")
        self._changed(removed)

    def _swap_highlights(self, highlights: list[Highlight]) -> None:
        old = [self._session.highlights.replace(h) for h in highlights]
        self._changed(old + highlights)

    def _changed(self, highlights: list[Highlight]) -> None:
        self._figures = None
        start = min(h.start for h in highlights)
        end = max(h.end for h in highlights)
        self.sigHighlightsChanged.emit(start, end)
        self.sigFiguresChanged.emit()
