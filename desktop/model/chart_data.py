"""What the charts draw, computed from the figures table (no Qt here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

DEFAULT_BAR_COLOUR = "#9fa8da"
#: Groups are offered in this order of kind (then by size): the figures a reader
#: of news looks at first come first.
KIND_ORDER = ("money", "percent", "quantity", "multiplier", "duration", "age",
              "temperature", "count", "other")


@dataclass(frozen=True)
class FigureGroup:
    """Figures that share a unit, so their bars can stand side by side."""

    key: str
    title: str
    size: int


@dataclass
class Bars:
    """One bar per figure: the figure's highlight id, height, tick label and colour."""

    ids: list[str] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    axis_title: str = ""


def group_key(row: pd.Series) -> str:
    """The unit a figure is charted under: its unit code, else its kind."""
    return row["unit_code"] or row["kind"]


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
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for key, kind in set(zip(keys, figures["kind"].to_numpy(dtype=object)[rows].tolist())):
        kinds_of[key].add(kind)
    groups = []
    for key in sorted(sizes):
        kinds = sorted(kinds_of[key])
        title = key if kinds == [key] else f"{key} ({', '.join(kinds)})"
        rank = min((KIND_ORDER.index(k) for k in kinds if k in KIND_ORDER), default=len(KIND_ORDER))
        groups.append((rank, FigureGroup(str(key), title, sizes[key])))
    groups.sort(key=lambda item: (item[0], -item[1].size, item[1].key))
    return [group for _, group in groups]


def group_bars(
    figures: pd.DataFrame, key: str | None, colour_of: Callable[[str], str] | None = None
) -> Bars:
    """The bars of the figures in group ``key``, in text order."""
    rows, keys = _stated_keys(figures)
    if not len(rows) or key is None:
        return Bars()
    rows = rows[keys[rows] == key]
    rows = rows[np.argsort(figures["start"].to_numpy()[rows], kind="stable")]

    def cells(column: str) -> list:
        return figures[column].to_numpy(dtype=object)[rows].tolist()

    colours = [colour_of(label) if colour_of else DEFAULT_BAR_COLOUR for label in cells("label")]
    return Bars(
        ids=cells("highlight_id"),
        heights=figures["value"].to_numpy(dtype=float)[rows].tolist(),
        labels=cells("surface"),
        colours=colours,
        axis_title=key,
    )
