"""FigureDetail: everything about the figure of the table's current row, in full: its
sentence with the figure marked, value, unit, role, subject, period, change, and how
a derived value was computed (rounded for reading, with every digit beside it)."""

from __future__ import annotations

import math
from html import escape

from PySide6.QtWidgets import QTextBrowser

from desktop.core.number_text import approximate_amount, full_number
from desktop.ui.colour_scheme import SCHEME, on_scheme_change

_EMPTY = "Select a figure in the table to see its sentence and all it is known by."


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


class FigureDetail(QTextBrowser):
    """A read-only pane under the figures table; follows the table's current row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("figureDetail")
        self.setAccessibleName("Figure details")
        self.setOpenLinks(False)
        self.setPlaceholderText(_EMPTY)
        self._row: dict | None = None
        on_scheme_change(self, lambda _dark: self.show_row(self._row))

    def show_row(self, row: dict | None, surface: str = "") -> None:
        """Show ``row`` (a figures-table row as a dict; None: nothing) with ``surface``
        (the figure as written) marked in its sentence."""
        self._row = row
        if row is None:
            self.clear()
            return
        self.setHtml(detail_html(row, surface or _text(row.get("surface")), SCHEME.dark))


def detail_html(row: dict, surface: str, dark: bool = False) -> str:
    """The detail of one figures-table row as HTML."""
    derived = bool(row.get("derived"))
    unit = _text(row.get("unit")) or _text(row.get("unit_code"))
    value = row.get("value")
    mark = "#5a4a12" if dark else "#fff1a8"
    grey = "#a8adb3" if dark else "#5f6368"
    sentence = escape(_text(row.get("sentence")))
    written = escape(surface)
    if written and written in sentence:
        sentence = sentence.replace(written, f"<b style='background:{mark}'>{written}</b>", 1)
    if derived:
        reading = approximate_amount(value, unit) if isinstance(value, float) else _text(value)
        amount = f"{escape(reading)} <small>(exactly {escape(full_number(value))})</small>"
    else:
        low, high = row.get("low"), row.get("high")
        if isinstance(low, float) and isinstance(high, float) and low == low and high == high and low != high:
            amount = escape(f"{full_number(low)}–{full_number(high)} {unit}".strip())
        else:
            amount = escape(f"{full_number(value) if isinstance(value, float) else _text(value)} {unit}".strip())
    facts = []
    for name, field in (("role", "role"), ("subject", "subject"), ("period", "period"),
                        ("change", "change"), ("kind", "kind"), ("qualifier", "qualifier")):
        text = _text(row.get(field))
        if field == "change" and text:
            arrow = {"up": "▲ ", "down": "▼ "}.get(_text(row.get("direction")), "")
            moved = {"amount": " (an amount moved)", "rate": " (a rate moved)"}.get(_text(row.get("moved")), "")
            text = f"{arrow}{text}{moved}"
        if text:
            facts.append(f"<span style='color:{grey}'>{name}</span>&nbsp;{escape(text)}")
    lines = [f"<b>{written}</b> &nbsp;=&nbsp; {amount}" if not derived
             else f"<b>Derived:</b> {amount} &nbsp;<span style='color:{grey}'>not stated in the text: "
                  f"{escape(_text(row.get('formula')))}, from “{written}”</span>",
             " &nbsp;·&nbsp; ".join(facts), sentence]
    return "".join(f"<p style='margin:0 0 3px 0'>{line}</p>" for line in lines if line)
