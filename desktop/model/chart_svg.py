"""The window's charts as drawings (desktop.formats.report_svg) for an SVG file or a
preview: what each chart shows, in the report's own drawing (no Qt here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.session import Session
    from desktop.formats.report_svg import BarChart, LineChart


def label_chart(counts: dict[str, int], session: Session) -> BarChart | None:
    """Highlights per label, each bar in its label's colour; None when there are none."""
    from desktop.formats.report_svg import BarChart

    if not counts:
        return None
    names = list(counts)
    return BarChart("Highlights per label", "mentions", names, [float(counts[n]) for n in names],
                    [session.label(n).colour for n in names])


def entity_chart(rows, session: Session) -> BarChart | None:
    """The most mentioned entities (rows with ``canonical``, ``label`` and ``count``);
    None when there are none."""
    from desktop.formats.report_svg import BarChart

    if not rows:
        return None
    return BarChart("Most mentioned entities", "mentions", [f"{r.canonical} ({r.label})" for r in rows],
                    [float(r.count) for r in rows], [session.label(r.label).colour for r in rows])


def svg_file(chart: BarChart | LineChart) -> bytes:
    """``chart`` as a standalone SVG file, its style inside."""
    from desktop.formats.report_svg import standalone_svg

    return standalone_svg(chart)


def styled_svg(svg: str) -> str:
    """A chart's ``<svg>…</svg>`` from the HTML report with the report's chart style put
    inside it, for a renderer that reads no page's style sheet."""
    from desktop.formats.report_svg import SVG_STYLE

    opened = svg.index(">") + 1
    return svg[:opened] + f"<style>{SVG_STYLE}</style>" + svg[opened:]
