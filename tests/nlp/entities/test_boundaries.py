"""Stray punctuation at a span's edge is cut off; full stops of abbreviations stay."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.boundaries import trim_punctuation
from desktop.nlp.results import EntitySpan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Max Planck Institute for Astronomy (", "the Max Planck Institute for Astronomy"),
        ('"The Silent Harbour', "The Silent Harbour"),
        ("Real Madrid)", "Real Madrid"),
        ("Organization of Turkic States (OTS)", "Organization of Turkic States (OTS)"),
        ("U.S.", "U.S."),
        ("Acme Inc.", "Acme Inc."),
    ],
)
def test_stray_marks_are_cut(text, expected):
    [span] = trim_punctuation([EntitySpan(0, len(text), "ORG", model_label="ORG")], text)
    assert text[span.start : span.end] == expected
    assert (span.label, span.model_label) == ("ORG", "ORG")


def test_a_span_of_nothing_but_marks_is_dropped():
    assert trim_punctuation([EntitySpan(0, 2, "ORG")], '("') == []


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("R. Tamsin 57", "PERSON", "R. Tamsin"),
        ("Halverton 212-6", "ORG", "Halverton"),
        ("OSLO 2023-05-17", "GPE", "OSLO"),
        ("Boeing 767", "PRODUCT", "Boeing 767"),
        ("Apollo 13", "EVENT", "Apollo 13"),
        ("1996", "GPE", "1996"),
    ],
)
def test_numbers_that_end_a_name_are_cut_unless_the_name_owns_them(text, label, expected):
    from desktop.nlp.entities.boundaries import trim_trailing_numbers

    [span] = trim_trailing_numbers([EntitySpan(0, len(text), label)], text)
    assert text[span.start : span.end] == expected


def test_a_spaced_dash_parts_a_name_and_only_known_places_keep_an_earlier_part():
    from desktop.nlp.entities.boundaries import split_at_dashes

    def parts(text, label="ORG"):
        spans = split_at_dashes([EntitySpan(0, len(text), label)], text, lambda s: s in {"Norway", "NORWAY"})
        return [(text[s.start : s.end], s.label) for s in spans]

    assert parts("ROWING - NORWAY") == [("NORWAY", "ORG")]
    assert parts("Norway - Ingrid Salvesen") == [("Norway", "ORG"), ("Ingrid Salvesen", "ORG")]
    assert parts("3 - Ingrid Salvesen", "PERSON") == [("Ingrid Salvesen", "PERSON")]
    assert parts("Smith-Jones", "PERSON") == [("Smith-Jones", "PERSON")]
    assert parts("Pride - and Prejudice", "WORK_OF_ART") == [("Pride - and Prejudice", "WORK_OF_ART")]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Parts come from Halverton Corp.", "Halverton Corp.", "Halverton Corp"),
        ("Parts come from Halverton Corp.\nNext line.", "Halverton Corp.", "Halverton Corp"),
        ("Parts come from Halverton Corp. The rest is local.", "Halverton Corp.", "Halverton Corp"),
        ('She moved to Salem, Ore. "It rains," she says.', "Ore.", "Ore"),
        ("Halverton Corp. said it would close.", "Halverton Corp.", "Halverton Corp."),
        ("Parts come from the U.S.", "U.S.", "U.S."),
        ("He signed it John Q.", "John Q.", "John Q."),
    ],
)
def test_the_full_stop_that_ends_a_sentence_is_the_sentences(text, surface, expected):
    from desktop.nlp.entities.boundaries import trim_sentence_stop

    start = text.index(surface)
    [span] = trim_sentence_stop([EntitySpan(start, start + len(surface), "ORG", reason="model")], text)
    assert text[span.start : span.end] == expected
    assert span.reason == "model"


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        ("Output slipped below 50% in May.", "below 50%", "PERCENT", "50%"),
        ("Yields stayed above 3% all year.", "above 3%", "PERCENT", "3%"),
        ("After her 60 years at the mill she left.", "her 60 years", "DATE", "60 years"),
        ("Tickets cost $10 to $15 each.", "$10 to", "MONEY", "$10"),
        ("Output fell by more than 50% in May.", "more than 50%", "PERCENT", "more than 50%"),
        ("They met below Hill Farm.", "below Hill Farm", "LOC", "below Hill Farm"),
    ],
)
def test_a_number_loses_a_leading_position_word_or_possessive_and_a_trailing_joiner(
        text, surface, label, expected):
    from desktop.nlp.entities.boundaries import trim_numeric_edges

    start = text.index(surface)
    [span] = trim_numeric_edges([EntitySpan(start, start + len(surface), label)], text)
    assert text[span.start : span.end] == expected


def test_one_that_picks_one_of_a_group_is_no_count():
    from desktop.nlp.entities.boundaries import drop_pronoun_one

    text = "Kestrel is one of the few lenders left, with one branch and One of its vans."
    spans = [EntitySpan(text.index(w), text.index(w) + 3, "CARDINAL") for w in ("one of", "one branch", "One of")]
    assert [text[s.start : s.end + 7] for s in drop_pronoun_one(spans, text)] == ["one branch"]
