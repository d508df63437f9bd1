"""What the analysis sends back: its entity spans, each chunk's findings and the
document pass's changes.

Kept apart from the code that makes them, so that a window unpickling them from a
worker process imports only this (and :mod:`desktop.core.figure`), not the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from desktop.core.figure import FigureReading


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A labelled span found by the analysis, before it becomes a highlight.

    ``reason`` says why it has its label ("model", "all-caps re-read", ...);
    ``canonical`` names the entity it mentions ("" until the document pass names
    it); ``model_label`` is spaCy's own label for this exact span, "" for a span
    the model did not produce.
    """

    start: int
    end: int
    label: str
    reason: str = "model"
    canonical: str = ""
    model_label: str = ""

    def shifted(self, offset: int) -> EntitySpan:
        """The same span with its offsets moved by ``offset``."""
        return self._copy(self.start + offset, self.end + offset, self.canonical)

    def named(self, canonical: str) -> EntitySpan:
        """The same span naming ``canonical`` (dataclasses.replace costs ~3x more, and
        the document pass names tens of thousands of spans)."""
        return self._copy(self.start, self.end, canonical)

    def __reduce__(self):
        # Pickled by its fields (worker processes send thousands): ~3x faster than
        # the state a slotted dataclass pickles by default.
        return EntitySpan, (self.start, self.end, self.label, self.reason, self.canonical, self.model_label)

    def _copy(self, start: int, end: int, canonical: str) -> EntitySpan:
        return EntitySpan(start, end, self.label, self.reason, canonical, self.model_label)


@dataclass
class ChunkAnalysis:
    """What the analysis found in one chunk, with offsets into the whole text."""

    start: int
    end: int
    entities: list[EntitySpan]
    figures: list[FigureReading]
    sentences: list[tuple[int, int]]


class EntityChanges(NamedTuple):
    """What a later pass changed: spans it dropped or relabelled, and its new ones."""

    removed: list[EntitySpan]
    added: list[EntitySpan]
