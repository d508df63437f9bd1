"""Ranges: "16-17", "3 to 4 percent", "between 3 and 4 million", "$3-4 billion",
"8- to 16-meter", "two or three years"; and the unit shared by "45 and 50 mg" and by
"rose from 300 to 420 yen" (a movement, not a range)."""

from __future__ import annotations

import re

from desktop.nlp.draft import Draft, UnitPhrase
from desktop.nlp.figures.amounts import Amount, read_amount
from desktop.nlp.figures.currency_prefixes import CURRENCY_PREFIX_PATTERN
from desktop.nlp.figures.movements import moves_to
from desktop.nlp.figures.non_figures import is_year
from desktop.nlp.figures.numbers import NumberToken, read_number_words, read_numeral
from desktop.nlp.figures.unit_phrases import read_unit_phrase

_CONNECTOR = re.compile(
    r"\s*[-–]\s+to\s+|(?P<dash>\s*[-–—‒]\s*)|\s+(?P<to>to)\s+|\s+(?:through|thru)\s+"
    r"|\s+(?P<and>and|&)\s+|\s+(?P<or>or)\s+",
    re.IGNORECASE,
)
_PREFIX_AT = re.compile(CURRENCY_PREFIX_PATTERN + r"[ \u00a0]?")
_DATE_CHAIN = re.compile(r"[-–/.]\d")
_SHARED_UNIT_KINDS = frozenset({"quantity", "money", "percent", "temperature"})


def read_range(text: str, first: Amount, first_unit: UnitPhrase | None, pos: int, after_between: bool) -> Draft | int | None:
    """The range that ``first`` (with its unit, ending at ``pos``) opens, if any.

    "and" joins a range only after "between", and "to" none after a movement ("rose 5 to
    7"). A dash between two bare numbers that do not rise ("3-1", "2013-14") or that chain
    on ("2023-06-22") is no figure: the offset to skip to is returned instead.
    """
    connector = _CONNECTOR.match(text, pos)
    if not connector or (connector["and"] and not after_between):
        return None
    second = _second_amount(text, first, connector.end())
    if second is None:
        return None
    second_unit = read_unit_phrase(text, second)
    unit_on_second_only = first_unit is None and second_unit is not None
    if connector["to"] and not after_between and moves_to(text, first.start, unit_on_second_only):
        return None
    if connector["dash"] and (_DATE_CHAIN.match(text, second.end) or (
            first_unit is None and second_unit is None and first.raw >= second.raw)):
        return _skip_date_chain(text, second.end)
    if first_unit is not None and (second_unit is None or first_unit.unit.code != second_unit.unit.code):
        return None
    if first_unit is None and second_unit is not None and is_year(text, first.number.start, first.number.end):
        return None
    if connector["or"] and second_unit is None or first.scale and not second.scale:
        return None
    if first.scale == 0.0 and second.scale and first.raw <= second.raw:
        first.value = first.raw * second.scale * (1 if first.value >= 0 else -1)
    low, high = sorted((first.value, second.value))
    end = second_unit.end if second_unit else second.end
    return Draft(first.start, end, (low + high) / 2, low, high, second_unit, is_range=True)


def unit_shared_by_and(text: str, first: Amount, pos: int) -> UnitPhrase | None:
    """The unit that "45 and 50 mg" or "rose from 300 to 420 yen" gives the bare number
    before "and" or "to" (at ``pos``)."""
    connector = _CONNECTOR.match(text, pos)
    if not connector or not (connector["and"] or connector["to"]):
        return None
    number = _number_at(text, connector.end())
    if number is None or number.spelled != first.number.spelled:
        return None
    if connector["to"] and not moves_to(text, first.start, True) or is_year(text, first.number.start, first.number.end):
        return None
    unit = read_unit_phrase(text, read_amount(text, number))
    if unit is None or unit.unit.kind not in _SHARED_UNIT_KINDS:
        return None
    return UnitPhrase(unit.unit, unit.surface, pos)


def _second_amount(text: str, first: Amount, pos: int) -> Amount | None:
    if prefix := _PREFIX_AT.match(text, pos):
        pos = prefix.end()
    number = _number_at(text, pos)
    if number is None or number.spelled != first.number.spelled:
        return None
    second = read_amount(text, number)
    if first.currency and not second.currency and read_unit_phrase(text, second) is None:
        second.currency = first.currency
    return second


def _number_at(text: str, pos: int) -> NumberToken | None:
    if pos < len(text) and (text[pos].isdigit() or text[pos] in "-−+"):
        return read_numeral(text, pos)
    return read_number_words(text, pos)


def _skip_date_chain(text: str, pos: int) -> int:
    while chain := _DATE_CHAIN.match(text, pos):
        number = read_numeral(text, chain.start() + 1)
        pos = number.end if number else chain.end()
    return pos
