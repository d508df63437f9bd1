"""Gazetteer stage: countries and capitals are GPE, the words for their people NORP.

Works on one text (a chunk) and its entity spans. A model span that is exactly a
gazetteer name gets the gazetteer's label ("Kazakh" PERSON -> NORP); a span that
starts with a demonym followed by common nouns is cut to the demonym ("Kazakh
companies" -> "Kazakh"); "Kazakhstan-Azerbaijan" becomes two GPEs; and names the
model missed are added where they stand alone. Every gazetteer mention is linked to
its country through ``canonical``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from desktop.nlp.entities import reasons
from desktop.nlp.entities.gazetteer import Gazetteer, Place, load_gazetteer
from desktop.nlp.entities.words import (
    NAME_LABELS,
    WORD,
    Occupancy,
    continues_a_name,
    plain_name,
    sort_spans,
)
from desktop.nlp.results import EntitySpan

#: Words before a language name that make it the language, not the people:
#: "speak Kazakh", "taught in Welsh".
_LANGUAGE_CUES = frozenset(
    "in into speak speaks spoke spoken speaking learn learns learning learned"
    " taught teach teaches teaching fluent translated".split()
)
#: The model's label is kept for these (it tells a people from its language better).
_PEOPLE_OR_LANGUAGE = frozenset({"NORP", "LANGUAGE"})


def apply_gazetteer(
    spans: list[EntitySpan], text: str, gazetteer: Gazetteer | None = None
) -> list[EntitySpan]:
    """``spans`` of ``text`` with gazetteer labels applied and missed places added."""
    gazetteer = gazetteer or load_gazetteer()
    revised = [part for span in spans for part in _revise(span, text, gazetteer)]
    found = list(gazetteer.find(text))
    if not found:
        return sort_spans(revised)
    occupied = Occupancy(len(text), revised)
    for start, end, place in found:
        if occupied.free(start, end) and not continues_a_name(text, start, end):
            label = _label(place, text, start, end, gazetteer)
            revised.append(EntitySpan(start, end, label, _reason(place, label), place.name))
            occupied.take(start, end)
    return sort_spans(revised)


def _revise(span: EntitySpan, text: str, gazetteer: Gazetteer) -> list[EntitySpan]:
    if span.label not in NAME_LABELS:
        return [span]
    surface = text[span.start : span.end]
    place = gazetteer.lookup(span.canonical or plain_name(surface))
    if place is not None:
        return [_relabelled(span, place, text, gazetteer)]
    parts = _hyphen_parts(span, surface, gazetteer)
    if parts:
        return [_relabelled(part, place, text, gazetteer) for part, place in parts]
    head = _demonym_head(span, surface, gazetteer)
    if head is not None:
        return [_relabelled(head, gazetteer.lookup(text[head.start : head.end]), text, gazetteer)]
    return [span]


def _relabelled(span: EntitySpan, place: Place, text: str, gazetteer: Gazetteer) -> EntitySpan:
    label = _label(place, text, span.start, span.end, gazetteer)
    keep_model_label = span.label == label or (
        place.kind == "demonym" and span.label in _PEOPLE_OR_LANGUAGE
    )
    if keep_model_label:
        return span.named(place.name)
    return replace(span, label=label, reason=_reason(place, label), canonical=place.name)


def _label(place: Place, text: str, start: int, end: int, gazetteer: Gazetteer) -> str:
    surface = text[start:end]
    if place.kind == "demonym" and surface in gazetteer.language_names and _reads_as_language(
        text, start, end
    ):
        return "LANGUAGE"
    return place.label


def _reads_as_language(text: str, start: int, end: int) -> bool:
    """"in Welsh from September" is the language; "in Kazakh villages" the people."""
    before = [m.group() for m in WORD.finditer(text, max(0, start - 30), start)]
    if not before or before[-1].lower() not in _LANGUAGE_CUES:
        return False
    after = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return after is None or after.group().lower() in _stop_words()


def _hyphen_parts(
    span: EntitySpan, surface: str, gazetteer: Gazetteer
) -> list[tuple[EntitySpan, Place]]:
    """"Kazakhstan-Azerbaijan" as two places, when every part is one."""
    if "-" not in surface or " " in surface:
        return []
    parts, position = [], span.start
    for piece in surface.split("-"):
        place = gazetteer.lookup(piece)
        if place is None:
            return []
        parts.append((replace(span, start=position, end=position + len(piece)), place))
        position += len(piece) + 1
    return parts


def _demonym_head(span: EntitySpan, surface: str, gazetteer: Gazetteer) -> EntitySpan | None:
    """"Kazakh companies" -> "Kazakh": a demonym followed only by lower-case words."""
    words = surface.split(" ")
    for count in range(len(words) - 1, 0, -1):
        head = " ".join(words[:count])
        place = gazetteer.lookup(head)
        if place is not None and place.kind == "demonym":
            if all(w[:1].islower() for w in words[count:]):
                return replace(span, end=span.start + len(head))
            return None
    return None


def _reason(place: Place, label: str) -> str:
    return reasons.gazetteer("language" if label == "LANGUAGE" else place.kind, place.country)


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
