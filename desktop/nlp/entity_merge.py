"""Reconciling the model's entities with the figure engine's spans."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.figure import FigureReading

#: Model labels the figure engine reads better: dropped where they overlap a figure.
REPLACED_BY_FIGURES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
#: Model labels kept around a figure (they carry its period), dropped inside one.
KEPT_AROUND_FIGURES = frozenset({"DATE", "TIME", "ORDINAL"})
#: The reason of a span the figure engine found.
FIGURE_REASON = "figure engine"


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


def merge_entities(
    model_spans: Iterable[EntitySpan], figures: Iterable[FigureReading]
) -> list[EntitySpan]:
    """Model entities plus one span per figure, labelled by the figure's kind.

    A numeric model entity that overlaps a figure is replaced by it ("five" inside
    "five times"); a DATE or TIME entity is dropped only when it lies inside a
    figure, so "the first four months of this year" stays around "four months".
    Other entities are kept as they are.
    """
    figure_list = list(figures)
    model_list = list(model_spans)
    model_labels = {(s.start, s.end): s.model_label for s in model_list}
    merged = [
        EntitySpan(f.start, f.end, f.label, FIGURE_REASON,
                   model_label=model_labels.get((f.start, f.end), ""))
        for f in figure_list
    ]
    for span in model_list:
        overlapping = [f for f in figure_list if f.start < span.end and span.start < f.end]
        if overlapping and span.label in REPLACED_BY_FIGURES:
            continue
        if span.label in KEPT_AROUND_FIGURES and any(
            f.start <= span.start and span.end <= f.end for f in overlapping
        ):
            continue
        merged.append(span)
    merged.sort(key=lambda s: (s.start, s.end, s.label))
    return merged
