"""The corpus view's chart data (no Qt here): one subject's levels over time across
the articles of a folder, each point the figure of one article.

Subjects are grouped as the article's own Over time chart groups them (by head
noun: :func:`subject_key`, "Acme's quarterly revenue" and "revenue" are both
"revenue"), by unit, so that no series mixes euros and tonnes, and by the kind of
period (quarters apart from whole years, as that chart joins only comparable
periods; figures stating no period form a series of their own). A point stands at
its figure's period ("Q3 2024" at the middle of that quarter); a figure that states
no period, or one relative to an unknown year ("last year" in an undated text), is
placed by its article's date when the article gives one, else left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop.model.figure_measures import figure_measures
from desktop.model.period_grains import period_grain, period_order
from desktop.nlp.figures.subjects.keys import subject_key

#: period_order's years for "this year", "last year" … when the text gives no year.
_UNKNOWN_YEAR_FROM = 9000
#: The series offered have at least this many points.
MIN_POINTS = 2


@dataclass(frozen=True)
class SubjectChoice:
    """A subject the chart can draw: its key, unit, points and articles."""

    key: str
    unit: str
    grain: str
    points: int
    articles: int

    @property
    def label(self) -> str:
        unit = f" ({self.unit})" if self.unit else ""
        articles = "1 article" if self.articles == 1 else f"{self.articles} articles"
        return f"{self.key}{unit}, {self.grain.lower()} — {self.points} figures in {articles}"


#: The grain of figures that state no period (placed by their article's date).
UNDATED = "No period stated"


def grain_of(period: object) -> str:
    """The kind of period of a figure ("Quarters", "Whole years" …, UNDATED)."""
    period = period if isinstance(period, str) else ""
    if not period.strip() or period_order(period)[0] >= 10000:
        return UNDATED
    return period_grain(period).title


def _levels(figures: pd.DataFrame) -> pd.DataFrame:
    """The rows that state a level with a value, with their subject's key."""
    if not len(figures):
        return figures.assign(key=pd.Series(dtype=object), unit=pd.Series(dtype=object),
                              grain=pd.Series(dtype=object))
    levels = figures[(figure_measures(figures) == "level") & figures["value"].notna()]
    subjects = levels["subject"].fillna("").astype(str)
    keys = subjects.map(lambda s: subject_key(s) if s.strip() else "")
    levels = levels.assign(key=keys, unit=levels["unit_code"].fillna("").astype(str),
                           grain=levels["period"].map(grain_of))
    return levels[keys != ""]


def subject_choices(figures: pd.DataFrame) -> list[SubjectChoice]:
    """The subjects with levels in ``figures`` (the corpus's figure rows, with a
    ``document`` column), most articles first."""
    levels = _levels(figures)
    if not len(levels):
        return []
    grouped = levels.groupby(["key", "unit", "grain"], sort=False)
    counted = grouped.agg(points=("value", "size"), articles=("document", "nunique")).reset_index()
    counted = counted[counted["points"] >= MIN_POINTS]
    counted = counted.sort_values(["articles", "points", "key"], ascending=[False, False, True])
    return [SubjectChoice(row.key, row.unit, row.grain, int(row.points), int(row.articles))
            for row in counted.itertuples(index=False)]


def period_time(period: object, date: object) -> float | None:
    """Where a figure of ``period`` stands in time (a fractional year: the middle of
    its period), given its article's ``date`` (YYYY-MM-DD or ""); None when unknown."""
    period = period if isinstance(period, str) else ""
    year, end, length = period_order(period) if period.strip() else (10000, 12, 0)
    dated = _date_time(date)
    if year >= _UNKNOWN_YEAR_FROM:
        if dated is None:
            return None
        if year == 10000:  # no period at all: the article's date
            return dated
        year = int(dated) - (9999 - year)  # "this year", "last year" of a dated article
    middle = end - length / 2 if length else end - 0.5
    return year + middle / 12


def _date_time(date: object) -> float | None:
    if not isinstance(date, str) or len(date) < 7 or not date[:4].isdigit():
        return None
    month = int(date[5:7]) if date[5:7].isdigit() else 6
    return int(date[:4]) + (month - 0.5) / 12


def subject_points(figures: pd.DataFrame, choice: SubjectChoice, dates: dict[str, str]) -> pd.DataFrame:
    """The points of ``choice`` in time order: ``time`` (fractional year), ``value``,
    ``document``, ``row`` (the figure's index in ``figures``), ``surface``,
    ``subject`` and ``period``. ``dates``: each document's date."""
    levels = _levels(figures)
    rows = levels[(levels["key"] == choice.key) & (levels["unit"] == choice.unit)
                  & (levels["grain"] == choice.grain)]
    times = [period_time(period, dates.get(document, ""))
             for period, document in zip(rows["period"].tolist(), rows["document"].tolist())]
    points = pd.DataFrame({
        "time": np.array([np.nan if t is None else t for t in times], dtype=float),
        "value": rows["value"].to_numpy(dtype=float),
        "document": rows["document"].to_numpy(dtype=object),
        "row": rows.index.to_numpy(),
        "surface": rows["surface"].to_numpy(dtype=object),
        "subject": rows["subject"].to_numpy(dtype=object),
        "period": rows["period"].fillna("").to_numpy(dtype=object),
    })
    return points[points["time"].notna()].sort_values(["time", "document"], kind="stable").reset_index(drop=True)
