"""Building the figures table of a large opened session in a background thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.model.background import start_background_thread

if TYPE_CHECKING:
    from desktop.core.highlight import Highlight
    from desktop.nlp.figure_rows import FigureRows
    from desktop.nlp.sentences import SentenceIndex

#: Sessions with more highlights than this get their figures table built in the
#: background (reading every figure of a long article takes seconds).
BACKGROUND_MIN_HIGHLIGHTS = 2_000


class FigureRowsBuilder(QObject):
    """Reads the figures of a snapshot of highlights in a thread of its own.

    ``sigBuilt(generation, rows, readings)`` arrives in the thread the builder
    lives in; the readings are the ones the build made (the model merges them).
    """

    sigBuilt = Signal(int, object, object)

    def start(self, generation: int, text: str, highlights: list[Highlight],
              sentences: SentenceIndex) -> None:
        start_background_thread(self._run, generation, text, highlights, sentences,
                                name="article-lens-figures")

    def _run(self, generation: int, text: str, highlights: list[Highlight],
             sentences: SentenceIndex) -> None:
        from desktop.nlp.highlight_figures import figure_rows

        readings: dict = {}
        rows: FigureRows = figure_rows(text, readings, sentences)
        rows.add(highlights)
        self.sigBuilt.emit(generation, rows, readings)
