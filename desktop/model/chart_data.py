"""What the charts draw, computed from the figures table (no Qt here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

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


def stated(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures the text states (derived rows have a chart of their own)."""
    if "derived" not in figures or not figures["derived"].any():
        return figures
    return figures[~figures["derived"].astype(bool)]


def _keys(figures: pd.DataFrame) -> pd.Series:
    return figures["unit_code"].where(figures["unit_code"].astype(bool), figures["kind"])


def figure_groups(figures: pd.DataFrame) -> list[FigureGroup]:
    """Groups of figures by unit, in KIND_ORDER, then largest first."""
    figures = stated(figures)
    if figures.empty:
        return []
    keys = _keys(figures).to_numpy(dtype=object).tolist()
    sizes = Counter(keys)
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for key, kind in set(zip(keys, figures["kind"].to_numpy(dtype=object).tolist())):
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
    figures = stated(figures)
    if figures.empty or key is None:
        return Bars()
    rows = figures[_keys(figures) == key].sort_values("start", kind="stable")
    colours = [colour_of(label) if colour_of else DEFAULT_BAR_COLOUR for label in rows["label"]]
    return Bars(
        ids=rows["highlight_id"].tolist(),
        heights=rows["value"].astype(float).tolist(),
        labels=rows["surface"].tolist(),
        colours=colours,
        axis_title=key,
    )
