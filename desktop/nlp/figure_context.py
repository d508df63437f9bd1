"""What each figure is of and when: its subject, period and change, read from its
sentence and the paragraph around it (see figure_subjects, figure_periods and
figure_changes)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace

from desktop.core.figure import FigureReading
from desktop.nlp.figure_changes import change_of
from desktop.nlp.figure_periods import PeriodMention, base_after, nearest_period, period_mentions, resolve_period
from desktop.nlp.figure_subjects import ANAPHOR, subject_of


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
) -> list[FigureReading]:
    """``readings`` (offsets into ``text``) with subject, period and change filled in.

    ``sentences`` are the sorted sentence spans of ``text``; ``docs`` maps a
    sentence's index to its parsed spaCy Doc (offsets from the sentence start), for
    subjects; without it subjects stay "". ``year`` is the article's year, which
    "this year" is resolved to. Periods and the subject a figure points back to
    ("This figure is …") are looked up in the same paragraph only.
    """
    if not readings:
        return []
    spans = [(r.start, r.end) for r in readings]
    mentions = period_mentions(text, 0, len(text), spans)
    mention_starts = [m.start for m in mentions]
    starts = [start for start, _ in sentences]
    described = []
    last_subject, last_paragraph = "", -1
    for reading in readings:
        index = bisect_right(starts, reading.start) - 1
        first, last = sentences[index] if index >= 0 else (reading.start, reading.end)
        paragraph = text.rfind("\n", 0, first) + 1
        if paragraph != last_paragraph:
            last_subject, last_paragraph = "", paragraph
        inside = mentions[bisect_right(mention_starts, first - 1):bisect_right(mention_starts, last - 1)]
        period = nearest_period(inside, reading.start, reading.end) or _earlier_period(
            mentions, mention_starts, paragraph, first)
        change = change_of(text, reading, base_after(inside, reading.end))
        subject = ""
        doc = docs.get(index) if docs else None
        if any(m.start <= reading.start and reading.end <= m.end for m in inside):
            doc = None  # "four months" in "the first four months of this year" is part of a period
        if doc is not None:
            subject = subject_of(doc, reading.start - first, reading.end - first)
            if subject == ANAPHOR:
                subject = last_subject
            if subject:
                last_subject = subject
        described.append(replace(reading, subject=subject, period=resolve_period(period, year), change=change))
    return described


def _earlier_period(mentions: list[PeriodMention], starts: list[int], paragraph: int, sentence_start: int) -> str:
    """The last stated period written before the sentence, within its paragraph."""
    for index in range(bisect_right(starts, sentence_start - 1) - 1, -1, -1):
        mention = mentions[index]
        if mention.start < paragraph:
            return ""
        if not mention.base:
            return mention.text
    return ""
