"""Where each figure of a text stands: its sentence, its paragraph and the periods
written around it. Worked out once per text and shared by the readers of periods,
subjects and roles."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.figure import FigureReading
from desktop.nlp.figures.periods.expressions import find_periods
from desktop.nlp.figures.periods.of_figures import PeriodMention


def _cuts_a_figure(start: int, end: int, figures: list[tuple[int, int]]) -> bool:
    """Whether the period at ``[start, end)`` is part of a figure ("2000" in "2000
    tons") or cuts across one; a period may hold a whole figure ("the first four
    months of 2023")."""
    return any((f_start <= start and end <= f_end) or (
        f_start < end and start < f_end and not (start <= f_start and f_end <= end)) for f_start, f_end in figures)


@dataclass(frozen=True, slots=True)
class FigurePlace:
    """One figure's sentence (its index, or -1, and its span) and paragraph start."""

    sentence: int
    first: int
    last: int
    paragraph: int


@dataclass
class FigureContext:
    """The figures of ``text`` with their places, and the periods written in the
    sentences holding them: all of them (``periods``, :class:`.periods.expressions.Period`)
    and those that are not part of a figure (``mentions``, by start; ``mention_starts``
    their starts)."""

    text: str
    readings: Sequence[FigureReading]
    sentences: Sequence[tuple[int, int]]
    places: list[FigurePlace]
    mentions: list[PeriodMention]
    mention_starts: list[int]
    periods: list = field(default_factory=list)  # every Period found in those sentences

    @classmethod
    def of(cls, text: str, readings: Sequence[FigureReading], sentences: Sequence[tuple[int, int]]
           ) -> FigureContext:
        """The context of ``readings`` in ``text`` cut into sorted ``sentences``."""
        starts = [start for start, _ in sentences]
        places = []
        for reading in readings:
            index = bisect_right(starts, reading.start) - 1
            first, last = sentences[index] if index >= 0 else (reading.start, reading.end)
            places.append(FigurePlace(index, first, last, text.rfind("\n", 0, first) + 1))
        figures = [(r.start, r.end) for r in readings]
        periods = []  # read only in the sentences that hold figures: no caller looks further
        for first, last in sorted({(place.first, place.last) for place in places}):
            periods += find_periods(text, first, last)
        mentions = [PeriodMention(p.start, p.end, p.normal, p.base) for p in periods
                    if not _cuts_a_figure(p.start, p.end, figures)]
        return cls(text, readings, sentences, places, mentions, [m.start for m in mentions], periods)

    def mentions_in(self, first: int, last: int) -> list[PeriodMention]:
        """The periods written between offsets ``first`` and ``last``."""
        starts = self.mention_starts
        return self.mentions[bisect_right(starts, first - 1):bisect_right(starts, last - 1)]

    def sentence_mentions(self, index: int) -> list[PeriodMention]:
        """The periods written in the sentence of the figure at ``index``."""
        place = self.places[index]
        return self.mentions_in(place.first, place.last)

    def inside_period(self, index: int) -> bool:
        """True for a figure that is part of a period ("four months" in "the first
        four months of this year")."""
        reading = self.readings[index]
        return any(m.start <= reading.start and reading.end <= m.end for m in self.sentence_mentions(index))
