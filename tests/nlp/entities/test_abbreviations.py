"""Abbreviations defined in the text and used later are linked to their long forms."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.abbreviations import find_definitions, link_abbreviations

OTS = ("Ties within the Organization of Turkic States (OTS) grew. This year Kazakhstan "
       "chairs the OTS, and OTS members meet.")


@pytest.mark.parametrize(
    ("text", "long_form", "short_form"),
    [
        ("within the Organization of Turkic States (OTS).", "Organization of Turkic States", "OTS"),
        ("Members of the Organization of the Petroleum Exporting Countries (OPEC) met",
         "Organization of the Petroleum Exporting Countries", "OPEC"),
        ("The Bank of Japan (BOJ) has", "Bank of Japan", "BOJ"),
        ("data from the National Institute for Space Research (INPE).",
         "National Institute for Space Research", "INPE"),
        ("parts of the Clean Water Act (CWA) apply", "Clean Water Act", "CWA"),
        ("Eurasian Development Bank (EDB) loans", "Eurasian Development Bank", "EDB"),
    ],
)
def test_definitions_are_found(text, long_form, short_form):
    [definition] = find_definitions(text)
    assert (definition.long_form, definition.short_form) == (long_form, short_form)
    assert text[definition.long_start : definition.long_end] == long_form


@pytest.mark.parametrize("text", ["artificial intelligence (AI) is", "rose in 2022 (42%) and",
                                  "said Smith (R-Texas) today", "the plan (see below) works"])
def test_brackets_that_define_nothing_are_ignored(text):
    assert find_definitions(text) == []


def test_every_use_of_the_short_form_gets_the_long_forms_label_and_name(span_at, labelled):
    spans = [span_at(OTS, "the Organization of Turkic States", "ORG"),
             span_at(OTS, "OTS", "GPE", nth=0), span_at(OTS, "Kazakhstan", "GPE")]
    linked = link_abbreviations(spans, OTS)
    assert labelled(OTS, linked) == [("the Organization of Turkic States", "ORG"), ("OTS", "ORG"),
                                     ("Kazakhstan", "GPE"), ("OTS", "ORG"), ("OTS", "ORG")]
    uses = [s for s in linked if OTS[s.start : s.end] == "OTS"]
    assert {s.canonical for s in uses} == {"Organization of Turkic States"}
    assert {s.reason for s in uses} == {"abbreviation of 'Organization of Turkic States'"}
    assert linked[0].canonical == "Organization of Turkic States"


def test_a_missed_long_form_takes_the_label_of_its_short_forms(span_at, labelled):
    spans = [span_at(OTS, "OTS", "ORG", nth=1)]
    linked = link_abbreviations(spans, OTS)
    assert ("the Organization of Turkic States", "ORG") in labelled(OTS, linked)
    assert linked[0].reason == "document consistency: long form of 'OTS'"


def test_without_any_label_nothing_is_guessed():
    assert link_abbreviations([], OTS) == []


def test_the_users_label_is_not_overridden(span_at):
    spans = [span_at(OTS, "the Organization of Turkic States", "ORG"),
             span_at(OTS, "OTS", "EVENT", nth=1, reason="from your corrections")]
    linked = link_abbreviations(spans, OTS)
    assert [s.label for s in linked if s.reason == "from your corrections"] == ["EVENT"]
