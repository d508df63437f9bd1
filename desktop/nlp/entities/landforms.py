"""Names of land, water and built places read by their head noun: classes the model mislabels.

Works on one text (a chunk) and its entity spans, after :mod:`.context`.

A name whose last word is a landform ("the Ardent Valley", "the Korlan Plateau", "the
Tessin Field", "the Sun Belt") or that stands right before "field" or "fields" ("the
Marlin field", "the Perch and Skate fields": oil and gas fields) names a stretch of
land or water: LOC, where the model read an organisation, a facility, an event, a
person or a people. A place the model read is left alone when it is a town (a comma
and a state or country follow it: "Fountain Valley, Calif.") or one the gazetteer
knows ("Ivory Coast"), and so is a people's word (:func:`.context.is_people_word`).

A name whose last word is a built structure's noun ("the Harlan Street Bridge", "Kessel
Stadium", "the Brayton Speedway") is a facility: FAC, where the model read an
organisation, a person, a product or a work.

A name right before the noun of a territory's division ("Tesaki prefecture", "the
Harrow district", "Lunan province") is that division: GPE, where the model read an
organisation, a person, a product, a facility or (not a people's word) a people.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.nlp.entities import reasons
from desktop.nlp.entities.context import is_people_word
from desktop.nlp.entities.gazetteer import load_gazetteer
from desktop.nlp.entities.words import word_after
from desktop.nlp.results import EntitySpan

#: Landform nouns that end a name of land or water ("Region" is left out: an
#: autonomous region is a GPE).
LANDFORMS = frozenset(
    "Valley Valleys Plateau Basin Plains Belt Desert Mountains Peninsula Delta Field Fields"
    " Highlands Lowlands Steppe Canyon Coast Shelf Rim Seaboard".split()
)
#: Labels the model gives a name of land by mistake.
_NOT_LAND = frozenset({"ORG", "FAC", "EVENT", "GPE", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART"})
_FIELD_AFTER = re.compile(r"(?: and [A-Z][\w-]*)? (?:oil |gas )?fields?\b")
_TOWN_AFTER = re.compile(r", [A-Z]")


#: Nouns of built structures that end a facility's name.
STRUCTURES = frozenset(
    "Bridge Tunnel Airport Stadium Coliseum Speedway Highway Expressway Freeway Turnpike"
    " Canal Dam Arena".split()
)
_NOT_A_STRUCTURE = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})


def facility_names(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` of ``text`` with names of built structures labelled FAC."""
    return [facility_name(span, text) for span in spans]


def facility_name(span: EntitySpan, text: str) -> EntitySpan:
    """``span`` labelled FAC when it names a built structure."""
    if span.label in _NOT_A_STRUCTURE and (noun := _last_word(text, span)) in STRUCTURES:
        return replace(span, label="FAC", reason=reasons.structure(noun))
    return span


def _last_word(text: str, span: EntitySpan) -> str:
    """The last word of a span of two words or more, or ""."""
    space = text.rfind(" ", span.start, span.end)
    return text[space + 1 : span.end] if space > span.start else ""


#: Nouns of a territory's divisions, written after the division's name.
DIVISIONS = frozenset(
    "prefecture prefectural province provincial county municipality township district".split()
)
_NOT_A_DIVISION = frozenset({"ORG", "PERSON", "PRODUCT", "FAC", "NORP"})


def division_names(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` of ``text`` with names of a territory's divisions labelled GPE."""
    return [division_name(span, text) for span in spans]


def division_name(span: EntitySpan, text: str) -> EntitySpan:
    """``span`` labelled GPE when it names a territory's division."""
    if span.label in _NOT_A_DIVISION and text[span.end + 1 : span.end + 2].islower() and (
            noun := word_after(text, span.end)) in DIVISIONS and not (
            span.label == "NORP" and is_people_word(text[span.start : span.end])):
        return replace(span, label="GPE", reason=reasons.division(noun))
    return span


def landform_names(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` of ``text`` with names of land and water labelled LOC."""
    return [landform_name(span, text) for span in spans]


def landform_name(span: EntitySpan, text: str) -> EntitySpan:
    """``span`` labelled LOC when it names land or water."""
    if span.label in _NOT_LAND and (noun := _landform(span, text)) and not _left_alone(span, text):
        return replace(span, label="LOC", reason=reasons.landform(noun))
    return span


def _landform(span: EntitySpan, text: str) -> str:
    """The landform noun that makes the span a name of land, or ""."""
    if span.label != "PERSON" and (last := _last_word(text, span)) in LANDFORMS:
        return last
    if "field" not in text[span.end : span.end + 30] or " " in text[span.start : span.end]:
        return ""
    field = _FIELD_AFTER.match(text, span.end)
    return field.group().split()[-1] if field is not None and text[span.start].isupper() else ""


def _left_alone(span: EntitySpan, text: str) -> bool:
    name = text[span.start : span.end]
    if span.label == "GPE" and (_TOWN_AFTER.match(text, span.end) or load_gazetteer().lookup(name) is not None):
        return True
    return span.label == "NORP" and is_people_word(name)
