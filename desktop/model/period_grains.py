"""Periods on the Over time chart's axis (no Qt here): what kind of period a figure
covers (its grain: whole years, quarters, months, part-years of a length …), where it
stands in time, the label it is shown with, and an earlier value's place shifted back
from its level's ("Q4, a year earlier")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.nlp.figures.periods.normal_forms import (
    UNKNOWN_THIS_YEAR,
    period_label,
    period_months,
    period_sort_key,
    plain_year,
)

_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)–((?:19|20)\d\d)")
_SPLIT_YEAR = re.compile(r"(?:19|20)\d\d–\d\d")
# "12 months to March 2005", "the year to June 2005": a span ending in a month, which
# period_months (as of this writing) reads as that month alone.
_SPAN_TO = re.compile(r"^(?:the\s+)?(?:(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                      r"\s+months?|(year|half[- ]year|quarter))\s+(?:to|ending|ended|through)\b", re.IGNORECASE)
_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_SPAN_WORDS = {"year": 12, "half year": 6, "quarter": 3}
# An earlier value's period left as written, relative to the level it is compared with:
# "year-earlier", "a year ago", "two years earlier", "the previous year", "the prior
# quarter", "the year before", "the same period last year", "a month earlier".
_RELATIVE = re.compile(
    r"^(?:the\s+)?(?P<same>same\s+(?:period|quarter|month|months|half|time)\s+(?:of\s+|in\s+)?(?:the\s+)?)?(?:"
    r"(?P<count>an?|one|two|three|\d)\s+(?P<unit>year|quarter|month)s?\s+(?:earlier|ago|before|previously)"
    r"|(?P<unit2>year|quarter|month)[-\s](?:earlier|ago)"
    r"|(?:previous|prior|preceding)[-\s](?P<unit3>year|quarter|month)"
    r"|(?P<unit4>year|quarter|month)\s+before"
    r"|last\s+(?P<unit5>year)"
    r")(?:\s+(?:period|quarter|month|level|figure))?$", re.IGNORECASE)
_UNIT_MONTHS = {"year": 12, "quarter": 3, "month": 1}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_YEAR_WORDS = {UNKNOWN_THIS_YEAR: "this year", UNKNOWN_THIS_YEAR - 1: "last year"}


@dataclass(frozen=True)
class Grain:
    """What kind of period a figure covers; only figures of one grain are joined.
    ``months`` is its length (0 when unknown)."""

    name: str
    months: int = 0

    @property
    def title(self) -> str:
        """ "Whole years", "Quarters", "4-month periods" …"""
        if self.name == "months":
            return f"{self.months}-month periods"
        if self.name == "years":
            return f"{self.months // 12}-year spans"
        return _GRAIN_TITLES[self.name]

    @property
    def note(self) -> str:
        """The length a label states for a part of a year or a span: "4 months"."""
        if self.name == "months":
            return f"{self.months} months"
        if self.name == "years":
            return f"{self.months // 12} years"
        return ""

    @property
    def joinable(self) -> bool:
        """Whether two periods of this grain may be joined (an unknown span never is)."""
        return self.name != "other"


_GRAIN_TITLES = {"year": "Whole years", "split year": "Split years", "half": "Half-years",
                 "quarter": "Quarters", "month": "Months", "other": "Other periods"}
YEAR, QUARTER, HALF, MONTH, SPLIT_YEAR, OTHER = (
    Grain("year", 12), Grain("quarter", 3), Grain("half", 6), Grain("month", 1), Grain("split year", 12),
    Grain("other"))


@lru_cache(maxsize=4096)
def period_grain(period: str) -> Grain:
    """The grain of ``period``, read with the helpers of figures.periods.normal_forms: a whole
    year ("2022", "last year", "fiscal 2022"), a quarter, a half, a month, a part of
    a year of so many months ("the first four months"), a span of years, or other."""
    if plain_year(period) is not None:
        return YEAR
    months = period_months(period)
    if months is not None and months[0] == months[1] and (span := _span_to(period)):
        return Grain("months", span)  # never joined to whole years or calendar quarters
    if months is None:
        label = period_label(period)
        if span := _YEAR_SPAN.fullmatch(label):
            return Grain("years", 12 * (int(span[2]) - int(span[1]) + 1))
        if _SPLIT_YEAR.fullmatch(label):
            return SPLIT_YEAR
        year = period_sort_key(period)[0]
        return YEAR if year <= UNKNOWN_THIS_YEAR else OTHER
    first, last = months
    length = (last - first) % 12 + 1
    if length == 12 and first == 1:
        return YEAR
    if length == 1:
        return MONTH
    if length == 3 and first % 3 == 1:
        return QUARTER
    if length == 6 and first in (1, 7):
        return HALF
    return Grain("months", length)


def _span_to(period: str) -> int:
    """The length in months of "12 months to March 2005", "the year to June" (0: not one)."""
    match = _SPAN_TO.match(period.strip())
    if match is None:
        return 0
    if match[1]:
        return int(match[1]) if match[1].isdigit() else _WORDS[match[1].lower()]
    return _SPAN_WORDS[match[2].lower().replace("-", " ")]


@lru_cache(maxsize=4096)
def period_text(period: str) -> tuple[str, str]:
    """A period's chart label and the length a reader must be told: ("2022", ""),
    ("Q3 2004", ""), ("Jan–Apr this year", "4 months"), ("12 months to Mar 2005", "")."""
    label, grain = period_label(period), period_grain(period)
    months = period_months(period)
    if grain.name == "months" and months is not None and months[0] == months[1] and _span_to(period):
        return f"{grain.months} months to {label}", ""
    return label, grain.note


def period_order(period: str) -> tuple[int, int, int]:
    """Orders periods by when they end, then shorter first: Q4 2004 before the whole
    of 2004, a part of this year after last year."""
    year = period_sort_key(period)[0]
    months = period_months(period)
    grain = period_grain(period)
    end = 12 if months is None else months[1]
    return year, end, grain.months


def relative_shift(period: str) -> tuple[int, str] | None:
    """How far back an earlier value's unresolved relative period reaches, in months,
    and how to say it: "year-earlier", "the same period last year" -> (12, "a year
    earlier"); "two quarters ago" -> (6, "2 quarters earlier"); None for any other
    period (a resolved one carries a note: "Q4 2003 (a year earlier)")."""
    match = _RELATIVE.match(period.strip()) if isinstance(period, str) else None
    if match is None or (match["unit5"] and not match["same"]):  # "last year" alone is a year
        return None
    unit = next(match[name] for name in ("unit", "unit2", "unit3", "unit4", "unit5") if match[name]).lower()
    word = (match["count"] or "a").lower()
    count = int(word) if word.isdigit() else _WORDS.get(word, 1)
    if count < 1:
        return None
    words = f"a {unit} earlier" if count == 1 else f"{count} {unit}s earlier"
    return count * _UNIT_MONTHS[unit], words


def period_place(period: str) -> Slot:
    """Where ``period`` goes on the time axis (its label, note, grain and order)."""
    label, note = period_text(period)
    return Slot(label, note, period_grain(period), period_order(period))


def shifted_place(period: str, back: int, words: str) -> Slot | None:
    """The place ``back`` months before ``period``, in its grain: "Q4 2003" for "Q4
    2004" a year back, "Q4" noted "a year earlier" when no year is known; None when
    the shift leaves the grain (a quarter a month back) or the grain is never joined."""
    grain = period_grain(period)
    calendar = grain.name in ("year", "split year", "half", "quarter")
    span_to = grain.name == "months" and _span_to(period)
    if not grain.joinable or grain.name == "years" or back <= 0:
        return None
    if (calendar and back % grain.months) or (grain.name == "months" and not span_to and back % 12):
        return None
    place = period_place(period)
    year, end, length = place.order
    total = year * 12 + end - 1 - back
    order = (total // 12, total % 12 + 1, length)
    shown = _period_in(grain, period, order) if year <= UNKNOWN_THIS_YEAR else ""  # its year known
    if shown:
        found = period_place(shown)
        if found.grain == grain and found.order == order:
            return found
    return Slot(place.label, ", ".join(filter(None, (place.note, words))), grain, order)


def _period_in(grain: Grain, period: str, order: tuple[int, int, int]) -> str:
    """A period of ``grain`` (that of ``period``) ending at ``order``, written so the
    period helpers read it back: "Q3 2004", "December last year", "3 months to Sep
    2004"; "" when its year cannot be written."""
    year, end, length = order
    if year in _YEAR_WORDS:
        written = _YEAR_WORDS[year]
    elif year < UNKNOWN_THIS_YEAR - 1:
        written = str(year)
    else:
        return ""
    month = _MONTH_NAMES[end - 1]
    if grain.name == "year":
        return written
    if grain.name == "split year":
        return f"{year}–{(year + 1) % 100:02d}" if written.isdigit() else ""
    if grain.name == "half":
        return f"H{end // 6} {written}"
    if grain.name == "quarter":
        return f"Q{end // 3} {written}"
    if grain.name == "month":
        return f"{month} {written}"
    if _span_to(period):
        return f"{length} months to {month} {written}"
    return f"{_MONTH_NAMES[end - length][:3]}–{month[:3]} {written}" if end >= length else ""


@dataclass
class Slot:
    """One place on the time axis: a period's label and the length it states."""

    label: str
    note: str = ""
    grain: Grain = OTHER
    order: tuple[int, int, int] = (0, 0, 0)
