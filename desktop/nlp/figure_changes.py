"""Changes: a figure that states how much something changed ("grew by 40 percent",
"a 3% decline", "five times higher than in 2021", "doubled"), written as "+40%",
"-3%", "×5 vs 2021", and read back as a factor for derived figures.
"""

from __future__ import annotations

import re

from desktop.core.figure import FigureReading

_RISE = (r"grew|grow|grows|growing|grown|rose|rise|rises|rising|risen|increased?|increases|increasing"
         r"|jumped|jumps?|surged?|surging|climbed|climbs?|gained|gains?|expanded|expands?|soared|soars?"
         r"|added|up|higher|more|boosted|advanced|went\s+up")
_FALL = (r"fell|falls?|falling|fallen|dropped|drops?|declined|declines?|declining|decreased|decreases?"
         r"|shrank|shrunk|shrinks?|contracted|slipped|slid|plunged|plummeted|lost|down|cut|reduced"
         r"|lower|less|fewer|went\s+down|slumped|tumbled")
_BEFORE = re.compile(
    rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))(?:\s+(?:by|of|some|about|around|nearly|almost|roughly|over))*\s*$"
    rf"|\b(?:(?P<rise_noun>increase|rise|growth|gain|jump|surge|hike)|(?P<fall_noun>decrease|decline|drop|fall"
    rf"|reduction|cut|loss|contraction|slump))\s+of\s*$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    rf"^[\s-]*(?:(?:year[\s-]on[\s-]year|year[\s-]over[\s-]year|annual|annually|y/y|yoy)\s+)?"
    rf"(?:(?P<rise>increase|rise|growth|gain|jump|surge|hike|higher|more|up|larger|greater|bigger|over)"
    rf"|(?P<fall>decrease|decline|drop|fall|reduction|cut|loss|lower|less|fewer|down|smaller))\b",
    re.IGNORECASE,
)
_RELATIVE_UNITS = frozenset({"%", "pp", "bp"})
_WINDOW = 60
_CHANGE = re.compile(r"^(?P<sign>[+-])(?P<number>[\d.]+)%|^×(?P<factor>[\d.]+)")
_BASE = re.compile(r"\bvs (?P<base>.+)$")


def change_of(text: str, reading: FigureReading, base: str = "") -> str:
    """The change ``reading`` states, or "" when it states none.

    A percentage (or percentage points) next to a word of rising or falling is a
    change of that sign; a multiplier beside a comparative ("five times higher") or
    a multiplying word ("doubled") is a factor. ``base`` is the period the text
    compares with ("2021" in "than in 2021"); it is added as " vs 2021".
    """
    unit = reading.unit_code
    if unit in _RELATIVE_UNITS:
        sign = _sign(text, reading)
        if sign == 0:
            return ""
        magnitude = abs(reading.value)
        number = f"{magnitude:g}"
        change = f"{'+' if sign > 0 else '-'}{number}{'%' if unit == '%' else ' ' + unit}"
    elif reading.kind == "multiplier":
        sign = _sign(text, reading)
        words = reading.surface.lower()
        if sign == 0 and not re.search(r"(?:ed|ing|fold)$", words):
            return ""
        factor = reading.value if sign >= 0 else 1 / reading.value if reading.value else 0.0
        change = f"×{factor:.4g}"
    else:
        return ""
    return f"{change} vs {base}" if base else change


def change_factor(change: str) -> tuple[float, str] | None:
    """The factor a relative change multiplies by ("+40%" -> 1.4, "×5 vs 2021" ->
    5) and its base period ("" when none is written); None for no relative change."""
    match = _CHANGE.match(change.strip())
    if match is None:
        return None
    if match["factor"]:
        factor = float(match["factor"])
    else:
        percent = float(match["number"])
        factor = 1 + (percent if match["sign"] == "+" else -percent) / 100
    base = _BASE.search(change)
    return (factor, base["base"].strip() if base else "") if factor > 0 else None


def _sign(text: str, reading: FigureReading) -> int:
    before = _BEFORE.search(text, max(0, reading.start - _WINDOW), reading.start)
    if before:
        return 1 if before["rise"] or before["rise_noun"] else -1
    after = _AFTER.match(text[reading.end:reading.end + _WINDOW])
    if after:
        return 1 if after["rise"] else -1
    return 0
