"""Figure readings as a DataFrame (columns FIGURE_COLUMNS), built column by column."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter

import numpy as np
import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS, FigureReading
from desktop.nlp.figures.table.derived import with_derived
from desktop.nlp.sentences import SentenceIndex, sentence_spans

try:  # the base of pandas' StringArray: a checked object array wrapped without a copy
    from pandas._libs.arrays import NDArrayBacked
    from pandas._libs.lib import is_string_array
except ImportError:  # pragma: no cover - another pandas layout
    NDArrayBacked = None
try:  # pandas >= 3: a frame straight from its blocks, without per-column inference
    from pandas.api.internals import create_dataframe_from_blocks
except ImportError:  # pragma: no cover - older pandas
    create_dataframe_from_blocks = None
try:  # the blocks and their manager themselves: half the cost of the public call above,
    # which checks every block again (a figures frame has 16)
    from pandas._libs.internals import BlockPlacement
    from pandas.core.internals.blocks import ExtensionBlock, NumpyBlock
    from pandas.core.internals.managers import BlockManager
except ImportError:  # pragma: no cover - another pandas layout
    BlockManager = None

_STRING = pd.StringDtype(storage="python", na_value=np.nan)  # not pyarrow's, even where it is installed
_STRING_ARRAY = _STRING.construct_array_type()
_INT_COLUMNS = ("start", "end", "link")
_FLOAT_COLUMNS = ("value", "low", "high")
_TEXT_COLUMNS = tuple(c for c in FIGURE_COLUMNS if c not in (*_INT_COLUMNS, *_FLOAT_COLUMNS, "derived"))
_INTS_OF, _FLOATS_OF = itemgetter(*_INT_COLUMNS), itemgetter(*_FLOAT_COLUMNS)
_COLUMN_INDEX = pd.Index(FIGURE_COLUMNS)
_POSITION = {name: i for i, name in enumerate(FIGURE_COLUMNS)}
# Where each block's columns stand in FIGURE_COLUMNS.
_INT_PLACEMENT = np.array([_POSITION[name] for name in _INT_COLUMNS])
_FLOAT_PLACEMENT = np.array([_POSITION[name] for name in _FLOAT_COLUMNS])
_FLAG_PLACEMENT = np.array([_POSITION["derived"]])
_TEXT_PLACEMENTS = [np.array([_POSITION[name]]) for name in _TEXT_COLUMNS]
if BlockManager is not None:
    _INT_PLACED, _FLOAT_PLACED, _FLAG_PLACED = (BlockPlacement(p) for p in (_INT_PLACEMENT, _FLOAT_PLACEMENT,
                                                                            _FLAG_PLACEMENT))
    _TEXT_PLACED = [BlockPlacement(p) for p in _TEXT_PLACEMENTS]


def figure_frame(
    text: str,
    readings: Sequence[FigureReading],
    sentences: SentenceIndex | Sequence[tuple[int, int]] | None = None,
    derive: bool = True,
) -> pd.DataFrame:
    """Figure readings as a DataFrame with FIGURE_COLUMNS, and (with ``derive``) the
    figures they imply (see :mod:`desktop.nlp.figures.table.derived`).

    Each row's sentence comes from ``sentences`` (an index, or sorted spans), or
    from a punctuation split of ``text`` when none are given. ``derived`` is bool, offsets int64, values float64
    and every other column a string column.
    """
    columns: dict[str, list] = {name: [] for name in FIGURE_COLUMNS}
    for r in readings:
        columns["start"].append(r.start)
        columns["end"].append(r.end)
        columns["surface"].append(r.surface)
        columns["value"].append(r.value)
        columns["low"].append(r.value if r.low is None else r.low)
        columns["high"].append(r.value if r.high is None else r.high)
        columns["unit"].append(r.unit)
        columns["unit_code"].append(r.unit_code)
        columns["kind"].append(r.kind)
        columns["qualifier"].append(r.qualifier)
        columns["subject"].append(r.subject)
        columns["period"].append(r.period)
        columns["change"].append(r.change)
        columns["role"].append(r.role)
        columns["direction"].append(r.direction)
        columns["moved"].append(r.moved)
        columns["link"].append(r.link)
    count = len(readings)
    columns["derived"] = [False] * count
    columns["formula"] = [""] * count
    columns["sentence"] = _sentences(text, readings, sentences)
    if derive:
        columns = with_derived(columns, text)
    return frame_from_columns(columns)


def frame_from_columns(columns: dict[str, list]) -> pd.DataFrame:
    """A figures DataFrame from one list per column of FIGURE_COLUMNS."""
    count = len(columns["start"])
    ints, floats, flags, texts = _column_blocks(columns)
    if _FAST_FRAMES:
        return _frame_from_blocks(ints, floats, flags, texts, count)
    if create_dataframe_from_blocks is None:  # pragma: no cover - older pandas
        data = {**dict(zip(_INT_COLUMNS, ints)), **dict(zip(_FLOAT_COLUMNS, floats)),
                "derived": flags[0], **dict(zip(_TEXT_COLUMNS, texts))}
        return pd.DataFrame(data, columns=FIGURE_COLUMNS)
    return _frame_from_public_call(ints, floats, flags, texts, count)


def _column_blocks(columns: dict[str, list]) -> tuple:
    """The 2-D int, float and flag arrays and the string arrays of a figures frame."""
    count = len(columns["start"])
    # each from one flat list: a third faster than from nested lists
    (start, end, link), (value, low, high) = _INTS_OF(columns), _FLOATS_OF(columns)
    if not count == len(end) == len(link) == len(value) == len(low) == len(high):
        raise ValueError("figure columns of different lengths")  # as numpy said of the nested lists
    ints = np.array([*start, *end, *link], dtype=np.int64).reshape(len(_INT_COLUMNS), count)
    floats = np.array([*value, *low, *high], dtype=np.float64).reshape(len(_FLOAT_COLUMNS), count)
    flags = np.array(columns["derived"], dtype=bool).reshape(1, count)
    return ints, floats, flags, _string_arrays([columns[name] for name in _TEXT_COLUMNS], count)


def _frame_from_public_call(ints, floats, flags, texts, count: int) -> pd.DataFrame:
    blocks = [(ints, _INT_PLACEMENT), (floats, _FLOAT_PLACEMENT), (flags, _FLAG_PLACEMENT),
              *zip(texts, _TEXT_PLACEMENTS)]
    return create_dataframe_from_blocks(blocks, index=pd.RangeIndex(count), columns=_COLUMN_INDEX)


def _frame_from_blocks(ints, floats, flags, texts, count: int) -> pd.DataFrame:
    blocks = (NumpyBlock(ints, _INT_PLACED, 2), NumpyBlock(floats, _FLOAT_PLACED, 2), NumpyBlock(flags, _FLAG_PLACED, 2),
              *map(ExtensionBlock, texts, _TEXT_PLACED, repeat(2)))
    manager = BlockManager(blocks, [_COLUMN_INDEX, pd.RangeIndex._simple_new(range(count))], verify_integrity=False)
    return pd.DataFrame._from_mgr(manager, manager.axes)


def _blocks_work() -> bool:
    """True when frames made from the blocks directly equal those of pandas' public call
    (checked once, at import, so another pandas version falls back rather than breaks)."""
    if BlockManager is None or create_dataframe_from_blocks is None or NDArrayBacked is None:
        return False
    columns = {name: [1, 2] if name in _INT_COLUMNS else [0.5, 2.0] if name in _FLOAT_COLUMNS
               else [False, True] if name == "derived" else ["a", "b"] for name in FIGURE_COLUMNS}
    try:
        made = _frame_from_blocks(*_column_blocks(columns), 2)
        made.iloc[0, 0]  # noqa: B018 - reading a cell proves the manager is whole
        checked = _frame_from_public_call(*_column_blocks(columns), 2)
        return made.equals(checked) and list(made.dtypes) == list(checked.dtypes)
    except Exception:  # noqa: BLE001 - any failure means: use the public call
        return False


def _string_arrays(lists: list[list], count: int) -> list:
    """String columns from one list each: when every value is a str (as readings give),
    the lists are made one object array at once and each row wrapped as it is, without
    the per-value checks of ``_from_sequence`` (~3 µs a column, and a figures frame
    has 16 of them); otherwise each is converted (None -> NaN)."""
    if NDArrayBacked is not None:
        table = np.empty((len(lists), count), dtype=object)
        try:
            table[:] = lists
        except ValueError:  # a column of another length: converted one by one below
            table = None
        if table is not None and (count == 0 or is_string_array(table.ravel(), skipna=False)):
            return list(map(_STRING_ARRAY._simple_new, table, repeat(_STRING)))
    return [_STRING_ARRAY._from_sequence(values, dtype=_STRING) for values in lists]


def _sentences(
    text: str, readings: Sequence[FigureReading], sentences: SentenceIndex | Sequence[tuple[int, int]] | None
) -> list[str]:
    if isinstance(sentences, SentenceIndex):
        return [sentences.sentence_at(text, r.start, r.end) for r in readings]
    if not readings:
        return []
    spans = sentence_spans(text) if sentences is None else sentences
    starts = [start for start, _ in spans]
    found = []
    for reading in readings:
        index = bisect_right(starts, reading.start) - 1
        found.append(text[spans[index][0]:spans[index][1]] if index >= 0 else "")
    return found


_FAST_FRAMES = _blocks_work()
