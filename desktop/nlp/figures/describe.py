"""What each figure is of and when: its subject, period and change, read from its
sentence and the paragraph around it (see :mod:`.subjects`, :mod:`.periods` and
:mod:`.changes`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

from desktop.core.figure import FigureReading
from desktop.nlp.figures.periods.of_figures import periods_of
from desktop.nlp.figures.roles import roles_of
from desktop.nlp.figures.subjects.of_figures import subjects_of
from desktop.nlp.figures.surroundings import FigureContext

#: A wire story's dateline before its first sentence: "LONDON, March 3, 2025 - ",
#: "NEW YORK (Reuters) - ", "BAKU, June 22. ".
_DATELINE = re.compile(  # a place in capitals, then a date or an agency (or both), then a dash
    r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:\s*\([^()\n]{1,40}\)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*(?:19|20)\d\d)?)?"
    r"|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*(?:19|20)\d\d)?(?:\s*\([^()\n]{1,40}\))?)"
    r"\s*(?:[-–—]|--)\s+(?=[A-Z\"“‘'])")


def without_dateline(sentence: str) -> str:
    """``sentence`` with a dateline at its start blanked out (the same length, so
    offsets hold): parsed with it, "LONDON" became the owner of the first figures."""
    match = _DATELINE.match(sentence)
    return " " * match.end() + sentence[match.end():] if match else sentence


#: Characters of a sentence kept after its last figure for the parse: enough for the
#: noun a figure counts ("over 120 agreements and treaties"). The parser reads left
#: to right, so what it decided before the cut does not depend on the rest.
PARSE_TAIL_CHARS = 60
#: Where the clause holding a sentence's last figure ends: the parse of the words
#: after it never changed a subject on the benchmark texts (6% fewer characters).
_CLAUSE_MARK = re.compile(r"[,;:(]|\s[—–-]\s")


def parse_spans(
    text: str, readings: Sequence[FigureReading], sentences: Sequence[tuple[int, int]]
) -> dict[int, tuple[int, int]]:
    """For each sentence holding a figure (by index into ``sentences``), the part of
    it to parse: from its start to a word end at least PARSE_TAIL_CHARS after its
    last figure, or to the first clause mark (a comma, a semicolon, a colon, an
    opening bracket or a dash) after it, whichever comes first."""
    starts = [start for start, _ in sentences]
    last_end: dict[int, int] = {}
    for reading in readings:
        index = bisect_right(starts, reading.start) - 1
        if index >= 0:
            last_end[index] = max(last_end.get(index, 0), reading.end)
    spans = {}
    for index, figure_end in sorted(last_end.items()):
        start, end = sentences[index]
        cut = figure_end + PARSE_TAIL_CHARS
        if cut < end:
            space = text.find(" ", cut, end)
            end = space if space >= 0 else end
        clause = _CLAUSE_MARK.search(text, figure_end, end)
        spans[index] = (start, clause.start() if clause else end)
    return spans


def describe_figures(
    text: str,
    readings: Sequence[FigureReading],
    sentences: Sequence[tuple[int, int]],
    docs: Mapping[int, object] | None = None,
    year: int | None = None,
    names: Sequence[str] = (),
) -> list[FigureReading]:
    """``readings`` (offsets into ``text``) with subject, period, change and role filled in.

    ``sentences`` are the sorted sentence spans of ``text``; ``docs`` maps a
    sentence's index to its parsed spaCy Doc (offsets from the sentence start), for
    subjects; without it subjects stay "". ``year`` is the article's year, which
    "this year" is resolved to; ``names`` are what the article is about
    (:func:`.subjects.names.article_names`), which "the firm" and "it" may stand
    for. Each concern has its module: periods (:func:`.periods.of_figures.periods_of`),
    subjects (:func:`.subjects.of_figures.subjects_of`)
    and roles with their changes (:func:`.roles.roles_of`).
    """
    if not readings:
        return []
    context = FigureContext.of(text, readings, sentences)
    periods = periods_of(context, year)
    subjects = subjects_of(context, docs, names)
    roles = roles_of(context)
    _conversions_follow_their_amount(readings, roles, subjects, periods)
    return [FigureReading(r.start, r.end, r.surface, r.value, r.unit, r.unit_code, r.kind, r.low, r.high,
                          r.qualifier, subject, period, role.change, role.role, role.direction, role.moved,
                          role.link)
            for r, subject, period, role in zip(readings, subjects, periods, roles)]


def _conversions_follow_their_amount(readings, roles, subjects: list[str], periods: list[str]) -> None:
    """An amount converted in brackets ("£75m ($141m)") measures what its main amount
    measures, for the same period."""
    position = {reading.start: index for index, reading in enumerate(readings)}
    for index, role in enumerate(roles):
        main = position.get(role.link) if role.converts else None
        if main is not None:
            subjects[index] = subjects[main] or subjects[index]
            periods[index] = periods[main] or periods[index]
