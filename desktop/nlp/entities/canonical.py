"""Canonical names: mentions grouped into the entities they name.

Earlier stages name what they recognise (the gazetteer's country, an abbreviation's
long form, a surname's full name); every other name is named by its own words
(in title case when the all-caps re-read found it) without an article or possessive
("the Republic of Kazakhstan" -> the gazetteer's "Kazakhstan", "Kazakhstan's" ->
"Kazakhstan").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.nlp.entities import reasons
from desktop.nlp.entities.gazetteer import load_gazetteer
from desktop.nlp.entities.words import NAME_LABELS, plain_name
from desktop.nlp.results import EntitySpan

if TYPE_CHECKING:
    import pandas as pd

CANONICAL_COLUMNS = ["canonical", "label", "mentions", "first_start"]


def assign_canonical(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` with every ``canonical`` filled in."""
    gazetteer = load_gazetteer()
    named = []
    for span in spans:
        if not span.canonical:
            name = plain_name(text[span.start : span.end])
            if span.reason == reasons.CAPS_REREAD and name.isupper():
                name = name.title()  # "BAKU" in a dateline names Baku
            place = gazetteer.lookup(name) if span.label in ("GPE", "NORP") else None
            span = span.named(place.name if place else name)
        named.append(span)
    return named


def canonical_entities(entities: pd.DataFrame) -> pd.DataFrame:
    """The named entities of an entity table: one row per canonical name and label,
    with how many mentions it has and where the first one starts, in text order.

    A people's mention linked to its country ("Kazakh" -> Kazakhstan) counts
    towards the country. Numbers, dates and other non-name labels are left out.
    """
    names = entities[entities["label"].isin(NAME_LABELS) & (entities["canonical"] != "")]
    countries = load_gazetteer().countries
    group_label = names["label"].where(
        ~((names["label"] == "NORP") & names["canonical"].isin(countries)), "GPE"
    )
    grouped = (
        names.assign(label=group_label)
        .groupby(["canonical", "label"], sort=False)["start"]
        .agg(mentions="size", first_start="min")
        .reset_index()
        .sort_values("first_start", kind="stable")
        .reset_index(drop=True)
    )
    return grouped.astype({"mentions": "int64", "first_start": "int64"})[CANONICAL_COLUMNS]
