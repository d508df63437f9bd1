"""Session values whose type alone does not make them safe: figure corrections, dates,
and the window's view state.

A correction or a date out of range refuses the file with the field named (they are
part of the person's work, and a re-save must not change them silently). A view-state
field the window cannot use is left out with a warning: it only says where the window
was scrolled and how its panes were sized.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from desktop.core.figure import FIGURE_ROLES

#: The figure cells a person can correct (desktop.nlp.figures.table.rows.OVERRIDABLE_COLUMNS).
NUMBER_CELLS = ("value",)
TEXT_CELLS = ("unit", "unit_code", "kind", "qualifier", "subject", "period")
CHOICE_CELLS = {"role": FIGURE_ROLES}
#: Years a date may have: any time zone can then show it (datetime stops at 1 and 9999).
FIRST_YEAR, LAST_YEAR = 2, 9998
#: Bounds of the view-state fields the window reads.
MAX_SIDE_TAB = 99
MAX_PANE_PIXELS = 1_000_000
MAX_PANES = 16
MAX_FILTER_CHARS = 10_000


def timestamp_problem(value: str) -> str | None:
    """Why ``value`` is not a date and time a window can show, or None."""
    example = '"2024-06-22T10:30:00+00:00"'
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return f"is not a date and time like {example}"
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        return f"is not a date between the years {FIRST_YEAR} and {LAST_YEAR}"
    return None


def cell_problem(column: str, value: Any) -> str | None:
    """Why ``value`` cannot be the corrected figure cell ``column``, or None (cells of
    other names are kept as they are, and not shown)."""
    if column in NUMBER_CELLS:
        if type(value) not in (int, float):
            return "should be a number"
        if abs(value) > sys.float_info.max:
            return f"is too large for a figure (at most {sys.float_info.max:.3g})"
    elif column in TEXT_CELLS:
        if type(value) is not str:
            return "should be text"
    elif column in CHOICE_CELLS:
        choices = CHOICE_CELLS[column]
        if value not in choices or type(value) is not str:
            return "should be one of " + ", ".join(choices)
    return None


def _whole(low: int, high: int, what: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if type(value) is not int or not low <= value <= high:
            return f"should be {what} from {low} to {high}"
        return None
    return check


def _text(most: int | None = None) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if type(value) is not str:
            return "should be text"
        if most is not None and len(value) > most:
            return f"should be at most {most:,} characters"
        return None
    return check


def _sizes(value: Any) -> str | None:
    if (type(value) is not list or len(value) > MAX_PANES
            or any(type(size) is not int or not 0 <= size <= MAX_PANE_PIXELS for size in value)):
        return f"should be a list of pane sizes from 0 to {MAX_PANE_PIXELS:,} pixels"
    return None


def clean_view_state(state: dict[str, Any], text_length: int) -> tuple[dict[str, Any], list[str]]:
    """``state`` without the fields the window reads that it could not use, and a
    warning for each one left out. Other fields are kept as they are."""
    checks: dict[str, Callable[[Any], str | None]] = {
        "first_visible_char": _whole(0, text_length, "a position in the text"),
        "side_tab": _whole(0, MAX_SIDE_TAB, "a tab number"),
        "selection": _text(),
        "figure_filter": _text(MAX_FILTER_CHARS),
        "recovery_of": _text(),
    }
    cleaned = dict(state)
    warnings: list[str] = []
    for name, check in checks.items():
        if name in cleaned:
            _keep_if(cleaned, name, check(cleaned[name]), f"view_state.{name}", warnings)
    if "splitters" in cleaned:
        splitters = cleaned["splitters"]
        if type(splitters) is not dict:
            _keep_if(cleaned, "splitters", "should be an object", "view_state.splitters", warnings)
        else:
            cleaned["splitters"] = splitters = dict(splitters)
            for pane in ("main", "right"):
                if pane in splitters:
                    _keep_if(splitters, pane, _sizes(splitters[pane]),
                             f"view_state.splitters.{pane}", warnings)
    return cleaned, warnings


def _keep_if(record: dict[str, Any], name: str, problem: str | None, path: str,
             warnings: list[str]) -> None:
    if problem is not None:
        del record[name]
        warnings.append(f"{path}: {problem}; it was left out.")
