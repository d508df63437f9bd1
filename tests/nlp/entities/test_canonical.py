"""Canonical names, and the mentions grouped into entities."""

from __future__ import annotations

import pandas as pd

from desktop.nlp.analysis import entity_frame
from desktop.nlp.entities.canonical import CANONICAL_COLUMNS, assign_canonical, canonical_entities


def test_names_without_articles_and_possessives_and_gazetteer_names(span_at):
    text = "the Republic of Kazakhstan and Kazakhstan's the Caspian Sea, $5"
    spans = [span_at(text, "the Republic of Kazakhstan", "GPE"), span_at(text, "Kazakhstan's", "GPE"),
             span_at(text, "the Caspian Sea", "LOC"), span_at(text, "$5", "MONEY"),
             span_at(text, "Kazakhstan", "ORG", canonical="Set earlier")]
    assert [s.canonical for s in assign_canonical(spans, text)] == [
        "Kazakhstan", "Kazakhstan", "Caspian Sea", "$5", "Set earlier"]


def test_mentions_are_grouped_by_canonical_name_and_a_people_counts_for_its_country(span_at):
    text = "Kazakhstan and Kazakh firms met Aliya Mussabekova; Mussabekova and Kazakhstan in 2022."
    spans = [span_at(text, "Kazakhstan", "GPE", canonical="Kazakhstan"),
             span_at(text, "Kazakh", "NORP", canonical="Kazakhstan"),
             span_at(text, "Aliya Mussabekova", "PERSON", canonical="Aliya Mussabekova"),
             span_at(text, "Mussabekova", "PERSON", nth=1, canonical="Aliya Mussabekova"),
             span_at(text, "Kazakhstan", "GPE", nth=1, canonical="Kazakhstan"),
             span_at(text, "2022", "DATE", canonical="2022")]
    table = canonical_entities(entity_frame(text, spans))
    assert list(table.columns) == CANONICAL_COLUMNS
    assert table.values.tolist() == [["Kazakhstan", "GPE", 3, 0], ["Aliya Mussabekova", "PERSON", 2, 32]]


def test_an_empty_table_gives_an_empty_table():
    table = canonical_entities(entity_frame("", []))
    assert list(table.columns) == CANONICAL_COLUMNS and table.empty
    assert isinstance(table, pd.DataFrame)
