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
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from desktop.nlp.entities import reasons
from desktop.nlp.entities.words import (
    Occupancy,
    continues_a_name,
    names_with_a_number,
    plain_name,
    sort_spans,
)
from desktop.nlp.results import EntitySpan

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
    A lexicon name inside a longer span ("Trend" in "Trend Micro") leaves it alone, and
    so does one that no span marks where it stands in a longer name (see
    :func:`_part_of_another_name`), or one the model reads as another kind of name
    twice or more in the text and more often than as the lexicon's (:func:`_read_otherwise`:
    the text is about another bearer of the name; a span an earlier pass over a part
    of the text relabelled gets the model's label back)."""
    kept = sort_spans(drop_rejected(spans, text, lexicon))
    by_extent = {(s.start, s.end): s for s in kept}
    starts = [s.start for s in kept]
    occupied = Occupancy(len(text), kept)
    readings = Counter((text[s.start : s.end], s.model_label) for s in kept if s.model_label)
    found = []
    for span in lexicon_spans(text, lexicon):
        before = by_extent.get((span.start, span.end))
        if before is not None and _read_otherwise(text[span.start : span.end], span.label, before, readings):
            if before.reason == reasons.FROM_CORRECTIONS:  # given by a pass over a part of the text
                by_extent[(span.start, span.end)] = replace(before, label=before.model_label,
                                                           reason=reasons.MODEL)
            continue
        if _inside_a_longer_span(span, kept, starts) or (
                occupied.free(span.start, span.end) and _part_of_another_name(text, span.start, span.end)):
            continue
        found.append(replace(span, model_label=before.model_label) if before is not None else span)
    kept = sort_spans(by_extent.values())
    if not found:
        return kept
    occupied = Occupancy(len(text), found)
    return sort_spans([*found, *(s for s in kept if occupied.free(s.start, s.end))])


def keep_own_readings(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` with the model's label given back to the lexicon's spans (given by a
    pass over a part of ``text``) whose words the model reads another way in the whole
    text (:func:`_read_otherwise`), and the lexicon's spans of those words where the
    model found none dropped: run before the document's consistency, so the text's
    own reading decides."""
    readings = Counter((text[s.start : s.end], s.model_label) for s in spans if s.model_label)
    other = {text[s.start : s.end] for s in spans if s.reason == reasons.FROM_CORRECTIONS
             and _read_otherwise(text[s.start : s.end], s.label, s, readings)}
    if not other:
        return spans
    return [s if s.reason != reasons.FROM_CORRECTIONS or text[s.start : s.end] not in other
            else replace(s, label=s.model_label, reason=reasons.MODEL)
            for s in spans
            if s.model_label or s.reason != reasons.FROM_CORRECTIONS or text[s.start : s.end] not in other]


#: An article that reads a name another way this many times is about another bearer
#: of it ("Columbia" the university, corrected to a place in another article).
_OWN_READINGS = 2


def _read_otherwise(surface: str, label: str, span: EntitySpan, readings: Counter) -> bool:
    """True when the model reads ``surface`` under another label than the lexicon's
    ``label`` at ``span``, and so at least ``_OWN_READINGS`` times in the text and more
    often than under the lexicon's: the text's own reading stands."""
    other = span.model_label
    return (bool(other) and other != label and readings[(surface, other)] >= _OWN_READINGS
            and readings[(surface, other)] > readings[(surface, label)])


def _part_of_another_name(text: str, start: int, end: int) -> bool:
    """True for words that stand in a longer name no span marks: capitalised words
    around them ("Transportation" of "the Public Works and Transportation Committee"),
    a hyphen joining them to letters ("SE" of "FT-SE"), or a number they name a thing
    with ("S&P 500 futures")."""
    return (continues_a_name(text, start, end) or names_with_a_number(text, start, end)
            or text[start - 1 : start] == "-" and text[start - 2 : start - 1].isalpha()
            or text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper())


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
