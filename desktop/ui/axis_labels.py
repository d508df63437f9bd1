"""CategoryLabels: names under the points of a plot's x axis, as many as fit."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

#: Space kept between two labels, in pixels.
LABEL_GAP_PX = 12
#: A label is never wider than this; a longer one wraps, then ends in an ellipsis.
MAX_LABEL_PX = 230
#: Each line of a label wraps onto at most this many lines.
WRAP_LINES = 3
#: Labels are cut to the room each point has only while that leaves this much:
#: below it, some labels are left out instead (a stump of each says nothing).
MIN_LABEL_PX = 56


class CategoryLabels:
    """Labels the bottom axis of ``plot`` (a PlotItem) at x = 0, 1, 2 …: left to right,
    each label that clears the one before it is shown, so all of a few categories
    are named and some of a long article's hundreds, never two over each other.
    A label may have several lines ("\\n"); a line too long for the room a point has
    (at most MAX_LABEL_PX) wraps at spaces onto WRAP_LINES lines, the last ending in
    an ellipsis when even they are too short. Refits when the plot is resized or its
    x range changes."""

    def __init__(self, plot) -> None:
        self._axis = plot.getAxis("bottom")
        self._view = plot.getViewBox()
        self._labels: list[str] = []
        self._shown: list[int] = []
        self._texts: list[str] = []
        self._height: int | None = None
        self._view.sigResized.connect(self.fit)
        self._view.sigXRangeChanged.connect(self.fit)

    def set_labels(self, labels: list[str]) -> None:
        self._labels = list(labels)
        self.fit()

    def _fit_height(self, metrics: QFontMetrics) -> None:
        """Room under the axis for labels of two or more lines (pyqtgraph measures
        a tick label's height short)."""
        lines = max((text.count("\n") + 1 for text in self._texts), default=1)
        height = lines * metrics.lineSpacing() + 12 if lines > 1 else None
        if height != self._height:
            self._height = height
            self._axis.setHeight(height)

    def shown(self) -> list[int]:
        """The positions whose labels the axis shows."""
        return list(self._shown)

    def texts(self) -> list[str]:
        """The labels as the axis shows them (cut to fit), in the order of ``shown``."""
        return list(self._texts)

    def fit(self, *_args) -> None:
        labels = self._labels
        metrics = QFontMetrics(self._axis.style["tickFont"] or self._axis.font())
        (low, high), width = self._view.viewRange()[0], self._view.width()
        unit_px = width / (high - low) if high > low and width > 0 else 0.0
        room = unit_px - LABEL_GAP_PX
        limit = min(MAX_LABEL_PX, room) if room >= MIN_LABEL_PX else MAX_LABEL_PX

        def cut(label: str) -> tuple[str, float]:
            lines = [part for line in label.split("\n") for part in wrapped(metrics, line, int(limit))]
            return "\n".join(lines), max(metrics.horizontalAdvance(line) for line in lines)

        ticks: list[tuple[int, str]] = []
        clear_from, i = 0.0, 0  # the axis draws no label that sticks out of it
        while i < len(labels):
            text, text_width = cut(labels[i])
            if unit_px <= 0:  # not laid out yet: label everything, refit once it is
                ticks.append((i, text))
                i += 1
                continue
            centre = (i - low) * unit_px
            half = text_width / 2
            if centre - half >= clear_from and centre + half <= width:
                ticks.append((i, text))
                clear_from = centre + half + LABEL_GAP_PX
            # the next position whose label could start at clear_from
            i += max(1, math.ceil((clear_from - centre) / unit_px))
        self._axis.setTicks([ticks])
        self._shown = [position for position, _ in ticks]
        self._texts = [text for _, text in ticks]
        self._fit_height(metrics)


def wrapped(metrics: QFontMetrics, line: str, width: int, lines: int = WRAP_LINES) -> list[str]:
    """``line`` broken at spaces into at most ``lines`` lines of ``width`` pixels,
    the last cut with an ellipsis when the words do not fit."""
    if metrics.horizontalAdvance(line) <= width:
        return [line]
    out: list[str] = []
    words = line.split(" ")
    while words and len(out) < lines - 1:
        taken = 1
        while taken < len(words) and metrics.horizontalAdvance(" ".join(words[:taken + 1])) <= width:
            taken += 1
        if metrics.horizontalAdvance(words[0]) > width:
            break  # one word longer than the room: cut it below
        out.append(" ".join(words[:taken]))
        words = words[taken:]
    if words:
        out.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return out
