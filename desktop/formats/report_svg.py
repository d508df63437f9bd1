"""Charts of the report as inline SVG, drawn from plain data: bars of figures (one
per figure, as the Figures chart shows them) and lines of a subject over time (as
the Over time chart shows them). No scripts, fonts or links: the SVG stands alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from html import escape

from desktop.formats.plain_numbers import shown_number

WIDTH = 680
_LABEL_WIDTH = 230
_BAR_HEIGHT = 22
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_DEFAULT_COLOUR = "#9fa8da"
_LINE_COLOURS = ("#3949ab", "#00897b", "#8e24aa", "#f4511e")
_LABEL_CHARS = 38
#: The look of the charts' texts and lines (the report's style sheet holds it too).
SVG_STYLE = """svg .title{font:600 14px system-ui,sans-serif}svg .label,svg .value{font:11px system-ui,sans-serif;fill:#24292f}
svg .note{font:11px system-ui,sans-serif;fill:#6b6f76}svg .axis{stroke:#57606a}svg .grid{stroke:#e5e8eb}
"""


@dataclass
class BarChart:
    """Bars in text order: a label, a value and a colour each; ``hollow`` bars are
    forecasts; ``total`` counts the bars before a long chart was cut."""

    title: str
    axis_title: str
    labels: list[str]
    values: list[float]
    colours: list[str]
    hollow: list[bool] = field(default_factory=list)
    total: int = 0


@dataclass
class LineChart:
    """Points of one subject over time: the slot (period) and value of each, the
    points each line joins, and which points are derived or forecast (hollow)."""

    title: str
    axis_title: str
    slots: list[str]
    xs: list[int]
    values: list[float]
    lines: list[list[int]]
    hollow: list[bool] = field(default_factory=list)


def chart_svg(chart: BarChart | LineChart) -> str:
    return bar_svg(chart) if isinstance(chart, BarChart) else line_svg(chart)


def standalone_svg(chart: BarChart | LineChart) -> bytes:
    """``chart`` as an SVG file of its own: its style inside, on a white ground."""
    svg = chart_svg(chart)
    opened = svg.index(">") + 1
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg[:opened]
            + f'<style>{SVG_STYLE}</style><rect width="100%" height="100%" fill="#ffffff"/>'
            + svg[opened:] + "\n").encode("utf-8")


def bar_svg(chart: BarChart) -> str:
    """Horizontal bars, labels on the left, values at the bars' ends; a zero line
    in the middle when some values are below zero."""
    values = [v if math.isfinite(v) else 0.0 for v in chart.values]
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    plot = WIDTH - _LABEL_WIDTH - 90
    zero = _LABEL_WIDTH + plot * (-low / span)
    height = 36 + _BAR_HEIGHT * len(values) + 24
    parts = [_open(height, chart.title), _text(8, 18, chart.title, "title")]
    for i, (label, value) in enumerate(zip(chart.labels, values)):
        y = 30 + i * _BAR_HEIGHT
        x1, x2 = sorted((zero, _LABEL_WIDTH + plot * ((value - low) / span)))
        colour = _colour(chart.colours[i] if i < len(chart.colours) else "")
        hollow = i < len(chart.hollow) and chart.hollow[i]
        fill = f'fill="none" stroke="{colour}" stroke-width="1.5"' if hollow else f'fill="{colour}"'
        parts.append(f'<rect x="{x1:.1f}" y="{y + 3}" width="{max(x2 - x1, 1):.1f}" '
                     f'height="{_BAR_HEIGHT - 6}" {fill}><title>{escape(label)}: {escape(shown_number(value))}'
                     f'</title></rect>')
        parts.append(_text(_LABEL_WIDTH - 6, y + 15, _short(label), "label", "end"))
        parts.append(_text(x2 + 4 if value >= 0 else x1 - 4, y + 15, shown_number(value), "value",
                           "start" if value >= 0 else "end"))
    bottom = 30 + _BAR_HEIGHT * len(values)
    parts.append(f'<line x1="{zero:.1f}" y1="26" x2="{zero:.1f}" y2="{bottom}" class="axis"/>')
    note = chart.axis_title
    if any(chart.hollow[:len(values)]):
        note += " · outlined: forecast"
    if chart.total > len(values):
        note += f" · the first {len(values)} of {chart.total}"
    parts.append(_text(_LABEL_WIDTH, bottom + 16, note, "note"))
    return "".join(parts) + "</svg>"


def line_svg(chart: LineChart) -> str:
    """Periods along the bottom, values up the side; each line joins comparable
    periods; hollow points are derived or forecast."""
    values = [v for v in chart.values if math.isfinite(v)] or [0.0]
    low, high = min(values), max(values)
    if low == high:
        low, high = low - (abs(low) or 1) / 2, high + (abs(high) or 1) / 2
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    left, right, top, plot_height = 90, WIDTH - 20, 34, 180
    step = (right - left) / max(len(chart.slots), 1)

    def x(slot: int) -> float:
        return left + step * (slot + 0.5)

    def y(value: float) -> float:
        return top + plot_height * (1 - (value - low) / (high - low))

    parts = [_open(top + plot_height + 70, chart.title), _text(8, 18, chart.title, "title")]
    for tick in _ticks(low, high):
        parts.append(f'<line x1="{left}" y1="{y(tick):.1f}" x2="{right}" y2="{y(tick):.1f}" class="grid"/>')
        parts.append(_text(left - 6, y(tick) + 4, compact_number(tick), "value", "end"))
    for slot, label in enumerate(chart.slots):
        parts.append(_text(x(slot), top + plot_height + 16, _short(label, 18), "label", "middle"))
    for number, joined in enumerate(chart.lines):
        points = " ".join(f"{x(chart.xs[i]):.1f},{y(chart.values[i]):.1f}" for i in joined)
        colour = _LINE_COLOURS[number % len(_LINE_COLOURS)]
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
    line_of = {i: number for number, joined in enumerate(chart.lines) for i in joined}
    for i, (slot, value) in enumerate(zip(chart.xs, chart.values)):
        hollow = i < len(chart.hollow) and chart.hollow[i]
        colour = _LINE_COLOURS[line_of.get(i, 0) % len(_LINE_COLOURS)]  # the colour of its line
        parts.append(f'<circle cx="{x(slot):.1f}" cy="{y(value):.1f}" r="4" stroke="{colour}" '
                     f'stroke-width="1.5" fill="{"#ffffff" if hollow else colour}">'
                     f'<title>{escape(chart.slots[slot])}: {escape(shown_number(value))}</title></circle>')
    note = chart.axis_title + (" · hollow: derived or forecast" if any(chart.hollow) else "")
    parts.append(_text(left, top + plot_height + 40, note, "note"))
    return "".join(parts) + "</svg>"


def compact_number(value: float) -> str:
    """An axis value in few characters: 1250000000 -> 1.25bn, 75000000 -> 75m."""
    for least, size, suffix in ((1e12, 1e12, "tn"), (1e9, 1e9, "bn"), (1e6, 1e6, "m"), (1e4, 1e3, "k")):
        if abs(value) >= least:
            return f"{value / size:.3g}{suffix}"
    return shown_number(value)


def _open(height: float, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
            f'height="{height:.0f}" role="img" aria-label="{escape(title)}" class="chart">')


def _text(x: float, y: float, text: str, kind: str, anchor: str = "start") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" class="{kind}" text-anchor="{anchor}">{escape(text)}</text>'


def _short(text: str, limit: int = _LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _colour(colour: str) -> str:
    return colour[:7] if _COLOUR.match(colour or "") else _DEFAULT_COLOUR


def _ticks(low: float, high: float) -> list[float]:
    """Four to six round values between ``low`` and ``high``."""
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step) + 1)]
