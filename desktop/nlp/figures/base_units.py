"""Figures converted to base units (SI, via pint) on demand, for a program that compares
quantities written in different units ("3.2 million tons" and "2,900 kt").

The app itself converts no units, so pint is not one of its dependencies: it comes
with the ``units`` extra (``pip install "article-lens[units]"``) and with the tests.
It is imported and its registry built on the first conversion only (about 0.3 s on an
idle machine).
"""

from __future__ import annotations

import re
from functools import cache

from desktop.core.figure import FigureReading

# Unit codes whose pint spelling differs from ours; codes not listed are pint's already.
_PINT_NAMES = {
    "t": "metric_ton", "kt": "kilometric_ton", "Mt": "megametric_ton", "Gt": "gigametric_ton",
    "bbl": "oil_barrel", "°C": "degC", "°F": "degF", "%": "percent", "deg": "degree",
    "bcm": "1e9 * m**3", "mcm": "1e6 * m**3", "tcm": "1e12 * m**3", "bcf": "1e9 * ft**3",
    "tcf": "1e12 * ft**3", "toe": "41.868 * GJ", "Mtoe": "41.868e6 * GJ", "µg": "microgram",
    "µm": "micrometer", "µSv": "microsievert", "ozt": "troy_ounce", "floz": "fluid_ounce",
    "acre": "acre", "cup": "cup", "ct": "carat", "ly": "light_year", "nmi": "nautical_mile",
    "kn": "knot", "Myr": "1e6 * year", "Gyr": "1e9 * year", "fortnight": "fortnight",
    "century": "century", "millennium": "millennium", "decade": "decade", "am": "attometer",
    "pm": "picometer", "cL": "centiliter", "mL": "milliliter", "L": "liter", "kbit": "kilobit",
    "Mbit": "megabit", "Gbit": "gigabit", "ppm": "ppm", "ppb": "ppb", "BTU": "Btu",
}
_OFFSET_UNITS = frozenset({"°C", "°F"})
_NOT_IN_PINT = frozenset({"pp", "bp", "TEU", "point"})
_AREA_OR_VOLUME = re.compile(r"(m|km|cm|mm|mi|ft|in|yd)([23])")
_NOT_PHYSICAL_KINDS = frozenset({"money", "count", "multiplier", "other"})


def base_value(reading: FigureReading) -> tuple[float, str] | None:
    """The figure's value in base units and their name ("3.2 million tons" -> (3.2e9, "kilogram")).

    Money stays in its currency and counts, multipliers and others stay unitless;
    None when pint does not know the unit (TEU, percentage points).
    """
    if reading.kind in _NOT_PHYSICAL_KINDS or not reading.unit_code:
        return reading.value, reading.unit_code if reading.kind == "money" else ""
    if reading.unit_code in _OFFSET_UNITS:
        quantity = _registry().Quantity(reading.value, _PINT_NAMES[reading.unit_code]).to_base_units()
        return float(quantity.magnitude), str(quantity.units)
    factor = None if reading.unit_code in _NOT_IN_PINT else _base_factor(reading.unit_code)
    return None if factor is None else (reading.value * factor[0], factor[1])


@cache
def _base_factor(code: str) -> tuple[float, str] | None:
    import pint

    expression = "/".join(f"({_pint_name(part)})" for part in code.split("/"))
    try:
        quantity = _registry().parse_expression(expression).to_base_units()
    except (pint.errors.PintError, AttributeError, TypeError, SyntaxError):
        return None
    return float(quantity.magnitude), str(quantity.units)


def _pint_name(code: str) -> str:
    if power := _AREA_OR_VOLUME.fullmatch(code):
        return f"{power[1]}**{power[2]}"
    return _PINT_NAMES.get(code, code)


@cache
def _registry():
    import pint

    return pint.UnitRegistry()
