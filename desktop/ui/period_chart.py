"""PeriodChart: a subject's figures over time (stated points filled, derived ones
hollow on a dashed line); clicking a point selects its figure."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model.period_series import PeriodSeries, period_series
from desktop.model.session_model import SessionModel
from desktop.ui.axis_labels import CategoryLabels
from desktop.ui.bar_chart import CompactAxis, short
from desktop.ui.when_shown import RefreshWhenShown

_COLOUR = "#3b6fb6"
_STATED_PEN = pg.mkPen(_COLOUR, width=2)
_DERIVED_PEN = pg.mkPen(_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)
_MARK_PEN = pg.mkPen("#1f1f1f", width=2.5)


class PeriodChart(QWidget):
    """One subject at a time (chosen in a box): its values by period. Items are made
    once and updated with ``setData``."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._series: list[PeriodSeries] = []
        self.series_box = QComboBox(self)
        self.series_box.setObjectName("periodSeries")
        self.series_box.setToolTip("Subjects with figures for two or more periods")
        self.plot = pg.PlotWidget(self, background="w", axisItems={"left": CompactAxis("left")})
        self.plot.setObjectName("periodPlot")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(y=True, alpha=0.25)
        self.tick_labels = CategoryLabels(self.plot.getPlotItem())
        self._stated_line = pg.PlotDataItem(pen=_STATED_PEN, connect="finite")
        self._derived_line = pg.PlotDataItem(pen=_DERIVED_PEN, connect="finite")
        self.points = pg.ScatterPlotItem(size=11)
        self._mark = pg.ScatterPlotItem(size=17, brush=None, pen=_MARK_PEN)
        for item in (self._derived_line, self._stated_line, self.points, self._mark):
            self.plot.addItem(item)
        top = QHBoxLayout()
        top.addWidget(QLabel("Subject", self))
        top.addWidget(self.series_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot)
        self.series_box.currentIndexChanged.connect(self._redraw)
        self.points.sigClicked.connect(self._on_points_click)
        model.sigFiguresChanged.connect(RefreshWhenShown(self, self._on_figures_change).request)
        model.sigSelectionChanged.connect(self._on_selection_change)

    def series(self) -> list[PeriodSeries]:
        return list(self._series)

    def current(self) -> PeriodSeries | None:
        index = self.series_box.currentIndex()
        return self._series[index] if 0 <= index < len(self._series) else None

    def _on_figures_change(self) -> None:
        current = self.current()
        self._series = period_series(self._model.figures())
        keys = [(s.key, s.unit) for s in self._series]
        self.series_box.blockSignals(True)
        self.series_box.clear()
        for series in self._series:
            self.series_box.addItem(f"{series.key} ({series.unit})", (series.key, series.unit))
        wanted = (current.key, current.unit) if current else None
        self.series_box.setCurrentIndex(keys.index(wanted) if wanted in keys else 0)
        self.series_box.blockSignals(False)
        self._redraw()

    def _redraw(self) -> None:
        series = self.current()
        xs = list(range(len(series.ids))) if series else []
        ys = series.values if series else []
        derived = series.derived if series else []
        nan = float("nan")
        # A dashed segment reaches each derived point from its neighbours; solid joins stated ones.
        stated_y = [y if not d else nan for y, d in zip(ys, derived)]
        dashed_y = [y if d or (i > 0 and derived[i - 1]) or (i + 1 < len(ys) and derived[i + 1]) else nan
                    for i, (y, d) in enumerate(zip(ys, derived))]
        self._stated_line.setData(xs, stated_y)
        self._derived_line.setData(xs, dashed_y)
        self.points.setData(
            x=xs, y=ys, data=list(range(len(xs))),
            brush=[pg.mkBrush("w" if d else _COLOUR) for d in derived],
            pen=[pg.mkPen(_COLOUR, width=1.5) for _ in derived],
        )
        self.tick_labels.set_labels([short(label, 22) for label in series.labels] if series else [])
        self.plot.setLabel("left", series.unit if series else "")
        if xs:
            low, high = min(0.0, min(ys)), max(ys)
            self.plot.setXRange(-0.5, len(xs) - 0.5, padding=0)
            self.plot.setYRange(low, high * 1.1 if high > 0 else 1.0, padding=0)
        self._on_selection_change(self._model.selected_id)

    def point_position(self, index: int) -> tuple[float, float]:
        """Where point ``index`` of the current series is, in plot coordinates."""
        series = self.current()
        return float(index), float(series.values[index]) if series else 0.0

    def _on_points_click(self, _item, points, *_args) -> None:
        series = self.current()
        if series is not None and len(points):
            self._model.select(series.ids[int(points[0].data())])

    def _on_selection_change(self, highlight_id: str) -> None:
        series = self.current()
        if series is None or highlight_id not in series.ids:
            self._mark.setData([], [])
            return
        matches = [i for i, found in enumerate(series.ids) if found == highlight_id]
        index = next((i for i in matches if not series.derived[i]), matches[0])  # the stated point first
        self._mark.setData([index], [series.values[index]])
