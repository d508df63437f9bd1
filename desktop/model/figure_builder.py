"""Building the figures table of a large opened session in a worker process."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.model.background import start_background_thread

if TYPE_CHECKING:
    from concurrent.futures import Future

    from desktop.core.highlight import Highlight

#: Sessions with more highlights than this get their figures table built in the
#: background (reading every figure of a long article takes seconds).
BACKGROUND_MIN_HIGHLIGHTS = 2_000


class FigureRowsBuilder(QObject):
    """Reads the figures of a snapshot of highlights in a worker process (a thread of
    this process would slow every paint of the window: they share one GIL), or in a
    thread if no worker can run.

    ``sigBuilt(generation, rows, readings)`` arrives in the thread the builder
    lives in; the rows still need :meth:`FigureRows.attach`, and the readings are
    the ones the build made (the model merges them).
    """

    sigBuilt = Signal(int, object, object)

    def start(self, generation: int, text: str, highlights: list[Highlight]) -> None:
        from desktop.core.labels import FIGURE_LABELS
        from desktop.nlp import parallel
        from desktop.nlp.figures.table.highlights import build_figure_rows

        # Only these can state a figure; the others need not be sent.
        highlights = [h for h in highlights if h.visible and h.label in FIGURE_LABELS]
        try:
            future = parallel.submit(build_figure_rows, text, highlights)
        except RuntimeError:  # the pool is shutting down or broken
            self._build_here(generation, text, highlights)
            return
        future.add_done_callback(lambda done: self._on_done(done, generation, text, highlights))

    def _on_done(self, future: Future, generation: int, text: str,
                 highlights: list[Highlight]) -> None:
        if future.cancelled():  # the app is quitting
            return
        if future.exception() is not None:  # a worker died: build it here instead
            self._build_here(generation, text, highlights)
            return
        self._emit(generation, *future.result())

    def _build_here(self, generation: int, text: str, highlights: list[Highlight]) -> None:
        from desktop.nlp.figures.table.highlights import build_figure_rows

        start_background_thread(lambda: self._emit(generation, *build_figure_rows(text, highlights)),
                                name="article-lens-figures")

    def _emit(self, generation: int, rows, readings: dict) -> None:
        try:
            self.sigBuilt.emit(generation, rows, readings)
        except RuntimeError:  # the model (and this builder with it) is gone
            pass
