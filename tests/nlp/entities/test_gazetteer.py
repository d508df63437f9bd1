"""The gazetteer built from countryinfo and babel: countries, capitals, demonyms."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(
    ("surface", "label", "kind", "name"),
    [
        ("Kazakhstan", "GPE", "country", "Kazakhstan"),
        ("Republic of Kazakhstan", "GPE", "country", "Kazakhstan"),
        ("Azerbaijan", "GPE", "country", "Azerbaijan"),
        ("Baku", "GPE", "capital", "Baku"),
        ("Kazakhstani", "NORP", "demonym", "Kazakhstan"),
        ("Azerbaijani", "NORP", "demonym", "Azerbaijan"),
        ("Azerbaijanis", "NORP", "demonym", "Azerbaijan"),
        ("Germans", "NORP", "demonym", "Germany"),
        ("Burma", "GPE", "country", "Myanmar"),
    ],
)
def test_names_from_the_packages(gazetteer, surface, label, kind, name):
    place = gazetteer.lookup(surface)
    assert (place.label, place.kind, place.name) == (label, kind, name)


@pytest.mark.parametrize(("language", "country"), [("Kazakh", "Kazakhstan"), ("Uzbek", "Uzbekistan"),
                                                   ("Tajik", "Tajikistan")])
def test_a_language_named_after_its_country_is_a_demonym(gazetteer, language, country):
    for surface in (language, language + "s"):
        place = gazetteer.lookup(surface)
        assert (place.label, place.country) == ("NORP", country)
    assert language in gazetteer.language_names


def test_demonyms_that_take_no_plural_get_none(gazetteer):
    for surface in ("Swiss", "French", "Chinese"):
        assert gazetteer.lookup(surface).label == "NORP"
    for wrong in ("Swisss", "Frenchs", "Chineses"):
        assert gazetteer.lookup(wrong) is None


def test_native_spellings_common_words_and_small_capitals_are_left_out(gazetteer):
    # "Island" is an alternative spelling of Iceland; Stanley (Falklands) and
    # Douglas (Isle of Man) are capitals of places too small to outweigh the names.
    for surface in ("Island", "Mann", "Stanley", "Douglas", "Antarctica"):
        assert gazetteer.lookup(surface) is None


def test_retired_countries_are_left_out(gazetteer):
    assert gazetteer.lookup("Serbian").country == "Serbia"
    assert "Serbia and Montenegro" not in gazetteer.countries


def test_find_takes_the_longest_whole_word_match(gazetteer):
    text = "From Papua New Guinea to Guinea-Bissau, not Guineas or Nigeria's Niger Delta."
    found = [(text[s:e], p.name) for s, e, p in gazetteer.find(text)]
    assert found == [("Papua New Guinea", "Papua New Guinea"), ("Guinea-Bissau", "Guinea-Bissau"),
                     ("Nigeria", "Nigeria"), ("Niger", "Niger")]
