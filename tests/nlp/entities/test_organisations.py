"""Organisations read by the words in and around a name (desktop/nlp/entities/organisations.py)."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.organisations import apply_organisation_cues, people_with_roles


def _one(span_at, sentence, surface, label):
    [span] = apply_organisation_cues([span_at(sentence, surface, label)], sentence)
    return span


@pytest.mark.parametrize("sentence, name, label, form", [
    ("Figures compiled by Marlow T. Bekker & Co. show the rise.", "Marlow T. Bekker & Co.", "PERSON", "Co."),
    ("A director of Norvik Loom Textiles Ltd said so.", "Norvik Loom Textiles Ltd", "PERSON", "Ltd"),
    ("The sale of Quarry-Hollins Inc. closed in May.", "Quarry-Hollins Inc.", "GPE", "Inc."),
])
def test_a_name_ending_with_a_legal_form_is_an_organisation(span_at, sentence, name, label, form):
    span = _one(span_at, sentence, name, label)
    assert (span.label, span.reason) == ("ORG", f"context: the name ends with the legal form '{form}'")


@pytest.mark.parametrize("sentence, name", [
    ("Trade with the USA grew.", "USA"),  # a legal form's letters inside a word
    ("The Soviet Union sold grain.", "Soviet Union"),
])
def test_a_place_without_a_legal_form_stays(span_at, sentence, name):
    assert _one(span_at, sentence, name, "GPE").label == "GPE"


@pytest.mark.parametrize("sentence, name, part", [
    ("The Halverton Bank chairman resigned.", "The Halverton Bank", "chairman"),
    ("It bought the Norvik Optics unit of Quarry Corp.", "the Norvik Optics", "unit"),
    ("She joined the Marlow Institute board in May.", "the Marlow Institute", "board"),
])
def test_the_before_a_name_qualifying_a_part_belongs_to_the_part(span_at, sentence, name, part):
    span = _one(span_at, sentence, name, "ORG")
    assert sentence[span.start : span.end] == name[4:]
    assert span.label == "ORG"


@pytest.mark.parametrize("sentence, name", [
    ("The Halverton Bank said profits rose.", "The Halverton Bank"),
    ("Shares of the Marlow Institute and others fell.", "the Marlow Institute"),
])
def test_the_before_a_name_acting_on_its_own_stays(span_at, sentence, name):
    span = _one(span_at, sentence, name, "ORG")
    assert sentence[span.start : span.end] == name



@pytest.mark.parametrize("sentence, name, role", [
    ("The column was written by Dana Ruiz, a senior writer.", "Dana Ruiz", "a senior writer"),
    ("Guests heard Lin Bao, member of the standing committee.", "Lin Bao", "member of"),
    ("Present were Tavares, secretary general of the union.", "Tavares", "secretary general of"),
])
def test_a_name_with_a_person_s_role_in_apposition_is_a_person(span_at, sentence, name, role):
    [span] = people_with_roles([span_at(sentence, name, "ORG")], sentence)
    assert (span.label, span.reason) == ("PERSON", f"context: a person's name before ', {role}'")


@pytest.mark.parametrize("sentence, name", [
    ("He was chief economist of the Halverton Exchange, a professor says.", "Halverton Exchange"),
    ("Ties with the Marlow Bank, president of which he was.", "Marlow Bank"),
    ("Profits at Norvik AG, a maker of pumps, rose.", "Norvik AG"),  # a company's role, not a person's
    ("IBM, president of the group said.", "IBM"),  # not a person's name's shape
])
def test_organisations_before_a_comma_stay(span_at, sentence, name):
    [span] = people_with_roles([span_at(sentence, name, "ORG")], sentence)
    assert span.label == "ORG"
