"""Abbreviations defined in the text ("Organization of Turkic States (OTS)") and used
later: every use of the short form gets the long form's label and canonical name.

A short form in capitals is first matched to the initials of the capitalised words
before the bracket (skipping "of", "the", ...); failing that, the Schwartz–Hearst
algorithm (Pacific Symposium on Biocomputing, 2003) matches its characters right to
left, the first one starting a word, and the result is widened to the whole
capitalised name it ends ("National Institute for Space Research (INPE)").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from desktop.nlp.entities import reasons
from desktop.nlp.entities.words import (
    NAME_LABELS,
    Occupancy,
    plain_name,
    sort_spans,
    whole_word_matches,
)
from desktop.nlp.results import EntitySpan

_BRACKETED = re.compile(r"\(([^()\n]{2,10})\)")
#: How far before its bracket a long form may start.
MAX_LONG_FORM_CHARS = 300
_LEADING_THE = re.compile(r"(?:the|The) $")


@dataclass(frozen=True, slots=True)
class Definition:
    """``long_form (short_form)``: where the long form stands in the text."""

    short_form: str
    long_form: str
    long_start: int
    long_end: int


def find_definitions(text: str) -> list[Definition]:
    """Every "Long Form (SHORT)" in ``text`` whose long form is a capitalised name."""
    definitions = []
    for match in _BRACKETED.finditer(text):
        short = match.group(1).strip()
        if not _looks_like_short_form(short):
            continue
        window_start = max(0, match.start() - MAX_LONG_FORM_CHARS)
        before = text[window_start : match.start()].rstrip()
        words = before.split(" ")[-min(len(short) + 5, 2 * len(short)) :]
        long_form = _initials_long_form(short, words) or _widened(
            _schwartz_hearst(short, " ".join(words)), words
        )
        cut_off = window_start > 0 and len(long_form) >= len(before)
        if long_form and long_form[0].isupper() and len(long_form) > len(short) and not cut_off:
            end = window_start + len(before)
            if text[end - len(long_form) : end] == long_form:
                definitions.append(Definition(short, long_form, end - len(long_form), end))
    return definitions


def link_abbreviations(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` with each defined short form labelled like its long form (or, when
    the model missed the long form, like most of the short form's uses), the short
    form's unlabelled uses and a missed long form added, all named by the long form."""
    by_extent = {(s.start, s.end): s for s in spans}
    revisions: dict[tuple[int, int], tuple[str, str, str]] = {}
    additions: list[EntitySpan] = []
    for short_form, definitions in _by_short_form(find_definitions(text)).items():
        uses = [(start, start + len(short_form)) for start in whole_word_matches(text, short_form)]
        long_spans = [s for d in definitions if (s := _long_form_span(by_extent, text, d))]
        use_labels = Counter(by_extent[u].label for u in uses
                             if u in by_extent and by_extent[u].label in NAME_LABELS)
        if not long_spans and not use_labels:
            continue
        label = long_spans[0].label if long_spans else use_labels.most_common(1)[0][0]
        name = plain_name(definitions[0].long_form)
        reason = reasons.abbreviation(name)
        for extent in uses:
            revisions[extent] = (label, reason, name)
            if extent not in by_extent:
                additions.append(EntitySpan(*extent, label, reason, name))
        for long_span in long_spans:
            revisions[(long_span.start, long_span.end)] = (long_span.label, long_span.reason, name)
        if not long_spans:
            first = definitions[0]
            additions.append(EntitySpan(_with_article(text, first.long_start), first.long_end, label,
                                        reasons.long_form(short_form), name))
    if not revisions:
        return spans
    revised = [_revised(span, revisions.get((span.start, span.end))) for span in spans]
    occupied = Occupancy(len(text), revised)
    for span in additions:
        if occupied.free(span.start, span.end):
            revised.append(span)
            occupied.take(span.start, span.end)
    return sort_spans(revised)


def _revised(span: EntitySpan, revision: tuple[str, str, str] | None) -> EntitySpan:
    """``span`` given the label, reason and name of its abbreviation; the user's own
    label, and labels of numbers and dates, stay."""
    if revision is None or span.label not in NAME_LABELS:
        return span
    label, reason, name = revision
    if span.label == label or span.reason == reasons.FROM_CORRECTIONS:
        return span.named(name)
    return replace(span, label=label, reason=reason, canonical=name)


def _by_short_form(definitions: list[Definition]) -> dict[str, list[Definition]]:
    grouped: dict[str, list[Definition]] = {}
    for definition in definitions:
        grouped.setdefault(definition.short_form, []).append(definition)
    return grouped


def _long_form_span(
    by_extent: dict[tuple[int, int], EntitySpan], text: str, definition: Definition
) -> EntitySpan | None:
    """The name span that is the long form, with or without a leading "the"."""
    for start in (definition.long_start, _with_article(text, definition.long_start)):
        span = by_extent.get((start, definition.long_end))
        if span is not None and span.label in NAME_LABELS:
            return span
    return None


def _with_article(text: str, start: int) -> int:
    match = _LEADING_THE.search(text, max(0, start - 4), start)
    return match.start() if match else start


def _looks_like_short_form(short: str) -> bool:
    return (
        short[0].isalnum()
        and any(c.isupper() for c in short)
        and len(short.split()) <= 2
        and not short.isdigit()
    )


def _initials_long_form(short: str, words: list[str]) -> str:
    """The capitalised words whose initials spell ``short`` ("Organization of Turkic
    States" for OTS), lower-case words between them skipped; "" when none do."""
    letters = [c for c in short if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return ""
    index = len(words)
    for letter in reversed(letters):
        index -= 1
        while index >= 0 and words[index][:1].islower() and index < len(words) - 1:
            index -= 1
        if index < 0 or words[index][:1] != letter:
            return ""
    return " ".join(words[index:])


def _widened(long_form: str, words: list[str]) -> str:
    """``long_form`` (a tail of ``words``) extended left over the capitalised words
    right before it, a leading article left out."""
    if not long_form:
        return ""
    start = len(words) - len(long_form.split(" "))
    while start > 0 and _continues_name_leftwards(words[start - 1]):
        start -= 1
    return " ".join(words[start:])


def _continues_name_leftwards(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and word != "The"


def _schwartz_hearst(short: str, long: str) -> str:
    """Schwartz–Hearst: the shortest tail of ``long`` that contains the characters of
    ``short`` in order, the first of them starting a word; "" when there is none."""
    short_index, long_index = len(short) - 1, len(long) - 1
    while short_index >= 0:
        char = short[short_index].lower()
        if not char.isalnum():
            short_index -= 1
            continue
        while long_index >= 0 and (
            long[long_index].lower() != char
            or (short_index == 0 and long_index > 0 and long[long_index - 1].isalnum())
        ):
            long_index -= 1
        if long_index < 0:
            return ""
        long_index -= 1
        short_index -= 1
    return long[long.rfind(" ", 0, long_index + 1) + 1 :]
