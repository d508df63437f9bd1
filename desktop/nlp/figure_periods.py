"""Periods: the year or span a figure refers to ("2022", "the first four months of
this year"), found with regular expressions in its sentence, else earlier in its
paragraph. A period written as a comparison base ("than in 2021") is kept apart:
it names what a change is measured against, not when the figure holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.nlp.figure_sentences import FigureContext

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
# Month names only capitalised, so that "may" the verb is no month; the full stop of
# an abbreviation ("Jan.") belongs to it, the one after a full name ends the sentence.
_MONTH = (r"(?-i:(?:January|February|March|April|May|June|July|August|September|October"
          r"|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
_YEAR = r"(?:19|20)\d\d"
_ORDINAL = r"(?:first|second|third|fourth|last|past|previous|next|final)"
_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_RELATIVE_YEAR = r"(?:(?:this|last|next|the\s+current|the\s+previous|the\s+past)\s+year|the\s+year\s+before)"
_ANCHOR = rf"(?:(?:fiscal\s+(?:year\s+)?|FY\s?){_YEAR}|{_YEAR}(?:\s*[-–/]\s*(?:{_YEAR}|\d\d)\b)?|{_RELATIVE_YEAR})"
_PART = (
    rf"(?:the\s+)?{_ORDINAL}\s+(?:{_COUNT}\s+)?(?:months?|quarters?|half|weeks?|days?)"
    rf"|(?-i:Q[1-4]|H[12])|{_MONTH}(?:\s*(?:[-–]|to|through)\s*{_MONTH})?(?:\s+\d{{1,2}}\b,?)?"
)
_PERIOD = re.compile(
    rf"\b(?:(?:{_PART})(?:\s+(?:of\s+|in\s+)?{_ANCHOR}\b)?"
    rf"|(?:between|from)\s+{_YEAR}\s+(?:and|to)\s+{_YEAR}\b|{_ANCHOR}\b)",
    re.IGNORECASE,
)
#: Words before a period that make it the base of a comparison.
_BASE_BEFORE = re.compile(
    r"\b(?:than|compared\s+(?:to|with)|versus|vs\.?|since|against|from)"
    r"(?:\s+(?:in|during|for|with|to|the\s+same\s+period\s+(?:of|in)))*\s+$",
    re.IGNORECASE,
)
_DATELINE_YEAR = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}},?\s+({_YEAR})|\d{{1,2}}\s+{_MONTH},?\s+({_YEAR})|({_YEAR})-\d\d-\d\d)\b",
    re.IGNORECASE,
)
_THIS_YEAR = re.compile(r"\b(?:this|the\s+current)\s+year\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\b(?:last|the\s+previous|the\s+past)\s+year\b", re.IGNORECASE)
_PLAIN_YEAR = re.compile(rf"^(?:in\s+|for\s+)?({_YEAR})$", re.IGNORECASE)
_MONTH_SPAN = re.compile(rf"^the\s+first\s+({_COUNT})\s+months?\b", re.IGNORECASE)
_QUARTER = re.compile(r"^(?:the\s+)?(first|second|third|fourth|Q([1-4]))\s*(?:quarter)?\b", re.IGNORECASE)
_HALF = re.compile(r"^(?:the\s+)?(first|second|H([12]))\s*(?:half)?\b", re.IGNORECASE)
_ANY_YEAR = re.compile(rf"\b({_YEAR})\b")
_SHORT_RANGE = re.compile(rf"\b({_YEAR})\s*[-–/]\s*(\d\d)\b")
_COUNT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
#: Sort position of "this year" when no year is known: after every stated year.
UNKNOWN_THIS_YEAR = 9999


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period written in the text; ``base`` when it is what a change is compared to."""

    start: int
    end: int
    text: str
    base: bool = False


def periods_of(context: FigureContext, year: int | None = None) -> list[str]:
    """The period of each figure of ``context``: the nearest stated period in its
    sentence, else the last one stated before it in its paragraph; "this year" and
    "last year" resolved against ``year`` when it is known."""
    periods = []
    for index, reading in enumerate(context.readings):
        place = context.places[index]
        inside = context.sentence_mentions(index)
        period = nearest_period(inside, reading.start, reading.end) or _earlier_period(
            context.mentions, context.mention_starts, place.paragraph, place.first)
        periods.append(resolve_period(period, year))
    return periods


def _earlier_period(mentions: list[PeriodMention], starts: list[int], paragraph: int, sentence_start: int) -> str:
    """The last stated period written before the sentence, within its paragraph."""
    for index in range(bisect_right(starts, sentence_start - 1) - 1, -1, -1):
        mention = mentions[index]
        if mention.start < paragraph:
            return ""
        if not mention.base:
            return mention.text
    return ""


def period_mentions(text: str, start: int, end: int, figures: list[tuple[int, int]] = ()) -> list[PeriodMention]:
    """The periods written in ``text[start:end]``, leaving out numbers that are part of
    a figure ("2000" in "2000 tons"); a period may hold a figure ("the first four
    months of this year")."""
    found = []
    for match in _PERIOD.finditer(text, start, end):
        if any(f_start <= match.start() and match.end() <= f_end or (
                f_start < match.end() and match.start() < f_end and not (
                    match.start() <= f_start and f_end <= match.end())) for f_start, f_end in figures):
            continue
        base = bool(_BASE_BEFORE.search(text, max(start, match.start() - 40), match.start()))
        found.append(PeriodMention(match.start(), match.end(), " ".join(match.group().split()), base))
    return found


def nearest_period(mentions: list[PeriodMention], start: int, end: int) -> str:
    """The stated (not base) period nearest to the figure at ``[start, end)``, or ""."""
    best, distance = "", None
    for mention in mentions:
        if mention.base:
            continue
        gap = start - mention.end if mention.end <= start else mention.start - end
        if distance is None or abs(gap) < distance:
            best, distance = mention.text, abs(gap)
    return best


def base_after(mentions: list[PeriodMention], end: int) -> str:
    """The first base period written after a figure ending at ``end`` ("than in 2021")."""
    return next((m.text for m in mentions if m.base and m.start >= end), "")


def article_year(text: str, head: int = 400) -> int | None:
    """The year of the article's dateline ("BAKU, June 22, 2023."), when it has one."""
    match = _DATELINE_YEAR.search(text, 0, head)
    if match is None:
        return None
    return int(next(group for group in match.groups() if group))


def resolve_period(period: str, year: int | None) -> str:
    """``period`` with "this year" and "last year" written as years when ``year`` is known."""
    if year is None or not period:
        return period
    period = _THIS_YEAR.sub(str(year), period)
    return _LAST_YEAR.sub(str(year - 1), period)


def plain_year(period: str) -> int | None:
    """The year when ``period`` is one whole calendar year ("2022"), else None."""
    match = _PLAIN_YEAR.match(period.strip())
    return int(match[1]) if match else None


def period_months(period: str) -> tuple[int, int] | None:
    """First and last month (1-12) of a part of a year ("the first four months",
    "Q2", "January-April"), or None for a whole year or an unknown span."""
    text = period.strip()
    if match := _MONTH_SPAN.match(text):
        count = match[1].lower()
        months = int(count) if count.isdigit() else _COUNT_WORDS.get(count, 0)
        return (1, months) if 1 <= months <= 12 else None
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
    """A short label for charts: "2022", "2019–2021", "Jan–Apr 2023", "Q1 this year"."""
    year = _year_words(period)
    text = period.strip()
    if (match := _QUARTER.match(text)) and ("quarter" in text.lower() or match[2]):
        return f"Q{match[2] or _ORDINAL_NUMBERS[match[1].lower()]} {year}".strip()
    if (match := _HALF.match(text)) and ("half" in text.lower() or match[2]):
        return f"H{match[2] or _ORDINAL_NUMBERS[match[1].lower()]} {year}".strip()
    months = period_months(period)
    if months is None:
        years = _ANY_YEAR.findall(period)
        if len(years) >= 2:
            return f"{years[0]}–{years[-1]}"
        short = _SHORT_RANGE.search(period)
        return f"{short[1]}–{short[2]}" if short else year or period
    first, last = (_MONTHS[m - 1][:3].capitalize() for m in months)
    span = first if first == last else f"{first}–{last}"
    return f"{span} {year}".strip()


def period_sort_key(period: str) -> tuple[int, int]:
    """Orders periods in time: by year ("this year" after every stated year when
    unresolved), then by first month; a whole year sorts before its parts."""
    years = [int(y) for y in _ANY_YEAR.findall(period)]
    if years:
        year = years[0]
    elif _THIS_YEAR.search(period):
        year = UNKNOWN_THIS_YEAR
    elif _LAST_YEAR.search(period):
        year = UNKNOWN_THIS_YEAR - 1
    else:
        year = UNKNOWN_THIS_YEAR + 1
    months = period_months(period)
    return year, months[0] if months else 0


def _year_words(period: str) -> str:
    years = _ANY_YEAR.findall(period)
    if years:
        return years[0]
    if _THIS_YEAR.search(period):
        return "this year"
    if _LAST_YEAR.search(period):
        return "last year"
    return ""


def _month_number(word: str) -> int:
    word = word.lower()
    if len(word) < 3:
        return 0
    return next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(word)), 0)
