"""One self-contained HTML report of a session: the article with its highlights
(coloured by label, notes as tooltips and numbered footnotes), the figures table,
and the charts as inline SVG. Nothing is loaded from elsewhere (no scripts, fonts,
images or links out), every text is escaped, and a print style sheet lays it out
for paper.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from desktop.formats.figures_sheet import article_facts, figure_rows
from desktop.formats.plain_numbers import plain_number
from desktop.formats.report_svg import SVG_STYLE, BarChart, LineChart, chart_svg

if TYPE_CHECKING:
    import pandas as pd

    from desktop.core.highlight import Highlight
    from desktop.core.session import Session

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
#: Figures table columns: (header, column of figure_rows).
_TABLE = (("Figure", "surface"), ("Value", "shown"), ("Unit", "unit_code"), ("Role", "role"),
          ("Subject", "subject"), ("Period", "period"), ("Change", "change"), ("Kind", "kind"),
          ("Qualifier", "qualifier"))
#: Columns kept even when empty in every row, and columns kept on one line.
_ALWAYS = ("surface", "shown", "unit_code")
_SHORT = ("surface", "shown", "unit_code", "period", "change")
_STYLE = SVG_STYLE + """
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;max-width:60rem;
margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #d0d7de}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;font-size:.85rem;color:#57606a}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.legend span{display:inline-block;margin:0 .5rem .3rem 0;padding:0 .4rem;border-radius:3px;font-size:.8rem}
.article{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;
font-size:1.05rem;line-height:1.7}
mark{color:inherit;border-radius:2px;padding:0 1px}
mark.outer{box-shadow:inset 0 -3px 0 var(--outer)}
sup{line-height:0}sup a{text-decoration:none;font-size:.7rem}
table{border-collapse:collapse;width:100%;font-size:.82rem}
th,td{border-bottom:1px solid #d8dee4;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.short{white-space:nowrap}
tr.derived td{color:#6b6f76;font-style:italic}td.edited{background:#fff4d6}
.charts svg{max-width:100%;height:auto;display:block;margin:1rem 0}
ol.notes{font-size:.85rem}
@media print{
body{max-width:none;margin:0;font-size:10.5pt;color:#000}
h2{break-after:avoid;page-break-after:avoid}
mark,.legend span,td.edited{-webkit-print-color-adjust:exact;print-color-adjust:exact}
th{position:static}tr,svg,li{break-inside:avoid;page-break-inside:avoid}
.charts svg{max-width:17cm}a{color:inherit}
}
"""


def export_html(session: Session, figures: pd.DataFrame, charts: Sequence[BarChart | LineChart] = ()) -> bytes:
    """The report as UTF-8 HTML; ``charts`` are drawn as inline SVG in order."""
    article = session.article
    highlights = [h for h in session.highlights if h.visible]
    used = list(dict.fromkeys(h.label for h in highlights))
    index = {label: number for number, label in enumerate(used)}
    colours = {label: _colour(session.label(label).colour) for label in used}
    label_css = "".join(f".l{index[label]}{{background:{colours[label]}}}" for label in used)
    article_html, footnotes = _article(article.text, highlights, index, colours)
    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(article.title)}</title><style>{_STYLE}{label_css}</style></head><body>",
        f"<header><h1>{escape(article.title)}</h1>{_facts(session, len(figures))}</header>",
        '<section><h2>Article</h2>', _legend(highlights, used, index),
        f'<div class="article">{article_html}</div>', footnotes, "</section>",
        f"<section><h2>Figures</h2>{_figures_table(figures)}</section>",
    ]
    if charts:
        parts.append('<section class="charts"><h2>Charts</h2>')
        parts += [chart_svg(chart) for chart in charts]
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "".join(parts).encode("utf-8")


def _article(text: str, highlights: list[Highlight], index: dict[str, int], colours: dict[str, str]
             ) -> tuple[str, str]:
    """The text cut where highlights begin and end, each piece marked with its
    innermost highlight's colour (and underlined in the outermost's when nested);
    a note gets a numbered reference after its highlight."""
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    noted: dict[int, list[int]] = {}
    for number, h in enumerate(highlights):
        starts.setdefault(h.start, []).append(number)
        ends.setdefault(h.end, []).append(number)
        if h.note:
            noted.setdefault(h.end, []).append(number)
    bounds = sorted({0, len(text), *starts, *ends})
    active: set[int] = set()
    out, notes = [], []
    for position, following in zip(bounds, bounds[1:] + [None]):
        active.difference_update(ends.get(position, ()))
        for number in noted.get(position, ()):
            notes.append(number)
            out.append(f'<sup><a href="#note-{len(notes)}" id="ref-{len(notes)}">{len(notes)}</a></sup>')
        active.update(starts.get(position, ()))
        if following is None:
            break
        piece = escape(text[position:following], quote=False)
        if not active:
            out.append(piece)
            continue
        ordered = sorted(active, key=lambda n: highlights[n].end - highlights[n].start)
        inner, outer = highlights[ordered[0]], highlights[ordered[-1]]
        tip = "; ".join(_tip(highlights[n]) for n in ordered)
        nested = f' outer" style="--outer:{colours[outer.label]}' if len(ordered) > 1 and outer.label != inner.label else ""
        out.append(f'<mark class="l{index[inner.label]}{nested}" title="{escape(tip)}">{piece}</mark>')
    if not notes:
        return "".join(out), ""
    items = "".join(
        f'<li id="note-{n}">{escape(highlights[h].label)} “{escape(text[highlights[h].start:highlights[h].end])}”: '
        f'{escape(highlights[h].note)} <a href="#ref-{n}" aria-label="back to the text">↩</a></li>'
        for n, h in enumerate(notes, 1))
    return "".join(out), f'<h3>Notes</h3><ol class="notes">{items}</ol>'


def _tip(highlight: Highlight) -> str:
    return f"{highlight.label}: {highlight.note}" if highlight.note else highlight.label


def _legend(highlights: list[Highlight], used: list[str], index: dict[str, int]) -> str:
    counts = Counter(h.label for h in highlights)
    chips = "".join(f'<span class="l{index[label]}">{escape(label)} {counts[label]}</span>' for label in used)
    return f'<p class="legend">{chips}</p>'


def _facts(session: Session, figure_count: int) -> str:
    """The article's facts under its title (which the heading already shows)."""
    facts = article_facts(session, figure_count)
    facts.pop("title", None)
    if isinstance(facts.get("session created"), str):
        facts["session created"] = _readable_time(facts["session created"])
    rows = "".join(f"<dt>{escape(name)}</dt><dd>{escape(str(value))}</dd>"
                   for name, value in facts.items() if value not in ("", None))
    return f'<dl class="facts">{rows}</dl>'


def _figures_table(figures: pd.DataFrame) -> str:
    if not len(figures):
        return "<p>No figures.</p>"
    names, columns = figure_rows(figures)
    column = dict(zip(names, columns))
    rows = len(columns[0])
    derived = column.get("derived", [False] * rows)
    edited = column.get("edited", [""] * rows)
    formula = column.get("formula", [""] * rows)
    shown = [(header, name) for header, name in _TABLE  # a column empty in every row is left out
             if name in _ALWAYS or any(value not in ("", None) for value in column.get(name, ()))]
    notes = [f"derived: {formula[i]}" if derived[i] else (f"corrected: {edited[i]}" if edited[i] else "")
             for i in range(rows)]
    head = "".join(f"<th>{escape(header)}</th>" for header, _ in shown) + ("<th>Note</th>" if any(notes) else "")
    body = []
    for i in range(rows):
        corrected = set(edited[i].split(",")) if edited[i] else set()
        cells = []
        for _, name in shown:
            value = column.get(name, [""] * rows)[i]
            text = plain_number(value) if isinstance(value, float) else "" if value is None else str(value)
            classes = " ".join(c for c in ("num" if name == "shown" else "",
                                           "short" if name in _SHORT else "",
                                           "edited" if (name == "shown" and "value" in corrected) or
                                           (name == "unit_code" and "unit" in corrected) or name in corrected
                                           else "") if c)
            cells.append(f'<td class="{classes}">{escape(text)}</td>' if classes else f"<td>{escape(text)}</td>")
        if any(notes):
            cells.append(f"<td>{escape(notes[i])}</td>")
        body.append(f'<tr class="derived">{"".join(cells)}</tr>' if derived[i] else f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _readable_time(iso_time: str) -> str:
    """``2026-12-06T19:20:17+00:00`` as ``6 December 2026, 19:20 UTC`` (as it is when unreadable)."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(iso_time)
    except ValueError:
        return iso_time
    offset = moment.strftime("%z")
    zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
    return f"{moment.day} {moment:%B %Y, %H:%M} {zone}"


def _colour(colour: str) -> str:
    return colour[:7] if _COLOUR.match(colour or "") else "#dddddd"
