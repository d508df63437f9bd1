"""Reconciling the model's entities with the figure engine's spans."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace

from desktop.core.figure import FigureReading
from desktop.nlp.figures.multipliers import MULTIPLYING_WORDS
from desktop.nlp.results import EntitySpan

#: Model labels whose span and label a figure's highlight takes where the two overlap:
#: on news NER data the model's own numeric entities match the annotation far better
#: than the figure's reach (which may take in a qualifier, a unit word or a range),
#: while the figure's reading (value, unit, qualifier) stays with the highlight
#: (:func:`desktop.nlp.figures.table.highlights.reading_for` finds it again).
MODEL_SPAN_WINS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME"})
#: Model labels kept around a figure, dropped inside one.
KEPT_AROUND_FIGURES = frozenset({"ORDINAL"})
#: The reason of a span the figure engine found.
FIGURE_REASON = "figure engine"
#: The reason of a model entity that stands for a figure, the figure's kind after it.
MODEL_AGREES_PREFIX = "model; the figure engine reads it as "


def merge_entities(
    model_spans: Iterable[EntitySpan], figures: Iterable[FigureReading]
) -> list[EntitySpan]:
    """Model entities plus one span per figure the model did not mark.

    Where a numeric model entity overlaps a figure and states its number, the model's
    span and label stand for the figure ("100,980" in "$100,980", "$1.2 billion" in
    "more than $1.2 billion", "the first nine months of 1989" around "nine months")
    and say so in their reason (:func:`stands_for`); a figure no such entity covers
    gets a span of its own, labelled by its kind, and a numeric entity that states
    another number ("125" of "£125m") gives way to it. An ORDINAL inside a figure is dropped ("third" in "a
    third"); other entities are kept as they are.
    """
    figure_list = sorted(figures, key=lambda f: (f.start, f.end))
    model_list = list(model_spans)
    if not figure_list:
        return sorted(model_list, key=lambda s: (s.start, s.end, s.label))
    merged: list[EntitySpan] = []
    covered = [False] * len(figure_list)
    starts = [f.start for f in figure_list]
    for span in model_list:
        overlapping = _overlapping(figure_list, starts, span.start, span.end)
        if overlapping and span.label in MODEL_SPAN_WINS:
            if all(stands_for(span.start, span.end, figure_list[i]) and _labels_agree(span.label, figure_list[i])
                   for i in overlapping):
                for index in overlapping:
                    covered[index] = True
                first = figure_list[overlapping[0]]
                merged.append(replace(span, reason=figure_agrees(first.kind)) if span.reason == "model" else span)
            # else the figure's own span stands ("125" of "£125m" states another number)
        elif span.label in KEPT_AROUND_FIGURES and any(
            figure_list[i].start <= span.start and span.end <= figure_list[i].end for i in overlapping
        ):
            continue
        else:
            if span.label not in KEPT_AROUND_FIGURES:  # a name: its numbers are no figures
                for index in overlapping:
                    covered[index] = True
            merged.append(span)
    for figure, done in zip(figure_list, covered):
        if not done and not _numberless_word(figure.surface):
            merged.append(EntitySpan(figure.start, figure.end, figure.label, FIGURE_REASON))
    merged.sort(key=lambda s: (s.start, s.end, s.label))
    return merged


def stands_for(start: int, end: int, figure: FigureReading) -> bool:
    """True when the span ``[start, end)`` (which overlaps ``figure``) may stand for it:
    it holds the whole figure, or the part of the figure it holds states the same
    number ("100,980" of "$100,980", "$40" of "$40 to $125"); "125" of "£125m" states
    another."""
    if start <= figure.start and figure.end <= end:
        return True
    from desktop.nlp.figures.scanner import read_figure

    # the part of the figure the span holds ("150" of "an additional 150" over "150 points")
    own = read_figure(figure.surface[max(start, figure.start) - figure.start : min(end, figure.end) - figure.start])
    if own is None:  # no number of its own there ("million" of "a million"): the model's reach
        return True
    return any(
        value is not None and math.isclose(own.value, value, rel_tol=1e-9)
        for value in (figure.value, figure.low, figure.high)
    )


#: The unit code of a difference between two percentages ("0.25 percentage point"):
#: a count of points, which the news annotations label CARDINAL as the model does.
PERCENTAGE_POINTS = "pp"


def _labels_agree(label: str, figure: FigureReading) -> bool:
    """False for a model CARDINAL over an amount of money or a percentage: the model
    missed its unit ("4.5 billion" of "4.5 billion euros"), and the figure keeps its
    own span and label. Percentage points are counted, not a percentage: the model's
    CARDINAL stands for them."""
    return not (label == "CARDINAL" and figure.label in ("MONEY", "PERCENT")
                and figure.unit_code != PERCENTAGE_POINTS)


def _numberless_word(surface: str) -> bool:
    """True for a figure stated by a word that holds no number ("doubled", "halving"):
    no entity, and out of the figures' own scope (``../shared/eval/news`` README)."""
    word = surface.lower()
    return word in MULTIPLYING_WORDS and not word.endswith("fold")


def figure_agrees(kind: str) -> str:
    """The reason of a model entity that stands for a figure of ``kind``."""
    return f"{MODEL_AGREES_PREFIX}{kind}"


def _overlapping(figures: list[FigureReading], starts: list[int], start: int, end: int) -> list[int]:
    """Indices of the ``figures`` (sorted, none overlapping another) that overlap
    ``[start, end)``."""
    index = max(0, bisect_right(starts, start) - 1)
    found = []
    while index < len(figures) and figures[index].start < end:
        if start < figures[index].end:
            found.append(index)
        index += 1
    return found
