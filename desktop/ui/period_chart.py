"""PeriodChart: a subject's levels over time, and below them the changes stated
for it; clicking a point or a bar selects its figure.

Only comparable periods are joined (see :mod:`desktop.model.period_series`): each
grain of period has a line of its own colour and symbol, a period with nothing
comparable is a lone marker, derived levels are hollow on a dashed segment and
forecasts faint on a dotted one. Changes are signed bars (green up, red down) in a
strip of their own, under the period each reaches.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.model.chart_data import DOWN_COLOUR, FLAT_COLOUR, UP_COLOUR
from desktop.model.period_series import PeriodSeries
from desktop.model.session_model import SessionModel
from desktop.ui.axis_labels import CategoryLabels
from desktop.ui.bar_chart import ClickableBars, CompactAxis, compact_number, set_axis_title, style_plot
from desktop.ui.colour_scheme import SCHEME, on_scheme_change
from desktop.ui.when_shown import RefreshWhenShown

#: Colour and symbol of each line, the longest first.
LINE_STYLES = (("#3b6fb6", "o", "●"), ("#d9822b", "d", "◆"), ("#2a9d8f", "s", "■"),
               ("#8e44ad", "t", "▼"), ("#8c564b", "h", "⬢"))
_AXIS_PX = 64  # both plots' value axes are this wide, so their periods line up
_CHANGE_WIDTH = 0.4
_LABEL_ANCHOR = (0.5, 1.25)  # a value's label: centred, just above its point


def line_style(index: int) -> tuple[str, str, str]:
    """Colour, pyqtgraph symbol and legend glyph of line ``index``."""
    return LINE_STYLES[index % len(LINE_STYLES)]


class _Line:
    """The items of one line: solid between stated levels, dashed to a derived
    level, dotted to a forecast. Made once, reused for whichever grain needs it."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.solid = pg.PlotDataItem(connect="pairs", antialias=True)
        self.dashed = pg.PlotDataItem(connect="pairs", antialias=True)
        self.dotted = pg.PlotDataItem(connect="pairs", antialias=True)
        for item in (self.dotted, self.dashed, self.solid):
            plot.addItem(item)
        self.segments = 0

    def set(self, colour: str, segments: dict[str, list[tuple[float, float]]]) -> None:
        for name, style, width in (("solid", Qt.PenStyle.SolidLine, 2.2), ("dashed", Qt.PenStyle.DashLine, 1.6),
                                   ("dotted", Qt.PenStyle.DotLine, 1.8)):
            points = segments.get(name, [])
            item = getattr(self, name)
            item.setPen(pg.mkPen(colour, width=width, style=style))
            item.setData([x for x, _ in points], [y for _, y in points])
        self.segments = sum(len(points) for points in segments.values()) // 2


def _fill(colour: str, faint: bool) -> QColor:
    fill = QColor(colour)
    fill.setAlpha(70 if faint else 200)
    return fill


class ChangeBars(ClickableBars):
    """The changes strip: signed bars at their periods' places, each with its
    change written at its end."""

    def __init__(self, parent=None) -> None:
        bars = pg.BarGraphItem(x=[], height=[], width=_CHANGE_WIDTH, brush="w")
        super().__init__(parent, bars, "x", axisItems={"left": CompactAxis("left")})
        self._values: list[float] = []
        self._texts: list[pg.TextItem] = []
        self.getAxis("left").setWidth(_AXIS_PX)
        self.getPlotItem().hideAxis("bottom")
        self.getPlotItem().addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#5f6368", width=1)))
        self._unit = ""
        self._title = None
        self.getPlotItem().getViewBox().sigResized.connect(self._fit_title)

    def _fit_title(self, *_args) -> None:
        """The value axis's title, "change %", or "Δ %" when the strip is too short for it
        (its title stands on end beside the strip, and would be cut)."""
        unit = self._unit
        long = f"change {unit}" if unit else "change"
        room = self.getPlotItem().getViewBox().height()
        needed = QFontMetricsF(self.font()).horizontalAdvance(long) + 12
        title = long if room <= 0 or room >= needed else (f"Δ {unit}" if unit else "Δ")
        if title != self._title:
            self._title = title
            set_axis_title(self, "left", title)

    def set_changes(self, positions: list[float], widths: list[float], values: list[float],
                    texts: list[str], tips: list[str], unit: str, forecast: list[bool]) -> None:
        """Show one bar per change; ``forecast`` ones faint with a dashed outline."""
        self._count = len(values)
        self._marked = min(self._marked, self._count - 1)
        self._positions = np.asarray(positions, dtype=float)
        self._widths = np.asarray(widths, dtype=float)
        self._values = list(values)
        self._tips = list(tips)
        self._colours = [UP_COLOUR if v > 0 else DOWN_COLOUR if v < 0 else FLAT_COLOUR for v in values]
        self._hollow = list(forecast)
        self._bars.setOpts(x=self._positions, height=np.asarray(values, dtype=float), width=self._widths,
                           brushes=[_fill(c, f) for c, f in zip(self._colours, forecast)] or None,
                           pens=self._pens())
        while len(self._texts) < self._count:  # made as needed, never removed
            item = pg.TextItem(color="#202124")
            self.addItem(item)
            self._texts.append(item)
        for i, item in enumerate(self._texts):
            if i < self._count:
                item.setColor(SCHEME.chart("text"))
                item.setText(texts[i])
                item.setAnchor((0.5, 1.0) if values[i] >= 0 else (0.5, 0.0))
                item.setPos(positions[i], values[i])
            item.setVisible(i < self._count)
        self._unit = unit
        self._fit_title()
        top, bottom = max([0.0, *values]), min([0.0, *values])
        span = (top - bottom) or 1.0
        self.setYRange(bottom - (0.35 * span if bottom < 0 else 0), top + 0.35 * span, padding=0)

    def value(self, index: int) -> float:
        return self._values[index]

    def bar_position(self, index: int) -> float:
        return float(self._positions[index])


class PeriodChart(QWidget):
    """One subject at a time (chosen in a box): its levels by period, the changes
    stated for it below them, and a legend of what is drawn and what is left out.
    Items are made once and updated with ``setData``."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._series: list[PeriodSeries] = []
        self._point_slot: list[int] = []
        self.series_box = QComboBox(self)
        self.series_box.setObjectName("periodSeries")
        self.series_box.setToolTip("Subjects with levels for two or more periods")
        self.legend = QLabel(self)
        self.legend.setObjectName("periodLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.plot = pg.PlotWidget(self, background=SCHEME.chart("background"),
                                  axisItems={"left": CompactAxis("left")})
        self.plot.setObjectName("periodPlot")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.getAxis("left").setWidth(_AXIS_PX)
        style_plot(self.plot)
        on_scheme_change(self, lambda _dark: (style_plot(self.plot), self._redraw()))
        self.tick_labels = CategoryLabels(self.plot.getPlotItem())
        self._lines: list[_Line] = []
        self._values: list[pg.TextItem] = []  # each point's value, made as needed, never removed
        self.points = pg.ScatterPlotItem(size=11, hoverable=True, tip=self._tip, antialias=True)
        self._mark = pg.ScatterPlotItem(size=19, brush=None, pen=pg.mkPen(SCHEME.chart("mark"), width=2.5),
                                        antialias=True)
        self.plot.addItem(self.points)
        self.plot.addItem(self._mark)
        self.plot.getPlotItem().getViewBox().sigResized.connect(self._fit_values)
        self.changes = ChangeBars(self)
        self.changes.setObjectName("periodChanges")
        self.changes.setXLink(self.plot)
        self.changes.setMinimumHeight(100)  # its title, "change %", stands beside it
        self.plot.setMinimumHeight(120)  # the levels, their labels and the periods under them
        top = QHBoxLayout()
        top.addWidget(QLabel("Subject", self))
        top.addWidget(self.series_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 5)
        layout.addWidget(self.changes, 2)
        self.series_box.currentIndexChanged.connect(self._redraw)
        self.points.sigClicked.connect(self._on_points_click)
        self.changes.sigBarClicked.connect(self._on_change_click)
        self._refresher = RefreshWhenShown(self, self._on_figures_change)
        self._refresher.request_after_on(model.sigFiguresChanged, lambda: len(model.figures()))
        model.sigFigureRowsChanged.connect(self._refresher.request)
        model.sigSelectionChanged.connect(self._on_selection_change)

    def series(self) -> list[PeriodSeries]:
        return list(self._series)

    def current(self) -> PeriodSeries | None:
        index = self.series_box.currentIndex()
        return self._series[index] if 0 <= index < len(self._series) else None

    def line_count(self) -> int:
        """How many lines are drawn (a line joins two or more comparable periods)."""
        return sum(1 for line in self._lines if line.segments)

    def _on_figures_change(self) -> None:
        current = self.current()
        self._series = self._model.figure_store.period_series()
        keys = [s.name for s in self._series]
        self.series_box.blockSignals(True)
        self.series_box.clear()
        for series in self._series:
            self.series_box.addItem(series.name, series.name)
        wanted = current.name if current else None
        self.series_box.setCurrentIndex(keys.index(wanted) if wanted in keys else 0)
        self.series_box.blockSignals(False)
        self._redraw()

    def _redraw(self) -> None:
        series = self.current()
        self._mark.setPen(pg.mkPen(SCHEME.chart("mark"), width=2.5))
        self._draw_levels(series)
        self._draw_changes(series)
        self.legend.setText(legend_html(series) if series else "No subject has levels for two or more periods.")
        count = len(series.slots) if series else 0
        self.tick_labels.set_labels([series.slot_label(i) for i in range(count)] if series else [])
        set_axis_title(self.plot, "left", series.unit if series else "")
        self.plot.setXRange(-0.5, max(count, 1) - 0.5, padding=0)
        self._fit_values()
        self._on_selection_change(self._model.selected_id)

    def _fit_values(self) -> None:
        """The value range, with room above the top point for its label however short
        the plot is: the label (anchored above its point) needs ``_label_px`` pixels."""
        series = self.current()
        values = series.values if series else []
        if not values:
            return
        low, high = min(0.0, min(values)), max(0.0, max(values))
        bottom = low * 1.15
        pixels = self.plot.getPlotItem().getViewBox().height()
        share = min(0.6, self._label_px() / pixels) if pixels > 1 else 0.25  # of the height, for the label
        top = (high - share * bottom) / (1 - share) if high > 0 else 1.0
        self.plot.setYRange(bottom, max(top, high * 1.08), padding=0)

    def _label_px(self) -> float:
        """Pixels a value label takes above its point, with a little air."""
        if self._values:
            height = self._values[0].textItem.boundingRect().height()  # with the text's margins
        else:
            height = QFontMetricsF(self.font()).height() + 8
        return height * _LABEL_ANCHOR[1] + 4

    def _draw_levels(self, series: PeriodSeries | None) -> None:
        lines = series.lines if series else []
        while len(self._lines) < len(lines):
            self._lines.append(_Line(self.plot))
        symbols, brushes, pens = [], [], []
        style_of = {}
        for number, line in enumerate(lines):
            colour, symbol, _ = line_style(number)
            for index in line.points:
                style_of[index] = (colour, symbol)
        points = series.points if series else []
        for index, point in enumerate(points):
            colour, symbol = style_of[index]
            symbols.append(symbol)
            pens.append(pg.mkPen(colour, width=1.6))
            if point.derived:
                brushes.append(pg.mkBrush(SCHEME.chart("background")))
            elif point.forecast:
                faint = QColor(colour)
                faint.setAlpha(70)
                brushes.append(pg.mkBrush(faint))
            else:
                brushes.append(pg.mkBrush(colour))
        for number, item in enumerate(self._lines):
            if number < len(lines):
                item.set(line_style(number)[0], _segments(series, lines[number]))
            else:
                item.set("#000", {})
        self.points.setData(
            x=[float(p.slot) for p in points], y=[p.value for p in points], data=list(range(len(points))),
            symbol=symbols, brush=brushes, pen=pens,
        )
        while len(self._values) < len(points):
            item = pg.TextItem(anchor=_LABEL_ANCHOR)
            self.plot.addItem(item)
            self._values.append(item)
        for index, item in enumerate(self._values):
            if index < len(points):
                point = points[index]
                item.setText(("≈" if point.derived else "") + compact_number(point.value))
                colour = QColor(style_of[index][0])
                item.setColor(colour.lighter(140) if SCHEME.dark else colour.darker(120))
                item.setPos(float(point.slot), point.value)
            item.setVisible(index < len(points))

    def _draw_changes(self, series: PeriodSeries | None) -> None:
        changes = series.changes if series else []
        per_slot: dict[int, list[int]] = {}
        for index, change in enumerate(changes):
            per_slot.setdefault(change.slot, []).append(index)
        positions, widths = [0.0] * len(changes), [_CHANGE_WIDTH] * len(changes)
        for indexes in per_slot.values():  # several changes at one period stand side by side
            width = _CHANGE_WIDTH / len(indexes)
            for k, index in enumerate(indexes):
                positions[index] = changes[index].slot - _CHANGE_WIDTH / 2 + width * (k + 0.5)
                widths[index] = width
        tips = [f"{series.key}, {series.slot_label(c.slot).replace(chr(10), ', ')}: {c.text}"
                + (" (forecast)" if c.forecast else "") for c in changes] if series else []
        self.changes.set_changes(positions, widths, [c.value for c in changes], [c.text for c in changes],
                                 tips, series.change_unit if series else "", [c.forecast for c in changes])
        self.changes.setVisible(bool(changes))

    def point_position(self, index: int) -> tuple[float, float]:
        """Where point ``index`` of the current series is, in plot coordinates."""
        series = self.current()
        point = series.points[index]
        return float(point.slot), point.value

    def _tip(self, x: float, y: float, data) -> str:
        series = self.current()
        if series is None or data is None or not 0 <= int(data) < len(series.points):
            return ""
        point = series.points[int(data)]
        how = f"derived: {point.formula}" if point.derived else f"“{point.surface}”"
        return f"{series.key}, {series.point_label(int(data))}: {compact_number(point.value)} {series.unit} ({how})"

    def _on_points_click(self, _item, points, *_args) -> None:
        series = self.current()
        if series is not None and len(points):
            self._model.select(series.points[int(points[0].data())].id)

    def _on_change_click(self, index: int) -> None:
        series = self.current()
        if series is not None and 0 <= index < len(series.changes):
            self._model.select(series.changes[index].id)

    def _on_selection_change(self, highlight_id: str) -> None:
        series = self.current()
        if highlight_id and (series is None or not _holds(series, highlight_id)):
            index = next((i for i, s in enumerate(self._series) if _holds(s, highlight_id)), -1)
            if index >= 0:
                self.series_box.setCurrentIndex(index)  # redraws, then comes back here
                return
        matches = [i for i, p in enumerate(series.points) if p.id == highlight_id] if series else []
        if matches:
            index = next((i for i in matches if not series.points[i].derived), matches[0])  # the stated one
            self._mark.setData([float(series.points[index].slot)], [series.points[index].value])
        else:
            self._mark.setData([], [])
        changes = [c.id for c in series.changes] if series else []
        self.changes.mark(changes.index(highlight_id) if highlight_id in changes else -1)


def _holds(series: PeriodSeries, highlight_id: str) -> bool:
    return any(p.id == highlight_id for p in series.points) or any(c.id == highlight_id for c in series.changes)


def _segments(series: PeriodSeries, line) -> dict[str, list[tuple[float, float]]]:
    """The pairs of points a line joins, by how each segment is drawn."""
    segments: dict[str, list[tuple[float, float]]] = {}
    joined = [series.points[i] for i in line.joined]
    for a, b in zip(joined, joined[1:]):
        style = "dotted" if a.forecast or b.forecast else "dashed" if a.derived or b.derived else "solid"
        segments.setdefault(style, []).extend([(float(a.slot), a.value), (float(b.slot), b.value)])
    return segments


def legend_html(series: PeriodSeries) -> str:
    """What the chart shows of ``series``: each line and lone period with its glyph,
    how derived and forecast levels are drawn, the changes, and what is left out."""
    parts = []
    lines = series.lines
    main = lines[0].grain.title.lower() if lines else ""
    for number, line in enumerate(lines):
        colour, _, glyph = line_style(number)
        mark = f"<span style='color:{colour}'>{glyph}{'—' + glyph if line.connected else ''}</span>"
        if line.connected:
            parts.append(f"{mark} {escape(line.grain.title)}")
        else:
            points = [series.points[i] for i in line.points]
            names = ", ".join(escape(series.slots[p.slot].label) for p in points)
            length = f", {line.grain.note}" if line.grain.note else ""
            why = (f"not comparable with {escape(main)}" if number and main else "no comparable period")
            parts.append(f"{mark} {names}{escape(length)}: {why}, not joined")
    points = series.points
    if any(p.derived for p in points):
        parts.append("○ hollow: derived from a stated change")
    if any(p.forecast for p in points):
        parts.append("faint, dotted: forecast")
    if series.changes:
        ups = sum(c.value > 0 for c in series.changes)
        parts.append(f"<span style='color:{UP_COLOUR}'>▮</span><span style='color:{DOWN_COLOUR}'>▮</span> "
                     f"{len(series.changes)} stated change{'s' * (len(series.changes) != 1)} "
                     f"({ups} up), below")
    if series.left_out:
        left = ", ".join(f"{count} {escape(why)}" for why, count in series.left_out.items())
        parts.append(f"left out: {left}")
    return "<small>" + " &nbsp;·&nbsp; ".join(parts) + "</small>"
