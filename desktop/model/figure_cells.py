"""The figures table's columns and what each cell shows: its text, its text to edit,
its tooltip (Qt-free; ``figure_table.FigureTableModel`` answers the view with these).

A table's cells are one list per column (``Cells``), as the table model keeps them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desktop.core.figure import FIGURE_ROLES
from desktop.core.number_text import approximate_number, full_number

Cells = dict[str, list]
#: The surface of the stated figure starting at a position (None: the table has none).
SurfaceAt = Callable[[int], "str | None"]


def _no_surface(_start: int) -> str | None:
    return None


@dataclass(frozen=True)
class Column:
    """A table column: its header, the DataFrame column it shows and sorts by, and
    whether a person may correct it."""

    header: str
    field: str
    numeric: bool = False
    editable: bool = False


COLUMNS = (
    Column("Figure", "surface"),
    Column("Value", "value", numeric=True, editable=True),
    Column("Unit", "unit_code", editable=True),
    Column("Role", "role", editable=True),
    Column("Subject", "subject", editable=True),
    Column("Period", "period", editable=True),
    Column("Change", "change"),
    Column("Linked", "link"),
    Column("Kind", "kind", editable=True),
    Column("Qualifier", "qualifier", editable=True),
    Column("Sentence", "sentence"),
)

#: Fields searched by the filter box.
SEARCHED_FIELDS = ("surface", "unit", "unit_code", "role", "kind", "qualifier", "subject", "period",
                   "sentence", "label")

#: The roles a person may pick, in the order a reader meets them (FIGURE_ROLES is
#: ordered by precedence instead), each with what it means.
ROLE_HELP = {
    "level": "level: the amount or rate itself",
    "change": "change: the size of a rise or fall",
    "previous": "previous: an earlier value, compared with",
    "share": "share: a part of a whole",
    "forecast": "forecast: a value expected later",
}
#: (A role added to FIGURE_ROLES without a meaning here is offered last, as its word.)
ROLE_CHOICES = (*(role for role in ROLE_HELP if role in FIGURE_ROLES),
                *(role for role in FIGURE_ROLES if role not in ROLE_HELP))
_ARROWS = {"up": "▲", "down": "▼"}
_MOVED_HELP = {"amount": "an amount moved", "rate": "a rate moved"}
HEADER_HELP = {
    "role": "What the figure does in its sentence: " + ", ".join(ROLE_CHOICES)
            + " (F2 or Enter to correct it)",
    "change": "The change a figure states: ▲ a rise, ▼ a fall",
    "link": "The figure this one is tied to: the new level of a change, "
            "the main amount of a conversion, the source of a derived value",
}


def parse_value(text: str) -> float | None:
    """A number typed by a person: "460,000,000", "3.2e6", or words the figure
    engine reads ("460 million"); None when it is not a number."""
    cleaned = text.strip().replace(",", "").replace("\u202f", "").replace(" ", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    from desktop.nlp.figures.scanner import read_figure

    reading = read_figure(text.strip())
    return reading.value if reading is not None else None


def format_value(value: float, low: float, high: float) -> str:
    """A value for display: "460,000,000", "3.2", a range as "16–17"."""
    if low != high and not (math.isnan(low) or math.isnan(high)):
        return f"{format_number(low)}–{format_number(high)}"
    return format_number(value)


def format_number(value: float) -> str:
    if math.isnan(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"


def cell_text(value: object) -> str:
    """A cell of a text column as text ("" for a missing one)."""
    return value if type(value) is str else "" if value is None or value != value else str(value)


def edit_text(cells: Cells, position: int, column: Column) -> str:
    """A cell's text for its editor (a value without thousands separators)."""
    if column.field == "value":
        return format_number(cells["value"][position]).replace(",", "")
    return display(cells, position, column)


def is_derived(cells: Cells, position: int) -> bool:
    """Whether the row is implied by other figures, not stated."""
    derived = cells.get("derived")
    return derived is not None and derived[position] is True


def is_edited(cells: Cells, position: int, column: Column) -> bool:
    """Whether a person corrected this cell."""
    edited = cells.get("edited")
    marks = edited[position] if edited else ""
    return isinstance(marks, str) and column.field in marks.split(",")


def display(cells: Cells, position: int, column: Column, linked_surface: SurfaceAt = _no_surface) -> str:
    """The text a cell shows."""
    if column.field == "value":
        if is_derived(cells, position):  # rounded for reading: "≈ 328.6 million"
            return approximate_number(cells["value"][position])
        return format_value(cells["value"][position], cells["low"][position], cells["high"][position])
    if column.field == "unit_code":
        return cells["unit_code"][position] or cells["unit"][position]
    if is_derived(cells, position):
        if column.field == "surface":
            return f"derived from {cells['surface'][position]}"
        if column.field == "change":
            return f"= {cells['formula'][position]}"
    if column.field == "change":
        change = cell_text(cells["change"][position])
        if change.startswith("-"):
            change = "\u2212" + change[1:]  # a minus sign, as wide as the plus
        arrow = _ARROWS.get(cells["direction"][position])
        return f"{arrow} {change}".rstrip() if arrow else change
    if column.field == "link":
        link = link_of(cells, position)
        if link < 0:
            return ""
        surface = linked_surface(link)
        return f"→ {surface}" if surface is not None else f"→ character {link:,}"
    return cell_text(cells[column.field][position])


def link_of(cells: Cells, position: int) -> int:
    """The start of the figure the row at ``position`` is tied to; -1 for none."""
    link = cells["link"][position]
    if type(link) is int:
        return link
    if isinstance(link, (float, np.integer)) and link == link:  # a frame with gaps: float
        return int(link)
    return -1


def surfaces_by_start(cells: Cells) -> dict[int, str]:
    """The surface of the stated figure at each start (a derived row shares its
    source's start; the first row of a start wins)."""
    starts, surfaces = cells["start"], cells["surface"]
    derived = cells.get("derived") or [False] * len(starts)
    found: dict[int, str] = {}
    for at, surface, is_implied in zip(reversed(starts), reversed(surfaces), reversed(derived)):
        if is_implied is not True:
            found[at] = surface
    return found


def tooltip(cells: Cells, position: int, column: Column, linked_surface: SurfaceAt = _no_surface) -> str | None:
    """A cell's tooltip: what it means, and whether a person corrected it."""
    if column.field == "sentence":
        return cells["sentence"][position]
    if is_derived(cells, position):
        exact = f"{full_number(cells['value'][position])}\n" if column.field == "value" else ""
        return f"{exact}Derived, not stated in the text: {cells['formula'][position]}"
    if column.field == "role":
        role = cell_text(cells["role"][position])
        meaning = ROLE_HELP.get(role, role) or "Role not known"
        if is_edited(cells, position, column):
            return f"{meaning}\nCorrected by hand (F2 or Enter to change, Delete to restore)"
        return f"{meaning}\nF2 or Enter to correct it"
    if is_edited(cells, position, column):
        return "Corrected by hand (double-click to change, Delete to restore)"
    if column.field == "change":
        return change_tooltip(cells, position)
    if column.field == "link":
        link = link_of(cells, position)
        if link < 0:
            return None
        surface = linked_surface(link)
        if surface is None:
            return f"Tied to the figure at character {link:,}, which the table does not show"
        return f"Tied to “{surface}” (character {link:,})"
    if column.field == "unit_code":
        written = cells["unit"][position]
        return f"Written as “{written}”" if written else None
    return f"{cells['surface'][position]} ({cells['label'][position]})"


def change_tooltip(cells: Cells, position: int) -> str | None:
    change = cell_text(cells["change"][position])
    direction = cell_text(cells["direction"][position])
    moved = _MOVED_HELP.get(cells["moved"][position])
    if not (change or direction or moved):
        return None
    parts = [{"up": "Up", "down": "Down"}.get(direction, "Change")]
    if change:
        parts.append(f" {change}")
    if moved:
        parts.append(f": {moved}")
    return "".join(parts)
