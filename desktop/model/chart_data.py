"""What the charts draw, computed from the figures table (no Qt here)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.model.period_grains import period_text
from desktop.model.period_series import change_amount, figure_measures

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
    sizes = Counter(keys)
    set_sizes = Counter(zip(keys, bar_sets(figures)[rows].tolist()))
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for key, kind in set(zip(keys, figures["kind"].to_numpy(dtype=object)[rows].tolist())):
        kinds_of[key].add(kind)
    groups = []
    for key in sorted(sizes):
        kinds = sorted(kinds_of[key])
        title = key if kinds == [key] else f"{key} ({', '.join(kinds)})"
        rank = min((KIND_ORDER.index(k) for k in kinds if k in KIND_ORDER), default=len(KIND_ORDER))
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
        return _text(figures, column)[rows].tolist()

    subjects, periods, surfaces = cells("subject"), cells("period"), cells("surface")
    labels = [bar_label(*parts) for parts in zip(subjects, periods, surfaces)]
    values = figures["value"].to_numpy(dtype=float)[rows].tolist()
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
        labels_of = cells("label")
        colours = [colour_of(label) if colour_of else DEFAULT_BAR_COLOUR for label in labels_of]
        axis_title = key if bar_set == "levels" else f"{key}, share"
    hollow = [role == "forecast" for role in cells("role")]
    tips = [f"{tip} (forecast)" if forecast else tip for tip, forecast in zip(tips, hollow)]
    return Bars(
        ids=cells("highlight_id"), heights=heights, labels=labels, colours=colours,
        axis_title=axis_title, hollow=hollow, tips=tips,
    )
