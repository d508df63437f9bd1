"""The corpus view's chart: one subject's levels over time across the articles of a
folder (:mod:`desktop.model.corpus_series`), a point per figure in its article's
colour; hovering a point says which article, period and figure it is, and clicking
it asks for its article (``sigOpen``, the figure's position in the figures table)."""

from __future__ import annotations

import math

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model.corpus_series import SubjectChoice, subject_choices, subject_points
from desktop.ui.bar_chart import CompactAxis, set_axis_title, style_plot
from desktop.ui.colour_scheme import SCHEME, on_scheme_change

#: A colour per article (in the order their points first appear), repeating.
ARTICLE_COLOURS = ("#3b6fb6", "#d9822b", "#2a9d8f", "#8e44ad", "#c0392b", "#8c564b", "#d63384",
                   "#5f7d1f", "#1f8fb3", "#b8860b")
_QUARTERS = ("Q1", "Q2", "Q3", "Q4")


class YearAxis(pg.AxisItem):
    """Time in years: a tick at the start of each year ("2024"); over a short span
    (up to four years), the quarters too, each named at its middle ("Q3", the first
    quarter of a year with its year: "Q1 2024"), the years then only grid lines."""

    _quarters = False

    def tickValues(self, low, high, size):
        if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
            return []
        years = list(range(math.ceil(low), math.floor(high) + 1))
        step = max(1, math.ceil((high - low) / max(1, size / 60)))
        levels = [(float(step), [float(y) for y in years if y % step == 0])]
        self._quarters = high - low <= 4 and size / ((high - low) * 4) >= 28  # room for "Q4" every quarter
        if self._quarters:
            middles = [q / 4 + 0.125 for q in range(math.floor(low * 4), math.ceil(high * 4) + 1)]
            levels.append((0.25, [m for m in middles if low <= m <= high]))
        return levels

    def tickStrings(self, values, scale, spacing):
        if spacing >= 1:  # with quarters shown, a year is named on its first quarter, not between two
            return ["" if self._quarters else str(int(round(v))) for v in values]
        names = []
        for at, value in enumerate(values):
            quarter = _QUARTERS[int(math.floor((value % 1) * 4)) % 4]
            year = f" {int(math.floor(value))}" if quarter == "Q1" or at == 0 else ""
            names.append(quarter + year)
        return names


class CorpusChart(QWidget):
    """A subject box and its plot; ``set_figures`` redraws from the figures shown."""

    sigOpen = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.figures = pd.DataFrame()
        self.titles: dict[str, str] = {}
        self.dates: dict[str, str] = {}
        self.choices: list[SubjectChoice] = []
        self.points = pd.DataFrame()
        self.subject_box = QComboBox(self)
        self.subject_box.setObjectName("corpusSubject")
        self.subject_box.setToolTip("Subjects with levels in two or more figures (grouped by head noun and unit)")
        self.caption = QLabel(self)
        self.caption.setObjectName("corpusChartCaption")
        self.caption.setWordWrap(True)
        self.plot = pg.PlotWidget(self, axisItems={"left": CompactAxis("left"), "bottom": YearAxis("bottom")})
        self.plot.setObjectName("corpusPlot")
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.getAxis("left").setWidth(64)
        style_plot(self.plot)
        self.line = pg.PlotDataItem(pen=pg.mkPen("#9aa0a6", width=1.2), antialias=True)
        self.scatter = pg.ScatterPlotItem(size=12, hoverable=True, tip=self._tip, antialias=True)
        self.plot.addItem(self.line)
        self.plot.addItem(self.scatter)
        self.scatter.sigClicked.connect(self._on_click)
        on_scheme_change(self, lambda _dark: (style_plot(self.plot), self._redraw()))
        top = QHBoxLayout()
        top.addWidget(QLabel("Subject", self))
        top.addWidget(self.subject_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        self.subject_box.currentIndexChanged.connect(self._redraw)

    def set_figures(self, figures: pd.DataFrame, titles: dict[str, str], dates: dict[str, str]) -> None:
        """Draw from ``figures`` (the figure rows shown, index: their place in the
        figures table), keeping the chosen subject when it is still there."""
        self.figures, self.titles, self.dates = figures, titles, dates
        current = self.current()
        self.choices = subject_choices(figures) if "document" in figures else []
        wanted = (current.key, current.unit, current.grain) if current else None
        keys = [(c.key, c.unit, c.grain) for c in self.choices]
        self.subject_box.blockSignals(True)
        self.subject_box.clear()
        for choice in self.choices:
            self.subject_box.addItem(choice.label)
        self.subject_box.setCurrentIndex(keys.index(wanted) if wanted in keys else 0 if keys else -1)
        self.subject_box.blockSignals(False)
        self._redraw()

    def current(self) -> SubjectChoice | None:
        index = self.subject_box.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def choose(self, key: str, unit: str | None = None) -> bool:
        """Show the subject ``key`` (in ``unit`` if given); False when there is none."""
        for index, choice in enumerate(self.choices):
            if choice.key == key and (unit is None or choice.unit == unit):
                self.subject_box.setCurrentIndex(index)
                return True
        return False

    def point_position(self, index: int) -> tuple[float, float]:
        """Where point ``index`` is drawn (time, value)."""
        row = self.points.iloc[index]
        return float(row["time"]), float(row["value"])

    def _redraw(self) -> None:
        choice = self.current()
        self.points = subject_points(self.figures, choice, self.dates) if choice else pd.DataFrame()
        if not len(self.points):
            self.line.setData([], [])
            self.scatter.setData([])
            set_axis_title(self.plot, "left", "")
            self.caption.setText("No subject has levels in two or more figures yet." if choice is None
                                 else f"No figure of “{choice.key}” says when it was.")
            return
        order = list(dict.fromkeys(self.points["document"]))
        colour_of = {doc: ARTICLE_COLOURS[i % len(ARTICLE_COLOURS)] for i, doc in enumerate(order)}
        times, values = self.points["time"].to_numpy(), self.points["value"].to_numpy()
        self.line.setData(times, values)
        self.scatter.setData([
            {"pos": (t, v), "data": i, "brush": pg.mkBrush(colour_of[doc]), "pen": pg.mkPen(SCHEME.chart("mark"),
                                                                                           width=0.8)}
            for i, (t, v, doc) in enumerate(zip(times, values, self.points["document"]))])
        set_axis_title(self.plot, "left", choice.unit or "value")
        span = max(times.max() - times.min(), 0.5)
        self.plot.setXRange(times.min() - span * 0.08, times.max() + span * 0.08, padding=0)
        low, high = min(0.0, values.min()), max(0.0, values.max())
        self.plot.setYRange(low, high + (high - low) * 0.08 or 1.0, padding=0.02)
        self.caption.setText(f"{len(self.points)} figures of “{choice.key}” in {len(order)} articles, "
                             "placed by period (else by the article's date). Click a point to open its article.")

    def _tip(self, x, y, data) -> str:
        if not isinstance(data, (int,)) and not hasattr(data, "__index__"):
            return ""
        row = self.points.iloc[int(data)]
        title = self.titles.get(row["document"], row["document"])
        period = f" · {row['period']}" if row["period"] else ""
        return f"{title}{period}\n{row['surface']} — {row['subject']}"

    def _on_click(self, _item, points, _event=None) -> None:
        if len(points):
            self.sigOpen.emit(int(self.points.iloc[int(points[0].data())]["row"]))
