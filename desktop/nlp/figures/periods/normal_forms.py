"""What the charts read from the normal form of a period ("Q3 2004", "the first four months
of 2023", "this year"): its label (:func:`period_label`), its months
(:func:`period_months`), its place in time (:func:`period_sort_key`) and the one year
it is (:func:`plain_year`); with the year words the reading of periods shares."""

from __future__ import annotations

import re

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_YEAR = r"(?:19|20)\d\d"
_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_THIS_YEAR = re.compile(r"\b(?:this|the\s+current)\s+year\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\b(?:last|the\s+previous|the\s+past)\s+year\b", re.IGNORECASE)
_NEXT_YEAR = re.compile(r"\bnext\s+year\b", re.IGNORECASE)
_PLAIN_YEAR = re.compile(rf"^(?:in\s+|for\s+)?({_YEAR})$", re.IGNORECASE)
_MONTH_SPAN = re.compile(rf"^(?:the\s+)?first\s+({_COUNT})\s+months?\b", re.IGNORECASE)
_LAST_MONTHS = re.compile(rf"^(?:the\s+)?(?:last|final)\s+({_COUNT})\s+months\s+of\b", re.IGNORECASE)
_QUARTER = re.compile(r"^(?:the\s+)?(first|second|third|fourth|Q([1-4]))\s*(?:quarter)?\b", re.IGNORECASE)
_HALF = re.compile(r"^(?:the\s+)?(first|second|H([12]))\s*(?:half)?\b", re.IGNORECASE)
_ANY_YEAR = re.compile(rf"\b({_YEAR})\b")
_SHORT_RANGE = re.compile(rf"\b({_YEAR})\s*[-–/]\s*(\d\d)\b")
#: A note after a period: "Q4 2003 (a year earlier)", "January (that month)".
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
#: A prefix that makes a period a horizon or a start: "by 2010", "since May".
_PREFIX = re.compile(r"^(by|since|from|later\s+in|earlier\s+in)\s+(?:end\s+of\s+)?", re.IGNORECASE)
_NOW = re.compile(r"^(?:now|currently|current|at present|presently)$", re.IGNORECASE)
_COUNT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
#: Sort position of "this year" when no year is known: after every stated year.
UNKNOWN_THIS_YEAR = 9999


def _core(period) -> str:
    """``period`` without a note ("Q4 2003 (a year earlier)" → "Q4 2003"); "" for a non-string."""
    if not isinstance(period, str):
        return ""
    return _NOTE.sub("", period).strip() or period.strip()


def plain_year(period: str) -> int | None:
    """The year when ``period`` is one whole calendar year ("2022", "2003 (a year
    earlier)"), else None."""
    match = _PLAIN_YEAR.match(_core(period))
    return int(match[1]) if match else None


def period_months(period: str) -> tuple[int, int] | None:
    """First and last month (1-12) of a part of a year ("the first four months",
    "Q2", "January-April", "the final three months of 2004"), or None for a whole
    year, a start ("since May") or an unknown span. A span to a month ("12 months to
    March 2005") reads as that month."""
    text = _core(period)
    prefix = _PREFIX.match(text)
    if prefix:
        if prefix[1].lower() in ("since", "from"):
            return None
        text = text[prefix.end():]
    if match := _MONTH_SPAN.match(text):
        months = _count(match[1])
        return (1, months) if 1 <= months <= 12 else None
    if match := _LAST_MONTHS.match(text):
        months = _count(match[1])
        return (13 - months, 12) if 1 <= months <= 12 else None
    if (match := _QUARTER.match(text)) and ("quarter" in text.lower() or match[2]):
        quarter = int(match[2]) if match[2] else _ORDINAL_NUMBERS[match[1].lower()]
        return 3 * quarter - 2, 3 * quarter
    if (match := _HALF.match(text)) and ("half" in text.lower() or match[2]):
        half = int(match[2]) if match[2] else _ORDINAL_NUMBERS[match[1].lower()]
        return 6 * half - 5, 6 * half
    months = [_month_number(word) for word in re.findall(r"[A-Za-z]+", text)]
    months = [m for m in months if m]
    if months:
        return months[0], months[-1]
    return None


def period_label(period: str) -> str:
    """A short label for charts: "2022", "2019–2021", "Jan–Apr 2023", "Q1 this year",
    "by 2010", "since May"."""
    text = _core(period)
    prefix = _PREFIX.match(text)
    if prefix and text[prefix.end():]:
        word = prefix[1].lower().split()[0]
        return f"{word} {period_label(text[prefix.end():])}"
    year = _year_words(text)
    if (match := _QUARTER.match(text)) and ("quarter" in text.lower() or match[2]):
        return f"Q{match[2] or _ORDINAL_NUMBERS[match[1].lower()]} {year}".strip()
    if (match := _HALF.match(text)) and ("half" in text.lower() or match[2]):
        return f"H{match[2] or _ORDINAL_NUMBERS[match[1].lower()]} {year}".strip()
    months = period_months(text)
    if months is None:
        years = _ANY_YEAR.findall(text)
        if len(years) >= 2:
            return f"{years[0]}–{years[-1]}"
        short = _SHORT_RANGE.search(text)
        return f"{short[1]}–{short[2]}" if short else year or text
    first, last = (_MONTHS[m - 1][:3].capitalize() for m in months)
    span = first if first == last else f"{first}–{last}"
    return f"{span} {year}".strip()


def period_sort_key(period: str) -> tuple[int, int]:
    """Orders periods in time: by year ("this year" and "now" after every stated year
    when unresolved, "next year" after them), then by first month; a whole year sorts
    before its parts."""
    text = _core(period)
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    if years:
        year = years[0]
    elif _THIS_YEAR.search(text) or _NOW.match(text):
        year = UNKNOWN_THIS_YEAR
    elif _LAST_YEAR.search(text):
        year = UNKNOWN_THIS_YEAR - 1
    else:
        year = UNKNOWN_THIS_YEAR + 1
    months = period_months(text)
    return year, months[0] if months else 0


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _COUNT_WORDS.get(word, 0)


def _year_words(period: str) -> str:
    years = _ANY_YEAR.findall(period)
    if years:
        return years[0]
    if _THIS_YEAR.search(period):
        return "this year"
    if _LAST_YEAR.search(period):
        return "last year"
    if _NEXT_YEAR.search(period):
        return "next year"
    return ""


def _month_number(word: str) -> int:
    word = word.lower()
    if len(word) < 3:
        return 0
    return next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(word)), 0)
