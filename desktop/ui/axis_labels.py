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
#: When the labels do not all fit side by side, every second (third) one goes on a row
#: below: each then has the room of two (three) points.
MAX_ROWS = 3
#: Room kept between the end labels and the ends of the axis, in pixels.
EDGE_PX = 4
#: The x range is widened by at most this many points a side, for the labels at its ends.
MAX_PAD = 1.5


class CategoryLabels:
    """Labels the bottom axis of ``plot`` (a PlotItem) at x = 0, 1, 2 …: every one,
    side by side or, when they do not fit so, staggered on two or three rows (each
    label then has the room of two or three points); when even that is too narrow,
    left to right each label that clears the one before it is shown, so all of a few
    categories are named and some of a long article's hundreds, never two over each other.
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
        self._base = (0.0, 1.0)  # the x range the plot's owner set
        self._padded: tuple[float, float] | None = None  # the range widened for the end labels
        self._padding = False
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
        if self._padding:
            return
        labels = self._labels
        metrics = QFontMetrics(self._axis.style["tickFont"] or self._axis.font())
        (low, high), width = self._view.viewRange()[0], self._view.width()
        if (low, high) != self._padded:  # the plot's owner set this range
            self._base = (low, high)
        base_low, base_high = self._base
        if base_high <= base_low or width <= 0 or not labels:
            self._fit_some(labels, metrics, low, width / (high - low) if high > low else 0.0, width)
            return
        # every label, widening the range (at most MAX_PAD points a side) for the ones
        # at the ends, which stand over the first and last points
        low, high = base_low, base_high
        for _ in range(4):
            unit_px = width / (high - low)
            choice = _every_label(labels, metrics, low, unit_px, width)
            if choice is None:
                break
            ticks, left_px, right_px = choice
            if left_px <= 0.5 and right_px <= 0.5:
                self._set_range(low, high)
                self._show(ticks, metrics)
                return
            low -= (max(left_px, 0) + 2) / unit_px
            high += (max(right_px, 0) + 2) / unit_px
            if base_low - low > MAX_PAD or high - base_high > MAX_PAD:
                break
        self._set_range(base_low, base_high)
        self._fit_some(labels, metrics, base_low, width / (base_high - base_low), width)

    def _set_range(self, low: float, high: float) -> None:
        if (low, high) == tuple(self._view.viewRange()[0]):
            return
        self._padded = (low, high) if (low, high) != self._base else None
        self._padding = True
        try:
            self._view.setXRange(low, high, padding=0)
        finally:
            self._padding = False

    def _show(self, ticks: list[tuple[int, str]], metrics: QFontMetrics) -> None:
        self._axis.setTicks([ticks])
        self._shown = [position for position, _ in ticks]
        self._texts = [text for _, text in ticks]
        self._fit_height(metrics)

    def _fit_some(self, labels: list[str], metrics: QFontMetrics, low: float, unit_px: float,
                  width: float) -> None:
        """Left to right, each label that clears the one before it (on one row)."""
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
        self._show(ticks, metrics)


def _every_label(labels: list[str], metrics: QFontMetrics, low: float, unit_px: float, width: float,
                 ) -> tuple[list[tuple[int, str]], float, float] | None:
    """Every label on as few rows as hold them whole, else cut to fit (None when even
    MAX_ROWS rows do not hold them), with how far the first and last labels stick out
    of the axis on the left and the right (pixels)."""
    for whole in (True, False):  # rather a row more than a label cut short
        for rows in range(1, MAX_ROWS + 1):
            if rows * unit_px - LABEL_GAP_PX < MIN_LABEL_PX:
                continue
            placed = _staggered(labels, metrics, low, unit_px, rows, whole)
            if placed is not None:
                ticks, left, right = placed
                # (pyqtgraph measures a label's box a few pixels wider than its advance)
                return ticks, EDGE_PX - left, right - width + EDGE_PX
    return None


def _staggered(labels: list[str], metrics: QFontMetrics, low: float, unit_px: float,
               rows: int, whole: bool) -> tuple[list[tuple[int, str]], float, float] | None:
    """Every label, label i on row i % ``rows`` (a row below starts with as many empty
    lines as the rows above take), each wrapped to the room of ``rows`` points, with
    the left edge of the leftmost and the right edge of the rightmost (pixels from the
    axis's left); None when one would overlap its row's previous label, or (with
    ``whole``) would have to be cut short."""
    limit = int(min(MAX_LABEL_PX, rows * unit_px - LABEL_GAP_PX))
    cut = []
    clear_from = [-math.inf] * rows
    left, right = math.inf, -math.inf
    for i, label in enumerate(labels):
        lines = [part for line in label.split("\n") for part in wrapped(metrics, line, limit)]
        if whole and sum(len(line) for line in lines) < len(label.replace("\n", "")) - label.count(" "):
            return None  # cut short (wrapping drops only the spaces it breaks at)
        half = max(metrics.horizontalAdvance(line) for line in lines) / 2
        centre = (i - low) * unit_px
        row = i % rows
        if centre - half < clear_from[row]:
            return None
        clear_from[row] = centre + half + LABEL_GAP_PX
        left, right = min(left, centre - half), max(right, centre + half)
        cut.append(lines)
    height = [max((len(lines) for lines in cut[row::rows]), default=0) for row in range(rows)]
    ticks = [(i, "\n" * sum(height[:i % rows]) + "\n".join(lines)) for i, lines in enumerate(cut)]
    return ticks, left, right


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
