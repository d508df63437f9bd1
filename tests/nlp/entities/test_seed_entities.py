"""The seed article: every entity error issue 7 names is fixed, and the raw model
output stays inspectable."""

from __future__ import annotations

import pytest

from desktop.nlp import analyze
from desktop.nlp.entities import canonical_entities


@pytest.fixture(scope="module")
def entities(seed_text):
    return analyze(seed_text).entities


def rows(entities, text):
    return entities[entities["text"] == text]


def test_demonyms_are_norp_linked_to_their_country(entities):
    demonyms = (("Kazakh", "Kazakhstan"), ("Azerbaijani", "Azerbaijan"), ("Kazakhs", "Kazakhstan"))
    for surface, country in demonyms:
        found = rows(entities, surface)
        assert len(found) >= 1
        assert set(found["label"]) == {"NORP"}, surface
        assert set(found["canonical"]) == {country}
        assert set(found["reason"]) == {f"gazetteer: demonym of {country}"}
        assert set(found["model_label"]) == {"PERSON"}
    assert not entities["text"].str.contains("Kazakh companies").any()


def test_the_surname_is_the_person_everywhere(entities):
    found = rows(entities, "Mussabekova")
    assert len(found) == 3
    assert set(found["label"]) == {"PERSON"}
    assert set(found["canonical"]) == {"Aliya Mussabekova"}
    assert {"ORG", "GPE"} <= set(found["model_label"])
    assert "document consistency: same as 'Aliya Mussabekova'" in set(found["reason"])


def test_the_all_caps_dateline_is_found(entities):
    baku = entities[entities["start"] == 0].iloc[0]
    assert (baku["text"], baku["label"], baku["canonical"]) == ("BAKU", "GPE", "Baku")
    assert (baku["reason"], baku["model_label"]) == ("all-caps re-read", "")


def test_the_abbreviation_is_linked_to_the_organisation(entities):
    found = rows(entities, "OTS")
    assert len(found) == 2
    assert set(found["label"]) == {"ORG"}
    assert set(found["canonical"]) == {"Organization of Turkic States"}
    assert rows(entities, "the Organization of Turkic States")["canonical"].tolist() == [
        "Organization of Turkic States"]


def test_one_name_one_label(entities):
    names = entities[entities["label"].isin({"PERSON", "NORP", "ORG", "GPE", "LOC"})]
    assert (names.groupby("text")["label"].nunique() == 1).all()


def test_the_country_groups_its_names_and_its_people(entities):
    table = canonical_entities(entities)
    kazakhstan = table[table["canonical"] == "Kazakhstan"]
    assert kazakhstan["label"].tolist() == ["GPE"]
    surfaces = set(entities.loc[entities["canonical"] == "Kazakhstan", "text"])
    assert {"Kazakhstan", "the Republic of Kazakhstan", "Kazakh", "Kazakhs"} <= surfaces
    assert kazakhstan["mentions"].item() == len(entities[entities["canonical"] == "Kazakhstan"])
    assert table[table["canonical"] == "Aliya Mussabekova"]["mentions"].item() == 4
