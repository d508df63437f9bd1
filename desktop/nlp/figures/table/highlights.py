"""The figures table, derived from the highlights: one row per numeric highlight."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

import pandas as pd

from desktop.core.figure import FigureReading
from desktop.core.highlight import Highlight
from desktop.nlp.entity_merge import stands_for
from desktop.nlp.figures.describe import describe_figures
from desktop.nlp.figures.scanner import find_figures, read_figure
from desktop.nlp.figures.table.rows import TABLE_COLUMNS, FigureRows  # noqa: F401 (TABLE_COLUMNS: re-exported)
from desktop.nlp.sentences import SentenceIndex, sentence_span_around

ReadingCache = MutableMapping[tuple[int, int], FigureReading | None]

#: A DATE or TIME highlight states a figure only as a length of time ("more than
#: 30 years", "an average age of 16-17 years"); "2022" under DATE is a year.
_TIME_LABELS = frozenset({"DATE", "TIME"})
_TIME_KINDS = frozenset({"duration", "age"})


def reading_for(text: str, highlight: Highlight, cache: ReadingCache) -> FigureReading | None:
    """The figure a numeric highlight states, or None (a year, a word, …).

    The analysis fills ``cache`` with the engine's readings of the spans it found. A
    highlight may cover more or less than its figure: the analysis gives a figure the
    model's span where the two agree ("100,980" of "$100,980", "the first nine months
    of 1989" around "nine months"), and a person may do the same by hand; such a
    highlight states the engine's figure it lies in or holds, when they agree on the
    number (see :func:`_stated_figure`). A span with no such figure is read on its own
    here, with the period and change its sentence states (its subject needs a parse:
    left "").
    """
    key = (highlight.start, highlight.end)
    if key not in cache:
        cache[key] = _stated_figure(text, highlight.start, highlight.end, cache)
    reading = cache[key]
    if reading is not None and highlight.label in _TIME_LABELS and reading.kind not in _TIME_KINDS:
        return None
    return reading


def _stated_figure(text: str, start: int, end: int, cache: ReadingCache) -> FigureReading | None:
    """The figure ``text[start:end]`` states: the longest figure inside it, else the
    figure of its sentence that holds it and shares its number, else its own number;
    the analysis's reading of that figure when ``cache`` has one."""
    own = read_figure(text[start:end])
    own = own.shifted(start) if own is not None else None
    if own is not None and (found := cache.get((own.start, own.end))) is not None:
        return found
    around = _figure_around(text, start, end, own)
    if around is not None:
        found = cache.get((around.start, around.end))
        return found if found is not None else _in_context(text, around)
    return _in_context(text, own) if own is not None else None


def _figure_around(text: str, start: int, end: int, own: FigureReading | None) -> FigureReading | None:
    """The figure of the sentence around ``[start, end)`` that holds more than it and
    states the same number (its value, or one end of its range), if any."""
    first, last = sentence_span_around(text, start)
    if end > last:
        return None
    for figure in find_figures(text[first:last]):
        figure = figure.shifted(first)
        if figure.start <= start and end <= figure.end and (figure.start, figure.end) != (start, end):
            return figure if own is None or stands_for(start, end, figure) else None
    return None


def figures_for_highlights(
    text: str,
    highlights: Iterable[Highlight],
    cache: ReadingCache,
    sentences: SentenceIndex | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> pd.DataFrame:
    """One row per figure stated by a visible highlight under a figure label (see
    :class:`FigureRows`, which keeps such a table up to date edit by edit).

    Hand corrections in ``overrides`` (highlight id -> column -> value) replace the
    engine's cells; the ``edited`` column names the corrected ones. Derived rows
    (:mod:`desktop.nlp.figures.table.derived`) follow, computed from the corrected cells;
    each carries the highlight id of the stated figure it comes from.
    """
    rows = figure_rows(text, cache, sentences)
    rows.add(highlights)
    return rows.frame(overrides)


def figure_rows(text: str, cache: ReadingCache, sentences: SentenceIndex | None = None) -> FigureRows:
    """An empty :class:`FigureRows` of ``text`` reading highlights through ``cache``."""
    return FigureRows(text, reader(text, cache), sentences if sentences is not None else SentenceIndex())


def build_figure_rows(text: str, highlights: list[Highlight]) -> tuple[FigureRows, dict]:
    """The figure rows of ``highlights`` and the readings made for them (run in a
    worker process for a long session: see ``desktop.model.figure_builder``)."""
    readings: dict = {}
    rows = figure_rows(text, readings)
    rows.add(highlights)
    return rows, readings


def reader(text: str, cache: ReadingCache):
    """A function giving the reading of one highlight of ``text`` through ``cache``."""
    return lambda highlight: reading_for(text, highlight, cache)


def _in_context(text: str, reading: FigureReading) -> FigureReading:
    """``reading`` with the period and change read from its paragraph."""
    first = text.rfind("\n", 0, reading.start) + 1
    last = text.find("\n", reading.end)
    last = len(text) if last < 0 else last
    sentence = sentence_span_around(text, reading.start)
    paragraph = text[first:last]
    local = reading.shifted(-first)
    described = describe_figures(paragraph, [local], [(sentence[0] - first, sentence[1] - first)])
    return described[0].shifted(first)
