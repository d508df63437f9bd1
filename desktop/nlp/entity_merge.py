"""Reconciling the model's entities with the figure engine's spans."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.figure import FigureReading

#: Model labels the figure engine reads better: dropped where they overlap a figure.
REPLACED_BY_FIGURES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
#: Model labels kept around a figure (they carry its period), dropped inside one.
KEPT_AROUND_FIGURES = frozenset({"DATE", "TIME", "ORDINAL"})


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A labelled span found by the analysis, before it becomes a highlight."""

    start: int
    end: int
    label: str


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
    merged = [EntitySpan(f.start, f.end, f.label) for f in figure_list]
    for span in model_spans:
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
