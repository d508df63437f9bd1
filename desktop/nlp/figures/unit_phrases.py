"""Which unit an amount is in, read from the text after it: the lexicon's unit when
the context allows that reading ("2 in thick" but not "two in my car"), with any
rate ("km/h", "$350 per kg", "barrels a day")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.nlp.draft import UnitPhrase
from desktop.nlp.figures.currency_prefixes import currency_code
from desktop.nlp.figures.units import Unit, UnitMatch, match_unit

if TYPE_CHECKING:
    from desktop.nlp.figures.amounts import Amount

#: What may stand between a number and its unit: spaces, or a hyphen ("27-kilometer").
UNIT_GAP = re.compile(r"[ \t\u00a0\u202f]*(?:-(?=[^\W\d_]))?")
# Short symbols that after a spelled-out number are ordinary words ("two in my car").
_SYMBOLS_NOT_AFTER_WORDS = frozenset("in am pm a s h m t g l L b B C F K V W J mt Ma Ga ac gr pt kn bar".split())

_CELSIUS = Unit("°C", "temperature")
_FAHRENHEIT = Unit("°F", "temperature")
_POUND_STERLING = Unit("GBP", "money")
_VIDEO_LINES = frozenset({240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})
_INCH_CONTEXT = re.compile(
    r"\s*(?:$|[.,;:!?)\]]|(?:thick|long|wide|high|tall|deep|across|diameter|by|x)\b)", re.IGNORECASE
)
_TEMPERATURE_WORDS = re.compile(
    r"temperat|heat|warm|cold|hot\b|cool|freez|boil|thermo|weather|°|kelvin|celsius|fahrenheit",
    re.IGNORECASE,
)
_FAHRENHEIT_AHEAD = re.compile(r"[^.;\n]{0,40}?fahrenheit", re.IGNORECASE)
_CELSIUS_AHEAD = re.compile(r"[^.;\n]{0,40}?(?:celsius|centigrade)", re.IGNORECASE)
_INVERSE = re.compile(r"(?:[-−]1|⁻¹)(?![\d]|[.,]\d)")
# Points are a unit where a market index is spoken of; elsewhere they are counted (a score).
_INDEX_WORDS = re.compile(
    r"\b(?:index|indices|Dax|DAX|Cac|CAC|Dow|FTSE|Footsie|Nikkei|Nasdaq|S&P|Hang\s+Seng|Kospi|Sensex|Stoxx)\b"
)
_TIME_ANCHOR_AFTER = re.compile(r"\s+(?:earlier|ago|later|before|after|previously|back|on)\b", re.IGNORECASE)
_PER = re.compile(r"[ \t]*/[ \t]*|\s+per\s+|\s+an?\s+", re.IGNORECASE)


def read_unit_phrase(text: str, amount: Amount) -> UnitPhrase | None:
    """The unit of an amount: its currency prefix or the unit after it, with up to two "per X"."""
    if amount.currency:
        unit, unit_start, end = Unit(currency_code(amount.currency), "money"), amount.end, amount.end
    else:
        found = _unit_after(text, amount)
        if found is None:
            return None
        unit, unit_start, end = found.unit, found.start, found.end
    for _ in range(2):
        per = _per_unit(text, end)
        if per is None:
            break
        unit, end = Unit(f"{unit.code}/{per.unit.code}", unit.kind), per.end
    return UnitPhrase(unit, amount.currency + text[unit_start:end], end)


def is_kelvin(text: str, amount: Amount) -> bool:
    """Whether a "K" after an amount means kelvin: a decimal number, or heat spoken of nearby."""
    if "." in text[amount.number.start:amount.number.end]:
        return True
    return bool(_TEMPERATURE_WORDS.search(text, max(0, amount.start - 60), amount.end + 60))


def _per_unit(text: str, pos: int) -> UnitMatch | None:
    per = _PER.match(text, pos)
    if not per:
        return None
    unit = match_unit(text, per.end())
    if unit is None or unit.unit.kind not in ("quantity", "duration"):
        return None
    if "/" not in per.group() and unit.surface in _SYMBOLS_NOT_AFTER_WORDS:
        return None
    after_article = per.group().strip().lower() in ("a", "an")
    if after_article and not (unit.surface.isalpha() and len(unit.surface) > 2):
        return None
    # "£125m a year earlier" dates the amount; it is no rate.
    return None if after_article and _TIME_ANCHOR_AFTER.match(text, unit.end) else unit


def _unit_after(text: str, amount: Amount) -> UnitMatch | None:
    gap = UNIT_GAP.match(text, amount.end)
    found = match_unit(text, gap.end())
    if found is None or not _fits_context(text, amount, found, gap.group()):
        return None
    unit = found.unit
    if unit.code == "deg":
        unit = _degree_unit(text, amount, found)
    elif unit.code == "lb" and found.surface.lower().startswith("pound") and amount.scale:
        unit = _POUND_STERLING
    if inverse := _INVERSE.match(text, found.end):
        return UnitMatch(Unit(f"1/{unit.code}", unit.kind), found.start, inverse.end(), text[found.start:inverse.end()])
    return found if unit is found.unit else UnitMatch(unit, found.start, found.end, found.surface)


def _fits_context(text: str, amount: Amount, found: UnitMatch, gap: str) -> bool:
    surface = found.surface
    if amount.number.spelled and surface in _SYMBOLS_NOT_AFTER_WORDS:
        return False
    if surface == "in":
        return bool(_INCH_CONTEXT.match(text, found.end))
    if surface == '"':
        line_start = text.rfind("\n", 0, amount.start) + 1
        opens_no_quote = text.count('"', line_start, amount.start) % 2 == 0
        return not gap and opens_no_quote
    if surface == "s":
        return bool(gap)
    if surface in ("p", "c"):
        return _is_pence_or_cents(text, amount, gap)
    if found.unit.code == "point":
        return bool(_INDEX_WORDS.search(text, max(0, amount.start - 120), amount.start))
    if surface == "K":
        return is_kelvin(text, amount)
    return True


def _is_pence_or_cents(text: str, amount: Amount, gap: str) -> bool:
    """ "25p" and "8.5c" glued to a plain number; not "1080p" (video lines)."""
    if gap or amount.scale or amount.number.spelled:
        return False
    return not (text[amount.end] == "p" and amount.number.value in _VIDEO_LINES)


def _degree_unit(text: str, amount: Amount, found: UnitMatch) -> Unit:
    """ "degrees" and "°" alone: Fahrenheit or Celsius when the text says so or speaks of heat."""
    if _FAHRENHEIT_AHEAD.match(text, found.end):
        return _FAHRENHEIT
    if _CELSIUS_AHEAD.match(text, found.end) or _TEMPERATURE_WORDS.search(text, max(0, amount.start - 80), amount.start):
        return _CELSIUS
    return found.unit
