"""The figures table, derived from the highlights: one row per numeric highlight."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS, FigureReading
from desktop.core.highlight import Highlight
from desktop.core.labels import FIGURE_LABELS
from desktop.nlp.derived_figures import with_derived
from desktop.nlp.figure_context import describe_figures
from desktop.nlp.figure_frame import figure_frame
from desktop.nlp.figures import read_figure
from desktop.nlp.sentences import SentenceIndex, sentence_span_around

TABLE_COLUMNS = ["highlight_id", "label", *FIGURE_COLUMNS, "edited"]
#: Figure cells a person may correct by hand.
OVERRIDABLE_COLUMNS = ("value", "unit", "unit_code", "kind", "qualifier", "subject", "period")

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
    """One row per figure stated by a visible highlight under a figure label.

    When two highlights state the same figure (a DATE "the first four months of
    this year" around a DATE "four months"), the tighter highlight owns the row.
    Hand corrections in ``overrides`` (highlight id -> column -> value) replace the
    engine's cells; the ``edited`` column names the corrected ones. Derived rows
    (:mod:`desktop.nlp.derived_figures`) follow, computed from the corrected cells;
    each carries the highlight id of the stated figure it comes from.
    """
    owners: dict[tuple[int, int], tuple[Highlight, FigureReading]] = {}
    for highlight in highlights:
        if not highlight.visible or highlight.label not in FIGURE_LABELS:
            continue
        reading = reading_for(text, highlight, cache)
        if reading is None:
            continue
        key = (reading.start, reading.end)
        held = owners.get(key)
        if held is None or _length(highlight) < _length(held[0]):
            owners[key] = (highlight, reading)
    rows = [owners[key] for key in sorted(owners)]
    frame = figure_frame(text, [reading for _, reading in rows], sentences, derive=False)
    frame.insert(0, "label", pd.Series([h.label for h, _ in rows], dtype="object"))
    frame.insert(0, "highlight_id", pd.Series([h.id for h, _ in rows], dtype="object"))
    frame["edited"] = ""
    if overrides:
        _apply_overrides(frame, overrides)
    if frame["change"].astype(bool).any():
        columns = with_derived({name: frame[name].tolist() for name in frame.columns}, text)
        if len(columns["start"]) > len(frame):
            frame = pd.DataFrame(columns, columns=frame.columns).astype(frame.dtypes.to_dict())
    return frame


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


def _apply_overrides(frame: pd.DataFrame, overrides: Mapping[str, Mapping[str, Any]]) -> None:
    positions = {hid: i for i, hid in enumerate(frame["highlight_id"])}
    for highlight_id, cells in overrides.items():
        row = positions.get(highlight_id)
        if row is None:
            continue
        edited = [c for c in OVERRIDABLE_COLUMNS if c in cells]
        for column in edited:
            frame.iat[row, frame.columns.get_loc(column)] = cells[column]
        if "value" in cells:
            frame.iat[row, frame.columns.get_loc("low")] = cells["value"]
            frame.iat[row, frame.columns.get_loc("high")] = cells["value"]
        frame.iat[row, frame.columns.get_loc("edited")] = ",".join(edited)


def _length(highlight: Highlight) -> int:
    return highlight.end - highlight.start
