"""FigureTables: the tables the figure views read, derived from the highlights and kept
up to date together, row by row (issue 22).

The figure rows (:class:`~desktop.nlp.figures.table.rows.FigureRows`: the figures table as
column lists) and the charts' reading of them (:class:`~desktop.model.chart_data.ChartRows`)
follow every change of the highlights; :meth:`FigureTables.update` says which rows
changed (a :class:`~desktop.nlp.figures.table.rows.RowsChange`), for views to patch
themselves. No Qt here: the session model owns one and tells the views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas and the figure engine load after the window shows
    import pandas as pd

    from desktop.core.highlight import Highlight
    from desktop.model.chart_data import Bars, ChartRows, FigureGroup
    from desktop.nlp.figures.table.rows import FigureRows, RowsChange


class FigureTables:
    """The figure rows and the charts' reading of them, built on first use."""

    def __init__(self) -> None:
        self.rows: FigureRows | None = None
        self._charts: ChartRows | None = None

    def reset(self, rows: FigureRows | None = None) -> None:
        """Start again from ``rows`` (built elsewhere), or from nothing."""
        self.rows, self._charts = rows, None

    def build(self, make: Callable[[], FigureRows]) -> FigureRows:
        """The rows, made by ``make`` the first time."""
        if self.rows is None:
            self.rows = make()
        return self.rows

    def take(self, removed: Iterable[Highlight], added: Iterable[Highlight]) -> None:
        """Take in changed highlights (nothing to do before the rows are built)."""
        if self.rows is not None:
            self.rows.remove(removed)
            self.rows.add(added)

    def update(self, overrides: Mapping[str, Mapping[str, Any]]) -> RowsChange:
        """Bring the rows and the charts' reading of them up to date; what changed."""
        change = self.rows.update(overrides)
        if self._charts is None:
            from desktop.model.chart_data import ChartRows

            self._charts = ChartRows()
            self._charts.reset(self.rows.columns())
        elif change.changed:
            self._charts.follow(change, self.rows.columns())
        return change

    def frame(self) -> pd.DataFrame:
        """The figures table as a DataFrame (made when asked for, cached per version)."""
        return self.rows.frame()

    def groups(self) -> list[FigureGroup]:
        return self._charts.groups()

    def bars(self, key: str | None, colour_of=None, bar_set: str = "levels") -> Bars:
        return self._charts.bars(self.rows.columns(), key, colour_of, bar_set)

    def place(self, highlight_id: str) -> tuple[str, str] | None:
        return self._charts.place(self.rows.columns(), highlight_id)
