"""Units: the unit written at a position of a text (:func:`match_unit`), read with one
pattern per first character built from the lexicon (:mod:`.unit_lexicon`); currencies
written before an amount are in :mod:`.currency_prefixes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.nlp.figures.unit_lexicon import _lexicon_entries


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: its code and the kind of figure a number in it is."""

    code: str
    kind: str


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit found at ``start:end`` of a text."""

    unit: Unit
    start: int
    end: int
    surface: str


def _surface_pattern(surface: str, any_case: bool) -> str:
    pattern = re.escape(surface).replace(r"\ ", r"\s+")
    if any_case:
        pattern = pattern.replace(r"\-", r"[\s-]?")
        return f"(?i:{pattern})"
    return pattern


def _patterns_by_first_char() -> dict[str, tuple[str, list[Unit]]]:
    """Per first character, one pattern trying every surface, longest first, and the
    unit of each of its groups."""
    by_first: dict[str, list[tuple[str, str, Unit]]] = {}
    for code, kind, symbols, words in _lexicon_entries():
        unit = Unit(code, kind)
        for surface, any_case in [*((s, False) for s in symbols), *((w, True) for w in words)]:
            firsts = {surface[0].lower(), surface[0].upper()} if any_case else {surface[0]}
            for first in firsts:
                by_first.setdefault(first, []).append((surface, _surface_pattern(surface, any_case), unit))
    patterns = {}
    for first, entries in by_first.items():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
        alternatives = "|".join(f"({pattern})" for _, pattern, _ in entries)
        patterns[first] = (rf"(?:{alternatives})(?![^\W_])", [unit for _, _, unit in entries])
    return patterns


_PATTERNS = _patterns_by_first_char()
# Compiled on first use (compiling them all would add ~40 ms to start-up and to the
# seed's analysis), or all at once by compile_unit_matchers in a loading worker.
_MATCHERS: dict[str, re.Pattern] = {}


def compile_unit_matchers() -> None:
    """Compile every unit pattern now (~40 ms), so no analysis pays for it."""
    for first in _PATTERNS:
        _matcher(first)


def _matcher(first: str) -> re.Pattern:
    if first not in _MATCHERS:
        _MATCHERS[first] = re.compile(_PATTERNS[first][0])
    return _MATCHERS[first]


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The longest unit written exactly at ``pos``."""
    if pos >= len(text) or (entry := _PATTERNS.get(text[pos])) is None:
        return None
    match = _matcher(text[pos]).match(text, pos)
    if not match:
        return None
    return UnitMatch(entry[1][match.lastindex - 1], pos, match.end(), match.group())


#: Unit words that, after "a"/"an", make a figure of one ("a gallon", "a penny").
ARTICLE_UNIT_WORDS = (
    "gallon", "litre", "liter", "mile", "kilometre", "kilometer", "metre", "meter", "kilogram",
    "gram", "tonne", "barrel", "acre", "hectare", "inch", "ounce", "byte", "kilobyte", "megabyte",
    "gigabyte", "terabyte", "kibibyte", "megawatt", "gigawatt", "kilowatt-hour", "penny", "cent",
    "dime", "kopek",
)


def currency_names() -> dict[str, str]:
    """Each word that names a currency ("yuan", "rupiah", "US dollar"), in lower case, with its ISO code."""
    return {word.lower(): code for code, kind, _, words in _lexicon_entries()
            if kind == "money" and len(code) == 3 and code.isupper() for word in words}
