"""Stray punctuation at a span's edge is cut off; full stops of abbreviations stay."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.boundaries import trim_punctuation
from desktop.nlp.entity_merge import EntitySpan


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
