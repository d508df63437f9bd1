"""Periods: the year or span a figure refers to ("2022", "Q3 2004", "three months to
December 2004", "a year earlier"), read from the figure's own clause, then its sentence
(:mod:`desktop.nlp.figures.periods.clauses`, over the expressions of
:mod:`desktop.nlp.figures.periods.expressions`). A period from an earlier sentence is taken only
through an explicit link ("that month", "for the quarter", "the same period"); a period
written as a comparison base ("than in 2021") is kept apart: it names what a change is
measured against, not when the figure holds.

The labels, months and sort keys of the charts read the normal forms written here
(see :mod:`desktop.nlp.figures.periods.normal_forms`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.nlp.figures.periods.clauses import CURRENT_WORD, sentence_periods
from desktop.nlp.figures.periods.expressions import Period, find_periods
from desktop.nlp.figures.periods.normal_forms import (
    _ANY_YEAR,
    _COUNT,
    _LAST_YEAR,
    _MONTHS,
    _NEXT_YEAR,
    _ORDINAL_NUMBERS,
    _THIS_YEAR,
    _YEAR,
    _month_number,
)
from desktop.nlp.figures.periods.words import MONTH_PATTERN

if TYPE_CHECKING:
    from desktop.nlp.figures.surroundings import FigureContext


# Month names only capitalised, so that "may" the verb is no month; the full stop of
# an abbreviation ("Jan.") belongs to it, the one after a full name ends the sentence.
_MONTH = MONTH_PATTERN
_ORDINAL = r"(?:first|second|third|fourth|last|past|previous|next|final)"
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
    rf"\b(?:{_MONTH}\s+\d{{1,2}},?\s+({_YEAR})|\d{{1,2}}\s+{_MONTH},?\s+({_YEAR})|({_YEAR})[-/]\d\d[-/]\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period written in the text; ``base`` when it is what a change is compared to."""

    start: int
    end: int
    text: str
    base: bool = False


def periods_of(context: FigureContext, year: int | None = None) -> list[str]:
    """The period of each figure of ``context``, in normal form: the period of its own
    clause, else of its sentence (see :mod:`desktop.nlp.figures.periods.clauses`); "" when its
    sentence states none. A link ("that month", "for the quarter") is resolved to the
    period it points back to in the paragraph, a relative anchor ("a year earlier") to
    the period of the sentence's other figures, and "this year"/"last year" to years
    when ``year`` (the article's) is known. Never raises on odd input."""
    readings = list(getattr(context, "readings", None) or ())
    places = list(getattr(context, "places", None) or ())
    text = getattr(context, "text", "")
    if not isinstance(text, str) or not readings or len(places) != len(readings):
        return [""] * len(readings)
    scanned = getattr(context, "periods", None)  # read already by FigureContext.of
    if scanned is not None and not scanned and not CURRENT_WORD.search(text):
        return [""] * len(readings)  # no period written, and no "current" to make one of
    year = _valid_year(year)
    spans = [_span(reading, len(text)) for reading in readings]
    chosen: list[Period | None] = [None] * len(readings)
    groups: dict[tuple[int, int], list[int]] = {}
    for index, place in enumerate(places):
        first, last = _span((place.first, place.last), len(text))
        if not (first <= spans[index][0] and spans[index][1] <= max(last, first)):
            first, last = spans[index]
        groups.setdefault((first, last), []).append(index)
    # only the sentences holding figures are read for periods (the rest of the
    # paragraph only when a link such as "that month" points back into it)
    if scanned is None:
        scanned = [period for first, last in _merged(groups) for period in find_periods(text, first, last)]
    found = _outside_figures(list(scanned), spans)
    starts = [p.start for p in found]
    sentence_of: dict[int, int] = {}
    for (first, last), members in groups.items():
        members.sort(key=lambda i: spans[i])
        sentence_of.update((i, first) for i in members)
        mentions = found[bisect_left(starts, first):bisect_left(starts, last)]
        for index, period in zip(members, sentence_periods(text, first, last, [spans[i] for i in members],
                                                           mentions)):
            chosen[index] = period
    if any(period is not None and period.kind == "link" for period in chosen):
        found = _outside_figures(find_periods(text), spans)
        starts = [p.start for p in found]
    periods = []
    for index, period in enumerate(chosen):
        if period is None:
            periods.append("")
            continue
        shown = period.normal
        if period.kind == "link":
            shown = _linked(period, found, starts, _paragraph_start(places[index]), year)
        elif period.kind == "ordinal":
            shown = _ordinal(period, found, starts, sentence_of[index], year)
        elif period.kind == "anchor":
            shown = _anchored(period, index, chosen, groups, year)
        else:
            shown = resolve_period(shown, year)
        periods.append(shown)
    return periods


def _valid_year(year) -> int | None:
    try:
        value = int(year)
    except (TypeError, ValueError, OverflowError):
        return None
    return value if 1000 <= value <= 9999 else None


def _span(item, length: int) -> tuple[int, int]:
    start, end = (item.start, item.end) if hasattr(item, "start") else item
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        return 0, 0
    start = max(0, min(start, length))
    return start, max(start, min(end, length))


def _paragraph_start(place) -> int:
    try:
        return max(0, int(place.paragraph))
    except (AttributeError, TypeError, ValueError):
        return 0


def _merged(spans) -> list[tuple[int, int]]:
    """Sorted spans with the overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _outside_figures(found: list[Period], spans: list[tuple[int, int]]) -> list[Period]:
    """``found`` without the numbers that are part of a figure ("2000" in "2000 tons"),
    keeping a year read as a figure on its own ("in 2001")."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    kept = []
    for period in found:
        index = bisect_right(starts, period.start) - 1
        if index >= 0:
            f_start, f_end = ordered[index]
            if f_start <= period.start and period.end <= f_end and not (
                    (f_start, f_end) == (period.start, period.end) and period.kind in ("year", "duration")):
                continue
        kept.append(period)
    return kept


_LINK_KINDS = {
    "month": ("date",),
    "quarter": ("quarter", "month_range", "span"),
    "year": ("year", "relative"),
    "week": ("weekend", "weekday", "weak"),
}


def _linked(link: Period, found: list[Period], starts: list[int], paragraph: int, year: int | None) -> str:
    """ "that month" shown with the month it points back to: "January (that month)"."""
    words = link.normal.split()
    kinds = next((kinds for word, kinds in _LINK_KINDS.items() if word in words), None)
    for index in range(bisect_left(starts, link.start) - 1, -1, -1):
        candidate = found[index]
        if candidate.start < paragraph:
            break
        if candidate.base or candidate.event or candidate.kind in ("link", "anchor", "now", "null", "annual"):
            continue
        if candidate.weak and kinds != _LINK_KINDS["week"]:
            continue
        if kinds is None or candidate.kind in kinds:
            if candidate.kind == "span" and not candidate.normal.startswith("three "):
                continue
            if words[-1] in ("figure", "number", "total", "amount", "level", "sum"):
                return resolve_period(candidate.normal, year)  # "That figure is ...": the figure's period
            if "same" in words:
                return _same_period(resolve_period(candidate.normal, year), link.normal, year) or link.normal
            return f"{resolve_period(candidate.normal, year)} ({link.normal})"
    return resolve_period(link.normal, year)


def _same_period(earlier: str, link: str, year: int | None) -> str:
    """ "the same period of 2003" after "the first eleven months of 2004": "first eleven
    months of 2003"; "the same period" alone: "first eleven months of 2004 (the same period)"."""
    stated = _ANY_YEAR.search(resolve_period(link, year))
    if stated is None:
        if re.search(r"\b(?:a\s+year\s+(?:earlier|ago)|last\s+year)\b", link):
            shifted = _shift(earlier, "year", -1)
            return f"{shifted} ({link})" if shifted else ""
        return f"{earlier} ({link})"
    if _ANY_YEAR.search(earlier):
        return _ANY_YEAR.sub(stated[1], earlier, count=1)
    if re.fullmatch(rf"(?:{_MONTH}|Q[1-4])", earlier):
        return f"{earlier} {stated[1]}"
    return f"{earlier} of {stated[1]}" if re.match(r"(?:first|second|last|final)\b", earlier) else ""


def _ordinal(ordinal: Period, found: list[Period], starts: list[int], sentence: int, year: int | None) -> str:
    """ "the second" after "the first quarter of 2004" in its sentence: "Q2 2004"; "" when
    no quarter or half is named before it."""
    number = _ORDINAL_NUMBERS.get(ordinal.normal, 4 if ordinal.normal in ("final", "last") else 0)
    for index in range(bisect_left(starts, ordinal.start) - 1, -1, -1):
        named = found[index]
        if named.start < sentence:
            break
        shown = resolve_period(named.normal, year)
        stated = _ANY_YEAR.search(shown)
        if named.kind == "quarter" and shown.startswith("Q"):
            return f"Q{number} {stated[1]}" if stated else f"Q{number}"
        if named.kind == "half" and number in (1, 2):
            name = ("first", "second")[number - 1]
            return f"{name} half of {stated[1]}" if stated else f"{name} half"
    return ""


_SHIFT = re.compile(r"\b(?:(a|one|two|three|\d)\s+)?(year|month|quarter)s?[-\s]+(earlier|ago|before|later|previously)"
                    r"|\b(previous|prior|preceding)\s+(year|month|quarter)|\b(year|month|quarter)\s+before"
                    r"|\b(year)-(?:earlier|ago)", re.IGNORECASE)


def _anchored(anchor: Period, index: int, chosen, groups, year: int | None) -> str:
    """ "a year earlier" shown with the period it names when the sentence's other
    figures give theirs: "Q4 2003 (a year earlier)"; else as written."""
    match = _SHIFT.search(anchor.normal)
    if match is None:
        return anchor.normal
    count = {"a": 1, "one": 1, "two": 2, "three": 3}.get((match[1] or "a").lower(), None)
    if count is None:
        count = int(match[1]) if (match[1] or "").isdigit() else 1
    unit = (match[2] or match[5] or match[6] or match[7] or "year").lower()
    step = count if (match[3] or "").lower() == "later" else -count
    members = next(m for m in groups.values() if index in m)
    position = members.index(index)
    ordered = members[:position][::-1] + members[position + 1:]
    for other in ordered:
        reference = chosen[other]
        if reference is None or reference.kind in ("anchor", "link", "now", "annual", "null") or reference.weak:
            continue
        shifted = _shift(resolve_period(reference.normal, year), unit, step)
        if shifted:
            return f"{shifted} ({anchor.normal})"
        break
    return anchor.normal


def _shift(period: str, unit: str, step: int) -> str:
    """``period`` moved by ``step`` years, months or quarters, or "" when it cannot be."""
    years = _ANY_YEAR.findall(period)
    if unit == "year":
        if not years or period.startswith(("since", "by", "from")):
            return ""
        return _ANY_YEAR.sub(lambda m: str(int(m[1]) + step), period)
    if unit == "month":
        match = re.fullmatch(rf"({_MONTH})(?:\s+({_YEAR}))?", period)
        if not match:
            return ""
        number = _month_number(match[1]) - 1 + step
        year_shift, number = divmod(number, 12)
        shown = _MONTHS[number].capitalize()
        return f"{shown} {int(match[2]) + year_shift}" if match[2] else shown
    if unit == "quarter":
        match = re.fullmatch(rf"Q([1-4])(?:\s+({_YEAR}))?", period)
        if not match:
            return ""
        year_shift, number = divmod(int(match[1]) - 1 + step, 4)
        return f"Q{number + 1} {int(match[2]) + year_shift}" if match[2] else f"Q{number + 1}"
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


def article_year(text: str, fallback: int | None = None, head: int = 400) -> int | None:
    """The year of the article's dateline ("BAKU, June 22, 2023.", "12 May 2019",
    "2005/02/10"), else ``fallback`` (a year the caller knows, e.g. from the file's
    metadata), else None. Never raises."""
    fallback = _valid_year(fallback)
    if not isinstance(text, str):
        return fallback
    try:
        end = max(0, int(head))
        match = _DATELINE_YEAR.search(text, 0, end) if "19" in text[:end] or "20" in text[:end] else None
    except (TypeError, ValueError, OverflowError):
        match = None
    if match is None:
        return fallback
    return int(next(group for group in match.groups() if group))


def resolve_period(period: str, year: int | None) -> str:
    """``period`` with "this year", "last year" and "next year" written as years when
    ``year`` is known ("later this year" → "later in 2005")."""
    year = _valid_year(year)
    if year is None or not isinstance(period, str) or not period:
        return period if isinstance(period, str) else ""
    period = re.sub(r"\b(later|earlier)\s+this\s+year\b", rf"\1 in {year}", period, flags=re.IGNORECASE)
    period = re.sub(r"\bso\s+far\s+this\s+year\b", f"{year} so far", period, flags=re.IGNORECASE)
    period = _THIS_YEAR.sub(str(year), period)
    period = _NEXT_YEAR.sub(str(year + 1), period)
    return _LAST_YEAR.sub(str(year - 1), period)
