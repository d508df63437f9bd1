"""The user's corrections applied to a text: names they accepted are suggested
wherever they stand, and model spans they rejected are dropped.

The lexicon is anything with ``entries()`` giving objects with ``surface``,
``label`` and ``decision`` ("accepted" or "rejected"), such as
``desktop.formats.lexicon.Lexicon`` (this layer does not import it). Lexicon
spans are ordinary suggestions with the reason "from your corrections"; deciding
against a person's own highlights is left to the model layer, which never lets a
suggestion replace one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from desktop.nlp.entities import reasons
from desktop.nlp.entities.words import Occupancy, plain_name, sort_spans
from desktop.nlp.entity_merge import EntitySpan

ACCEPTED = "accepted"
REJECTED = "rejected"
#: Spans starting before a lexicon match that may still hold it (entities rarely nest).
_NESTED_LOOKBACK = 3


class LexiconEntryLike(Protocol):
    surface: str
    label: str
    decision: str


class LexiconLike(Protocol):
    def entries(self) -> Iterable[LexiconEntryLike]: ...


def lexicon_spans(text: str, lexicon: LexiconLike) -> list[EntitySpan]:
    """Whole-word, case-sensitive occurrences of the accepted entries in ``text``;
    longer surfaces first, never overlapping. When a surface was accepted under
    several labels, the entry listed last (the most recent) wins."""
    labels = {e.surface: e.label for e in lexicon.entries() if e.decision == ACCEPTED and e.surface}
    if not labels:
        return []
    pattern = _pattern(tuple(sorted(labels, key=lambda s: (-len(s), s))))
    return [
        EntitySpan(m.start(), m.end(), labels[m.group()], reasons.FROM_CORRECTIONS,
                   plain_name(m.group()))
        for m in pattern.finditer(text)
    ]


def drop_rejected(spans: list[EntitySpan], text: str, lexicon: LexiconLike) -> list[EntitySpan]:
    """``spans`` without those whose words and label the user rejected."""
    rejected = {(e.surface, e.label) for e in lexicon.entries() if e.decision == REJECTED}
    if not rejected:
        return spans
    return [s for s in spans if (text[s.start : s.end], s.label) not in rejected]


def apply_lexicon(spans: list[EntitySpan], text: str, lexicon: LexiconLike) -> list[EntitySpan]:
    """``spans`` with rejected ones dropped and the lexicon's spans put in place of
    any span they overlap, keeping the model's label of a span they replace exactly.
    A lexicon name inside a longer span ("Trend" in "Trend Micro") leaves it alone."""
    kept = sort_spans(drop_rejected(spans, text, lexicon))
    by_extent = {(s.start, s.end): s for s in kept}
    starts = [s.start for s in kept]
    found = [
        replace(s, model_label=by_extent[(s.start, s.end)].model_label)
        if (s.start, s.end) in by_extent else s
        for s in lexicon_spans(text, lexicon)
        if not _inside_a_longer_span(s, kept, starts)
    ]
    if not found:
        return kept
    occupied = Occupancy(len(text), found)
    return sort_spans([*found, *(s for s in kept if occupied.free(s.start, s.end))])


def _inside_a_longer_span(span: EntitySpan, spans: list[EntitySpan], starts: list[int]) -> bool:
    """True when one of ``spans`` (sorted, with their ``starts``) holds ``span`` and more."""
    index = bisect_right(starts, span.start)
    return any(
        other.start <= span.start and span.end <= other.end
        and (other.start, other.end) != (span.start, span.end)
        for other in spans[max(0, index - _NESTED_LOOKBACK) : index]
    )


@lru_cache(maxsize=8)
def _pattern(surfaces: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``surfaces`` (longest first) standing as whole words."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?!\w)")
