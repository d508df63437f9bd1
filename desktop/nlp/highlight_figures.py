"""The figures table, derived from the highlights: one row per numeric highlight."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

import pandas as pd

from desktop.core.figure import FigureReading
from desktop.core.highlight import Highlight
from desktop.nlp.figure_context import describe_figures
from desktop.nlp.figure_rows import TABLE_COLUMNS, FigureRows  # noqa: F401 (TABLE_COLUMNS: re-exported)
from desktop.nlp.figures import read_figure
from desktop.nlp.sentences import SentenceIndex, sentence_span_around

ReadingCache = MutableMapping[tuple[int, int], FigureReading | None]

#: A DATE or TIME highlight states a figure only as a length of time ("more than
#: 30 years", "an average age of 16-17 years"); "2022" under DATE is a year.
_TIME_LABELS = frozenset({"DATE", "TIME"})
_TIME_KINDS = frozenset({"duration", "age"})


def reading_for(text: str, highlight: Highlight, cache: ReadingCache) -> FigureReading | None:
    """The figure a numeric highlight states, or None (a year, a word, …).

    The analysis fills ``cache`` with the engine's readings of the spans it found;
    a span it did not find (a hand-made highlight) is read on its own here, with the
    period and change its sentence states (its subject needs a parse: left "").
    """
    key = (highlight.start, highlight.end)
    if key not in cache:
        reading = read_figure(highlight.surface(text))
        cache[key] = _in_context(text, reading.shifted(highlight.start)) if reading else None
    reading = cache[key]
    if reading is not None and highlight.label in _TIME_LABELS and reading.kind not in _TIME_KINDS:
        return None
    return reading


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
    (:mod:`desktop.nlp.derived_figures`) follow, computed from the corrected cells;
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
