"""Span boundaries: stray punctuation the model left at a name's edge is cut off.

The model sometimes takes in an opening bracket or quote next to a name ("the Max
Planck Institute for Astronomy (", '"The Silent Harbour'). A span loses leading
opening marks, trailing opening marks, and a closing mark whose opening one it does
not hold; full stops stay ("U.S.", "Inc.").

The model also runs a name on over the numbers after it in tables and results
("J. Ratcliffe 63", "Durham 114", "SEOUL 1996-08-30"): a person's, place's, people's or
organisation's name loses the numbers it ends with (names of products, events, works
and laws keep theirs: "Boeing 767", "Apollo 13", "Title 9").

A full stop that ends a sentence belongs to the sentence, not to the name before it
("... a unit of Halverton Corp." -> "Halverton Corp"; "Salem, Ore." -> "Ore"), as the
standard news annotations read it (the Penn Treebank's tokens, which CoNLL-2003 and
OntoNotes follow, part it from the abbreviation). An initialism keeps its last full
stop ("the U.S.", "N.J."), and so does a lone initial ("John Q.").

A number, amount or date does not begin with a word of position or a possessive
("below 50%" -> "50%", "its 60 years" -> "60 years": the figure's reading keeps the
qualifier), nor end with a range's or list's joining word ("$10 to" -> "$10"). And
"one" that picks one of a group ("one of the few lenders") stands for a noun, not a
count: the model's CARDINAL there is dropped, as the figure engine reads no figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.nlp.results import EntitySpan

_OPENING = "([{\"“‘«"
_CLOSING = {")": "(", "]": "[", "}": "{", "\"": "\"", "”": "“", "’": "‘", "»": "«"}


def trim_punctuation(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` with stray brackets, quotes and spaces cut from both ends; a span
    with nothing left is dropped."""
    trimmed = []
    for span in spans:
        start, end = span.start, span.end
        changed = True
        while changed and start < end:
            changed = False
            if text[start] in _OPENING or text[start].isspace():
                start, changed = start + 1, True
            last = text[end - 1]
            if last in _OPENING or last.isspace() or (
                last in _CLOSING and _CLOSING[last] not in text[start : end - 1]
            ):
                end, changed = end - 1, True
        if start < end:
            trimmed.append(span if (start, end) == (span.start, span.end)
                           else replace(span, start=start, end=end))
    return trimmed


#: What follows a full stop that ends a sentence: the end of the line or text, or a
#: space and the capital (or opening mark) of the next sentence.
_SENTENCE_AFTER = re.compile(r"[ \t]*(?:\n|$)|\s+[\"'“‘(\[]*[A-Z]")
#: The last word of a span that keeps its full stop: an initialism ("U.S.", "p.m.")
#: or a lone initial ("Q.").
_OWN_FULL_STOP = re.compile(r"(?:\w+\.)+\w+\.|[A-Z]\.")


def trim_sentence_stop(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` without the full stop that ends their sentence ("Halverton Corp."
    at a sentence end -> "Halverton Corp"), unless an initialism or initial owns it."""
    trimmed = []
    for span in spans:
        end = span.end
        if end - span.start > 1 and text[end - 1] == "." and _SENTENCE_AFTER.match(text, end):
            last = text.rfind(" ", span.start, end) + 1 or span.start
            if not _OWN_FULL_STOP.fullmatch(text, max(last, span.start), end):
                span = replace(span, end=end - 1)
        trimmed.append(span)
    return trimmed


#: Labels of numbers, amounts, dates and times.
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})
_NUMERIC_LEAD = re.compile(r"(?:below|above|Below|Above|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Yy]our|[Mm]y)\s+")
_NUMERIC_TAIL = re.compile(r"\s+(?:to|and|or|from)$")


def trim_numeric_edges(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """Numeric ``spans`` without a leading word of position or possessive and a
    trailing joining word ("below 50%" -> "50%", "$10 to" -> "$10")."""
    trimmed = []
    for span in spans:
        if span.label in _NUMERIC_LABELS:
            start, end = span.start, span.end
            lead = _NUMERIC_LEAD.match(text, start, end)
            if lead is not None and lead.end() < end:
                start = lead.end()
            tail = _NUMERIC_TAIL.search(text, start, end)
            if tail is not None and tail.start() > start:
                end = tail.start()
            if (start, end) != (span.start, span.end):
                span = replace(span, start=start, end=end)
        trimmed.append(span)
    return trimmed


_ONE_OF = re.compile(r"(?:[Oo]ne|ONE)\s+of\b")


def drop_pronoun_one(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` without a CARDINAL "one" that picks one of a group ("one of them")."""
    return [s for s in spans
            if not (s.label == "CARDINAL" and s.end - s.start == 3 and _ONE_OF.match(text, s.start))]


#: Labels whose names never end with a number.
_NUMBERLESS_NAMES = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG"})
#: Numbers (scores, dates, overs) at the end of a span, after a word.
_TRAILING_NUMBERS = re.compile(r"(?:\s+[-+]?\d[\d.,:/-]*)+$")


def trim_trailing_numbers(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` with the numbers that end a person's, place's, people's or
    organisation's name cut off ("Durham 114" -> "Durham")."""
    trimmed = []
    for span in spans:
        if span.label in _NUMBERLESS_NAMES and text[span.end - 1].isdigit():
            found = _TRAILING_NUMBERS.search(text, span.start, span.end)
            if found is not None and found.start() > span.start and text[found.start() - 1] not in "0123456789":
                span = replace(span, end=found.start())
        trimmed.append(span)
    return trimmed


#: A dash with spaces around it: it parts a headline's topic from its words ("CRICKET -
#: LEICESTERSHIRE") or a country from its player ("Lithuania - Danius Gleveckas"); it
#: is never inside a name.
_SPACED_DASH = re.compile(r"\s+(?:-{1,2}|[–—])\s+")


def split_at_dashes(spans: list[EntitySpan], text: str, is_place) -> list[EntitySpan]:
    """Name spans parted at a spaced dash: the last part keeps the span's label, an
    earlier part stays only when ``is_place`` knows it (the gazetteer labels it next)."""
    parted = []
    for span in spans:
        surface = text[span.start : span.end]
        if span.label not in _NUMBERLESS_NAMES or not _SPACED_DASH.search(surface):
            parted.append(span)
            continue
        start = span.start
        pieces = []
        for dash in _SPACED_DASH.finditer(surface):
            pieces.append((start, span.start + dash.start()))
            start = span.start + dash.end()
        for first, last in pieces:
            if is_place(text[first:last]):
                parted.append(replace(span, start=first, end=last))
        if any(c.isalpha() for c in text[start : span.end]):
            parted.append(replace(span, start=start))
    return parted
