"""What the charts draw, computed from the figures table (no Qt here).

The functions read a figures DataFrame; :class:`ChartRows` keeps the same answers
row by row as the table changes (an edit costs its own rows: issue 22)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from desktop.model.figure_measures import change_amount, figure_measure, figure_measures
from desktop.model.period_grains import period_text

if TYPE_CHECKING:
    from desktop.nlp.figures.table.rows import RowsChange

DEFAULT_BAR_COLOUR = "#9fa8da"
UP_COLOUR = "#2e7d32"
DOWN_COLOUR = "#c62828"
FLAT_COLOUR = "#9e9e9e"
#: Groups are offered in this order of kind (then by size): the figures a reader
#: of news looks at first come first.
KIND_ORDER = ("money", "percent", "quantity", "multiplier", "duration", "age",
              "temperature", "count", "other")
#: The sets of bars a unit's figures are split into: levels (what something is,
#: was or will be), changes (how much it moved) and shares (parts of a whole).
#: One set is drawn at a time: a change is never a bar beside a level.
BAR_SETS = ("levels", "changes", "shares")
_PERIOD_AFTER = re.compile(r",?\s*\b(?:in|for|during|over|of)?\s*\0")
SET_TITLES = {"levels": "Levels", "changes": "Changes", "shares": "Shares"}


@dataclass(frozen=True)
class FigureGroup:
    """Figures that share a unit, so their bars can stand side by side; ``sets``
    counts them by bar set, (set, count) in BAR_SETS order."""

    key: str
    title: str
    size: int
    sets: tuple[tuple[str, int], ...] = ()

    def count(self, bar_set: str) -> int:
        return dict(self.sets).get(bar_set, 0)

    def default_set(self) -> str:
        """Levels when the unit has any, else its first set with figures."""
        return next((name for name, count in self.sets if count), "levels")


@dataclass
class Bars:
    """One bar per figure: the figure's highlight id, height, tick label (subject,
    then period on a second line) and colour; ``hollow`` bars are forecasts; ``tips``
    name each bar in full."""

    ids: list[str] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    axis_title: str = ""
    hollow: list[bool] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)


def group_key(row: pd.Series) -> str:
    """The unit a figure is charted under: its unit code, else its kind."""
    return row["unit_code"] or row["kind"]


def _text(figures: pd.DataFrame, column: str) -> np.ndarray:
    return figures[column].fillna("").to_numpy(dtype=object)


def bar_sets(figures: pd.DataFrame) -> np.ndarray:
    """The bar set of every row (see :func:`figure_measures`): "levels", "changes"
    or "shares"."""
    return figure_measures(figures) + "s"


def _stated_keys(figures: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The rows the text states (derived rows have a chart of their own) and the
    group key of every row: column arrays, not frame filters (a long article has
    thousands of rows and the charts follow every edit)."""
    units = figures["unit_code"].to_numpy(dtype=object)
    kinds = figures["kind"].to_numpy(dtype=object)
    keys = np.array([unit if unit else kind for unit, kind in zip(units.tolist(), kinds.tolist())],
                    dtype=object)
    if "derived" in figures:
        return np.flatnonzero(~figures["derived"].to_numpy(dtype=bool)), keys
    return np.arange(len(figures)), keys


def figure_groups(figures: pd.DataFrame) -> list[FigureGroup]:
    """Groups of figures by unit, in KIND_ORDER, then largest first."""
    rows, all_keys = _stated_keys(figures)
    if not len(rows):
        return []
    keys = all_keys[rows].tolist()
    kinds = figures["kind"].to_numpy(dtype=object)[rows].tolist()
    return _groups(Counter(keys), Counter(zip(keys, bar_sets(figures)[rows].tolist())), Counter(zip(keys, kinds)))


def _groups(sizes: Counter, set_sizes: Counter, kinds: Counter) -> list[FigureGroup]:
    """The groups of stated figures counted by key, by (key, bar set) and by (key,
    kind), in KIND_ORDER, then largest first."""
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for (key, kind), count in kinds.items():
        if count:
            kinds_of[key].add(kind)
    groups = []
    for key in sorted(k for k, count in sizes.items() if count):
        kinds_here = sorted(kinds_of[key])
        title = key if kinds_here == [key] else f"{key} ({', '.join(kinds_here)})"
        rank = min((KIND_ORDER.index(k) for k in kinds_here if k in KIND_ORDER), default=len(KIND_ORDER))
        sets = tuple((name, set_sizes[key, name]) for name in BAR_SETS)
        groups.append((rank, FigureGroup(str(key), title, sizes[key], sets)))
    groups.sort(key=lambda item: (item[0], -item[1].size, item[1].key))
    return [group for _, group in groups]


def bar_label(subject: str, period: str, surface: str) -> str:
    """What a bar is of: its subject (the figure's surface when none was read), and
    on a second line its period, with the length of a part of a year. A period the
    subject repeats ("revenue in the fourth quarter of 2004") is said once."""
    label, note = period_text(period) if period else ("", "")
    when = f"{label} ({note})" if note else label
    if period and subject:
        subject = _PERIOD_AFTER.sub("", subject.replace(period, "\0")).replace("\0", "").strip() or subject
    name = subject or surface
    return f"{name}\n{when}" if when else name


def group_bars(
    figures: pd.DataFrame, key: str | None, colour_of: Callable[[str], str] | None = None,
    bar_set: str = "levels",
) -> Bars:
    """The bars of the figures of set ``bar_set`` in group ``key``, in text order.
    Changes are drawn signed (a fall below zero, ×5 as +400%), green up, red down."""
    rows, keys = _stated_keys(figures)
    if not len(rows) or key is None:
        return Bars()
    rows = rows[(keys[rows] == key) & (bar_sets(figures)[rows] == bar_set)]
    rows = rows[np.argsort(figures["start"].to_numpy()[rows], kind="stable")]

    def cells(column: str) -> list:
        if column == "value":
            return figures["value"].to_numpy(dtype=float)[rows].tolist()
        return _text(figures, column)[rows].tolist()

    return _bars(cells, key, colour_of, bar_set)


def _bars(cells: Callable[[str], list], key: str, colour_of: Callable[[str], str] | None,
          bar_set: str) -> Bars:
    """The bars of the rows whose cells ``cells(column)`` gives (in text order; text
    cells "" when missing, values as floats)."""
    subjects, periods, surfaces = cells("subject"), cells("period"), cells("surface")
    labels = [bar_label(*parts) for parts in zip(subjects, periods, surfaces)]
    values = cells("value")
    tips = [f"{label.replace(chr(10), ', ')}: {surface}" for label, surface in zip(labels, surfaces)]
    if bar_set == "changes":
        amounts = [change_amount(*parts) for parts in zip(
            values, cells("change"), cells("direction"), cells("unit_code"), cells("kind"))]
        heights = [amount.value for amount in amounts]
        colours = [UP_COLOUR if h > 0 else DOWN_COLOUR if h < 0 else FLAT_COLOUR for h in heights]
        units = Counter(amount.unit for amount in amounts)
        axis_title = f"change, {units.most_common(1)[0][0]}" if units else "change"
        tips = [f"{tip} ({amount.text})" for tip, amount in zip(tips, amounts)]
    else:
        heights = values
        colours = _label_colours(cells("label"), colour_of)
        axis_title = key if bar_set == "levels" else f"{key}, share"
    hollow = [role == "forecast" for role in cells("role")]
    tips = [f"{tip} (forecast)" if forecast else tip for tip, forecast in zip(tips, hollow)]
    return Bars(
        ids=cells("highlight_id"), heights=heights, labels=labels, colours=colours,
        axis_title=axis_title, hollow=hollow, tips=tips,
    )


def _label_colours(labels: list[str], colour_of: Callable[[str], str] | None) -> list[str]:
    """The colour of each bar's label (``colour_of`` asked once a label)."""
    if colour_of is None:
        return [DEFAULT_BAR_COLOUR] * len(labels)
    colours = {label: colour_of(label) for label in set(labels)}
    return [colours[label] for label in labels]


class ChartRows:
    """The figure charts' reading of the figures table, kept row by row: each row's
    group key (its unit code, else its kind), bar set and kind, whether the text
    states it, and how many stated rows each group, set and kind has. Follows the
    table's :class:`~desktop.nlp.figures.table.rows.RowsChange`s, so an edit costs the
    rows it changed; :meth:`groups` and :meth:`bars` answer as :func:`figure_groups`
    and :func:`group_bars` do for the whole table."""

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._sets: list[str] = []
        self._kinds: list[str] = []
        self._stated: list[bool] = []
        self._sizes: Counter = Counter()  # key -> stated rows
        self._set_sizes: Counter = Counter()  # (key, bar set) -> stated rows
        self._kind_sizes: Counter = Counter()  # (key, kind) -> stated rows
        #: (key, bar set) -> its bars in the default colour and each bar's label;
        #: dropped when a row of that key comes or goes
        self._bars: dict[tuple[str, str], tuple[Bars, list[str]]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def reset(self, columns: Mapping[str, Sequence]) -> None:
        """Read the whole table (one sequence per column) afresh."""
        self.__init__()
        self._insert(0, columns)

    def follow(self, change: RowsChange, columns: Mapping[str, Sequence]) -> None:
        """Take in a change of the table; ``columns`` is the table after it (read
        when the change says the whole table was made again)."""
        if change.splices is None:
            self.reset(columns)
            return
        for splice in change.splices:
            self._remove(splice.position, splice.removed)
            self._insert(splice.position, splice.added)

    def groups(self) -> list[FigureGroup]:
        return _groups(self._sizes, self._set_sizes, self._kind_sizes)

    def bars(self, columns: Mapping[str, Sequence], key: str | None,
             colour_of: Callable[[str], str] | None = None, bar_set: str = "levels") -> Bars:
        """The bars of group ``key``'s set ``bar_set``; ``columns``: the table."""
        if key is None or not self._sizes.get(key):
            return Bars()
        made = self._bars.get((key, bar_set))
        if made is None:
            rows = [i for i, (k, s, stated) in enumerate(zip(self._keys, self._sets, self._stated))
                    if stated and k == key and s == bar_set]
            starts = columns["start"]
            rows.sort(key=starts.__getitem__)  # stable: text order

            def cells(column: str) -> list:
                values = columns[column]
                if column == "value":
                    return [float(values[i]) for i in rows]
                return [_cell_text(values[i]) for i in rows]

            made = self._bars[key, bar_set] = (_bars(cells, key, None, bar_set), cells("label"))
        bars, labels = made
        if bar_set == "changes" or colour_of is None:  # coloured by direction, or the default
            return replace(bars)
        return replace(bars, colours=_label_colours(labels, colour_of))

    def place(self, columns: Mapping[str, Sequence], highlight_id: str) -> tuple[str, str] | None:
        """The group key and bar set of the figure stated by ``highlight_id``."""
        ids = columns["highlight_id"]
        for i, stated in enumerate(self._stated):
            if stated and ids[i] == highlight_id:
                return self._keys[i], self._sets[i]
        return None

    def _insert(self, position: int, columns: Mapping[str, Sequence]) -> None:
        units, kinds = columns["unit_code"], columns["kind"]
        roles, changes, derived = columns["role"], columns["change"], columns["derived"]
        keys = [_cell_text(unit) or _cell_text(kind) for unit, kind in zip(units, kinds)]
        sets = [figure_measure(*row) + "s" for row in zip(roles, changes, derived)]
        stated = [not flag for flag in derived]
        kinds = [_cell_text(kind) for kind in kinds]
        self._keys[position:position] = keys
        self._sets[position:position] = sets
        self._kinds[position:position] = kinds
        self._stated[position:position] = stated
        self._count(keys, sets, kinds, stated, 1)

    def _remove(self, position: int, count: int) -> None:
        end = position + count
        self._count(self._keys[position:end], self._sets[position:end], self._kinds[position:end],
                    self._stated[position:end], -1)
        for values in (self._keys, self._sets, self._kinds, self._stated):
            del values[position:end]

    def _count(self, keys: list, sets: list, kinds: list, stated: list, step: int) -> None:
        for key in set(keys):
            for bar_set in BAR_SETS:
                self._bars.pop((key, bar_set), None)
        for key, bar_set, kind, is_stated in zip(keys, sets, kinds, stated):
            if is_stated:
                self._sizes[key] += step
                self._set_sizes[key, bar_set] += step
                self._kind_sizes[key, kind] += step


def _cell_text(value: object) -> str:
    """A text cell as text ("" for a missing one)."""
    return value if type(value) is str else "" if value is None or value != value else str(value)
