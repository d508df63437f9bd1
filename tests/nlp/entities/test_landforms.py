"""Names of land and water read by their landform noun (desktop/nlp/entities/landforms.py)."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.landforms import division_names, facility_names, landform_names


def _one(span_at, sentence, name, label):
    [span] = landform_names([span_at(sentence, name, label)], sentence)
    return span


@pytest.mark.parametrize("sentence, name, label, noun", [
    ("Vineyards in the Ardent Valley sold out.", "the Ardent Valley", "ORG", "Valley"),
    ("Wells on the Korlan Plateau were capped.", "the Korlan Plateau", "GPE", "Plateau"),
    ("The Tessin Field holds 40 million barrels.", "The Tessin Field", "ORG", "Field"),
    ("Drought hit the northern Sorrel Plains.", "Sorrel Plains", "EVENT", "Plains"),
    ("Output rose after the Marlin field opened.", "Marlin", "PERSON", "field"),
    ("The Perch and Skate fields start next year.", "Perch", "GPE", "fields"),
    ("The Perch and Skate fields start next year.", "Skate", "NORP", "fields"),
])
def test_a_name_of_land_or_water_is_a_location(span_at, sentence, name, label, noun):
    span = _one(span_at, sentence, name, label)
    assert (span.label, span.reason) == ("LOC", f"context: a name of land or water ('{noun}')")


@pytest.mark.parametrize("sentence, name, label", [
    ("She lives in Fountain Valley, Calif., with her son.", "Fountain Valley", "GPE"),  # a town
    ("Cocoa from Ivory Coast fell.", "Ivory Coast", "GPE"),  # a country
    ("Said Leo Fields, a Dallas investor.", "Leo Fields", "PERSON"),  # a person's name
    ("Italian fields were flooded.", "Italian", "NORP"),  # a people's word
    ("Citizens in Peninsula voted.", "Peninsula", "GPE"),  # the landform alone
])
def test_towns_countries_people_and_bare_nouns_stay(span_at, sentence, name, label):
    assert _one(span_at, sentence, name, label).label == label


@pytest.mark.parametrize("sentence, name, label, noun", [
    ("The contract in Tesaki prefecture went to a rival.", "Tesaki", "ORG", "prefecture"),
    ("It bid for the Orumi prefectural library.", "Orumi", "NORP", "prefectural"),
    ("A branch in the Harrow district opened.", "Harrow", "PRODUCT", "district"),
    ("Farmers in Lunan province protested.", "Lunan", "PERSON", "province"),
])
def test_a_name_before_a_division_noun_is_a_place(span_at, sentence, name, label, noun):
    [span] = division_names([span_at(sentence, name, label)], sentence)
    assert (span.label, span.reason) == ("GPE", f"context: a place's name before '{noun}'")


def test_a_people_s_word_before_a_division_noun_stays(span_at):
    sentence = "The Italian province voted."
    [span] = division_names([span_at(sentence, "Italian", "NORP")], sentence)
    assert span.label == "NORP"


@pytest.mark.parametrize("sentence, name, label, noun", [
    ("Traffic stopped on the Harlan Street Bridge.", "the Harlan Street Bridge", "ORG", "Bridge"),
    ("Fans filled Kessel Stadium on Sunday.", "Kessel Stadium", "PERSON", "Stadium"),
    ("Cars raced to the Brayton Speedway.", "the Brayton Speedway", "ORG", "Speedway"),
])
def test_a_name_ending_with_a_structure_s_noun_is_a_facility(span_at, sentence, name, label, noun):
    [span] = facility_names([span_at(sentence, name, label)], sentence)
    assert (span.label, span.reason) == ("FAC", f"context: a facility's name ('{noun}')")


@pytest.mark.parametrize("sentence, name, label", [
    ("Bridge said the talks had failed.", "Bridge", "PERSON"),  # the noun alone
    ("The Harlan Street Bridge Authority met.", "The Harlan Street Bridge Authority", "ORG"),
    ("Trade with Panama Canal Zone grew.", "Panama Canal Zone", "GPE"),
])
def test_other_names_with_a_structure_s_noun_stay(span_at, sentence, name, label):
    [span] = facility_names([span_at(sentence, name, label)], sentence)
    assert span.label == label
