"""Organisations read by the words in and around a name (desktop/nlp/entities/organisations.py)."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.organisations import apply_organisation_cues


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


@pytest.mark.parametrize("sentence", [
    "The Courier was sold to a chain in March.",
    "Readers said the Courier's coverage of the trial was thin.",
    "Founded in 1921, the Courier folded last week.",
    "Last year the Courier closed, after a strike.",
])
def test_a_one_word_name_after_the_acting_on_its_own_is_no_person(span_at, sentence):
    span = _one(span_at, sentence, "Courier", "PERSON")
    assert (span.label, span.reason) == ("ORG", "context: a name after 'the' names no person (a paper, firm or club)")


@pytest.mark.parametrize("sentence, name", [
    ("The Bush administration said so.", "Bush"),  # a name qualifying a noun
    ("Aldana met the late Ruiz's family.", "Ruiz"),  # not right after "the"
    ("Bathe Ruiz said so.", "Ruiz"),
    ("The Marlow Lane said so.", "Marlow Lane"),  # two words: a person's full name
    ("The Uzbek said he would fight again.", "Uzbek"),  # a people's word
])
def test_other_people_after_the_stay_people(span_at, sentence, name):
    assert _one(span_at, sentence, name, "PERSON").label == "PERSON"


@pytest.mark.parametrize("sentence, name, role", [
    ("Dana Ruiz, president of Quarry Hill, declined to comment.", "Quarry Hill", "president of"),
    ("A spokesman for Marlow Foods said the plant would reopen.", "Marlow Foods", "spokesman for"),
    ("Said Aldo Breton, an analyst at Kemble Lane.", "Kemble Lane", "analyst at"),
])
def test_a_name_after_a_role_of_an_organisation_is_one(span_at, sentence, name, role):
    span = _one(span_at, sentence, name, "PERSON")
    assert (span.label, span.reason) == ("ORG", f"context: a name after '{role}' (an organisation)")


def test_a_person_after_a_role_with_a_title_stays_a_person(span_at):
    sentence = "A spokesman for Mr. Ruiz declined to comment."
    assert _one(span_at, sentence, "Ruiz", "PERSON").label == "PERSON"


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
