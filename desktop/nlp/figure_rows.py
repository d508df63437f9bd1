"""The figures table of a changing set of highlights, kept up to date change by change.

A long article has thousands of figures and tens of thousands of highlights; an
edit touches one or two. :class:`FigureRows` remembers which highlight states which
figure and each figure's cells, so an edit costs the highlights it changes plus the
rows of the paragraphs it touched: the last table is kept and only those paragraphs'
rows are made again (a derived figure only ever comes from its own paragraph).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS, FigureReading
from desktop.core.highlight import Highlight
from desktop.core.labels import FIGURE_LABELS
from desktop.nlp.derived_figures import with_derived
from desktop.nlp.figure_frame import frame_from_columns
from desktop.nlp.sentences import SentenceIndex

#: Columns of the figures table: FIGURE_COLUMNS between the highlight's and ``edited``.
TABLE_COLUMNS = ["highlight_id", "label", *FIGURE_COLUMNS, "edited"]
#: Figure cells a person may correct by hand.
OVERRIDABLE_COLUMNS = ("value", "unit", "unit_code", "kind", "qualifier", "subject", "period", "role")

Key = tuple[int, int]
#: Past this many changed paragraphs, the whole table is made again rather than patched.
PATCH_PARAGRAPHS_AT_MOST = 50
_READING_FIELDS = ("start", "end", "surface", "value", "low", "high", "unit", "unit_code",
                   "kind", "qualifier", "subject", "period", "change", "role", "direction", "moved", "link")
_ROW_FIELDS = ("highlight_id", "label", *_READING_FIELDS, "derived", "formula", "sentence", "edited")
_EXTRA = ("highlight_id", "label", "edited")


class FigureRows:
    """One row per figure stated by a visible highlight under a figure label.

    When two highlights state the same figure (a DATE "the first four months of
    this year" around a DATE "four months"), the tighter highlight owns the row
    (between equal lengths, the first in text order). ``read`` gives the reading of
    one highlight (or None); ``sentences`` gives each figure's sentence.
    """

    def __init__(self, text: str, read, sentences: SentenceIndex) -> None:
        self._text = text
        self._read = read
        self._sentences = sentences
        self._stating: dict[Key, dict[str, tuple[Highlight, FigureReading]]] = {}
        self._figure_of: dict[str, Key] = {}  # highlight id -> the figure it states
        self._owner: dict[Key, str] = {}  # figure -> the id of the highlight that owns its row
        self._keys: list[Key] = []  # figures with a row, in text order
        self._columns: dict[str, list] = {name: [] for name in _ROW_FIELDS}  # rows in _keys order
        self._sentence: dict[Key, str] = {}
        self._table: pd.DataFrame | None = None  # the last table made, patched after edits
        self._table_overrides: dict[str, dict[str, Any]] = {}  # the corrections in it
        self._changed: set[int] = set()  # starts of the paragraphs changed since

    def __len__(self) -> int:
        return len(self._keys)

    def set_reader(self, read, sentences: SentenceIndex) -> None:
        """Read highlights added from now on with ``read`` and ``sentences``."""
        self._read, self._sentences = read, sentences

    def __getstate__(self) -> dict[str, Any]:
        # Built in a worker process and sent back: without the text (the receiver
        # has it) and the reader (a closure); the receiver calls :meth:`attach`.
        return {**self.__dict__, "_text": "", "_read": None, "_sentences": None,
                "_table": None, "_table_overrides": {}, "_changed": set()}

    def attach(self, text: str, read, sentences: SentenceIndex) -> None:
        """Give rows received from another process their text, reader and sentences."""
        self._text = text
        self.set_reader(read, sentences)

    def add(self, highlights: Iterable[Highlight]) -> None:
        """Take in new highlights (and the new state of changed ones, after ``remove``)."""
        touched = set()
        for highlight in highlights:
            if not highlight.visible or highlight.label not in FIGURE_LABELS:
                continue
            reading = self._read(highlight)
            if reading is None:
                continue
            key = (reading.start, reading.end)
            self._stating.setdefault(key, {})[highlight.id] = (highlight, reading)
            self._figure_of[highlight.id] = key
            touched.add(key)
        for key in touched:
            self._elect(key)

    def remove(self, highlights: Iterable[Highlight]) -> None:
        """Forget highlights (deleted, or about to be added again in a new state)."""
        touched = set()
        for highlight in highlights:
            key = self._figure_of.pop(highlight.id, None)
            if key is not None:
                self._stating[key].pop(highlight.id, None)
                touched.add(key)
        for key in touched:
            self._elect(key)

    def _elect(self, key: Key) -> None:
        self._changed.add(self._text.rfind("\n", 0, key[0]) + 1)  # its paragraph's start
        stating = self._stating.get(key)
        if not stating:
            self._stating.pop(key, None)
            if self._owner.pop(key, None) is not None:
                position = bisect_left(self._keys, key)
                del self._keys[position]
                for values in self._columns.values():
                    del values[position]
            return
        highlight, reading = min(stating.values(), key=_tightest)
        cells = self._row(highlight, reading, key)
        position = bisect_left(self._keys, key)
        if key in self._owner:
            for values, cell in zip(self._columns.values(), cells):
                values[position] = cell
        else:
            self._keys.insert(position, key)
            for values, cell in zip(self._columns.values(), cells):
                values.insert(position, cell)
        self._owner[key] = highlight.id

    def _row(self, highlight: Highlight, reading: FigureReading, key: Key) -> tuple:
        sentence = self._sentence.get(key)
        if sentence is None:
            sentence = self._sentences.sentence_at(self._text, reading.start, reading.end)
            self._sentence[key] = sentence
        low = reading.value if reading.low is None else reading.low
        high = reading.value if reading.high is None else reading.high
        return (highlight.id, highlight.label, reading.start, reading.end, reading.surface,
                reading.value, low, high, reading.unit, reading.unit_code, reading.kind,
                reading.qualifier, reading.subject, reading.period, reading.change,
                reading.role, reading.direction, reading.moved, reading.link, False, "", sentence, "")

    def frame(self, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> pd.DataFrame:
        """The table (TABLE_COLUMNS): the stated rows with the hand corrections in
        ``overrides`` (highlight id -> column -> value; ``edited`` names them), then the
        derived rows (:mod:`desktop.nlp.derived_figures`) after the figure each comes from."""
        overrides = overrides or {}
        if self._table is not None:
            self._note_changed_overrides(overrides)
        if self._table is None or len(self._changed) > PATCH_PARAGRAPHS_AT_MOST:
            table = self._rows_table(range(len(self._keys)), overrides)
        else:
            table = self._patched(self._table, overrides)
        self._table = table
        self._table_overrides = {hid: dict(cells) for hid, cells in overrides.items()}
        self._changed.clear()
        return table

    def _paragraph(self, start: int) -> tuple[int, int]:
        """The first offset of the paragraph holding ``start``, and the first after it
        (as :func:`with_derived` tells paragraphs apart: by the newline before)."""
        after = self._text.find("\n", start)
        return self._text.rfind("\n", 0, start) + 1, (len(self._text) if after < 0 else after) + 1

    def _note_changed_overrides(self, overrides: Mapping[str, Mapping[str, Any]]) -> None:
        known = self._table_overrides
        for highlight_id in known.keys() | overrides.keys():
            if known.get(highlight_id) != overrides.get(highlight_id):
                key = self._figure_of.get(highlight_id)
                if key is not None:
                    self._changed.add(self._paragraph(key[0])[0])

    def _patched(self, table: pd.DataFrame, overrides: Mapping[str, Mapping[str, Any]]) -> pd.DataFrame:
        """``table`` with the rows of the changed paragraphs made again (all of them
        as one table, cut where each paragraph goes)."""
        if not self._changed:
            return table
        paragraphs = [(first, self._paragraph(first)[1]) for first in sorted(self._changed)]
        stated = [(bisect_left(self._keys, (first, -1)), bisect_left(self._keys, (after, -1)))
                  for first, after in paragraphs]
        remade = self._rows_table([position for low, high in stated for position in range(low, high)],
                                  overrides)
        remade_starts = remade["start"].to_numpy()
        starts = table["start"].to_numpy()
        order, kept_from = [], 0  # rows of table, then of remade (after len(table))
        for first, after in paragraphs:
            old_low, old_high = np.searchsorted(starts, [first, after], "left")
            new_low, new_high = np.searchsorted(remade_starts, [first, after], "left")
            order += [np.arange(kept_from, old_low), np.arange(new_low, new_high) + len(table)]
            kept_from = old_high
        order.append(np.arange(kept_from, len(table)))
        both = pd.concat([table, remade], ignore_index=True)
        return both.take(np.concatenate(order)).reset_index(drop=True)

    def _rows_table(self, positions: range | list[int], overrides: Mapping[str, Mapping[str, Any]]
                    ) -> pd.DataFrame:
        """The table of the stated rows at ``positions`` (whole paragraphs)."""
        if isinstance(positions, range):
            columns = {name: values[positions.start:positions.stop] for name, values in self._columns.items()}
        else:
            columns = {name: [values[i] for i in positions] for name, values in self._columns.items()}
        if overrides:
            _apply_overrides(columns, overrides)
        if any(columns["change"]):
            columns = with_derived(columns, self._text)
        extra = {name: columns.pop(name) for name in _EXTRA}
        frame = frame_from_columns(columns)
        frame.insert(0, "label", pd.Series(extra["label"], dtype="object"))
        frame.insert(0, "highlight_id", pd.Series(extra["highlight_id"], dtype="object"))
        frame["edited"] = pd.Series(extra["edited"], dtype="object")
        return frame


def empty_table() -> pd.DataFrame:
    """The figures table with no rows (a new copy each time)."""
    return _empty_table().copy()


@cache
def _empty_table() -> pd.DataFrame:
    return FigureRows("", lambda highlight: None, SentenceIndex()).frame()


def _tightest(entry: tuple[Highlight, FigureReading]) -> tuple:
    highlight = entry[0]
    return (highlight.end - highlight.start, highlight.start, highlight.end, highlight.id)


def _apply_overrides(columns: dict[str, list], overrides: Mapping[str, Mapping[str, Any]]) -> None:
    positions = {hid: i for i, hid in enumerate(columns["highlight_id"]) if hid in overrides}
    for highlight_id, row in positions.items():
        cells = overrides[highlight_id]
        edited = [c for c in OVERRIDABLE_COLUMNS if c in cells]
        for column in edited:
            columns[column][row] = cells[column]
        if "value" in cells:
            columns["low"][row] = columns["high"][row] = cells["value"]
        columns["edited"][row] = ",".join(edited)
