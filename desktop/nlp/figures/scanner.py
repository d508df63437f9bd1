"""The figure scanner: every figure stated in English text ("$460 million",
"more than 30 years", "16-17", "five times") with its exact span and value.

One compiled regex finds where numbers start; at each, anchored matches read what
is around it (amount, unit, range or movement, multiplier, age, qualifier) and the
rules of ``non_figures`` drop what only looks like a figure (years, dates, times,
identifiers, model numbers). A bare amount may take the currency of its sentence
(``carried_currency``) or of the exchange rate it quotes (``exchange_rates``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from desktop.core.figure import FigureReading
from desktop.nlp.draft import Draft, UnitPhrase
from desktop.nlp.figures.amounts import read_amount, read_uncertainty
from desktop.nlp.figures.carried_currency import carried_money, sentence_end
from desktop.nlp.figures.exchange_rates import exchange_rate_currency
from desktop.nlp.figures.multipliers import MULTIPLYING_WORDS, multiplying_word, read_multiplier
from desktop.nlp.figures.nearby_words import word_before
from desktop.nlp.figures.non_figures import MODEL_AFTER_COUNT, is_bare_figure, is_clock_time, is_named_year
from desktop.nlp.figures.numbers import (
    CARDINAL_WORDS,
    NUMERAL_PATTERN,
    VULGAR_FRACTIONS,
    NumberToken,
    read_number_words,
    read_numeral,
)
from desktop.nlp.figures.qualifiers import hyphen_qualifier_before, qualifier_before
from desktop.nlp.figures.ranges import read_range, unit_shared_by_and
from desktop.nlp.figures.regex_trie import trie_pattern
from desktop.nlp.figures.unit_phrases import read_unit_phrase
from desktop.nlp.figures.units import ARTICLE_UNIT_WORDS, Unit, match_unit
from desktop.nlp.sentences import sentence_spans

if TYPE_CHECKING:  # pandas is imported where a table is made, not by the analysis
    import pandas as pd

_ARTICLE_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "third", "quarter")
_CANDIDATE_WORDS = (*CARDINAL_WORDS, *MULTIPLYING_WORDS, "absolute", "half")
# Every character a candidate may start with, looked ahead for first: re then skips
# the other characters at once rather than trying each alternative at each of them.
_CANDIDATE_FIRSTS = "".join(sorted({"a", "A", *(c for w in _CANDIDATE_WORDS for c in (w[0].lower(), w[0].upper()))}))
_CANDIDATE = re.compile(
    rf"(?=[-−+.\d{''.join(VULGAR_FRACTIONS)}{_CANDIDATE_FIRSTS}])"
    rf"(?:(?P<numeral>{NUMERAL_PATTERN})"
    rf"|\b(?:(?P<article>[Aa]n?)\s+(?={trie_pattern([*_ARTICLE_SCALES, *ARTICLE_UNIT_WORDS])}\b)"
    rf"|(?P<word>{trie_pattern(_CANDIDATE_WORDS)})\b))"
)
_ABSOLUTE_ZERO = re.compile(r"absolute\s+zero\b", re.IGNORECASE)
_KELVIN = Unit("K", "temperature")
_AGE_UNIT = Unit("year", "age")
_SUBUNITS = frozenset({"cent", "penny", "dime", "kopek", "tiyn", "qapik"})
_CENTS_BEFORE_NUMBER = re.compile(r"\s+(?:and\s+)?", re.IGNORECASE)
_CENTS_AFTER_NUMBER = re.compile(r"\s+cents?\b", re.IGNORECASE)
_OLD_AFTER = re.compile(r"[\s-]+old\b|\s+of\s+age\b", re.IGNORECASE)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_PLUS_SUFFIX = re.compile(r"\+(?![\d\w])")
_ACCOUNTING_LEAD = re.compile(r"(?:\b(?:is|was|were|are|of)|[:=])\s*$", re.IGNORECASE)


def find_figures(text: str) -> list[FigureReading]:
    """All figures stated in ``text``, ordered by start, none overlapping."""
    readings: list[FigureReading] = []
    pos = previous_end = 0
    currency, currency_until = "", 0  # of the last amount of money, carried to the end of its sentence
    while match := _CANDIDATE.search(text, pos):
        start = match.start()
        carried = currency if start < currency_until else ""
        after_money = bool(carried) and readings[-1].unit_code == carried
        try:
            draft, resume = _read_candidate(text, match, previous_end, carried, after_money)
        except (ValueError, KeyError, IndexError, OverflowError, ZeroDivisionError):
            draft, resume = None, match.end()  # a number the scanner cannot read gives no figure
        if draft is not None:
            reading = draft.reading(text)
            readings.append(reading)
            if reading.kind == "money" and "/" not in reading.unit_code:
                currency = reading.unit_code
                if reading.end >= currency_until:
                    currency_until = sentence_end(text, reading.end)
            previous_end = resume = draft.end
        pos = max(resume, start + 1)
    return readings


def read_figure(surface: str) -> FigureReading | None:
    """The figure a hand-picked span states ("$75 million"); offsets are relative to ``surface``.

    The longest figure found in it, else the bare number it holds (a year, say), else None.
    """
    readings = find_figures(surface)
    if readings:
        return max(readings, key=lambda reading: reading.end - reading.start)
    stripped = surface.strip()
    number = (read_numeral if stripped[:1].isdigit() else read_number_words)(stripped, 0) if stripped else None
    if number is None or number.end != len(stripped):
        return None
    offset = surface.index(stripped)
    return Draft.single(offset, offset + len(stripped), number.value).reading(surface)


def extract_figures(text: str) -> pd.DataFrame:
    """One row per figure in ``text`` (columns FIGURE_COLUMNS), with the sentence
    holding it, its period and the change it states. Subjects need a dependency
    parse, which this function does not run (see :func:`desktop.nlp.analyze`), so they
    are "" and no figure is derived."""
    describe_figures, article_year, figure_frame = _table_makers()
    readings = find_figures(text)
    if not readings:
        return figure_frame(text, readings, [], derive=False)
    spans = sentence_spans(text)
    readings = describe_figures(text, readings, spans, year=article_year(text))
    return figure_frame(text, readings, spans, derive=False)


@cache
def _table_makers():
    """What extract_figures describes and tabulates with, imported on its first call
    (pandas with them), once: an import statement costs ~0.6 µs on every call."""
    from desktop.nlp.figures.describe import describe_figures
    from desktop.nlp.figures.periods.of_figures import article_year
    from desktop.nlp.figures.table.frame import figure_frame

    return describe_figures, article_year, figure_frame


def _read_candidate(text: str, match: re.Match, previous_end: int, currency: str, after_money: bool
                    ) -> tuple[Draft | None, int]:
    """The figure starting at a candidate, and where to resume scanning. ``currency`` is
    carried from its sentence, from an amount of money read just before it if ``after_money``."""
    start = match.start()
    word = (match["word"] or "").lower()
    if word in MULTIPLYING_WORDS:
        return multiplying_word(start, match.end(), word), match.end()
    if word == "absolute":
        return _absolute_zero(text, start), match.end()
    number = read_numeral(text, start) if match["numeral"] else read_number_words(text, start)
    if number is None:
        return (_article_figure(text, match, previous_end) if match["article"] else None), match.end()
    draft = _read_number_figure(text, number, previous_end, currency, after_money)
    if isinstance(draft, int):
        return None, draft
    return draft, number.end if draft is None else draft.end


def _absolute_zero(text: str, start: int) -> Draft | None:
    zero = _ABSOLUTE_ZERO.match(text, start)
    return Draft.single(start, zero.end(), 0.0, UnitPhrase(_KELVIN, "", zero.end())) if zero else None


def _article_figure(text: str, match: re.Match, previous_end: int) -> Draft | None:
    """ "a gallon", "a cent and a half": one (or 1.5) of the unit, unless it is the rate of a
    figure before ("$3 a gallon")."""
    unit = match_unit(text, match.end())
    rate_of_previous = previous_end > 0 and not text[previous_end:match.start()].strip()
    if unit is None or text[unit.end:unit.end + 1] == "-" or rate_of_previous:
        return None
    half = _AND_A_HALF.match(text, unit.end)
    end = half.end() if half else unit.end
    return Draft.single(match.start(), end, 1.5 if half else 1.0, UnitPhrase(unit.unit, unit.surface, unit.end))


def _read_number_figure(text: str, number: NumberToken, previous_end: int, currency: str, after_money: bool
                        ) -> Draft | int | None:
    """The figure around a number; None when it is no figure, or an offset to skip to."""
    if not number.spelled and (
            is_clock_time(text, text[number.start:number.end].lstrip("+-−"), number.end)
            or _next_to_other_numeral(text, number)):
        return None
    first = read_amount(text, number, previous_end)
    uncertainty = read_uncertainty(text, first.end)
    if uncertainty:
        first.end = uncertainty[1]
    first_unit = read_unit_phrase(text, first)
    if currency and not uncertainty and (money := carried_money(text, first, first_unit, previous_end, after_money)):
        first, first_unit = money, UnitPhrase(Unit(currency, "money"), "", money.end)
    if first_unit is not None and first_unit.surface == "year" and is_named_year(text, number.start, number.end):
        return None
    if first_unit is None and not (number.spelled or first.scale) and (
            code := exchange_rate_currency(text, first.start, first.end)):
        first_unit = UnitPhrase(Unit(code, "money"), "", first.end)
    draft = Draft.single(first.start, first_unit.end if first_unit else first.end, first.value, first_unit)
    if uncertainty:
        draft.low, draft.high = first.value - uncertainty[0], first.value + uncertainty[0]
    word, word_start = word_before(text, first.start)
    after_between = word == "between"
    ranged = read_range(text, first, first_unit, draft.end, after_between)
    if isinstance(ranged, int):
        return ranged
    if ranged is not None:
        draft = ranged
        if after_between:
            draft.start = word_start
    elif first_unit is None:
        draft.unit = unit_shared_by_and(text, first, draft.end)
    if draft.unit is not None:
        _add_cents(text, draft)
    else:
        read_multiplier(text, draft, number.spelled)
    if draft.unit is None and first.scale == 0.0 and not is_bare_figure(text, number, first.start, draft.end):
        return None
    _read_age(text, draft)
    _read_accounting_negative(text, draft, bool(first.currency))
    _read_qualifier(text, draft, previous_end)
    return draft


def _next_to_other_numeral(text: str, number: NumberToken) -> bool:
    """True for numerals only a space apart ("245 23"): codes, phone numbers, tables.

    A count before a model number stays ("10 737-800 planes").
    """
    before = text[max(0, number.start - 2):number.start]
    after = text[number.end:number.end + 2]
    return (len(before) == 2 and before[1] == " " and before[0].isdigit()) or (
        len(after) == 2 and after[0] == " " and after[1].isdigit() and not MODEL_AFTER_COUNT.match(text, number.end))


def _add_cents(text: str, draft: Draft) -> None:
    """ "3 dollars 50 cents" is 3.5 dollars."""
    code = draft.unit.unit.code
    if draft.unit.unit.kind != "money" or code in _SUBUNITS or "/" in code or draft.is_range:
        return
    lead = _CENTS_BEFORE_NUMBER.match(text, draft.end)
    number = lead and (read_numeral(text, lead.end()) if text[lead.end():lead.end() + 1].isdigit() else read_number_words(text, lead.end()))
    cents = number and number.value < 100 and _CENTS_AFTER_NUMBER.match(text, number.end)
    if cents:
        draft.value = draft.low = draft.high = draft.value + number.value / 100
        draft.end = cents.end()


def _read_age(text: str, draft: Draft) -> None:
    """ "16-year-old", "aged 30", "an average age of 16-17 years"."""
    unit = draft.unit
    if unit is not None and unit.unit.kind != "duration":
        return
    if unit is not None and unit.unit.code in ("year", "month", "week", "day") and (old := _OLD_AFTER.match(text, draft.end)):
        draft.end, draft.kind = old.end(), "age"
        return
    word, word_start = word_before(text, draft.start)
    if word == "of":
        word = word_before(text, word_start)[0]
    if word in ("age", "aged", "ages"):
        draft.kind = "age"
        draft.unit = unit or UnitPhrase(_AGE_UNIT, "", draft.end)


def _read_accounting_negative(text: str, draft: Draft, has_currency: bool) -> None:
    """ "The revenue was ($99.99)": an amount in brackets stated as a value is negative."""
    if not has_currency or draft.is_range or draft.value < 0:
        return
    bracketed = text[draft.start - 1:draft.start] == "(" and text[draft.end:draft.end + 1] == ")"
    if bracketed and _ACCOUNTING_LEAD.search(text, max(0, draft.start - 12), draft.start - 1):
        draft.start -= 1
        draft.end += 1
        draft.value, draft.low, draft.high = -draft.value, -draft.high, -draft.low


def _read_qualifier(text: str, draft: Draft, previous_end: int) -> None:
    """ "more than 30 years", "some 500", "near-400,000" and "30+"."""
    found = qualifier_before(text, draft.start)
    if not found and text[draft.start - 1:draft.start] == "-":
        found = hyphen_qualifier_before(text, draft.start)
    if found and found[1] >= previous_end:
        draft.qualifier, draft.start = found
    elif _PLUS_SUFFIX.match(text, draft.end):
        draft.end += 1
        draft.qualifier = "or more"
