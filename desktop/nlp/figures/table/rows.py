"""The figures table of a changing set of highlights, kept up to date change by change.

A long article has thousands of figures and tens of thousands of highlights; an
edit touches one or two. :class:`FigureRows` remembers which highlight states which
figure and each figure's cells, so an edit costs the highlights it changes plus the
rows of the paragraphs it touched: the table is kept as one list per column, and
only those paragraphs' rows are made again (a derived figure only ever comes from
its own paragraph) and spliced in. :meth:`FigureRows.update` says which rows it
replaced (a :class:`RowsChange`), so the views follow row by row; the DataFrame of
the whole table (:meth:`FigureRows.frame`) is made only when someone asks for it.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import count
from operator import attrgetter, itemgetter
from typing import Any

import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS, FigureReading
from desktop.core.highlight import Highlight
from desktop.core.labels import FIGURE_LABELS
from desktop.nlp.figures.table.derived import with_derived
from desktop.nlp.figures.table.frame import frame_from_columns
from desktop.nlp.sentences import SentenceIndex

#: Columns of the figures table: FIGURE_COLUMNS between the highlight's and ``edited``.
TABLE_COLUMNS = ["highlight_id", "label", *FIGURE_COLUMNS, "edited"]
#: Figure cells a person may correct by hand.
OVERRIDABLE_COLUMNS = ("value", "unit", "unit_code", "kind", "qualifier", "subject", "period", "role")

Key = tuple[int, int]
#: Past this many changed paragraphs, the whole table is made again rather than patched.
PATCH_PARAGRAPHS_AT_MOST = 50
_ROW_FIELDS = tuple(TABLE_COLUMNS)
_EXTRA = ("highlight_id", "label", "edited")
#: The cells of a stated figure's row made here; every other column is its reading's
#: field of that name, so a column added to FIGURE_COLUMNS and FigureReading needs
#: nothing here.
_OWN_CELLS = ("highlight_id", "label", "low", "high", "derived", "formula", "sentence", "edited")
_FROM_READING = tuple(name for name in TABLE_COLUMNS if name not in _OWN_CELLS)
_reading_cells = attrgetter(*_FROM_READING)
_in_table_order = itemgetter(*((*_FROM_READING, *_OWN_CELLS).index(name) for name in TABLE_COLUMNS))
#: Table versions, unique in the process (a view showing one table never mistakes a
#: change of another FigureRows for its own).
_VERSIONS = count(1)


@dataclass(frozen=True)
class RowSplice:
    """Rows ``[position, position + removed)`` of the table replaced by ``added`` (one
    list per column of TABLE_COLUMNS, all of one length)."""

    position: int
    removed: int
    added: dict[str, list]

    @property
    def inserted(self) -> int:
        return len(self.added["start"])


@dataclass(frozen=True)
class RowsChange:
    """What one :meth:`FigureRows.update` did: applied in order, ``splices`` turn the
    table of version ``before`` into that of version ``after``; None when the whole
    table was made again (read it afresh)."""

    before: int
    after: int
    splices: tuple[RowSplice, ...] | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


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
        #: the table (TABLE_COLUMNS, stated and derived rows, corrections applied) as
        #: of the last update, patched paragraph by paragraph after edits
        self._shown: dict[str, list] | None = None
        self._shown_overrides: dict[str, dict[str, Any]] = {}  # the corrections in it
        self._frame: pd.DataFrame | None = None  # the DataFrame of _shown, made on demand
        self._changed: set[int] = set()  # starts of the paragraphs changed since
        self.version = next(_VERSIONS)

    def __len__(self) -> int:
        return len(self._keys)

    def set_reader(self, read, sentences: SentenceIndex) -> None:
        """Read highlights added from now on with ``read`` and ``sentences``."""
        self._read, self._sentences = read, sentences

    def __getstate__(self) -> dict[str, Any]:
        # Built in a worker process and sent back: without the text (the receiver
        # has it) and the reader (a closure); the receiver calls :meth:`attach`.
        return {**self.__dict__, "_text": "", "_read": None, "_sentences": None,
                "_shown": None, "_shown_overrides": {}, "_frame": None, "_changed": set()}

    def attach(self, text: str, read, sentences: SentenceIndex) -> None:
        """Give rows received from another process their text, reader and sentences."""
        self._text = text
        self.set_reader(read, sentences)
        self.version = next(_VERSIONS)  # versions are counted per process

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
        return _in_table_order((*_reading_cells(reading), highlight.id, highlight.label, low, high,
                                False, "", sentence, ""))

    def update(self, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> RowsChange:
        """Bring the table up to date with the highlights taken in or forgotten and
        with the hand corrections in ``overrides`` (highlight id -> column -> value;
        ``edited`` names them): the rows of each changed paragraph are made again
        and spliced in. Returns what changed, row by row (see :class:`RowsChange`)."""
        overrides = overrides or {}
        if self._shown is not None:
            self._note_changed_overrides(overrides)
            if not self._changed:
                return RowsChange(self.version, self.version, ())
        before = self.version
        if self._shown is None or len(self._changed) > PATCH_PARAGRAPHS_AT_MOST:
            self._shown = self._rows_columns(range(len(self._keys)), overrides)
            splices = None
        else:
            splices = tuple(self._patch(overrides))
        self._shown_overrides = {hid: dict(cells) for hid, cells in overrides.items()}
        self._changed.clear()
        self._frame = None
        self.version = next(_VERSIONS)
        return RowsChange(before, self.version, splices)

    def columns(self) -> dict[str, list]:
        """The table as of the last :meth:`update`, one list per column (read only)."""
        if self._shown is None:
            self.update()
        return self._shown

    def frame(self, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> pd.DataFrame:
        """The table (TABLE_COLUMNS) as a DataFrame, brought up to date with
        ``overrides`` first (see :meth:`update`): the stated rows, then the derived rows
        (:mod:`desktop.nlp.figures.table.derived`) after the figure each comes from. Its
        version is :func:`version_of` it. Without ``overrides``
        the table is as of the last update (made first if there was none)."""
        if overrides is not None or self._shown is None:
            self.update(overrides)
        if self._frame is None:
            self._frame = _to_frame(dict(self._shown))  # the frame copies the cells
            self._frame.attrs["figures_version"] = self.version
            self._frame.attrs["figures_frame"] = weakref.ref(self._frame)  # not its copies'
        return self._frame

    def _paragraph(self, start: int) -> tuple[int, int]:
        """The first offset of the paragraph holding ``start``, and the first after it
        (as :func:`with_derived` tells paragraphs apart: by the newline before)."""
        after = self._text.find("\n", start)
        return self._text.rfind("\n", 0, start) + 1, (len(self._text) if after < 0 else after) + 1

    def _note_changed_overrides(self, overrides: Mapping[str, Mapping[str, Any]]) -> None:
        known = self._shown_overrides
        for highlight_id in known.keys() | overrides.keys():
            if known.get(highlight_id) != overrides.get(highlight_id):
                key = self._figure_of.get(highlight_id)
                if key is not None:
                    self._changed.add(self._paragraph(key[0])[0])

    def _patch(self, overrides: Mapping[str, Mapping[str, Any]]) -> list[RowSplice]:
        """Make the rows of the changed paragraphs again (all of them at once, cut
        where each paragraph goes) and splice each paragraph's into the table."""
        paragraphs = [(first, self._paragraph(first)[1]) for first in sorted(self._changed)]
        stated = [(bisect_left(self._keys, (first, -1)), bisect_left(self._keys, (after, -1)))
                  for first, after in paragraphs]
        remade = self._rows_columns([position for low, high in stated for position in range(low, high)],
                                    overrides)
        remade_starts = remade["start"]
        shown = self._shown
        splices = []
        for first, after in paragraphs:
            starts = shown["start"]  # rows in text order; a derived row has its source's start
            old_low, old_high = bisect_left(starts, first), bisect_left(starts, after)
            new_low, new_high = bisect_left(remade_starts, first), bisect_left(remade_starts, after)
            if old_low == old_high and new_low == new_high:
                continue  # a paragraph with no figure before or after
            added = {name: values[new_low:new_high] for name, values in remade.items()}
            for name, values in shown.items():
                values[old_low:old_high] = added[name]
            splices.append(RowSplice(old_low, old_high - old_low, added))
        return splices

    def _rows_columns(self, positions: range | list[int], overrides: Mapping[str, Mapping[str, Any]]
                      ) -> dict[str, list]:
        """The rows (TABLE_COLUMNS) of the stated figures at ``positions`` (whole
        paragraphs), with their corrections and the derived rows they imply."""
        if isinstance(positions, range):
            columns = {name: values[positions.start:positions.stop] for name, values in self._columns.items()}
        else:
            columns = {name: [values[i] for i in positions] for name, values in self._columns.items()}
        if overrides:
            _apply_overrides(columns, overrides)
        if any(columns["change"]):
            columns = with_derived(columns, self._text)
        return {name: columns[name] for name in TABLE_COLUMNS}


def _to_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The figures DataFrame (TABLE_COLUMNS) of one list per column (consumed)."""
    extra = {name: columns.pop(name) for name in _EXTRA}
    frame = frame_from_columns(columns)
    frame.insert(0, "label", pd.Series(extra["label"], dtype="object"))
    frame.insert(0, "highlight_id", pd.Series(extra["highlight_id"], dtype="object"))
    frame["edited"] = pd.Series(extra["edited"], dtype="object")
    return frame


def version_of(frame: pd.DataFrame) -> int | None:
    """The version of the table ``frame`` shows, when it is a frame FigureRows made
    (not a copy of one, nor a frame derived from one: pandas copies ``attrs``)."""
    source = frame.attrs.get("figures_frame")
    return frame.attrs.get("figures_version") if source is not None and source() is frame else None


def empty_table() -> pd.DataFrame:
    """The figures table with no rows (a new copy each time, of no version)."""
    table = _empty_table().copy()
    table.attrs.clear()
    return table


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
