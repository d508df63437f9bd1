"""BarChart: a pyqtgraph bar plot whose bars can be clicked and one marked."""

from __future__ import annotations

from functools import cache
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen

from desktop.ui.axis_labels import CategoryLabels
from desktop.ui.colour_scheme import SCHEME, on_scheme_change
from desktop.ui.plain_text import tooltip_text

PLAIN_PEN = pg.mkPen("#5f6368", width=0.8)


@cache
def _scheme_pens(dark: bool) -> tuple[QPen, QPen]:
    """The outline of a marked bar and of a plain one, in a light or dark scheme."""
    colours = {False: ("#1f1f1f", "#5f6368"), True: ("#f1f3f4", "#9aa0a6")}[dark]
    return pg.mkPen(colours[0], width=2.5), pg.mkPen(colours[1], width=0.8)


def set_axis_title(plot: pg.PlotWidget, name: str, text: str) -> None:
    """The title of ``plot``'s axis ``name``, centred along it now: pyqtgraph centres a
    title when the axis is resized, so a new, longer one set on an axis that keeps its
    size would stand off-centre and be cut at an end."""
    plot.setLabel(name, escape(text))  # pyqtgraph shows axis titles as HTML
    axis = plot.getAxis(name)
    if axis.label.isVisible():
        axis.resizeEvent()


def style_plot(plot: pg.PlotWidget) -> None:
    """``plot``'s background, axes and grid in the colours of the current scheme."""
    plot.setBackground(SCHEME.chart("background"))
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(SCHEME.chart("text"))
        axis.setPen(SCHEME.chart("axis"))
        label = axis.label
        if label is not None:
            label.setDefaultTextColor(QColor(SCHEME.chart("text")))
_TICK_CHARS = 16


def compact_number(value: float) -> str:
    """A tick label a reader takes in at a glance: 460M, 1.2B, 35k, 0.5."""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:.3g}"


@cache
def _brush(colour: str) -> QBrush:
    """One brush per colour, shared by every bar of that colour."""
    return QBrush(QColor(colour))


class CompactAxis(pg.AxisItem):
    """A value axis labelled 100M, 200M … instead of 1e+08 (and no "x1e+09" scale)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        return [compact_number(v * scale) for v in values]


def describe_bars(names, heights, unit: str = "", limit: int = 30) -> str:
    """What a screen reader says of a bar chart: each bar's name and height."""
    parts = [f"{str(name).replace(chr(10), ', ')}: {compact_number(float(height))}"
             for name, height in list(zip(names, heights))[:limit]]
    more = f"; and {len(heights) - limit} more" if len(heights) > limit else ""
    head = f"{len(heights)} bar{'s' * (len(heights) != 1)}" + (f" ({unit})" if unit else "")
    return f"{head}: " + "; ".join(parts) + more if parts else "No bars"


def short(text: str, limit: int = _TICK_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ClickableBars(pg.PlotWidget):
    """Bars drawn by one BarGraphItem, built once and updated in place; a click on a
    bar's column (``across="x"``) or row (``across="y"``) emits ``sigBarClicked(index)``
    and ``mark`` outlines one bar. Subclasses draw the bars and keep ``_count`` (and
    ``_positions``/``_widths`` when bars are not one per whole number); ``_hollow``
    bars get a dashed outline, ``_tips`` a tool tip each."""

    sigBarClicked = Signal(int)

    def __init__(self, parent, bars: pg.BarGraphItem, across: str, **options) -> None:
        super().__init__(parent, background=SCHEME.chart("background"), **options)
        self._count = 0
        self._marked = -1
        self._across = across
        self._bars = bars
        self._positions: np.ndarray | None = None  # None: bar i at i
        self._widths: np.ndarray | None = None  # None: 0.7 each
        self._hollow: list[bool] = []
        self._colours: list[str] = []
        self._tips: list[str] = []
        self.addItem(self._bars)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.showGrid(x=across == "y", y=across == "x", alpha=0.25)
        style_plot(self)
        on_scheme_change(self, self._on_scheme_change)
        self.scene().sigMouseClicked.connect(self._on_scene_click)
        self.scene().sigMouseMoved.connect(self._on_scene_move)

    def _on_scheme_change(self, _dark: bool) -> None:
        style_plot(self)
        self._bars.setOpts(pen=_scheme_pens(SCHEME.dark)[1], pens=self._pens())

    def mark(self, index: int) -> None:
        """Outline bar ``index`` (-1: none)."""
        if index != self._marked:
            self._marked = index
            self._bars.setOpts(pens=self._pens())

    @property
    def marked(self) -> int:
        return self._marked

    def bar_count(self) -> int:
        return self._count

    def bar_at(self, where: float) -> int:
        """The bar whose column (or row) holds ``where``, or -1."""
        if self._positions is None:
            index = int(round(where))
            return index if 0 <= index < self._count and abs(where - index) <= 0.4 else -1
        halves = (self._widths if self._widths is not None else np.full(self._count, 0.7)) / 2
        inside = np.flatnonzero(np.abs(self._positions - where) <= halves)
        return int(inside[0]) if len(inside) else -1

    def _pens(self) -> list | None:
        # None (the item's one pen) when no bar is marked or hollow: thousands of bars
        # paint faster with one pen, and pyqtgraph 0.14's BarGraphItem fails on an empty list.
        marked = 0 <= self._marked < self._count
        if not marked and not any(self._hollow):
            return None
        hollow = self._hollow if len(self._hollow) == self._count else [False] * self._count
        mark, plain = _scheme_pens(SCHEME.dark)
        return [mark if i == self._marked else _hollow_pen(self._colours[i]) if hollow[i] else plain
                for i in range(self._count)]

    def _on_scene_click(self, event) -> None:
        index = self._bar_under(event.scenePos())
        if index >= 0:
            self.sigBarClicked.emit(index)

    def _on_scene_move(self, position) -> None:
        index = self._bar_under(position) if self._tips else -1
        tip = self._tips[index] if 0 <= index < len(self._tips) else ""
        if tip != self.toolTip():
            self.setToolTip(tooltip_text(tip))

    def _bar_under(self, scene_position) -> int:
        view_box = self.getPlotItem().getViewBox()
        if not view_box.sceneBoundingRect().contains(scene_position):
            return -1
        point = view_box.mapSceneToView(scene_position)
        return self.bar_at(point.x() if self._across == "x" else point.y())


@cache
def _hollow_pen(colour: str) -> QPen:
    pen = pg.mkPen(QColor(colour).darker(130), width=1.5, style=Qt.PenStyle.DashLine)
    return pen


@cache
def _pale_brush(colour: str) -> QBrush:
    """The fill of a hollow bar: its colour, faint."""
    pale = QColor(colour)
    pale.setAlpha(60)
    return QBrush(pale)


class BarChart(ClickableBars):
    """Labelled vertical bars, built once and updated with ``set_bars``.

    Clicking in a bar's column emits ``sigBarClicked(index)``.
    """

    def __init__(self, parent=None) -> None:
        bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush="w", pen=PLAIN_PEN)
        super().__init__(parent, bars, "x", axisItems={"left": CompactAxis("left")})
        self._heights = np.zeros(0)
        self.tick_labels = CategoryLabels(self.getPlotItem())

    def set_bars(self, heights, labels: list[str], colours: list[str], y_label: str = "",
                 hollow: list[bool] | None = None, tips: list[str] | None = None) -> None:
        """Show one bar per height, with its tick label (lines split by "\\n") and fill
        colour; ``hollow`` bars (forecasts) are faint with a dashed outline; ``tips``
        are shown on hovering each bar."""
        self._heights = np.asarray(heights, dtype=float)
        count = self._count = len(self._heights)
        self._marked = min(self._marked, count - 1)
        self._hollow = list(hollow or [])
        self._colours = list(colours)
        self._tips = list(tips or [])
        brushes = [_pale_brush(c) if h else _brush(c)
                   for c, h in zip(colours, self._hollow or [False] * count)]
        one_brush = len(set(colours)) == 1 and not any(self._hollow)
        self._bars.setOpts(
            x=np.arange(count), height=self._heights, width=0.7, pens=self._pens(),
            brush=brushes[0] if one_brush else "w", brushes=None if one_brush else brushes or None,
        )
        self.tick_labels.set_labels(labels)
        self.setAccessibleDescription(describe_bars(labels, self._heights, y_label))
        set_axis_title(self, "left", y_label)
        top = max(0.0, float(np.nanmax(self._heights))) if count else 1.0
        bottom = min(0.0, float(np.nanmin(self._heights))) if count else 0.0
        self.setXRange(-0.6, max(count, 1) - 0.4, padding=0)
        if top <= 0 and bottom >= 0:
            top = 1.0
        self.setYRange(bottom * 1.08, top * 1.08, padding=0)
