"""The figures table and the highlights as a spreadsheet: CSV, and an XLSX workbook
with sheets figures, entities and article.

The figures table (``desktop.nlp.figures.table.highlights.TABLE_COLUMNS``) is given by the
caller, who derives it from the session. ``value`` is exact (plain digits in CSV, a
number in XLSX); ``shown`` is the value as the figures table shows it, rounded
(a derived value to two decimals or six significant digits); ``derived`` and
``formula`` tell the figures computed from two stated ones; ``edited`` names the
cells corrected by hand (value, unit, role, …).
"""

from __future__ import annotations

import csv
import io
import math
from typing import TYPE_CHECKING

from desktop.formats.plain_numbers import plain_number, shown_number
from desktop.formats.xlsx_writer import MUTED, PLAIN, Sheet, workbook

if TYPE_CHECKING:
    import pandas as pd

    from desktop.core.session import Session

#: The columns written, in this order; other columns of the table follow them.
COLUMNS = ("surface", "value", "shown", "low", "high", "unit", "unit_code", "kind", "role", "subject",
           "period", "change", "direction", "moved", "qualifier", "label", "start", "end", "link",
           "derived", "formula", "edited", "sentence", "highlight_id")
_NUMBERS = ("value", "low", "high")
_WHOLE = ("start", "end", "link")
_WIDTH_LIMIT = 60


def figure_rows(figures: pd.DataFrame) -> tuple[list[str], list[list]]:
    """The header and columns written for ``figures``: numbers as floats (NaN as
    None), whole numbers as ints (a missing link as None), ``derived`` as bool."""
    names = [name for name in COLUMNS if name in figures or name == "shown"]
    names += [name for name in figures.columns if name not in names]
    columns = []
    for name in names:
        if name == "shown":
            columns.append([_shown(v, lo, hi) for v, lo, hi in zip(_floats(figures, "value"),
                                                                    _floats(figures, "low"), _floats(figures, "high"))])
        elif name in _NUMBERS:
            columns.append(_floats(figures, name))
        elif name in _WHOLE:
            columns.append([None if v is None or v != v or (name == "link" and v < 0) else int(v)
                            for v in figures[name].tolist()])
        elif name == "derived":
            columns.append([bool(v) for v in figures[name].tolist()])
        else:
            columns.append(["" if v is None or v != v else str(v) for v in figures[name].tolist()])
    return names, columns


def export_csv(figures: pd.DataFrame) -> bytes:
    """The figures table as CSV (UTF-8, a header row, RFC 4180 quoting and line ends)."""
    names, columns = figure_rows(figures)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    writer.writerows(zip(*(_csv_cells(column) for column in columns)) if columns else [])
    return buffer.getvalue().encode("utf-8")


def export_xlsx(session: Session, figures: pd.DataFrame) -> bytes:
    """A workbook: figures (numbers as numbers, units in their own columns, derived
    rows in grey italics), entities (the visible highlights) and article (metadata)."""
    names, columns = figure_rows(figures)
    derived = columns[names.index("derived")] if "derived" in names else []
    figures_sheet = Sheet("figures", names, columns, _widths(names, columns),
                          [MUTED if flag else PLAIN for flag in derived] or None)
    highlights = [h for h in session.highlights if h.visible]
    text = session.article.text
    entity_names = ["start", "end", "text", "label", "note", "origin", "status"]
    entity_columns = [[h.start for h in highlights], [h.end for h in highlights],
                      [text[h.start:h.end] for h in highlights], [h.label for h in highlights],
                      [h.note for h in highlights], [h.origin for h in highlights], [h.status for h in highlights]]
    entities = Sheet("entities", entity_names, entity_columns, _widths(entity_names, entity_columns))
    facts = article_facts(session, len(figures))
    article = Sheet("article", ["field", "value"], [list(facts), list(facts.values())], [16, 70])
    return workbook([figures_sheet, entities, article])


def article_facts(session: Session, figure_count: int) -> dict[str, object]:
    """What the article sheet (and the report's header) says about the article."""
    article = session.article
    facts: dict[str, object] = {"title": article.title, "source": article.source, "sha256": article.sha256,
                                "characters": len(article.text), "encoding": article.encoding,
                                "highlights": sum(1 for h in session.highlights if h.visible),
                                "figures": figure_count}
    if isinstance(session.extra.get("created"), str):
        facts["session created"] = session.extra["created"]
    return facts


def _floats(figures: pd.DataFrame, name: str) -> list[float | None]:
    if name not in figures:
        return [None] * len(figures)
    return [None if v is None or not isinstance(v, (int, float)) or not math.isfinite(v) else float(v)
            for v in figures[name].tolist()]


def _shown(value: float | None, low: float | None, high: float | None) -> str:
    if low is not None and high is not None and low != high:
        return f"{shown_number(low)}–{shown_number(high)}"
    return "" if value is None else shown_number(value)


def _csv_cells(column: list) -> list[str]:
    if column and isinstance(column[0], bool):
        return ["true" if v else "false" for v in column]
    return ["" if v is None else plain_number(v) if isinstance(v, float) else str(v) for v in column]


def _widths(names: list[str], columns: list[list]) -> list[float]:
    """Column widths in characters: the longest of the header and the first 200
    cells, two more, at most 60."""
    widths = []
    for name, column in zip(names, columns):
        longest = max((len(plain_number(v) if isinstance(v, float) else str(v))
                       for v in column[:200] if v is not None), default=0)
        widths.append(min(_WIDTH_LIMIT, max(len(name), longest) + 2))
    return widths
