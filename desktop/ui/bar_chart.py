"""BarChart: a pyqtgraph bar plot whose bars can be clicked and one marked."""

from __future__ import annotations

from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor

from desktop.ui.axis_labels import CategoryLabels

_MARK_PEN = pg.mkPen("#1f1f1f", width=2.5)
PLAIN_PEN = pg.mkPen("#5f6368", width=0.8)
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
    """A value axis labelled 100M, 200M … instead of 1e+08."""

    def tickStrings(self, values, scale, spacing):
        return [compact_number(v * scale) for v in values]


def short(text: str, limit: int = _TICK_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ClickableBars(pg.PlotWidget):
    """Bars drawn by one BarGraphItem, built once and updated in place; a click on a
    bar's column (``across="x"``) or row (``across="y"``) emits ``sigBarClicked(index)``
    and ``mark`` outlines one bar. Subclasses draw the bars and keep ``_count``."""

    sigBarClicked = Signal(int)

    def __init__(self, parent, bars: pg.BarGraphItem, across: str, **options) -> None:
        super().__init__(parent, background="w", **options)
        self._count = 0
        self._marked = -1
        self._across = across
        self._bars = bars
        self.addItem(self._bars)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.showGrid(x=across == "y", y=across == "x", alpha=0.25)
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setTextPen("#202124")
            axis.setPen("#9aa0a6")
        self.scene().sigMouseClicked.connect(self._on_scene_click)

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

    def _pens(self) -> list | None:
        # None (the item's one pen) when no bar is marked: thousands of bars paint faster
        # with one pen, and pyqtgraph 0.14's BarGraphItem fails on an empty list.
        if not 0 <= self._marked < self._count:
            return None
        return [_MARK_PEN if i == self._marked else PLAIN_PEN for i in range(self._count)]

    def _on_scene_click(self, event) -> None:
        view_box = self.getPlotItem().getViewBox()
        if not view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view_box.mapSceneToView(event.scenePos())
        where = point.x() if self._across == "x" else point.y()
        index = int(round(where))
        if 0 <= index < self._count and abs(where - index) <= 0.4:
            self.sigBarClicked.emit(index)


class BarChart(ClickableBars):
    """Labelled vertical bars, built once and updated with ``set_bars``.

    Clicking in a bar's column emits ``sigBarClicked(index)``.
    """

    def __init__(self, parent=None) -> None:
        bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush="w", pen=PLAIN_PEN)
        super().__init__(parent, bars, "x", axisItems={"left": CompactAxis("left")})
        self._heights = np.zeros(0)
        self.tick_labels = CategoryLabels(self.getPlotItem())

    def set_bars(self, heights, labels: list[str], colours: list[str], y_label: str = "") -> None:
        """Show one bar per height, with its tick label and fill colour."""
        self._heights = np.asarray(heights, dtype=float)
        count = self._count = len(self._heights)
        self._marked = min(self._marked, count - 1)
        brushes = [_brush(c) for c in colours]
        one_brush = len(set(colours)) == 1
        self._bars.setOpts(
            x=np.arange(count), height=self._heights, width=0.7, pens=self._pens(),
            brush=brushes[0] if one_brush else "w", brushes=None if one_brush else brushes or None,
        )
        self.tick_labels.set_labels([short(label) for label in labels])
        self.setLabel("left", y_label)
        top = float(np.nanmax(self._heights)) if count else 1.0
        bottom = min(0.0, float(np.nanmin(self._heights))) if count else 0.0
        self.setXRange(-0.6, max(count, 1) - 0.4, padding=0)
        self.setYRange(bottom, top * 1.08 if top > 0 else 1.0, padding=0)
