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


def _entries_by_first_char() -> dict[str, list[tuple[str, bool, str, Unit]]]:
    """Per first character, every surface (with whether it is read in any case), its
    pattern and its unit, longest first."""
    by_first: dict[str, list[tuple[str, bool, str, Unit]]] = {}
    for code, kind, symbols, words in _lexicon_entries():
        unit = Unit(code, kind)
        for surface, any_case in [*((s, False) for s in symbols), *((w, True) for w in words)]:
            firsts = {surface[0].lower(), surface[0].upper()} if any_case else {surface[0]}
            for first in firsts:
                by_first.setdefault(first, []).append((surface, any_case, _surface_pattern(surface, any_case), unit))
    for entries in by_first.values():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    return by_first


def _alternation(entries: list[tuple[str, bool, str, Unit]]) -> tuple[str, list[Unit]]:
    """One pattern trying every entry in turn, and the unit of each of its groups."""
    alternatives = "|".join(f"({pattern})" for _, _, pattern, _ in entries)
    return rf"(?:{alternatives})(?![^\W_])", [unit for _, _, _, unit in entries]


def _may_follow(surface: str, any_case: bool, second: str) -> bool:
    """Whether ``surface`` may be written with the ASCII character ``second`` after its
    first: always when it is one character long, or goes on with a space or a hyphen
    (which may stand for other characters or be left out), or with a character
    another case of which may be ASCII."""
    if len(surface) == 1 or surface[1] == " " or (any_case and (surface[1] == "-" or not surface[1].isascii())):
        return True
    return second == surface[1] or (any_case and second.lower() == surface[1].lower())


_ENTRIES = _entries_by_first_char()
_PATTERNS = {first: _alternation(entries) for first, entries in _ENTRIES.items()}
# Compiled on first use (compiling them all would add ~40 ms to start-up and to the
# seed's analysis), or all at once by compile_unit_matchers in a loading worker.
_MATCHERS: dict[str, re.Pattern] = {}
# Per first character and the ASCII character after it, the pattern of only the
# surfaces that may start so (a few of the ~150 after "m"), or None for none; each
# compiled on first use (~10 µs: most are alike, and re caches them).
_NARROWED: dict[tuple[str, str], tuple[re.Pattern | None, list[Unit]]] = {}


def compile_unit_matchers() -> None:
    """Compile every unit pattern now (~40 ms), so no analysis pays for it."""
    for first in _PATTERNS:
        _matcher(first)


def _matcher(first: str) -> re.Pattern:
    if first not in _MATCHERS:
        _MATCHERS[first] = re.compile(_PATTERNS[first][0])
    return _MATCHERS[first]


def _narrowed(first: str, second: str) -> tuple[re.Pattern | None, list[Unit]]:
    if (first, second) not in _NARROWED:
        entries = [entry for entry in _ENTRIES[first] if _may_follow(entry[0], entry[1], second)]
        pattern, units = _alternation(entries)
        _NARROWED[first, second] = (re.compile(pattern) if entries else None, units)
    return _NARROWED[first, second]


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The longest unit written exactly at ``pos``."""
    if pos >= len(text) or (first := text[pos]) not in _PATTERNS:
        return None
    second = text[pos + 1:pos + 2]
    if second and second.isascii():
        matcher, units = _narrowed(first, second)
        if matcher is None:
            return None
    else:
        matcher, units = _matcher(first), _PATTERNS[first][1]
    match = matcher.match(text, pos)
    if not match:
        return None
    return UnitMatch(units[match.lastindex - 1], pos, match.end(), match.group())


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
