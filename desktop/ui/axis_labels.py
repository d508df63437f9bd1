"""CategoryLabels: names under the points of a plot's x axis, as many as fit."""

from __future__ import annotations

import math

from PySide6.QtGui import QFontMetrics

#: Space kept between two labels, in pixels.
LABEL_GAP_PX = 12


class CategoryLabels:
    """Labels the bottom axis of ``plot`` (a PlotItem) at x = 0, 1, 2 …: left to right,
    each label that clears the one before it is shown, so all of a few categories
    are named and some of a long article's hundreds, never two over each other.
    Refits when the plot is resized or its x range changes."""

    def __init__(self, plot) -> None:
        self._axis = plot.getAxis("bottom")
        self._view = plot.getViewBox()
        self._labels: list[str] = []
        self._shown: list[int] = []
        self._view.sigResized.connect(self.fit)
        self._view.sigXRangeChanged.connect(self.fit)

    def set_labels(self, labels: list[str]) -> None:
        self._labels = list(labels)
        self.fit()

    def shown(self) -> list[int]:
        """The positions whose labels the axis shows."""
        return list(self._shown)

    def fit(self, *_args) -> None:
        labels = self._labels
        metrics = QFontMetrics(self._axis.style["tickFont"] or self._axis.font())
        (low, high), width = self._view.viewRange()[0], self._view.width()
        unit_px = width / (high - low) if high > low and width > 0 else 0.0
        ticks: list[tuple[int, str]] = []
        clear_from, i = 0.0, 0  # the axis draws no label that sticks out of it
        while i < len(labels):
            if unit_px <= 0:  # not laid out yet: label everything, refit once it is
                ticks.append((i, labels[i]))
                i += 1
                continue
            centre = (i - low) * unit_px
            half = metrics.horizontalAdvance(labels[i]) / 2
            if centre - half >= clear_from and centre + half <= width:
                ticks.append((i, labels[i]))
                clear_from = centre + half + LABEL_GAP_PX
            # the next position whose label could start at clear_from
            i += max(1, math.ceil((clear_from - centre) / unit_px))
        self._axis.setTicks([ticks])
        self._shown = [position for position, _ in ticks]
